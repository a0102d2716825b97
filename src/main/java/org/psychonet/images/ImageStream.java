package org.psychonet.images;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.psychonet.util.Progress;

/**
 * Decodes (or generates) images on several threads and hands per-image results to a sink in index order,
 * so that sums come out bit-identical however the threads are scheduled. At most a few images per thread
 * are alive at once: memory is bounded whatever the number of images.
 */
public final class ImageStream {

    /** An image that could not be read: its index, label and reason (for result.json). */
    public record Skip(long index, String item, String reason) implements java.io.Serializable {
    }

    /** Work done on one image, on a worker thread. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(long index, RgbImage image);
    }

    /** Receives results in index order, on the calling thread. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(long index, T result) throws Exception;
    }

    private ImageStream() {
    }

    /** Threads to use by default: every core. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code work} on images {@code indices[0..n)} of {@code src} with {@code threads} workers; results
     * reach {@code sink} in the order of {@code indices}. Unreadable images are skipped and returned.
     */
    public static <T> List<Skip> run(ImageSource src, long[] indices, int threads, Work<T> work, Sink<T> sink,
                                     String task) throws Exception {
        List<Skip> skips = new ArrayList<>();
        int t = Math.max(1, threads);
        int chunk = 4 * t;
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "psychonet-images-" + threadNo.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        try (Progress progress = task == null ? null : Progress.start(task, indices.length)) {
            List<Future<Object>> pending = new ArrayList<>(chunk);
            for (int start = 0; start < indices.length; start += chunk) {
                int end = Math.min(indices.length, start + chunk);
                pending.clear();
                for (int i = start; i < end; i++) {
                    long idx = indices[i];
                    pending.add(pool.submit(() -> {
                        try {
                            return (Object) work.apply(idx, src.image(idx));
                        } catch (UnreadableImageException e) {
                            return new Skip(idx, e.item(), e.reason());
                        }
                    }));
                }
                for (int i = start; i < end; i++) {
                    Object r;
                    try {
                        r = pending.get(i - start).get();
                    } catch (ExecutionException e) {
                        Throwable c = e.getCause();
                        if (c instanceof Exception ex) {
                            throw ex;
                        }
                        throw new RuntimeException(c);
                    }
                    if (r instanceof Skip s) {
                        skips.add(s);
                    } else {
                        @SuppressWarnings("unchecked")
                        T value = (T) r;
                        sink.accept(indices[i], value);
                    }
                    if (progress != null) {
                        progress.step();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return skips;
    }

    /** Indices 0..n-1. */
    public static long[] range(long n) {
        long[] r = new long[Math.toIntExact(n)];
        for (int i = 0; i < r.length; i++) {
            r[i] = i;
        }
        return r;
    }

    /** Readable images of a batch, in the order asked, and the ones skipped with their reasons. */
    public record Loaded(List<RgbImage> images, long[] indices, List<Skip> skipped) {
    }

    /**
     * Loads images in parallel, leaving out unreadable ones (returned with their reasons, to be counted and
     * reported as {@code stats} does): {@code indices()[i]} is the source index of {@code images().get(i)}.
     */
    public static Loaded loadReadable(ImageSource src, long[] indices, int threads) throws Exception {
        RgbImage[] all = new RgbImage[indices.length];
        List<Skip> skipped = new ArrayList<>();
        for (Skip k : loadInto(src, indices, threads, all)) {
            skipped.add(new Skip(indices[(int) k.index()], k.item(), k.reason())); // source index, not position
        }
        List<RgbImage> images = new ArrayList<>();
        long[] kept = new long[indices.length];
        for (int i = 0; i < all.length; i++) {
            if (all[i] != null) {
                kept[images.size()] = indices[i];
                images.add(all[i]);
            }
        }
        return new Loaded(images, java.util.Arrays.copyOf(kept, images.size()), skipped);
    }

    /** Loads images in parallel (for small batches, e.g. a training batch); unreadable ones are null. */
    public static RgbImage[] load(ImageSource src, long[] indices, int threads) throws Exception {
        RgbImage[] out = new RgbImage[indices.length];
        loadInto(src, indices, threads, out);
        return out;
    }

    /** Fills {@code out[i]} with image {@code indices[i]}; returns the skips (index = position in indices). */
    private static List<Skip> loadInto(ImageSource src, long[] indices, int threads, RgbImage[] out)
            throws Exception {
        long[] pos = range(indices.length);
        return run(new ImageSource() {
            @Override
            public String describe() {
                return src.describe();
            }

            @Override
            public long count() {
                return indices.length;
            }

            @Override
            public String label(long index) {
                return src.label(indices[(int) index]);
            }

            @Override
            public RgbImage image(long index) {
                return src.image(indices[(int) index]);
            }
        }, pos, threads, (i, img) -> img, (i, img) -> out[(int) i] = img, "images");
    }

}
