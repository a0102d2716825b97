package org.psychonet.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.model.LinearNetwork;
import org.psychonet.model.ModelSpec;
import org.psychonet.model.Network;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.Hue;
import org.psychonet.stimulus.PlaneWave;
import org.psychonet.util.Npy;

/** Sensitivities against values computed by hand from their definitions. */
class ClosedFormSensitivityTest {

    @Test
    void linearNpyOnPlaneWavesEqualsPhaseMeanOfSquaredNormOfWTimesDxDf(@TempDir Path dir) throws Exception {
        PlaneWave pw = new PlaneWave();
        int in = pw.size();
        int out = 20;
        Random r = new Random(3);
        double[] w = new double[out * in];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian() * 0.05;
        }
        Path file = dir.resolve("W.npy");
        Npy.write(file, new long[] {out, in}, w);
        double[] freqs = {0.5, 3.0, 7.25, 16.0, 31.0};
        try (Network net = ModelSpec.parse("linear:" + file).build(new Shape(1, 32, 32), DataType.FLOAT64, 0)) {
            for (DerivativeMethod m : new DerivativeMethod[] {DerivativeMethod.EXACT, DerivativeMethod.FD}) {
                SensitivityConfig c = SensitivityConfig.defaults(m).withDataType(DataType.FLOAT64).withFdStep(1e-4);
                SensitivityProfile p = new SensitivityEngine(c).measure(net, pw, freqs);
                for (int fi = 0; fi < freqs.length; fi++) {
                    double f = freqs[fi];
                    double expected = 0;
                    for (int k = 0; k < 64; k++) {
                        double phase = Math.PI * k / 63;
                        double[] dx = new double[in];
                        for (int i = 0; i < 32; i++) {
                            for (int j = 0; j < 32; j++) {
                                double t = j * Math.PI / 31;
                                dx[i * 32 + j] = 0.5 * t * Math.cos(f * t + phase);
                            }
                        }
                        for (int o = 0; o < out; o++) {
                            double y = 0;
                            for (int q = 0; q < in; q++) {
                                y += w[o * in + q] * dx[q];
                            }
                            expected += y * y / 64;
                        }
                    }
                    double got = p.sensitivity()[0][fi];
                    assertEquals(expected, got, (m == DerivativeMethod.EXACT ? 1e-10 : 1e-6) * expected,
                            m + " at f=" + f);
                }
            }
        }
    }

    @Test
    void identityOnGaborIsFlatAcrossOrientations() {
        Gabor g = new Gabor();
        try (Network id = LinearNetwork.identity(new Shape(3, 224, 224))) {
            SensitivityProfile p = new SensitivityEngine(SensitivityConfig.defaults(DerivativeMethod.EXACT))
                    .measure(id, g, g.axis().grid(36));
            double[] n = p.normalized(0);
            double max = 0;
            double min = 1;
            for (double v : n) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            double spread = (max - min) / (1.0 / n.length);
            System.out.printf("identity on gabor: normalized curve spread %.3g of its mean%n", spread);
            assertTrue(spread < 0.02, "identity sensitivity varies by " + spread);
        }
    }

    @Test
    void identityOnHueEqualsSumOverPixelsOfSquaredRgbDerivative() {
        Hue hue = new Hue(Hue.Config.paper().withSize(16));
        double[] thetas = hue.axis().grid(24);
        try (Network id = LinearNetwork.identity(new Shape(3, 16, 16))) {
            SensitivityProfile p = new SensitivityEngine(SensitivityConfig.defaults(DerivativeMethod.EXACT)
                    .withDataType(DataType.FLOAT64)).measure(id, hue, thetas);
            for (int i = 0; i < thetas.length; i++) {
                double expected = 0;
                for (int k = 0; k < hue.nuisanceCount(); k++) {
                    double[] d = new double[3];
                    Hue.hsvToRgbDerivative(thetas[i], hue.saturation(k), hue.value(k), d);
                    expected += 256 * (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) / hue.nuisanceCount();
                }
                assertEquals(expected, p.sensitivity()[0][i], 1e-12 * expected);
            }
            // and it is the same at every hue: one channel ramps at V·S/60 per degree in every sector
            double[] d = p.sensitivity()[0];
            assertEquals(d[0], d[thetas.length / 2], 1e-12 * d[0]);
        }
    }

    @Test
    void thresholdIsInverseSquareRootOfSensitivity(@TempDir Path dir) {
        SensitivityProfile p = new SensitivityProfile("x", new PlaneWave().axis(), new double[] {1, 2, 3},
                java.util.List.of("a"), new double[][] {{4, 0.25, 1}}, DerivativeMethod.EXACT);
        assertEquals(0.5, p.threshold(0)[0], 1e-15);
        assertEquals(2, p.threshold(0)[1], 1e-15);
        double[] n = p.normalized(0);
        assertEquals(2 / 3.5, n[0], 1e-15);
        assertTrue(Files.isDirectory(dir));
    }
}
