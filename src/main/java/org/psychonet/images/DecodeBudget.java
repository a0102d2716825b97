package org.psychonet.images;

import java.util.concurrent.Semaphore;
import org.psychonet.util.MemoryBudget;

/**
 * One heap budget for decoding images, shared by every decoding thread: a thread holds an estimate of what its
 * image needs (compressed bytes, decoded raster, float planes, resized copy) while it decodes, so a few large
 * photographs decoded at once wait for each other instead of exhausting the heap together. An image that alone
 * needs more than the whole budget is skipped with that reason. The budget is half the heap limit (-Xmx): the
 * rest is for the covariance, the statistics and everything else.
 */
final class DecodeBudget {
    private static final int UNIT = 1 << 16; // permits are 64 KiB units
    private static final long CAPACITY = MemoryBudget.heapLimit() / 2;
    private static final int TOTAL = (int) Math.max(1, Math.min(Integer.MAX_VALUE, CAPACITY / UNIT));
    private static final Semaphore PERMITS = new Semaphore(TOTAL, true);

    private DecodeBudget() {
    }

    /** A held share of the budget; closing returns it. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Heap bytes to decode one image: the compressed file (ImageIO's in-memory stream), a raster of up to 8 bytes
     * per pixel (16-bit RGBA), 12 bytes per pixel of float RGB, and the resized copy with its intermediate plane.
     */
    static long estimate(long fileBytes, long pixels, int shortSide, long w, long h) {
        long resized = 0;
        long s = Math.min(w, h);
        if (shortSide > 0 && s > shortSide) {
            double f = (double) shortSide / s;
            long rw = Math.max(1, Math.round(w * f));
            long rh = Math.max(1, Math.round(h * f));
            resized = MemoryBudget.product(12, h, rw) + MemoryBudget.product(12, rh, rw);
        }
        return MemoryBudget.sum(fileBytes, MemoryBudget.product(20, pixels), resized);
    }

    /** Waits for {@code bytes} of the budget; an image needing more than all of it is unreadable here. */
    static Lease acquire(String name, long bytes) {
        if (bytes > CAPACITY) {
            throw new UnreadableImageException(name, "decoding needs about " + MemoryBudget.human(bytes)
                    + ", more than half of the JVM's heap limit (" + MemoryBudget.human(MemoryBudget.heapLimit())
                    + "); raise it with PSYCHONET_JAVA_OPTS=-Xmx… to read this image");
        }
        int units = (int) Math.min(TOTAL, Math.max(1, (bytes + UNIT - 1) / UNIT));
        try {
            PERMITS.acquire(units);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableImageException(name, "interrupted while waiting to decode");
        }
        return () -> PERMITS.release(units);
    }
}
