package org.psychonet.images;

import java.util.List;
import org.psychonet.util.MemoryBudget;

/**
 * Statistics of an image collection measured in one streaming pass (images decoded on every core, results
 * folded in index order so the numbers do not depend on thread timing): the hue histogram (Methods, "ImageNet
 * hue statistics"), the energy-weighted orientation histogram, and the covariance of random greyscale
 * patches for PCA (Fig. 5b). Memory holds one covariance block and a few images per thread, whatever the
 * number of images.
 */
public final class ImageStats {

    /**
     * @param maxImages   images to read (the first ones of the source), ≤ 0 for all
     * @param patches     patches for the PCA (Methods: over 100,000), 0 for none
     * @param patchSize   patch side (Methods: 32)
     * @param seed        patch positions and image choice
     * @param threads     decoding threads
     */
    public record Options(long maxImages, int patches, int patchSize, long seed, int threads) {
        public Options {
            if (patches < 0 || patchSize < 1 || threads < 1) {
                throw new IllegalArgumentException("patches ≥ 0, patch size ≥ 1 and threads ≥ 1 needed");
            }
        }
    }

    private final double[] hue;
    private final double[] orientation;
    private final Covariance covariance;
    private final long imagesRead;
    private final long pixels;
    private final List<ImageStream.Skip> skipped;
    private final double seconds;

    private ImageStats(double[] hue, double[] orientation, Covariance covariance, long imagesRead, long pixels,
                       List<ImageStream.Skip> skipped, double seconds) {
        this.hue = hue;
        this.orientation = orientation;
        this.covariance = covariance;
        this.imagesRead = imagesRead;
        this.pixels = pixels;
        this.skipped = List.copyOf(skipped);
        this.seconds = seconds;
    }

    /** Per-image partial results, computed on a worker thread. */
    private record Partial(double[] hue, double[] orientation, float[] patches, long pixels) {
    }

    public static ImageStats measure(ImageSource src, Options o) throws Exception {
        long n = o.maxImages() > 0 ? Math.min(o.maxImages(), src.count()) : src.count();
        MemoryBudget.requireHeap("maxImages", n, MemoryBudget.product(12, n), n, "the plan of " + n + " images");
        int[] perImage = new int[(int) n];
        if (o.patches() > 0) {
            PatchSampler.Plan plan = PatchSampler.plan(n, o.patches(), o.patchSize(), o.seed(), 0);
            int most = 0;
            for (int i = 0; i < plan.images().length; i++) {
                perImage[(int) plan.images()[i]] = plan.perImage()[i];
                most = Math.max(most, plan.perImage()[i]);
            }
            // each image's patches are held until folded into the covariance: up to 5 per thread in flight
            long dim = (long) o.patchSize() * o.patchSize();
            MemoryBudget.requireHeap("patches", o.patches(), MemoryBudget.product(4, most, dim, 5L * o.threads()),
                    MemoryBudget.product(most, dim), "up to " + most + " patches per image held while they are "
                            + "folded into the covariance (fewer patches, or more images)");
        }
        double[] hue = new double[HueHistogram.BINS];
        double[] ori = new double[OrientationHistogram.BINS];
        Covariance cov = o.patches() > 0 ? new Covariance(o.patchSize() * o.patchSize()) : null;
        long[] read = {0, 0};
        long t0 = System.nanoTime();
        List<ImageStream.Skip> skips = ImageStream.run(src, ImageStream.range(n), o.threads(), (i, img) -> {
            double[] h = HueHistogram.accumulate(img, new double[HueHistogram.BINS]);
            double[] or = OrientationHistogram.accumulate(img, new double[OrientationHistogram.BINS]);
            int k = perImage[(int) i];
            float[] p = k > 0 ? PatchSampler.extract(img, i, k, o.patchSize(), o.seed()) : new float[0];
            return new Partial(h, or, p, img.pixels());
        }, (i, part) -> {
            for (int b = 0; b < hue.length; b++) {
                hue[b] += part.hue()[b];
            }
            for (int b = 0; b < ori.length; b++) {
                ori[b] += part.orientation()[b];
            }
            if (cov != null && part.patches().length > 0) {
                cov.add(part.patches(), 0, part.patches().length / cov.dim());
            }
            read[0]++;
            read[1] += part.pixels();
        }, "image statistics");
        return new ImageStats(hue, ori, cov, read[0], read[1], skips, (System.nanoTime() - t0) / 1e9);
    }

    /** Hue counts per 1° bin (pixels with S, V ∈ [0.5, 1]). */
    public double[] hueCounts() {
        return hue;
    }

    /** Gradient energy per 1° bin of edge orientation. */
    public double[] orientationEnergy() {
        return orientation;
    }

    public double cardinalObliqueRatio() {
        return OrientationHistogram.cardinalObliqueRatio(orientation);
    }

    /** The patch covariance accumulator, or null when no patches were asked for. */
    public Covariance covariance() {
        return covariance;
    }

    /** Patches actually sampled (fewer than asked when images were skipped or too small). */
    public long patchCount() {
        return covariance == null ? 0 : covariance.count();
    }

    public long imagesRead() {
        return imagesRead;
    }

    public long pixels() {
        return pixels;
    }

    public List<ImageStream.Skip> skipped() {
        return skipped;
    }

    /** Wall time of the pass. */
    public double seconds() {
        return seconds;
    }
}
