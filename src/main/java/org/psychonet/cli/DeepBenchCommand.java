package org.psychonet.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psychonet.bench.AuthorsLoop;
import org.psychonet.bench.PyTorchFig2c;
import org.psychonet.learning.cnn.CnnThreads;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.model.arch.Architecture;
import org.psychonet.report.Csv;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.StimulusBatch;
import org.psychonet.stimulus.StimulusFamily;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.output.SafeOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code psychonet bench fig2c} (also {@code deepnets-bench}): the Fig. 2c sweep of ResNet18 (random init; 10 taps,
 * 180 orientations × 10 phases, 224 px) by psychonet — every tap from the same batched passes — against the authors'
 * loop ({@link AuthorsLoop}: per layer, per orientation, the phase batch at θ ± δ through the network up to that
 * layer), with a plain forward pass of the same 1,800 images as the floor of anything that runs the network. All in
 * one process on the same machine; the loop (and, if asked, psychonet) is timed on a subset of orientations and
 * extrapolated linearly — its cost is the same for every orientation — which result.json records, with the load
 * average before and after and the process's peak resident memory after psychonet's sweep. Then, unless told not
 * to, the same sweep in plain PyTorch ({@link PyTorchFig2c}: plain forward, forward-mode JVP for all taps — the best
 * PyTorch way — and the authors' loop in PyTorch) as a child process, so one run holds all the comparisons.
 */
@Command(name = "deepnets-bench", mixinStandardHelpOptions = true,
        description = "Time the Fig. 2c ResNet18 sweep: psychonet versus the authors' per-layer, per-orientation loop.")
public final class DeepBenchCommand extends RunCommand {

    @Option(names = "--size", defaultValue = "224", description = "Input side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--method", defaultValue = "exact", description = "psychonet's method: exact or grid "
            + "(default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--psychonet-thetas", defaultValue = "180", description = "Orientations psychonet runs "
            + "(default: ${DEFAULT-VALUE}, the full sweep; fewer are extrapolated).")
    int psyThetas;

    @Option(names = "--loop-thetas", defaultValue = "6", description = "Orientations per layer the authors' loop "
            + "runs before extrapolating to 180 (default: ${DEFAULT-VALUE}).")
    int loopThetas;

    @Option(names = "--batch", defaultValue = "64", description = "psychonet's stimuli per pass (default: "
            + "${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "2", description = "PyTorch intra-op threads for all "
            + "(default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--no-floor", description = "Skip the plain forward pass of the 1,800 images.")
    boolean noFloor;

    @Option(names = "--no-pytorch", description = "Skip the PyTorch half (" + PyTorchFig2c.SCRIPT + ": plain "
            + "forward, forward-mode JVP, the authors' loop in PyTorch), which otherwise runs after psychonet's.")
    boolean noPyTorch;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch and "
            + "torchvision for the PyTorch half (default: ${DEFAULT-VALUE}, Debian's python3-torch).")
    String python;

    private DerivativeMethod m;

    @Override
    protected String name() {
        return "deepnets-bench";
    }

    @Override
    protected void validate() {
        m = DerivativeMethod.parse(method);
        InvalidInputException.require(m != DerivativeMethod.FD, "--method fd is the loop's own method; give exact or grid");
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
        c.put("pytorch", noPyTorch ? "off" : python + " " + PyTorchFig2c.SCRIPT);
        return c;
    }

    @Override
    protected Map<String, Object> run(SafeOutput output) throws Exception {
        CnnThreads.set(threads);
        Shape in = new Shape(3, size, size);
        StimulusFamily gabor = new Gabor(Gabor.Config.paper().scaledTo(size));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("load_average_before", loadAverage());
        try (TapNetwork net = ArchSpec.standard(Architecture.RESNET18).build(in, DataType.FLOAT32, seed)) {
            double[] all = gabor.axis().grid(180);
            double[] sub = new double[psyThetas];
            System.arraycopy(all, 0, sub, 0, psyThetas);
            SensitivityEngine engine = new SensitivityEngine(SensitivityConfig.defaults(m).withBatchSize(batch));
            engine.measure(net, gabor, new double[] {all[0], all[1], all[2]}); // warm-up
            long t0 = System.nanoTime();
            engine.measure(net, gabor, sub);
            double psy = (System.nanoTime() - t0) / 1e9;
            double psyFull = psy * 180.0 / psyThetas;
            s.put("psychonet_measured_s", psy);
            s.put("psychonet_full_sweep_s", psyFull);
            s.put("psychonet_extrapolated", psyThetas < 180);
            s.put("psychonet_peak_rss_mb", peakRssMb());
            s.put("load_average_after_psychonet", loadAverage());
            double floor = Double.NaN;
            if (!noFloor) {
                floor = forwardFloor(net, gabor, all, batch);
                s.put("plain_forward_1800_images_s", floor);
            }
            long t1 = System.nanoTime();
            AuthorsLoop.run(net, gabor, all, loopThetas);
            double loop = (System.nanoTime() - t1) / 1e9;
            double loopFull = loop * 180.0 / loopThetas;
            s.put("authors_loop_measured_s", loop);
            s.put("authors_loop_full_sweep_s", loopFull);
            s.put("authors_loop_extrapolated", loopThetas < 180);
            s.put("speedup", loopFull / psyFull);
            s.put("load_average_after", loadAverage());
            PyTorchFig2c.Outcome torch = noPyTorch ? new PyTorchFig2c.Outcome(null, "--no-pytorch")
                    : PyTorchFig2c.run(python, threads, batch, loopThetas, size);
            if (torch.numbers() != null) {
                s.put("pytorch", torch.numbers());
            } else {
                s.put("pytorch_skipped", torch.skipped());
                System.err.println("psychonet deepnets-bench: PyTorch comparison skipped: " + torch.skipped());
            }
            try (Csv csv = Csv.create(output.file("bench.csv"), "strategy", "seconds_full_sweep", "measured_seconds",
                    "extrapolated", "speedup_vs_authors")) {
                csv.row("psychonet " + m.label() + " (all taps, batched)", psyFull, psy, psyThetas < 180,
                        loopFull / psyFull);
                if (!noFloor) {
                    csv.row("plain forward pass of the 1800 images (floor)", floor, floor, false, loopFull / floor);
                }
                csv.row("authors' loop (per layer, per orientation, fd)", loopFull, loop, loopThetas < 180, 1.0);
                if (torch.numbers() != null) {
                    Map<String, Object> t = torch.numbers();
                    double tLoop = number(t, "authors_loop_full_sweep_s");
                    csv.row("PyTorch: plain forward pass of the 1800 images", number(t, "plain_forward_1800_images_s"),
                            number(t, "plain_forward_1800_images_s"), false,
                            loopFull / number(t, "plain_forward_1800_images_s"));
                    csv.row("PyTorch: forward-mode JVP, all taps (torch.autograd.forward_ad)",
                            number(t, "forward_mode_jvp_all_taps_s"), number(t, "forward_mode_jvp_all_taps_s"), false,
                            loopFull / number(t, "forward_mode_jvp_all_taps_s"));
                    csv.row("PyTorch: authors' loop", tLoop, number(t, "authors_loop_measured_s"), loopThetas < 180,
                            loopFull / tLoop);
                    s.put("speedup_vs_pytorch_forward_mode_jvp", number(t, "forward_mode_jvp_all_taps_s") / psyFull);
                    s.put("speedup_vs_pytorch_authors_loop", tLoop / psyFull);
                }
            }
            System.err.printf("psychonet (%s): %.1f s for the full sweep (peak RSS %d MB); plain forward %.1f s; "
                    + "authors' loop: %.1f s; speed-up %.1f× (load average %s → %s)%n", m.label(), psyFull,
                    peakRssMb(), floor, loopFull, loopFull / psyFull, s.get("load_average_before"),
                    s.get("load_average_after"));
        }
        return s;
    }

    private static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A plain forward pass of every stimulus of the sweep in batches, nothing kept: the floor of any method. */
    private static double forwardFloor(TapNetwork net, StimulusFamily family, double[] thetas, int batch) {
        int per = Math.max(1, batch / family.nuisanceCount());
        long t0 = System.nanoTime();
        for (int start = 0; start < thetas.length; start += per) {
            double[] chunk = java.util.Arrays.copyOfRange(thetas, start, Math.min(thetas.length, start + per));
            try (NDManager mgr = NDManager.newBaseManager()) {
                NDArray x = StimulusBatch.render(mgr, family, chunk, DataType.FLOAT32)
                        .reshape(new Shape((long) chunk.length * family.nuisanceCount()).addAll(net.inputShape()));
                net.forward(x).get(net.layers().size() - 1).sum().getFloat();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The 1-, 5- and 15-minute load averages (/proc/loadavg), as text. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The process's peak resident memory (VmHWM), in MB; −1 where /proc is not available. */
    static long peakRssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
