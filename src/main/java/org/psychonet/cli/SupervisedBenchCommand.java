package org.psychonet.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.psychonet.experiment.SupervisedBaseline;
import org.psychonet.experiment.SupervisedLabelNoise.Config;
import org.psychonet.learning.supervised.LabelNoise;
import org.psychonet.learning.supervised.OrientationGratings;
import org.psychonet.learning.supervised.GratingPrior;
import org.psychonet.learning.supervised.SupervisedNetwork;
import org.psychonet.learning.supervised.SupervisedSensitivity;
import org.psychonet.learning.supervised.SupervisedTrainer;
import org.psychonet.learning.supervised.SupervisedTraining;
import org.psychonet.model.TapNetwork;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.stimulus.Grating64;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code psychonet supervised-bench}: times psychonet's Fig. 6 pipeline (batched tensor gratings, exact
 * tangent sensitivity) against the authors' approach (per-image resampled gratings, per-orientation and
 * per-phase finite differences) on a few SGD steps and sensitivity measurements at paper settings, and
 * extrapolates both to the whole {@code supervised --condition all} run.
 */
@Command(name = "supervised-bench", mixinStandardHelpOptions = true,
        description = "Benchmark Fig. 6 (supervised) against the authors' per-image / finite-difference approach.")
public final class SupervisedBenchCommand extends RunCommand {

    @Option(names = "--steps", defaultValue = "4", description = "SGD steps timed per approach (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--measurements", defaultValue = "1",
            description = "Sensitivity measurements timed per approach (default: ${DEFAULT-VALUE}).")
    int measurements;

    private final Config paper = Config.paper();

    @Override
    protected String name() {
        return "supervised-bench";
    }

    @Override
    protected void validate() {
        InvalidInputException.require(steps >= 1, "--steps must be at least 1");
        InvalidInputException.require(measurements >= 1, "--measurements must be at least 1");
    }

    @Override
    protected Object config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("timed_steps", steps);
        c.put("timed_measurements", measurements);
        c.put("paper", paper.training());
        c.put("baseline", "per-image bilinear-resampled gratings; FD ε=" + SupervisedBaseline.EPS + ", "
                + SupervisedBaseline.PHASES + " phases, single-image forwards");
        return c;
    }

    @Override
    protected Map<String, Object> run(SafeOutput output) throws Exception {
        SupervisedTraining t = paper.training();
        Grating64 family = new Grating64();
        GratingPrior prior = paper.prior();
        LabelNoise noise = LabelNoise.balanced(prior, t.bins(), paper.balanceFraction());
        SupervisedBaseline base = new SupervisedBaseline(family);
        double oursStep;
        double oursProbe;
        double baseStep;
        double baseProbe;
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager root = NDManager.newBaseManager();
             OrientationGratings gratings = new OrientationGratings(root, family);
             TapNetwork net = SupervisedNetwork.build(family.height(), t.hidden(), t.bins(), t.initScale(), seed)) {
            List<NDArray> params = SupervisedTrainer.trainable(net);
            Random rng = new Random(seed);
            // warm-up, untimed
            oneStep(root, gratings, net, params, prior, noise, t, rng);
            base.step(root, net, params, prior, noise, t.batch(), t.learningRate(), rng);
            timed("ours_steps_s", () -> {
                for (int s = 0; s < steps; s++) {
                    oneStep(root, gratings, net, params, prior, noise, t, rng);
                }
                return 0;
            });
            oursStep = timings.get("ours_steps_s") / steps;
            timed("baseline_steps_s", () -> {
                for (int s = 0; s < steps; s++) {
                    base.step(root, net, params, prior, noise, t.batch(), t.learningRate(), rng);
                }
                return 0;
            });
            baseStep = timings.get("baseline_steps_s") / steps;
            try (SupervisedSensitivity probe = new SupervisedSensitivity(root, gratings, t.sensitivityThetas(),
                    t.phases())) {
                timed("ours_probe_warmup_s", () -> probe.measure(net));
                timed("ours_measurements_s", () -> {
                    for (int i = 0; i < measurements; i++) {
                        probe.measure(net);
                    }
                    return 0;
                });
            oursProbe = timings.get("ours_measurements_s") / measurements;
            }
            timed("baseline_measurements_s", () -> {
                for (int i = 0; i < measurements; i++) {
                    base.sensitivity(root, net, t.sensitivityThetas());
                }
                return 0;
            });
            baseProbe = timings.get("baseline_measurements_s") / measurements;
        }
        // the whole `supervised --condition all` at paper settings: 4 conditions × 3 seeds, 300 steps each,
        // a measurement at step 0 and every 10 steps
        long runs = (long) paper.conditions().size() * paper.seeds();
        long meas = runs * (t.steps() / t.measureEvery() + 1);
        long allSteps = runs * t.steps();
        double ours = allSteps * oursStep + meas * oursProbe;
        double baseline = allSteps * baseStep + meas * baseProbe;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ours_step_s", oursStep);
        s.put("baseline_step_s", baseStep);
        s.put("ours_measurement_s", oursProbe);
        s.put("baseline_measurement_s", baseProbe);
        s.put("extrapolated_steps", allSteps);
        s.put("extrapolated_measurements", meas);
        s.put("ours_all_s", ours);
        s.put("baseline_all_s", baseline);
        s.put("speedup", baseline / ours);
        double oursCpu = allSteps * cpu.get("ours_steps_s") / steps + meas * cpu.get("ours_measurements_s") / measurements;
        double baseCpu = allSteps * cpu.get("baseline_steps_s") / steps
                + meas * cpu.get("baseline_measurements_s") / measurements;
        s.put("cpu_seconds", cpu);
        s.put("ours_all_cpu_s", oursCpu);
        s.put("baseline_all_cpu_s", baseCpu);
        s.put("cpu_speedup", baseCpu / oursCpu);
        s.put("step_speedup", baseStep / oursStep);
        s.put("measurement_speedup", baseProbe / oursProbe);
        System.err.printf("psychonet supervised-bench: step %.3f s vs %.3f s, measurement %.3f s vs %.3f s; "
                + "whole --condition all (extrapolated) %.0f s vs %.0f s → %.2f× faster%n",
                oursStep, baseStep, oursProbe, baseProbe, ours, baseline, baseline / ours);
        System.err.printf("psychonet supervised-bench: CPU seconds, whole run extrapolated: %.0f vs %.0f → %.2f×%n",
                oursCpu, baseCpu, baseCpu / oursCpu);
        return s;
    }

    /** Wall time via RunCommand.time, plus the process's CPU seconds (robust when cores are shared). */
    private final Map<String, Double> cpu = new LinkedHashMap<>();

    private <T> T timed(String label, ThrowingSupplier<T> step) throws Exception {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
        try {
            return time(label, step);
        } finally {
            long c1 = os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
            cpu.put(label, (c1 - c0) / 1e9);
        }
    }

    private static void oneStep(NDManager root, OrientationGratings gratings, TapNetwork net, List<NDArray> params,
                                GratingPrior prior, LabelNoise noise, SupervisedTraining t, Random rng) {
        double[] theta = prior.sample(rng, t.batch());
        double[] phase = new double[theta.length];
        float[] target = new float[theta.length * t.bins()];
        for (int i = 0; i < theta.length; i++) {
            phase[i] = 2 * Math.PI * rng.nextDouble();
            int b = LabelNoise.bin(theta[i], t.bins());
            if (rng.nextDouble() < noise.keep()[b]) {
                target[i * t.bins() + b] = 1;
            }
        }
        try (NDManager step = root.newSubManager()) {
            SupervisedTrainer.sgdStep(step, gratings.render(step, theta, phase), target, t.bins(), net, params,
                    t.learningRate());
        }
    }
}
