package org.psychonet.learning.cnn;

import java.util.Random;
import org.psychonet.util.InvalidInputException;

/**
 * The training images of one condition, square and of one side, held as 8-bit RGB (a quarter of the memory of
 * floats; photographs are 8-bit anyway). Images are added one at a time, so building a pool from a folder or the
 * world holds at most one decoded image beside it: memory is the pool's bytes, known before the first image is
 * read ({@link #bytesNeeded}).
 *
 * <p>Training batches are random crops of pool images ({@link #crop}), resampled to the network's input size and
 * standardized with ImageNet's channel statistics (the input units of torchvision's networks and of psychonet's
 * stimuli).
 */
public final class ImagePool {
    /** torchvision's ImageNet channel statistics. */
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final int side;
    private final int capacity;
    private final byte[] pixels;
    private int count;

    private ImagePool(int capacity, int side) {
        this.side = side;
        this.capacity = capacity;
        this.pixels = new byte[Math.toIntExact(bytesNeeded(capacity, side))];
    }

    /** Bytes a pool of {@code count} images of {@code side}² needs. */
    public static long bytesNeeded(long count, int side) {
        return count * 3L * side * side;
    }

    /**
     * An empty pool for up to {@code capacity} images; refused with one line (parameter {@code sourceImages})
     * when it would not fit in half of the heap this JVM may still use.
     */
    public static ImagePool withCapacity(int capacity, int side) {
        InvalidInputException.requireParameter(capacity >= 1 && side >= 1, "sourceImages",
                "must be at least 1 (and the image side positive)");
        long need = bytesNeeded(capacity, side);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        InvalidInputException.requireParameter(need <= Integer.MAX_VALUE - 16 && need <= free / 2, "sourceImages",
                capacity + " images of " + side + "² px need " + (need >> 20) + " MB of training-image memory, more "
                        + "than half of the " + (free >> 20) + " MB free; give fewer images, a smaller source side "
                        + "or a larger heap (PSYCHONET_JAVA_OPTS=-Xmx…)");
        return new ImagePool(capacity, side);
    }

    /** Adds an RGB image (channel-major, values in [0, 1], side × side); returns its index. */
    public int add(float[] chw) {
        if (chw.length != 3 * side * side) {
            throw new IllegalArgumentException("image has " + chw.length + " values, expected 3×" + side + "²");
        }
        if (count == capacity) {
            throw new IllegalStateException("pool is full (" + capacity + " images)");
        }
        int base = count * 3 * side * side;
        for (int i = 0; i < chw.length; i++) {
            float v = chw[i];
            int q = Math.round((v < 0 ? 0 : v > 1 ? 1 : v) * 255f);
            pixels[base + i] = (byte) q;
        }
        return count++;
    }

    public int size() {
        return count;
    }

    public int side() {
        return side;
    }

    /** Pixel value in [0, 1] of image i, channel c, row y, column x. */
    public float value(int i, int c, int y, int x) {
        return (pixels[((i * 3 + c) * side + y) * side + x] & 0xff) / 255f;
    }

    /** Image i as floats in [0, 1], channel-major. */
    public float[] image(int i) {
        int n = 3 * side * side;
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            out[k] = (pixels[i * n + k] & 0xff) / 255f;
        }
        return out;
    }

    /**
     * A random square crop of image i covering a fraction in [minScale, 1] of its area, at a uniform position,
     * resampled bilinearly to size×size, mirrored left-right with probability ½ when {@code flip}, standardized,
     * and written into {@code out} at {@code offset}. The generator's draws are the same whatever the image.
     */
    public void crop(int i, Random rng, int size, double minScale, boolean flip, float[] out, int offset) {
        double scale = minScale + (1 - minScale) * rng.nextDouble();
        double cropSide = Math.max(1, Math.sqrt(scale) * side);
        double top = rng.nextDouble() * (side - cropSide);
        double left = rng.nextDouble() * (side - cropSide);
        boolean mirror = flip && rng.nextBoolean();
        double step = cropSide / size;
        int plane = side * side;
        int base = i * 3 * plane;
        for (int r = 0; r < size; r++) {
            double y = top + (r + 0.5) * step - 0.5;
            int y0 = clamp((int) Math.floor(y));
            int y1 = clamp(y0 + 1);
            double fy = Math.min(1, Math.max(0, y - Math.floor(y)));
            for (int col = 0; col < size; col++) {
                int cc = mirror ? size - 1 - col : col;
                double x = left + (cc + 0.5) * step - 0.5;
                int x0 = clamp((int) Math.floor(x));
                int x1 = clamp(x0 + 1);
                double fx = Math.min(1, Math.max(0, x - Math.floor(x)));
                for (int c = 0; c < 3; c++) {
                    int b = base + c * plane;
                    double v = (1 - fy) * ((1 - fx) * u8(b + y0 * side + x0) + fx * u8(b + y0 * side + x1))
                            + fy * ((1 - fx) * u8(b + y1 * side + x0) + fx * u8(b + y1 * side + x1));
                    out[offset + (c * size + r) * size + col] = (float) ((v - MEAN[c]) / STD[c]);
                }
            }
        }
    }

    private double u8(int k) {
        return (pixels[k] & 0xff) / 255.0;
    }

    private int clamp(int v) {
        return Math.max(0, Math.min(side - 1, v));
    }
}
