package org.psychonet.stimulus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StimulusFamilyTest {

    private static List<StimulusFamily> families() {
        return List.of(new Gabor(Gabor.Config.paper().scaledTo(48)), new Hue(Hue.Config.paper().withSize(6)),
                new PlaneWave(), new Grating64());
    }

    @Test
    void gaborAtThetaPlus180IsTheSameImageWithMirroredPhase() {
        Gabor g = new Gabor();
        int n = g.size();
        double[] a = new double[n];
        double[] b = new double[n];
        for (double theta : new double[] {0.1, 0.7, 2.0}) {
            for (int k = 0; k < g.nuisanceCount(); k++) {
                g.render(theta, k, a, 0);
                // phases are linspace(−π, π, 10): phase k at θ + π equals phase 9 − k at θ
                g.render(theta + Math.PI, g.nuisanceCount() - 1 - k, b, 0);
                assertArrayEquals(a, b, 1e-12, "θ=" + theta + " k=" + k);
            }
        }
    }

    @Test
    void gaborPixelsSpanMinusOneToOneWithIdenticalChannels() {
        Gabor g = new Gabor();
        double[] x = new double[g.size()];
        g.render(0.3, 3, x, 0);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        int plane = g.height() * g.width();
        for (int p = 0; p < plane; p++) {
            max = Math.max(max, x[p]);
            min = Math.min(min, x[p]);
            assertEquals(x[p], x[p + plane]);
            assertEquals(x[p], x[p + 2 * plane]);
        }
        assertTrue(max <= 1 && min >= -1 && max > 0.9 && min < -0.9, "range " + min + " .. " + max);
    }

    @Test
    void hueReproducesStandardHsvToRgbAtSixtyDegreeSteps() {
        double[][] expected = {{1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 1, 1}, {0, 0, 1}, {1, 0, 1}};
        Hue hue = new Hue(Hue.Config.saturated(4));
        double[] x = new double[hue.size()];
        for (int i = 0; i < 6; i++) {
            hue.render(60.0 * i, 0, x, 0);
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[i][c], x[c * 16], 1e-12, "hue " + 60 * i + " channel " + c);
                assertEquals(expected[i][c], x[c * 16 + 15], 1e-12);
            }
        }
        // a mid-sector value: h = 30°, S = V = 1 → (1, 0.5, 0)
        hue.render(30, 0, x, 0);
        assertEquals(0.5, x[16], 1e-12);
    }

    @Test
    void closedFormDerivativesMatchRichardsonFiniteDifferencesOfTheRendering() {
        for (StimulusFamily f : families()) {
            int n = f.size();
            double[] plus = new double[n];
            double[] minus = new double[n];
            double[] plus2 = new double[n];
            double[] minus2 = new double[n];
            double[] exact = new double[n];
            double[] grid = f.axis().grid(8);
            double h = f.axis().name().equals("hue") ? 0.2 : 1e-3;
            for (double theta : grid) {
                for (int k = 0; k < f.nuisanceCount(); k += Math.max(1, f.nuisanceCount() / 4)) {
                    f.derivative(theta, k, exact, 0);
                    f.render(theta + h, k, plus, 0);
                    f.render(theta - h, k, minus, 0);
                    f.render(theta + 2 * h, k, plus2, 0);
                    f.render(theta - 2 * h, k, minus2, 0);
                    double scale = 0;
                    double err = 0;
                    for (int i = 0; i < n; i++) {
                        double fd = (8 * (plus[i] - minus[i]) - (plus2[i] - minus2[i])) / (12 * h);
                        err = Math.max(err, Math.abs(fd - exact[i]));
                        scale = Math.max(scale, Math.abs(exact[i]));
                    }
                    assertTrue(err <= 1e-6 * Math.max(scale, 1e-12), f.name() + " θ=" + theta + " k=" + k
                            + " error " + err + " scale " + scale);
                }
            }
        }
    }

    @Test
    void periodicGridsTileOnePeriodAndHueAvoidsTheKinks() {
        double[] g = new Gabor().axis().grid(180);
        assertEquals(0, g[0], 1e-15);
        assertEquals(Math.PI * 179 / 180, g[179], 1e-12);
        double[] h = new Hue().axis().grid(360);
        assertEquals(0.5, h[0], 1e-12);
        assertEquals(359.5, h[359], 1e-12);
        double[] f = new PlaneWave().axis().grid(64);
        assertEquals(0.5, f[0], 1e-12);
        assertEquals(32, f[63], 1e-12);
    }

    @Test
    void planeWaveReportsCyclesPer100PixelsAsTheAuthors() {
        PlaneWave p = new PlaneWave();
        assertEquals(100.0 * 16 / 64, p.cyclesPer100(16), 1e-12);
        assertEquals(p.cyclesPer100(8), p.axis().toDisplay(8), 1e-12);
    }

    @Test
    void imagenetNormalizationScalesTheDerivativeByOneOverStd() {
        Gabor g = new Gabor(Gabor.Config.paper().scaledTo(16));
        Normalized n = Normalized.imagenet(g);
        double[] a = new double[g.size()];
        double[] b = new double[g.size()];
        g.derivative(0.4, 2, a, 0);
        n.derivative(0.4, 2, b, 0);
        int plane = 256;
        for (int c = 0; c < 3; c++) {
            assertEquals(a[c * plane + 37] / Normalized.IMAGENET_STD[c], b[c * plane + 37], 1e-12);
        }
    }

    @Test
    void batchRenderingOfAllPhasesEqualsOneByOneRendering() {
        for (StimulusFamily f : families()) {
            int n = f.size();
            int k = f.nuisanceCount();
            double[] all = new double[k * n];
            double[] one = new double[n];
            for (boolean derivative : new boolean[] {false, true}) {
                f.renderAll(0.37 * f.axis().period(), derivative, all, 0);
                for (int q = 0; q < k; q++) {
                    if (derivative) {
                        f.derivative(0.37 * f.axis().period(), q, one, 0);
                    } else {
                        f.render(0.37 * f.axis().period(), q, one, 0);
                    }
                    for (int i = 0; i < n; i++) {
                        assertEquals(one[i], all[q * n + i], 1e-12, f.name() + " phase " + q);
                    }
                }
            }
        }
    }
}
