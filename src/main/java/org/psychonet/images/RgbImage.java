package org.psychonet.images;

import java.util.Arrays;

/**
 * A colour image in CHW layout (channel planes R, G, B, each row-major), values in [0, 1].
 *
 * @param height rows
 * @param width  columns
 * @param data   3·height·width floats: R plane, then G, then B
 */
public record RgbImage(int height, int width, float[] data) {

    public RgbImage {
        if (height < 1 || width < 1 || data == null || data.length != 3 * height * width) {
            throw new IllegalArgumentException("RgbImage needs 3·" + height + "·" + width + " values, got "
                    + (data == null ? "null" : data.length));
        }
    }

    /** A black image. */
    public static RgbImage blank(int height, int width) {
        return new RgbImage(height, width, new float[3 * height * width]);
    }

    public int pixels() {
        return height * width;
    }

    /** Channel c (0 = R, 1 = G, 2 = B) at row y, column x. */
    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }

    /**
     * Luma Y' = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601, the weights of PIL's and torchvision's
     * greyscale conversion, which the paper used for its greyscale patches).
     */
    public float[] luma() {
        int n = pixels();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = 0.299f * data[i] + 0.587f * data[n + i] + 0.114f * data[2 * n + i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage r && r.height == height && r.width == width && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RgbImage[" + height + "x" + width + "]";
    }
}
