package org.psychonet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.util.InputFiles;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.Npy;

/**
 * A linear map y = W·vec(x) with one tap, "output". Its sensitivity is exact in closed form:
 * ∂y/∂θ = W·∂x/∂θ (Methods, "Sensitivity analysis of linear networks"). With W = I this is the
 * identity model, whose sensitivity is that of the pixels themselves.
 */
public final class LinearNetwork implements Network {
    private final String name;
    private final NDManager manager;
    private final NDArray weightT; // (in, out), so that y = x·Wᵀ for row-major batches
    private final Shape inputShape;
    private final DataType dataType;
    private final Map<String, Object> description = new LinkedHashMap<>();

    private LinearNetwork(String name, NDArray weightT, Shape inputShape, NDManager manager,
                          Map<String, Object> description) {
        this.name = name;
        this.weightT = weightT;
        this.inputShape = inputShape;
        this.manager = manager;
        this.dataType = weightT == null ? null : weightT.getDataType();
        this.description.put("name", name);
        this.description.putAll(description);
    }

    /** The identity model for inputs of the given shape: y = vec(x). */
    public static LinearNetwork identity(Shape inputShape) {
        return new LinearNetwork("identity", null, inputShape, null, Map.of());
    }

    /**
     * y = W·vec(x) for a row-major (out, in) matrix. Rejects an empty matrix, and NaN or Inf in W as it will be
     * used: in {@code type}'s precision, so a finite float64 weight that overflows float32 is refused too.
     */
    public static LinearNetwork of(double[] w, int out, int in, Shape inputShape, DataType type, String name) {
        if (out < 1) {
            throw new InvalidInputException(name + " has 0 rows: a network without outputs has no sensitivity; "
                    + "give a matrix of shape (out, " + inputShape.size() + ") with out ≥ 1");
        }
        if (w.length != (long) out * in) {
            throw new IllegalArgumentException(w.length + " weights for a " + out + "×" + in + " matrix");
        }
        boolean single = type == DataType.FLOAT32;
        for (int i = 0; i < w.length; i++) {
            double v = w[i];
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("weights of " + name + " contain NaN or Inf (" + v + " at row "
                        + (i / in) + ", column " + (i % in) + "); replace them with finite values before measuring sensitivity");
            }
            if (single && !Float.isFinite((float) v)) {
                throw new InvalidInputException("weights of " + name + " contain " + v + " at row " + (i / in)
                        + ", column " + (i % in) + ", beyond float32's range (±" + Float.MAX_VALUE + "): it would "
                        + "become Infinity; rescale the weights or measure at float64 precision");
            }
        }
        if (inputShape.size() != in) {
            throw new InvalidInputException(name + " has " + in + " input columns but the stimulus has "
                    + inputShape.size() + " values " + inputShape + "; give a matrix of shape (out, "
                    + inputShape.size() + ")");
        }
        NDManager m = NDManager.newBaseManager();
        NDArray wt = m.create(w, new Shape(out, in)).transpose().toType(type, false);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("shape", List.of(out, in));
        return new LinearNetwork(name, wt, inputShape, m, d);
    }

    /**
     * Reads W from a .npy file of shape (out, in) whose in matches the stimulus size. A path that is not a
     * readable regular file (a folder, a FIFO, /dev/zero) is refused as what it is, without being read.
     */
    public static LinearNetwork fromNpy(Path file, Shape inputShape, DataType type) {
        InputFiles.requireRegularFile(file, "weight file", "give linear:PATH.npy with a float32/float64 matrix "
                + "of shape (out, " + inputShape.size() + ")");
        Npy.Array a = Npy.read(file);
        if (a.shape().length != 2) {
            throw new InvalidInputException(InputFiles.show(file) + " holds an array of " + a.shape().length
                    + " dimensions; give a 2-D weight matrix of shape (out, in)");
        }
        LinearNetwork n = of(a.data(), a.rows(), a.cols(), inputShape, type,
                "linear:" + InputFiles.show(file.getFileName()));
        n.description.put("file", file.toAbsolutePath().toString());
        return n;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> layers() {
        return List.of("output");
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    private NDArray apply(NDArray x) {
        NDArray flat = x.reshape(x.getShape().get(0), -1);
        return weightT == null ? flat : flat.matMul(weightT);
    }

    @Override
    public NDList forward(NDArray x) {
        return new NDList(apply(x));
    }

    @Override
    public boolean supportsTangent() {
        return true;
    }

    @Override
    public NDList tangent(NDArray x, NDArray dx) {
        return new NDList(apply(dx));
    }

    @Override
    public boolean affine() {
        return true;
    }

    @Override
    public Map<String, Object> describe() {
        return description;
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.close();
        }
    }
}
