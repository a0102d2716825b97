package org.psychonet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.StimulusFamily;
import org.psychonet.testing.PyTorch;

/**
 * torchvision's ResNet18 (random weights) measured two ways — exported as TorchScript (double backward through
 * PyTorch's autograd) and loaded from its state dict into psychonet's own ResNet18 (tangent layers) — must give the
 * same exact D per tap and θ; and on the full-size 224-px network the grid method's error estimate must flag the
 * ReLU network where grid is wrong. Needs Debian's python3-torch (skipped without it).
 */
class ResNet18ParityIT {
    @TempDir
    Path dir;

    @Test
    void torchScriptExactEqualsPsychonetExactOnTheSameWeights() throws Exception {
        PyTorch.require();
        int size = 64;
        Path pt = dir.resolve("r18.pt");
        Path pth = dir.resolve("r18.pth");
        PyTorch.script("export_torchvision.py", "resnet18", "--weights", "none", "--seed", "7", "--precision",
                "float64", "--size", Integer.toString(size), "--out", pt.toString(), "--state-dict-out", pth.toString());
        StimulusFamily gabor = new Gabor(Gabor.Config.paper().scaledTo(size));
        double[] thetas = gabor.axis().grid(12);
        Shape in = new Shape(3, size, size);
        SensitivityConfig exact64 = SensitivityConfig.defaults(DerivativeMethod.EXACT).withDataType(DataType.FLOAT64)
                .withBatchSize(40);
        try (TorchScriptNetwork ts = TorchScriptNetwork.load(pt, in);
             Network own = ModelSpec.parse("torchvision:resnet18:" + pth).build(in, DataType.FLOAT64, 0)) {
            assertEquals(DataType.FLOAT64, ts.dataType());
            assertEquals(ts.layers(), own.layers());
            SensitivityProfile a = new SensitivityEngine(exact64).measure(ts, gabor, thetas);
            SensitivityProfile b = new SensitivityEngine(exact64).measure(own, gabor, thetas);
            for (int l = 0; l < ts.layers().size(); l++) {
                for (int i = 0; i < thetas.length; i++) {
                    double x = a.sensitivity()[l][i];
                    double y = b.sensitivity()[l][i];
                    assertTrue(y > 0, ts.layers().get(l) + " has zero sensitivity");
                    assertEquals(y, x, 1e-5 * y, ts.layers().get(l) + " at θ = " + thetas[i]);
                }
            }
        }
    }

    @Test
    void gridErrorEstimateFlagsReluResNet18At36Orientations() {
        StimulusFamily gabor = new Gabor();
        double[] thetas = gabor.axis().grid(36);
        try (Network net = ModelSpec.parse("resnet18").build(new Shape(3, 224, 224), DataType.FLOAT32, 0)) {
            SensitivityConfig c = SensitivityConfig.defaults(DerivativeMethod.GRID).withBatchSize(40);
            SensitivityProfile grid = new SensitivityEngine(c).measure(net, gabor, thetas);
            SensitivityProfile exact = new SensitivityEngine(c.withMethod(DerivativeMethod.EXACT))
                    .measure(net, gabor, thetas);
            assertFalse(grid.warnings(0.01).isEmpty(), "grid at 5° through ReLU ResNet18 must be flagged");
            double worstActual = 0;
            double flaggedActual = 0;
            for (int l = 0; l < net.layers().size(); l++) {
                double actual = 0;
                double mean = 0;
                for (int i = 0; i < thetas.length; i++) {
                    actual = Math.max(actual, Math.abs(grid.sensitivity()[l][i] - exact.sensitivity()[l][i]));
                    mean += exact.sensitivity()[l][i] / thetas.length;
                }
                actual /= mean;
                System.out.printf("resnet18 %s: grid error estimate %.3g, actual %.3g%n", net.layers().get(l),
                        grid.relativeError(l), actual);
                worstActual = Math.max(worstActual, actual);
                if (grid.relativeError(l) > 0.01) {
                    flaggedActual = Math.max(flaggedActual, actual);
                }
            }
            assertTrue(worstActual > 0.01, "grid is in fact more than 1 % off somewhere: " + worstActual);
            assertEquals(worstActual, flaggedActual, 0, "the layer where grid is most wrong is among the flagged");
        }
    }
}
