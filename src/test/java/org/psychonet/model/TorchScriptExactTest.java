package org.psychonet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.StimulusBatch;
import org.psychonet.stimulus.StimulusFamily;
import org.psychonet.testing.PyTorch;
import org.psychonet.util.Npy;

/**
 * Exact D through TorchScript modules (double backward through PyTorch's autograd) against independent
 * references made by Debian's python3-torch: forward-mode AD, finite differences, and psychonet's own tangent
 * layers holding the same weights. Skipped without python3-torch.
 */
class TorchScriptExactTest {
    @TempDir
    static Path dir;

    private static final StimulusFamily GABOR = new Gabor(Gabor.Config.paper().scaledTo(12));
    private static final SensitivityConfig EXACT64 =
            SensitivityConfig.defaults(DerivativeMethod.EXACT).withDataType(DataType.FLOAT64);

    @BeforeAll
    static void fixtures() throws Exception {
        PyTorch.require();
        for (String kind : new String[] {"smooth", "gelu-ln", "dict"}) {
            PyTorch.script("make_torchscript_fixture.py", kind, dir.resolve(kind + ".pt").toString());
        }
        PyTorch.script("make_torchscript_fixture.py", "small", dir.resolve("small.pt").toString(), "--width", "4",
                "--classes", "5", "--size", "16", "--seed", "3");
    }

    private static Shape shape(StimulusFamily f) {
        return new Shape(f.channels(), f.height(), f.width());
    }

    /** D per tap and θ from PyTorch's forward-mode AD on the same stimuli, averaged over phases like psychonet. */
    private static double[][] forwardModeReference(Path module, StimulusFamily f, double[] thetas) throws Exception {
        long rows = (long) thetas.length * f.nuisanceCount();
        long[] shape = {rows, f.channels(), f.height(), f.width()};
        Path x = dir.resolve("x.npy");
        Path dx = dir.resolve("dx.npy");
        Path out = dir.resolve("d.npy");
        Npy.write(x, shape, StimulusBatch.values(f, thetas, false));
        Npy.write(dx, shape, StimulusBatch.values(f, thetas, true));
        PyTorch.script("make_torchscript_fixture.py", "reference", module.toString(), x.toString(), dx.toString(),
                out.toString());
        Npy.Array d = Npy.read(out);
        int taps = (int) d.shape()[0];
        int k = f.nuisanceCount();
        double[][] r = new double[taps][thetas.length];
        for (int t = 0; t < taps; t++) {
            for (int i = 0; i < rows; i++) {
                r[t][i / k] += d.data()[(int) (t * rows + i)] / k;
            }
        }
        return r;
    }

    private static double worstRelative(double[] a, double[] b) {
        double w = 0;
        for (int i = 0; i < a.length; i++) {
            w = Math.max(w, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
        }
        return w;
    }

    @Test
    void layersPsychonetDoesNotBuildAreMeasuredExactly() throws Exception {
        Path module = dir.resolve("gelu-ln.pt");
        double[] thetas = GABOR.axis().grid(6);
        try (TorchScriptNetwork net = TorchScriptNetwork.load(module, shape(GABOR))) {
            assertEquals(DataType.FLOAT64, net.dataType());
            assertEquals(List.of("embed", "attention", "mlp", "head"), net.layers());
            SensitivityProfile p = new SensitivityEngine(EXACT64).measure(net, GABOR, thetas);
            double[][] ref = forwardModeReference(module, GABOR, thetas);
            for (int l = 0; l < ref.length; l++) {
                double err = worstRelative(p.sensitivity()[l], ref[l]);
                System.out.printf("gelu-ln %s: exact vs forward-mode AD %.2g%n", net.layers().get(l), err);
                assertTrue(err < 1e-10, net.layers().get(l) + ": exact vs forward-mode AD, relative error " + err);
            }
        }
    }

    @Test
    void finiteDifferencesConvergeQuadraticallyToTheExactValue() {
        double[] thetas = GABOR.axis().grid(5);
        try (TorchScriptNetwork net = TorchScriptNetwork.load(dir.resolve("smooth.pt"), shape(GABOR))) {
            SensitivityProfile exact = new SensitivityEngine(EXACT64).measure(net, GABOR, thetas);
            double[] err = new double[2];
            double[] steps = {1e-4, 1e-5};
            for (int s = 0; s < 2; s++) {
                SensitivityProfile fd = new SensitivityEngine(EXACT64.withMethod(DerivativeMethod.FD)
                        .withFdStep(steps[s])).measure(net, GABOR, thetas);
                for (int l = 0; l < net.layers().size(); l++) {
                    err[s] = Math.max(err[s], worstRelative(fd.sensitivity()[l], exact.sensitivity()[l]));
                }
            }
            System.out.printf("smooth: fd error %.3g at δ=1e-4, %.3g at δ=1e-5%n", err[0], err[1]);
            // O(δ²): ten times smaller a step, a hundred times smaller an error (rounding is ~1e-11 here)
            assertTrue(err[0] > 1e-12 && err[0] < 1e-6, "fd error at δ = 1e-4: " + err[0]);
            assertTrue(err[0] / err[1] > 50 && err[0] / err[1] < 200, "error ratio δ=1e-4 vs 1e-5: "
                    + err[0] / err[1] + " (" + err[0] + ", " + err[1] + ")");
        }
    }

    @Test
    void dictOutputsAreTapsNamedByTheirKeys() throws Exception {
        Path module = dir.resolve("dict.pt");
        StimulusFamily f = new Gabor(Gabor.Config.paper().scaledTo(8));
        double[] thetas = f.axis().grid(4);
        try (TorchScriptNetwork net = TorchScriptNetwork.load(module, shape(f))) {
            assertEquals(List.of("logits", "features"), net.layers()); // the sidecar's order, matched by key
            SensitivityProfile p = new SensitivityEngine(EXACT64).measure(net, f, thetas);
            double[][] ref = forwardModeReference(module, f, thetas); // sorted keys: features, logits
            assertTrue(worstRelative(p.sensitivity("features"), ref[0]) < 1e-10);
            assertTrue(worstRelative(p.sensitivity("logits"), ref[1]) < 1e-10);
        }
    }

    @Test
    void torchScriptAndPsychonetsOwnSmallCnnAgreeOnTheSameWeights() {
        StimulusFamily f = new Gabor(Gabor.Config.paper().scaledTo(16));
        double[] thetas = f.axis().grid(6);
        try (TorchScriptNetwork ts = TorchScriptNetwork.load(dir.resolve("small.pt"), shape(f));
             Network own = ModelSpec.parse("torchvision:small:" + dir.resolve("small.pth"))
                     .build(shape(f), DataType.FLOAT64, 0)) {
            assertEquals(ts.layers(), own.layers());
            SensitivityProfile a = new SensitivityEngine(EXACT64).measure(ts, f, thetas);
            SensitivityProfile b = new SensitivityEngine(EXACT64).measure(own, f, thetas);
            for (int l = 0; l < ts.layers().size(); l++) {
                double err = worstRelative(a.sensitivity()[l], b.sensitivity()[l]);
                System.out.printf("small %s: TorchScript vs psychonet %.2g%n", ts.layers().get(l), err);
                assertTrue(err < 1e-5, ts.layers().get(l) + ": TorchScript vs psychonet-built, " + err);
            }
        }
    }
}
