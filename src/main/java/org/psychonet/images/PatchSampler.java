package org.psychonet.images;

import java.util.Arrays;
import org.psychonet.util.MemoryBudget;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random greyscale (luma) patches, deterministic from a seed (Methods, "Linear network experiments":
 * over 100,000 32×32 greyscale image portions). By default patches are spread over as many images as
 * possible: with at least n images, n distinct images (chosen from the seed) give one patch each; with fewer,
 * every image gives ⌊n / count⌋ or ⌈n / count⌉. Positions within an image come from (seed, image index).
 */
public final class PatchSampler {

    /** Which images give how many patches. */
    public record Plan(long[] images, int[] perImage, int size, long seed) implements java.io.Serializable {
        /** Total patches planned. */
        public int total() {
            return Arrays.stream(perImage).sum();
        }

        /** Global row of the first patch of plan entry {@code i}. */
        public int[] offsets() {
            int[] off = new int[perImage.length];
            for (int i = 1; i < off.length; i++) {
                off[i] = off[i - 1] + perImage[i - 1];
            }
            return off;
        }
    }

    private PatchSampler() {
    }

    /** n patches of size×size from src, spread over as many images as possible. */
    public static Patches sample(ImageSource src, int n, int size, long seed) {
        return sample(src, plan(src.count(), n, size, seed, 0), ImageStream.defaultThreads());
    }

    /** n patches taking {@code perImage} from each image used (fewer images, faster for generated worlds). */
    public static Patches sample(ImageSource src, int n, int size, long seed, int perImage) {
        return sample(src, plan(src.count(), n, size, seed, perImage), ImageStream.defaultThreads());
    }

    /**
     * Plans n patches over {@code count} images; {@code perImage} ≤ 0 means "as few per image as possible".
     */
    public static Plan plan(long count, int n, int size, long seed, int perImage) {
        if (n < 1 || size < 1 || count < 1) {
            throw new IllegalArgumentException("need n ≥ 1 patches of size ≥ 1 from ≥ 1 image");
        }
        long used = perImage > 0 ? Math.min(count, (n + (long) perImage - 1) / perImage) : Math.min(count, n);
        long[] images = used == count ? ImageStream.range(count)
                : choose(count, (int) used, new SplittableRandom(World.mix(seed, -1)));
        // n patches shared as evenly as possible: the first n mod used images give one more
        int[] perImg = new int[images.length];
        for (int i = 0; i < images.length; i++) {
            perImg[i] = (int) (n / used + (i < n % used ? 1 : 0));
        }
        return new Plan(images, perImg, size, seed);
    }

    /** k distinct indices of [0, count), sorted (Floyd's algorithm). */
    static long[] choose(long count, int k, SplittableRandom rng) {
        Set<Long> chosen = new HashSet<>(2 * k);
        for (long j = count - k; j < count; j++) {
            long t = rng.nextLong(j + 1);
            if (!chosen.add(t)) {
                chosen.add(j);
            }
        }
        long[] r = chosen.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(r);
        return r;
    }

    /** Samples a plan, decoding images on {@code threads} threads. */
    public static Patches sample(ImageSource src, Plan plan, int threads) {
        int d = plan.size() * plan.size();
        MemoryBudget.requireHeap("patches", plan.total(), MemoryBudget.product(4, plan.total(), d),
                MemoryBudget.product(plan.total(), d), plan.total() + " patches of " + plan.size() + "² kept in memory");
        float[] data = new float[Math.toIntExact(MemoryBudget.product(plan.total(), d))];
        long[] pos = ImageStream.range(plan.images().length);
        int[] filled = {0};
        List<ImageStream.Skip> skips;
        try {
            // results arrive in plan order: copy each image's patches to the next free rows (skips close gaps)
            skips = ImageStream.run(new PlanSource(src, plan), pos, threads,
                    (i, img) -> extract(img, plan.images()[(int) i], plan.perImage()[(int) i], plan.size(), plan.seed()),
                    (i, rows) -> {
                        System.arraycopy(rows, 0, data, filled[0] * d, rows.length);
                        filled[0] += rows.length / d;
                    }, "patches");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int got = filled[0];
        float[] out = got == plan.total() ? data : Arrays.copyOf(data, got * d);
        return new Patches(got, plan.size(), out, plan.images().length - skips.size(), skips.size());
    }

    /**
     * {@code k} patches from one image at positions drawn from (seed, imageIndex); images smaller than a
     * patch give none.
     */
    public static float[] extract(RgbImage img, long imageIndex, int k, int size, long seed) {
        if (img.height() < size || img.width() < size) {
            return new float[0];
        }
        float[] luma = img.luma();
        SplittableRandom rng = new SplittableRandom(World.mix(seed ^ 0x5DEECE66DL, imageIndex));
        float[] out = new float[k * size * size];
        int w = img.width();
        for (int p = 0; p < k; p++) {
            int y0 = rng.nextInt(img.height() - size + 1);
            int x0 = rng.nextInt(w - size + 1);
            for (int y = 0; y < size; y++) {
                System.arraycopy(luma, (y0 + y) * w + x0, out, (p * size + y) * size, size);
            }
        }
        return out;
    }

    /** The planned images as a source indexed by plan position. */
    private record PlanSource(ImageSource src, Plan plan) implements ImageSource {
        @Override
        public String describe() {
            return src.describe();
        }

        @Override
        public long count() {
            return plan.images().length;
        }

        @Override
        public RgbImage image(long index) {
            return src.image(plan.images()[(int) index]);
        }

        @Override
        public String label(long index) {
            return src.label(plan.images()[(int) index]);
        }
    }

}
