package org.psychonet.images;

import java.util.List;

/**
 * The hue histogram of Methods, "ImageNet hue statistics": every pixel whose HSV saturation and value both
 * lie in [0.5, 1] adds one count to its 1° hue bin (360 bins, bin b = [b°, b+1°)).
 */
public final class HueHistogram {
    public static final int BINS = 360;
    /** Methods: S and V binned over [0.5, 1]. */
    public static final double S_MIN = 0.5;
    public static final double V_MIN = 0.5;

    private final double[] counts;
    private final long images;
    private final List<ImageStream.Skip> skipped;

    public HueHistogram(double[] counts, long images, List<ImageStream.Skip> skipped) {
        this.counts = counts;
        this.images = images;
        this.skipped = List.copyOf(skipped);
    }

    /** Histogram over every image of {@code src} (all cores). */
    public static HueHistogram of(ImageSource src) throws Exception {
        return of(src, src.count(), ImageStream.defaultThreads());
    }

    /** Histogram over the first {@code maxImages} images. */
    public static HueHistogram of(ImageSource src, long maxImages, int threads) throws Exception {
        double[] total = new double[BINS];
        long[] n = {0};
        List<ImageStream.Skip> skips = ImageStream.run(src, ImageStream.range(Math.min(maxImages, src.count())),
                threads, (i, img) -> accumulate(img, new double[BINS]), (i, h) -> {
                    for (int b = 0; b < BINS; b++) {
                        total[b] += h[b];
                    }
                    n[0]++;
                }, "hue histogram");
        return new HueHistogram(total, n[0], skips);
    }

    /** Adds the pixels of one image to {@code bins} (length 360) and returns it. */
    public static double[] accumulate(RgbImage img, double[] bins) {
        int n = img.pixels();
        float[] d = img.data();
        double[] hsv = new double[3];
        for (int p = 0; p < n; p++) {
            double r = d[p];
            double g = d[n + p];
            double b = d[2 * n + p];
            double max = Math.max(r, Math.max(g, b));
            if (max < V_MIN) {
                continue;
            }
            double min = Math.min(r, Math.min(g, b));
            if (max - min < S_MIN * max) {
                continue;
            }
            ColorSpace.rgbToHsv(r, g, b, hsv);
            int bin = (int) Math.floor(hsv[0]);
            bins[bin >= BINS ? BINS - 1 : bin] += 1;
        }
        return bins;
    }

    public double[] counts() {
        return counts;
    }

    /** Counts divided by their sum (a probability per 1° bin). */
    public double[] density() {
        double s = 0;
        for (double c : counts) {
            s += c;
        }
        double[] d = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            d[b] = s > 0 ? counts[b] / s : 0;
        }
        return d;
    }

    /** Images counted. */
    public long images() {
        return images;
    }

    public List<ImageStream.Skip> skipped() {
        return skipped;
    }

    /** Centre (b + 0.5°) of the fullest bin; NaN when no pixel was counted. */
    public double peakDeg() {
        if (java.util.Arrays.stream(counts).sum() <= 0) {
            return Double.NaN;
        }
        int arg = 0;
        for (int b = 1; b < BINS; b++) {
            if (counts[b] > counts[arg]) {
                arg = b;
            }
        }
        return arg + 0.5;
    }
}
