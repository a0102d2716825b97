package org.psychonet.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.learning.cnn.CnnThreads;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.model.nn.TangentBlock;
import org.psychonet.report.RunOutput;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.StimulusBatch;
import org.psychonet.stimulus.StimulusFamily;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code psychonet deepnets-bench}: the Fig. 2c sweep of ResNet18 (random init; 10 taps, 180
 * orientations, 10 phases, 224 px) by psychonet (every tap from the same batched passes) against a
 * re-implementation of the authors' loop — for each layer, for each orientation, a forward pass of the
 * phase batch at θ ± δ through the network up to that layer, central finite difference. Both run in one
 * process on the same machine; either may be timed on a subset of orientations and extrapolated
 * linearly (the loop's cost is the same for every orientation), which result.json records.
 */
@Command(name = "deepnets-bench", mixinStandardHelpOptions = true,
        description = "Time the Fig. 2c ResNet18 sweep: psychonet versus the authors' per-layer, per-orientation loop.")
public final class DeepBenchCommand extends RunCommand {

    @Option(names = "--size", defaultValue = "224", description = "Input side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--method", defaultValue = "exact", description = "psychonet's method: exact or grid (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--psychonet-thetas", defaultValue = "180", description = "Orientations psychonet runs "
            + "(180 = the full sweep; fewer are extrapolated).")
    int psyThetas;

    @Option(names = "--loop-thetas", defaultValue = "6", description = "Orientations per layer the authors' loop "
            + "runs before extrapolating to 180.")
    int loopThetas;

    @Option(names = "--batch", defaultValue = "200", description = "psychonet's stimuli per pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "2", description = "PyTorch intra-op threads for both.")
    int threads;

    private DerivativeMethod m;

    @Override
    protected String name() {
        return "deepnets-bench";
    }

    @Override
    protected void validate() {
        m = DerivativeMethod.parse(method);
        InvalidInputException.require(m != DerivativeMethod.FD, "--method fd is the loop's own method; give grid or exact");
        InvalidInputException.require(psyThetas >= 10 && psyThetas <= 180, "--psychonet-thetas must be in [10, 180]");
        InvalidInputException.require(loopThetas >= 1 && loopThetas <= 180, "--loop-thetas must be in [1, 180]");
        InvalidInputException.require(size >= 32, "--size must be at least 32");
        InvalidInputException.require(threads >= 1, "--threads must be at least 1");
        InvalidInputException.require(batch >= 10, "--batch must be at least 10 (one orientation's phases)");
    }

    @Override
    protected Object config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("arch", "resnet18 (random init, width 64, 1000 classes)");
        c.put("size", size);
        c.put("method", m.label());
        c.put("psychonet_thetas", psyThetas);
        c.put("loop_thetas_per_layer", loopThetas);
        c.put("threads", threads);
        c.put("psychonet_batch", batch);
        c.put("full_sweep", "10 taps × 180 orientations × 10 phases");
        return c;
    }

    @Override
    protected Map<String, Object> run(RunOutput output) throws Exception {
        CnnThreads.set(threads);
        Shape in = new Shape(3, size, size);
        StimulusFamily gabor = new Gabor(Gabor.Config.paper().scaledTo(size));
        Map<String, Object> s = new LinkedHashMap<>();
        try (TapNetwork net = ArchSpec.standard("resnet18").build(in, DataType.FLOAT32, seed)) {
            double[] all = gabor.axis().grid(180);
            double[] sub = new double[psyThetas];
            System.arraycopy(all, 0, sub, 0, psyThetas);
            SensitivityEngine engine = new SensitivityEngine(SensitivityConfig.defaults(m).withBatchSize(batch));
            long t0 = System.nanoTime();
            engine.measure(net, gabor, sub);
            double psy = (System.nanoTime() - t0) / 1e9;
            double psyFull = psy * 180.0 / psyThetas;
            long t1 = System.nanoTime();
            authorsLoop(net, gabor, all, loopThetas);
            double loop = (System.nanoTime() - t1) / 1e9;
            double loopFull = loop * 180.0 / loopThetas;
            s.put("psychonet_measured_s", psy);
            s.put("psychonet_full_sweep_s", psyFull);
            s.put("psychonet_extrapolated", psyThetas < 180);
            s.put("authors_loop_measured_s", loop);
            s.put("authors_loop_full_sweep_s", loopFull);
            s.put("authors_loop_extrapolated", loopThetas < 180);
            s.put("speedup", loopFull / psyFull);
            System.err.printf("psychonet (%s): %.1f s for the full sweep; authors' loop: %.1f s; speed-up %.1f×%n",
                    m.label(), psyFull, loopFull, loopFull / psyFull);
        }
        return s;
    }

    /**
     * The authors' structure: for each tap, for each orientation, render the 10 phases at θ + δ and θ − δ,
     * run them through the stages up to that tap, and sum the squared central differences.
     */
    private static double[][] authorsLoop(TapNetwork net, StimulusFamily family, double[] thetas, int count) {
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
