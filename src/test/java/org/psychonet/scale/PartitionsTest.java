package org.psychonet.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartitionsTest {

    @Test
    void slicesAreContiguousCoverEverythingAndDifferByAtMostOne() {
        List<Integer> items = IntStream.range(0, 23).boxed().toList();
        for (int n : new int[] {1, 2, 5, 23, 40}) {
            List<List<Integer>> s = Partitions.slice(items, n);
            List<Integer> joined = new ArrayList<>();
            s.forEach(joined::addAll);
            assertEquals(items, joined, n + " slices");
            int min = s.stream().mapToInt(List::size).min().orElseThrow();
            int max = s.stream().mapToInt(List::size).max().orElseThrow();
            assertEquals(Math.min(n, 23), s.size());
            assertEquals(true, max - min <= 1, "sizes " + min + ".." + max);
        }
    }

    @Test
    void rangesCoverTheIndicesOnce() {
        List<Partitions.Range> r = Partitions.ranges(1000, 256);
        assertEquals(4, r.size());
        assertEquals(new Partitions.Range(768, 1000), r.get(3));
        assertEquals(0, Partitions.ranges(0, 256).size());
    }
}
