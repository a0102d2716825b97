package org.psychonet.learning.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.psychonet.util.InvalidInputException;

class ImagePoolTest {

    private static float[] ramp(int side, float offset) {
        float[] d = new float[3 * side * side];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((i * 37 + (int) (offset * 100)) % 256) / 255f;
        }
        return d;
    }

    @Test
    void imagesAreStoredAsEightBitAndAFullCropAtTheirOwnSizeIsTheStandardizedImage() {
        ImagePool pool = ImagePool.withCapacity(2, 6);
        pool.add(ramp(6, 0));
        pool.add(ramp(6, 0.5f));
        assertArrayEquals(ramp(6, 0.5f), pool.image(1), 0.5f / 255);
        float[] out = new float[3 * 36];
        // scale 1, no flip: the crop is the whole image, bilinear sampling at pixel centres is the identity
        pool.crop(1, new Random(1), 6, 1.0, false, out, 0);
        float[] img = pool.image(1);
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 36; p++) {
                assertEquals((img[c * 36 + p] - ImagePool.MEAN[c]) / ImagePool.STD[c], out[c * 36 + p], 1e-5);
            }
        }
        assertEquals(2L * 3 * 36, ImagePool.bytesNeeded(2, 6));
    }

    @Test
    void aPoolThatDoesNotFitIsRefusedWithOneLineNamingTheParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ImagePool.withCapacity(1_000_000, 4096));
        assertEquals("sourceImages", e.parameterName().orElseThrow());
        assertTrue(e.getMessage().contains("MB") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void equallyLargePoolsDrawTheSameImagesAndCropsFromOneSeed() {
        // the pairing of conditions: with one generator, two worlds' pools yield the same indices, crops and noise
        ImagePool a = ImagePool.withCapacity(4, 8);
        ImagePool b = ImagePool.withCapacity(4, 8);
        for (int i = 0; i < 4; i++) {
            a.add(ramp(8, i));
            b.add(ramp(8, i + 0.25f));
        }
        ImageClassTask ta = new ImageClassTask("a", a, new int[] {0, 1, 2, 3}, List.of("0", "1", "2", "3"));
        ImageClassTask tb = new ImageClassTask("b", b, new int[] {0, 1, 2, 3}, List.of("0", "1", "2", "3"));
        int[] la = new int[16];
        int[] lb = new int[16];
        float[] xa = new float[16 * 3 * 4 * 4];
        float[] xb = new float[xa.length];
        ta.sample(new Random(7), 4, 0.25, true, xa, null, la);
        tb.sample(new Random(7), 4, 0.25, true, xb, null, lb);
        assertArrayEquals(la, lb, "same images in the same order");
        assertNotEquals(xa[0], xb[0], "but their own pixels");
        DenoisingTask da = new DenoisingTask("a", a, 0.5);
        float[] in1 = new float[xa.length];
        float[] t1 = new float[xa.length];
        float[] in2 = new float[xa.length];
        float[] t2 = new float[xa.length];
        da.sample(new Random(3), 4, 0.25, false, in1, t1, null);
        da.sample(new Random(3), 4, 0.25, false, in2, t2, null);
        assertArrayEquals(in1, in2, 0f);
        double noise = 0;
        for (int i = 0; i < in1.length; i++) {
            noise += (in1[i] - t1[i]) * (in1[i] - t1[i]);
        }
        assertEquals(0.5, Math.sqrt(noise / in1.length), 0.1, "input = clean crop + N(0, 0.5²)");
    }
}
