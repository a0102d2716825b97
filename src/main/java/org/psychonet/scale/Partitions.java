package org.psychonet.scale;

import java.util.ArrayList;
import java.util.List;

/** Cutting work into partitions and ranges, the same way wherever it runs. */
public final class Partitions {
    private Partitions() {
    }

    /**
     * {@code items} cut into {@code n} contiguous slices whose sizes differ by at most one — slice i holds
     * [i·size/n, (i+1)·size/n), Spark's ParallelCollectionRDD rule — empty slices left out.
     */
    public static <T> List<List<T>> slice(List<T> items, int n) {
        int parts = Math.max(1, n);
        List<List<T>> out = new ArrayList<>();
        long size = items.size();
        for (int i = 0; i < parts; i++) {
            int from = (int) (i * size / parts);
            int to = (int) ((i + 1) * size / parts);
            if (to > from) {
                out.add(new ArrayList<>(items.subList(from, to)));
            }
        }
        return out;
    }

    /** [from, to) ranges of at most {@code chunk} consecutive indices covering [0, n). */
    public static List<Range> ranges(long n, long chunk) {
        List<Range> out = new ArrayList<>();
        for (long s = 0; s < n; s += chunk) {
            out.add(new Range(s, Math.min(n, s + chunk)));
        }
        return out;
    }

    /** Indices [from, to). */
    public record Range(long from, long to) implements java.io.Serializable {
        public long size() {
            return to - from;
        }
    }
}
