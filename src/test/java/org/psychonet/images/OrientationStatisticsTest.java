package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 3, must hold: the world's orientation prior shows in the measured statistics. */
class OrientationStatisticsTest {
    private static final String WORLD = "world:size=128,count=48";

    private static double ratio(ImageSource src) throws Exception {
        ImageStats s = ImageStats.measure(src, new ImageStats.Options(0, 0, 8, 0, ImageStream.defaultThreads()));
        return s.cardinalObliqueRatio();
    }

    @Test
    void defaultWorldIsCardinalHeavyAndRotationReversesIt() throws Exception {
        ImageSource world = ImageSources.parse(WORLD);
        double upright = ratio(world);
        double rotated = ratio(Transforms.rotate(world, 45));
        assertTrue(upright > 1.2, "default world cardinal/oblique = " + upright);
        assertTrue(rotated < 1 / 1.2, "world rotated 45°: cardinal/oblique = " + rotated);
    }

    @Test
    void uniformPriorWorldIsIsotropic() throws Exception {
        double r = ratio(ImageSources.parse(WORLD + ",orientation=uniform"));
        assertEquals(1, r, 0.1, "uniform orientation prior: cardinal/oblique = " + r);
    }

    /** Convention check: stripes running at θ (y up, counter-clockwise) put their energy in bin θ. */
    @Test
    void orientedStripesLandInTheirBin() {
        for (double deg : new double[] {0, 30, 90, 135}) {
            int n = 64;
            float[] d = new float[3 * n * n];
            double t = Math.toRadians(deg);
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    // the intensity varies across the stripes, i.e. along the normal (−sin θ, cos θ), y up
                    double u = -(x + 0.5) * Math.sin(t) + (n - y - 0.5) * Math.cos(t);
                    float v = (float) (0.5 + 0.4 * Math.sin(2 * Math.PI * u / 9));
                    d[y * n + x] = v;
                    d[n * n + y * n + x] = v;
                    d[2 * n * n + y * n + x] = v;
                }
            }
            double[] bins = OrientationHistogram.accumulate(new RgbImage(n, n, d), new double[180]);
            int arg = 0;
            for (int b = 1; b < 180; b++) {
                if (bins[b] > bins[arg]) {
                    arg = b;
                }
            }
            assertEquals(0, OrientationHistogram.dist(arg + 0.5, deg), 1.01, "stripes at " + deg + "° peak at " + arg);
        }
    }
}
