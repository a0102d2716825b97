package org.psychonet.images;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.psychonet.scale.Cluster;
import org.psychonet.scale.ExactSum;
import org.psychonet.scale.ExecutorCache;
import org.psychonet.scale.Partitions;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.MemoryBudget;

/**
 * Statistics of an image collection measured in one streaming pass: the hue histogram (Methods, "ImageNet
 * hue statistics"), the energy-weighted orientation histogram, and the covariance of random greyscale
 * patches for PCA (Fig. 5b). Memory holds one covariance block and a few images per thread, whatever the
 * number of images.
 *
 * <p>The pass is defined before any image is read ({@link Pass}: which images, which take how many patches, at
 * positions drawn from (seed, image index)), and every image adds to {@link Partial} sums that merge exactly
 * (correctly rounded histogram sums, integer patch moments). So the same pass cut into any partitions — threads
 * here, executors of a Spark cluster ({@link #measure(ImageSource, SourceRecipe, Options, Cluster)}) — gives
 * bitwise the same statistics.
 */
public final class ImageStats {
    /** Images per unit of distributed work (a range of consecutive indices). */
    static final int CHUNK = 256;

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

    /** How an executor rebuilds the source the driver measured (e.g. from the command's settings). */
    @FunctionalInterface
    public interface SourceRecipe extends Serializable {
        ImageSource open();
    }

    private final double[] hue;
    private final double[] orientation;
    private final Covariance covariance;
    private final long imagesRead;
    private final long pixels;
    private final List<ImageStream.Skip> skipped;
    private final double seconds;

    private ImageStats(Partial p, double seconds) {
        this.hue = p.hue.values();
        this.orientation = p.orientation.values();
        this.covariance = p.covariance;
        this.imagesRead = p.images;
        this.pixels = p.pixels;
        List<ImageStream.Skip> s = new ArrayList<>(p.skipped);
        s.sort(Comparator.comparingLong(ImageStream.Skip::index));
        this.skipped = List.copyOf(s);
        this.seconds = seconds;
    }

    /**
     * One pass, fixed before reading: the first {@code images} images of a source, the patches each gives, and a
     * fingerprint of the source (so an executor that rebuilt it can check it sees the same images in the same
     * order).
     *
     * @param plan   patch plan (null: no PCA)
     * @param source the source's description, size and a digest of its labels
     */
    public record Pass(long images, PatchSampler.Plan plan, String source) implements Serializable {

        /**
         * The pass {@code o} asks for over {@code src}; {@code fingerprint}: digest the source's labels (for passes
         * that executors will check), else describe it only.
         */
        public static Pass of(ImageSource src, Options o, boolean fingerprint) {
            long n = o.maxImages() > 0 ? Math.min(o.maxImages(), src.count()) : src.count();
            // impossible sizes are refused before anything is allocated (the index of every image in a pass)
            MemoryBudget.requireHeap("maxImages", n, MemoryBudget.product(16, n), n, "the plan of " + n + " images");
            PatchSampler.Plan plan = o.patches() > 0 && n > 0
                    ? PatchSampler.plan(n, o.patches(), o.patchSize(), o.seed(), 0) : null;
            if (plan != null) {
                // each image's patches are held until folded into the covariance: up to 5 per thread in flight
                int most = Arrays.stream(plan.perImage()).max().orElse(0);
                long dim = (long) o.patchSize() * o.patchSize();
                MemoryBudget.requireHeap("patches", o.patches(), MemoryBudget.product(4, most, dim,
                        5L * o.threads()), MemoryBudget.product(most, dim), "up to " + most + " patches per image "
                        + "held while they are folded into the covariance (fewer patches, or more images)");
            }
            return new Pass(n, plan, fingerprint ? fingerprint(src) : src.describe());
        }

        /** Patches image {@code index} gives (0 when it is not in the plan). */
        int patchesOf(long index) {
            if (plan == null) {
                return 0;
            }
            int i = Arrays.binarySearch(plan.images(), index);
            return i >= 0 ? plan.perImage()[i] : 0;
        }

        /** Nothing measured yet. */
        public Partial empty() {
            return new Partial(plan == null ? null : new Covariance(plan.size() * plan.size()));
        }

        /** Measures images [from, to) of {@code src} on {@code threads} threads (progress bar named {@code task}). */
        public Partial measure(ImageSource src, List<Partitions.Range> ranges, int threads, String task)
                throws Exception {
            long total = 0;
            for (Partitions.Range r : ranges) {
                total += r.size();
            }
            long[] indices = new long[Math.toIntExact(total)];
            int k = 0;
            for (Partitions.Range r : ranges) {
                for (long i = r.from(); i < r.to(); i++) {
                    indices[k++] = i;
                }
            }
            Partial acc = empty();
            int size = plan == null ? 0 : plan.size();
            long seed = plan == null ? 0 : plan.seed();
            acc.skipped.addAll(ImageStream.run(src, indices, threads, (i, img) -> {
                int n = patchesOf(i);
                return new Image(HueHistogram.accumulate(img, new double[HueHistogram.BINS]),
                        OrientationHistogram.accumulate(img, new double[OrientationHistogram.BINS]),
                        n > 0 ? PatchSampler.extract(img, i, n, size, seed) : new float[0], img.pixels());
            }, (i, image) -> acc.add(image), task));
            return acc;
        }
    }

    /** One image's contribution, computed on a worker thread. */
    private record Image(double[] hue, double[] orientation, float[] patches, long pixels) {
    }

    /**
     * Sums over some of a pass's images — exact, so partials merge to the same bits in any grouping. Skipped files
     * keep their index; the finished statistics list them in index order.
     */
    public static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ExactSum hue = new ExactSum(HueHistogram.BINS);
        private final ExactSum orientation = new ExactSum(OrientationHistogram.BINS);
        private final Covariance covariance;
        private long images;
        private long pixels;
        private final ArrayList<ImageStream.Skip> skipped = new ArrayList<>();

        private Partial(Covariance covariance) {
            this.covariance = covariance;
        }

        private void add(Image img) {
            hue.addAll(img.hue());
            orientation.addAll(img.orientation());
            if (covariance != null && img.patches().length > 0) {
                covariance.add(img.patches(), 0, img.patches().length / covariance.dim());
            }
            images++;
            pixels += img.pixels();
        }

        /** Adds {@code other}'s sums into this one and returns this. */
        public Partial merge(Partial other) {
            hue.merge(other.hue);
            orientation.merge(other.orientation);
            if (covariance != null) {
                covariance.merge(other.covariance);
            }
            images += other.images;
            pixels += other.pixels;
            skipped.addAll(other.skipped);
            return this;
        }

        public long images() {
            return images;
        }
    }

    /** Measures {@code src} in this process, on {@code o.threads()} threads. */
    public static ImageStats measure(ImageSource src, Options o) throws Exception {
        long t0 = System.nanoTime();
        Pass pass = Pass.of(src, o, false);
        Partial p = pass.measure(src, List.of(new Partitions.Range(0, pass.images())), o.threads(),
                "image statistics");
        return new ImageStats(p, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Measures {@code src} on a cluster: ranges of {@value #CHUNK} consecutive images go to the executors, each of
     * which rebuilds the source with {@code recipe} (once per JVM) and checks it against the driver's fingerprint;
     * their partial sums merge into bitwise the statistics {@link #measure(ImageSource, Options)} gives.
     *
     * @param partitions tasks (≤ 0: four per core of the cluster)
     */
    public static ImageStats measure(ImageSource src, SourceRecipe recipe, Options o, Cluster cluster,
                                     int partitions) throws Exception {
        return measure(src, recipe, o, cluster, partitions, CHUNK);
    }

    /** As above with ranges of {@code chunk} images (tests use small ones). */
    static ImageStats measure(ImageSource src, SourceRecipe recipe, Options o, Cluster cluster, int partitions,
                              int chunk) throws Exception {
        long t0 = System.nanoTime();
        Pass pass = Pass.of(src, o, true);
        List<Partitions.Range> ranges = Partitions.ranges(pass.images(), chunk);
        int parts = partitions > 0 ? partitions : 4 * cluster.parallelism();
        Partial p = ranges.isEmpty() ? pass.empty() : cluster.aggregate(ranges, Math.min(parts, ranges.size()),
                slice -> pass.measure(executorSource(recipe, pass), slice, 1, null), Partial::merge);
        return new ImageStats(p, (System.nanoTime() - t0) / 1e9);
    }

    /** The source rebuilt on an executor, once per JVM, refused unless it is the driver's. */
    private static ImageSource executorSource(SourceRecipe recipe, Pass pass) {
        return ExecutorCache.get(pass.source(), () -> {
            ImageSource s = recipe.open();
            String here = fingerprint(s);
            if (!here.equals(pass.source())) {
                throw new InvalidInputException("the images differ between the driver and an executor (driver: "
                        + pass.source() + "; executor: " + here + "); give every executor the same folder at the "
                        + "same path (a shared file system)");
            }
            return s;
        });
    }

    /** The source's description, image count and a digest of its labels (file names, in order). */
    static String fingerprint(ImageSource src) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (long i = 0; i < src.count(); i++) {
                md.update(src.label(i).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return src.describe() + ", " + src.count() + " images, labels sha256 "
                    + HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    /** Unreadable images in index order, with their reasons. */
    public List<ImageStream.Skip> skipped() {
        return skipped;
    }

    /** Wall time of the pass. */
    public double seconds() {
        return seconds;
    }
}
