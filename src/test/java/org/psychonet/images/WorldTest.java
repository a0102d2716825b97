package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.psychonet.util.InvalidInputException;

class WorldTest {

    @Test
    void imagesAreDeterministicFromSeedAndIndex() throws Exception {
        World w = new World(World.Config.defaults().withSize(64).withCount(8));
        RgbImage a = w.image(3);
        assertEquals(a, new World(World.Config.defaults().withSize(64).withCount(8)).image(3));
        assertFalse(a.equals(w.image(4)), "another index, another image");
        assertFalse(a.equals(new World(w.config().withSeed(1)).image(3)), "another seed, another image");
        // parallel loading gives the same pixels as one thread
        RgbImage[] par = ImageStream.load(w, new long[] {0, 1, 2, 3}, 2);
        assertEquals(a, par[3]);
    }

    @Test
    void anySizeColourAndInRange() {
        for (int[] hw : new int[][] {{17, 40}, {96, 96}, {5, 3}}) {
            RgbImage img = new World(World.Config.defaults().withSize(hw[0], hw[1])).image(0);
            assertEquals(hw[0], img.height());
            assertEquals(hw[1], img.width());
            for (float v : img.data()) {
                assertTrue(v >= 0 && v <= 1, "pixel " + v);
            }
        }
        RgbImage img = new World(World.Config.defaults().withSize(96)).image(1);
        int n = img.pixels();
        float[] d = img.data();
        double diff = 0;
        for (int p = 0; p < n; p++) {
            diff += Math.abs(d[p] - d[2 * n + p]);
        }
        assertTrue(diff / n > 0.05, "colour images: R and B differ on average by " + diff / n);
    }

    @Test
    void huePriorDensityIsNormalisedAndNotUniform() {
        double[] d = HuePrior.natural().density();
        assertEquals(1, Arrays.stream(d).sum(), 1e-3);
        double max = Arrays.stream(d).max().orElseThrow();
        double min = Arrays.stream(d).min().orElseThrow();
        assertTrue(max > 5 * min, "natural hue prior is far from uniform");
        double[] u = HuePrior.uniform().density();
        assertEquals(1.0 / 360, u[123], 1e-12);
    }

    @Test
    void worldSpecsParseAndRejectNonsense() {
        World w = (World) ImageSources.parse("world:size=40,count=7,seed=3,orientation=uniform,hue=uniform");
        assertEquals(40, w.config().height());
        assertEquals(7, w.count());
        assertEquals(3, w.config().seed());
        assertEquals(0, w.config().orientation().cardinalWeight());
        assertThrows(InvalidInputException.class, () -> ImageSources.parse("world:size=0"));
        assertThrows(InvalidInputException.class, () -> ImageSources.parse("world:colour=red"));
        assertThrows(InvalidInputException.class, () -> ImageSources.parse("world:size=big"));
        assertThrows(InvalidInputException.class, () -> ImageSources.parse("/no/such/folder"));
    }

    @Test
    void defaultImagesAreThoseOfEarlierVersions() {
        // the sequential stream is kept unless pairedLeaves is asked for: the default world is unchanged
        float[] d = new World(World.Config.defaults().withSize(64).withCount(8)).image(3).data();
        long h = 1125899906842597L;
        for (float f : d) {
            h = 31 * h + Float.floatToIntBits(f);
        }
        assertEquals(5568664455980826741L, h);
    }

    /** Share of pixels whose HSV value (the largest channel) agrees between two images. */
    private static double sameValueShare(RgbImage a, RgbImage b) {
        int n = a.pixels();
        int same = 0;
        for (int p = 0; p < n; p++) {
            float va = Math.max(a.data()[p], Math.max(a.data()[n + p], a.data()[2 * n + p]));
            float vb = Math.max(b.data()[p], Math.max(b.data()[n + p], b.data()[2 * n + p]));
            same += Math.abs(va - vb) < 1e-5 ? 1 : 0;
        }
        return (double) same / n;
    }

    @Test
    void pairedWorldsThatDifferInTheHuePriorDifferOnlyInHue() {
        // hue leaves geometry, saturation and value alone: with paired shapes, every pixel covered by one surface
        // keeps its HSV value when only the hue prior changes (edges, which mix two surfaces, need not); with one
        // sequential stream a prior that takes another number of draws (uniform) shifts every later draw
        World.Config nat = World.Config.defaults().withSize(64).withCount(4);
        for (HuePrior other : new HuePrior[] {HuePrior.uniform()}) {
            double paired = sameValueShare(new World(nat.withPairedLeaves()).image(2),
                    new World(nat.withPairedLeaves().withHue(other)).image(2));
            double sequential = sameValueShare(new World(nat).image(2), new World(nat.withHue(other)).image(2));
            assertTrue(paired > 0.4 && sequential < 0.05, "share of pixels that keep their value: paired " + paired
                    + ", sequential " + sequential);
        }
    }

    @Test
    void priorsForTheControls() {
        assertEquals(45, OrientationPrior.natural().rotated(45).offsetDeg());
        assertTrue(OrientationPrior.amplified().cardinalWeight() > 2 * OrientationPrior.natural().cardinalWeight());
        double[] d = HuePrior.natural().density();
        double[] s = HuePrior.natural().shifted(90).density();
        for (int h = 0; h < 360; h++) {
            assertEquals(d[h], s[(h + 90) % 360], 1e-12, "shifted density at " + h);
        }
    }
}
