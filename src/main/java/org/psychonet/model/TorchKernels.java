package org.psychonet.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * libtorch operations DJL does not expose, as methods of a small TorchScript module shipped in the jar
 * ({@code kernels.pt}, built by {@code scripts/make_kernels.py}; it holds no weights): the Jacobian-vector product
 * by double backward through {@code torch.autograd.grad}, and max pooling with the indices of its arg-max.
 */
public final class TorchKernels {
    private static Model model; // held, so that the module is not released while the process runs
    private static PtSymbolBlock block;

    private TorchKernels() {
    }

    private static synchronized PtSymbolBlock block() {
        if (block == null) {
            model = Model.newInstance("psychonet-kernels", "PyTorch");
            try (InputStream in = TorchKernels.class.getResourceAsStream("kernels.pt")) {
                if (in == null) {
                    throw new IllegalStateException("kernels.pt is missing from the jar");
                }
                model.load(in, Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MalformedModelException e) {
                throw new IllegalStateException(e);
            }
            block = (PtSymbolBlock) model.getBlock(); // kept for the life of the process
        }
        return block;
    }

    /**
     * J·v for y(x): x must require grad and y must have been computed from it with grad enabled. The result is
     * attached to x's manager; no .grad field is written, so nothing ties x to its graph afterwards.
     */
    public static NDArray jvp(NDArray y, NDArray x, NDArray v) {
        NDManager m = x.getManager();
        NDArray method = m.zeros(new Shape(1));
        method.setName("module_method:jvp");
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            NDList out = IValueUtils.forward(block(), new NDList(method, y, x, v), true);
            NDArray r = out.singletonOrThrow();
            r.attach(m);
            return r;
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /** ReLU on a stacked pair z = [x; dx]: [relu(x); dx·(x > 0)]. */
    public static NDArray reluPair(NDArray z) {
        PtNDManager m = (PtNDManager) z.getManager();
        IValue arg = IValue.from((PtNDArray) z);
        try (IValue r = IValueUtils.runMethod(block(), "relu_pair", arg)) {
            return r.toTensor(m);
        } finally {
            arg.close();
        }
    }

    /** Max pooling on a stacked pair z = [x; dx]: [y; dy] with dy taken at the arg-max of each window of x. */
    public static NDArray maxPoolPair(NDArray z, int kernel, int stride, int padding) {
        PtNDManager m = (PtNDManager) z.getManager();
        IValue[] args = {IValue.from((PtNDArray) z), IValue.from((long) kernel), IValue.from((long) stride),
            IValue.from((long) padding)};
        try (IValue r = IValueUtils.runMethod(block(), "max_pool_pair", args)) {
            return r.toTensor(m);
        } finally {
            for (IValue a : args) {
                a.close();
            }
        }
    }

    /** Max pooling (square window, floor mode) and its exact tangent, dx at each window's arg-max: [y, dy]. */
    public static NDList maxPoolTangent(NDArray x, NDArray dx, int kernel, int stride, int padding) {
        PtNDManager m = (PtNDManager) x.getManager();
        IValue[] args = {IValue.from((PtNDArray) x), IValue.from((PtNDArray) dx), IValue.from((long) kernel),
            IValue.from((long) stride), IValue.from((long) padding)};
        try (IValue r = IValueUtils.runMethod(block(), "max_pool_tangent", args)) {
            IValue[] pair = r.toIValueTuple();
            NDList out = new NDList(pair[0].toTensor(m), pair[1].toTensor(m));
            pair[0].close();
            pair[1].close();
            return out;
        } finally {
            for (IValue a : args) {
                a.close();
            }
        }
    }
}
