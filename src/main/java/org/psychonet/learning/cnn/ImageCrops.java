package org.psychonet.learning.cnn;

import java.util.Random;

/**
 * Image operations of the training pipeline on channel-major float images in [0, 1]: box-filter
 * downscaling, random-resized square crops resampled bilinearly, optional horizontal flips, and
 * ImageNet standardization (the input units of torchvision's networks and of psychonet's stimuli).
 */
public final class ImageCrops {
    /** torchvision's ImageNet channel statistics. */
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    private ImageCrops() {
    }

    /**
     * Shrinks an image by area averaging so that its shorter side is at most {@code maxShort}
     * (no-op when already small enough); area averaging avoids the grid-aligned aliasing that would
     * itself bias orientation statistics.
     */
    public static ImageClassTask.Img shrink(ImageClassTask.Img img, int maxShort) {
        int h = img.height();
        int w = img.width();
        int shortSide = Math.min(h, w);
        if (shortSide <= maxShort) {
            return img;
        }
        double f = (double) shortSide / maxShort;
        int nh = Math.max(1, (int) Math.round(h / f));
        int nw = Math.max(1, (int) Math.round(w / f));
        float[] out = new float[3 * nh * nw];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < nh; i++) {
                int y0 = (int) Math.floor((double) i * h / nh);
                int y1 = Math.max(y0 + 1, (int) Math.floor((double) (i + 1) * h / nh));
                for (int j = 0; j < nw; j++) {
                    int x0 = (int) Math.floor((double) j * w / nw);
                    int x1 = Math.max(x0 + 1, (int) Math.floor((double) (j + 1) * w / nw));
                    double s = 0;
                    for (int y = y0; y < y1; y++) {
                        int row = (c * h + y) * w;
                        for (int x = x0; x < x1; x++) {
                            s += img.chw()[row + x];
                        }
                    }
                    out[(c * nh + i) * nw + j] = (float) (s / ((y1 - y0) * (x1 - x0)));
                }
            }
        }
        return new ImageClassTask.Img(nh, nw, out);
    }

    /**
     * A random square crop covering a fraction in [minScale, 1] of the largest square that fits,
     * at a uniform position, resampled bilinearly to size×size, flipped left-right with probability ½
     * when {@code flip}, and standardized; written into {@code out} at {@code offset}.
     */
    public static void randomCrop(ImageClassTask.Img img, int size, double minScale, boolean flip, Random rng,
                                  float[] out, int offset) {
        int h = img.height();
        int w = img.width();
        int full = Math.min(h, w);
        double scale = minScale + (1 - minScale) * rng.nextDouble();
        double side = Math.max(1, Math.sqrt(scale) * full);
        double top = rng.nextDouble() * (h - side);
        double left = rng.nextDouble() * (w - side);
        boolean mirror = flip && rng.nextBoolean();
        double step = side / size;
        float[] src = img.chw();
        for (int i = 0; i < size; i++) {
            double y = top + (i + 0.5) * step - 0.5;
            int y0 = clamp((int) Math.floor(y), h);
            int y1 = clamp(y0 + 1, h);
            double fy = Math.min(1, Math.max(0, y - Math.floor(y)));
            for (int j = 0; j < size; j++) {
                int jj = mirror ? size - 1 - j : j;
                double x = left + (jj + 0.5) * step - 0.5;
                int x0 = clamp((int) Math.floor(x), w);
                int x1 = clamp(x0 + 1, w);
                double fx = Math.min(1, Math.max(0, x - Math.floor(x)));
                for (int c = 0; c < 3; c++) {
                    int base = c * h * w;
                    double v = (1 - fy) * ((1 - fx) * src[base + y0 * w + x0] + fx * src[base + y0 * w + x1])
                            + fy * ((1 - fx) * src[base + y1 * w + x0] + fx * src[base + y1 * w + x1]);
                    out[offset + (c * size + i) * size + j] = (float) ((v - MEAN[c]) / STD[c]);
                }
            }
        }
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }
}
