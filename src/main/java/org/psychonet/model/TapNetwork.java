package org.psychonet.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.util.InvalidInputException;

/**
 * A psychonet-built network: a {@link StagedBlock} held by a DJL {@link Model} (which owns the
 * parameters, and saves and loads them). Taps are the stage outputs, and tangents are exact.
 */
public class TapNetwork implements Network {
    private final String name;
    private final Model model;
    private final StagedBlock block;
    private final Shape inputShape;
    private final DataType dataType;
    private final ParameterStore ps;
    private final Map<String, Object> description;

    /**
     * Builds and initializes the network; parameters are drawn from DJL's initializers with the
     * engine seeded by {@code seed}, so the same seed gives the same weights.
     */
    public TapNetwork(String name, StagedBlock block, Shape inputShape, DataType dataType, long seed,
                      Map<String, Object> description) {
        this.name = name;
        this.block = block;
        this.inputShape = inputShape;
        this.dataType = dataType;
        this.model = Model.newInstance(name);
        model.setBlock(block);
        model.setDataType(dataType);
        Engine.getInstance().setRandomSeed((int) seed);
        block.initialize(model.getNDManager(), dataType, batched(inputShape));
        this.ps = new ParameterStore(model.getNDManager(), false);
        this.description = new LinkedHashMap<>(description);
        this.description.put("name", name);
        this.description.put("layers", block.names());
        this.description.put("input_shape", inputShape.toString());
        this.description.put("seed", seed);
    }

    private static Shape batched(Shape s) {
        return new Shape(1).addAll(s);
    }

    public Model model() {
        return model;
    }

    public StagedBlock block() {
        return block;
    }

    public ParameterStore parameterStore() {
        return ps;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> layers() {
        return block.names();
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public NDList forward(NDArray x) {
        return block.forward(ps, new NDList(x), false);
    }

    @Override
    public boolean supportsTangent() {
        return true;
    }

    @Override
    public NDList tangent(NDArray x, NDArray dx) {
        return block.forwardTangent(ps, x, dx);
    }

    @Override
    public double[][] tangentSquaredNorms(NDArray x, NDArray dx, int[] taps) {
        return select(block.tangentSquaredNorms(ps, x, dx, deepest(taps) + 1), taps);
    }

    private static int deepest(int[] taps) {
        int d = -1;
        for (int t : taps) {
            d = Math.max(d, t);
        }
        return d;
    }

    private static double[][] select(double[][] all, int[] taps) {
        double[][] r = new double[taps.length][];
        for (int i = 0; i < taps.length; i++) {
            r[i] = all[taps[i]];
        }
        return r;
    }

    @Override
    public Map<String, Object> describe() {
        return description;
    }

    /**
     * This network cut after {@code layer}: a view (sharing the weights, not owning them) whose taps are the
     * stages up to and including that layer, so measuring a shallow layer costs no pass through deeper ones
     * (e.g. the first layer of the Fig. 6 network). Closing the view does not close this network.
     */
    public Network upTo(String layer) {
        int count = block.names().indexOf(layer) + 1;
        InvalidInputException.requireParameter(count > 0, "layers", "'" + layer + "' is not a layer of " + name
                + "; it has " + String.join(", ", block.names()));
        TapNetwork full = this;
        List<String> names = block.names().subList(0, count);
        return new Network() {
            @Override
            public String name() {
                return full.name + " up to " + layer;
            }

            @Override
            public List<String> layers() {
                return names;
            }

            @Override
            public Shape inputShape() {
                return full.inputShape;
            }

            @Override
            public DataType dataType() {
                return full.dataType;
            }

            @Override
            public NDList forward(NDArray x) {
                return full.block.forward(full.ps, x, count);
            }

            @Override
            public boolean supportsTangent() {
                return true;
            }

            @Override
            public NDList tangent(NDArray x, NDArray dx) {
                return full.block.forwardTangent(full.ps, x, dx, count);
            }

            @Override
            public double[][] tangentSquaredNorms(NDArray x, NDArray dx, int[] taps) {
                return select(full.block.tangentSquaredNorms(full.ps, x, dx, deepest(taps) + 1), taps);
            }

            @Override
            public Map<String, Object> describe() {
                Map<String, Object> d = new LinkedHashMap<>(full.description);
                d.put("layers", names);
                return d;
            }

            @Override
            public void close() {
                // a view: the full network owns the weights
            }
        };
    }

    @Override
    public void close() {
        model.close();
    }
}
