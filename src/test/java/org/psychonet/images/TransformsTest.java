package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransformsTest {

    /** Image whose pixel value encodes its position, for exact geometric checks. */
    private static RgbImage ramp(int h, int w) {
        float[] d = new float[3 * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[y * w + x] = (float) x / w;
                d[h * w + y * w + x] = (float) y / h;
                d[2 * h * w + y * w + x] = 0.5f;
            }
        }
        return new RgbImage(h, w, d);
    }

    @Test
    void rotationCropsToTheInscribedRectangle() {
        assertArrayEquals(new int[] {70, 70}, Transforms.rotatedSize(100, 100, 45));
        assertArrayEquals(new int[] {100, 100}, Transforms.rotatedSize(100, 100, 90));
        // every output pixel centre maps back inside the input: no padded corner can enter
        for (double deg : new double[] {10, 30, 45, 60, 135, -20}) {
            int h = 60;
            int w = 90;
            int[] s = Transforms.rotatedSize(h, w, deg);
            double t = Math.toRadians(deg);
            for (int[] corner : new int[][] {{0, 0}, {0, s[1] - 1}, {s[0] - 1, 0}, {s[0] - 1, s[1] - 1}}) {
                double v = s[0] / 2.0 - (corner[0] + 0.5);
                double u = corner[1] + 0.5 - s[1] / 2.0;
                double sx = w / 2.0 + u * Math.cos(t) + v * Math.sin(t);
                double sy = h / 2.0 - (-u * Math.sin(t) + v * Math.cos(t));
                assertTrue(sx >= 0 && sx <= w && sy >= 0 && sy <= h, deg + "°: corner maps to " + sx + "," + sy);
            }
        }
    }

    @Test
    void rotatingBy90MovesRowsToColumnsCounterClockwise() {
        RgbImage img = ramp(8, 8);
        RgbImage r = Transforms.rotateImage(img, 90);
        // counter-clockwise: the top-right corner goes to the top-left, so output (y, x) = input (x, w-1-y)
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(img.get(0, x, 7 - y), r.get(0, y, x), 1e-5);
                assertEquals(img.get(1, x, 7 - y), r.get(1, y, x), 1e-5);
            }
        }
    }

    @Test
    void hueShiftMovesEveryHueAndKeepsSaturationAndValue() {
        RgbImage img = new World(World.Config.defaults().withSize(32)).image(0);
        RgbImage s = Transforms.hueShiftImage(img, 90);
        double[] a = new double[3];
        double[] b = new double[3];
        int n = img.pixels();
        for (int p = 0; p < n; p++) {
            ColorSpace.rgbToHsv(img.data()[p], img.data()[n + p], img.data()[2 * n + p], a);
            ColorSpace.rgbToHsv(s.data()[p], s.data()[n + p], s.data()[2 * n + p], b);
            assertEquals(a[1], b[1], 1e-5);
            assertEquals(a[2], b[2], 1e-6);
            if (a[1] > 0.05 && a[2] > 0.05) {
                double dh = ((b[0] - a[0]) % 360 + 360) % 360;
                assertEquals(90, dh, 0.05);
            }
        }
    }

    @Test
    void greyscaleUsesBt601Luma() {
        RgbImage img = new RgbImage(1, 1, new float[] {1, 0, 0});
        RgbImage g = Transforms.greyscaleImage(img);
        assertArrayEquals(new float[] {0.299f, 0.299f, 0.299f}, g.data(), 1e-6f);
    }

    @Test
    void transformsComposeOnAnySource() {
        ImageSource w = ImageSources.parse("world:size=40,count=3");
        ImageSource t = Transforms.greyscale(Transforms.hueShift(Transforms.rotate(w, 45), 90));
        assertEquals(3, t.count());
        RgbImage img = t.image(2);
        assertEquals(28, img.height());
        assertTrue(t.describe().contains("rotate(45.0deg)") && t.describe().contains("hue-shift"));
    }

    @Test
    void cropsAreDeterministicWindowsOfTheImage() {
        ImageSource w = ImageSources.parse("world:size=50,count=4");
        RgbImage full = w.image(1);
        RgbImage c = Transforms.centerCrop(w, 20, 30).image(1);
        assertEquals(20, c.height());
        assertEquals(30, c.width());
        assertEquals(full.get(2, 15, 10), c.get(2, 0, 0));
        ImageSource rc = Transforms.randomCrop(w, 16, 7);
        assertEquals(rc.image(2), Transforms.randomCrop(w, 16, 7).image(2));
        RgbImage r = rc.image(2);
        // the crop is a window of the full image somewhere
        RgbImage src = w.image(2);
        boolean found = false;
        for (int y = 0; y + 16 <= 50 && !found; y++) {
            for (int x = 0; x + 16 <= 50 && !found; x++) {
                found = Transforms.crop(src, y, x, 16, 16).equals(r);
            }
        }
        assertTrue(found);
        RgbImage small = Transforms.resize(w, 10, 10).image(0);
        double mean = 0;
        double meanSmall = 0;
        for (int i = 0; i < 2500; i++) {
            mean += w.image(0).data()[i] / 2500.0;
        }
        for (int i = 0; i < 100; i++) {
            meanSmall += small.data()[i] / 100.0;
        }
        assertEquals(mean, meanSmall, 1e-4, "area averaging keeps the mean");
    }
}
