package org.psychonet.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.nn.TangentBlock;
import org.psychonet.stimulus.StimulusBatch;
import org.psychonet.stimulus.StimulusFamily;

/**
 * The authors' structure for a layer sweep (KordingLab/ANN_psychophysics): for each tap, for each orientation,
 * render the phases at θ + δ and θ − δ, run them through the network up to that tap, and sum the squared central
 * differences. Re-implemented here (it exists only for benchmarks) on psychonet's networks, so that both
 * strategies run the same layers in the same process.
 */
public final class AuthorsLoop {
    private AuthorsLoop() {
    }

    /**
     * D for the first {@code count} θ of {@code thetas} at every tap, δ the family's default step (the authors'
     * 0.01 rad).
     */
    public static double[][] run(TapNetwork net, StimulusFamily family, double[] thetas, int count) {
        List<TangentBlock> stages = net.block().stages();
        double h = family.axis().defaultStep();
        double[][] d = new double[stages.size()][count];
        int k = family.nuisanceCount();
        for (int layer = 0; layer < stages.size(); layer++) {
            for (int t = 0; t < count; t++) {
                try (NDManager mgr = NDManager.newBaseManager()) {
                    NDArray xp = StimulusBatch.render(mgr, family, new double[] {thetas[t] + h}, DataType.FLOAT32)
                            .reshape(new Shape(k).addAll(net.inputShape()));
                    NDArray xm = StimulusBatch.render(mgr, family, new double[] {thetas[t] - h}, DataType.FLOAT32)
                            .reshape(xp.getShape());
                    NDArray yp = xp;
                    NDArray ym = xm;
                    for (int s = 0; s <= layer; s++) {
                        yp = stages.get(s).forward(net.parameterStore(), new NDList(yp), false).singletonOrThrow();
                        ym = stages.get(s).forward(net.parameterStore(), new NDList(ym), false).singletonOrThrow();
                    }
                    d[layer][t] = yp.sub(ym).div(2 * h).square().sum().getFloat() / k;
                }
            }
        }
        return d;
    }
}
