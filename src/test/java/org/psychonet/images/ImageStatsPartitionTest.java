package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.scale.Cluster;
import org.psychonet.scale.SerializingCluster;

/**
 * {@code stats} distributed over partitions equals {@code stats} in one process, bit for bit: histograms, patch
 * covariance, counts and skipped files, whatever the partitioning, the order tasks ran in or the grouping of merges.
 */
class ImageStatsPartitionTest {

    static void assertSame(ImageStats want, ImageStats got, String what) {
        assertArrayEquals(want.hueCounts(), got.hueCounts(), 0.0, what + ": hue histogram");
        assertArrayEquals(want.orientationEnergy(), got.orientationEnergy(), 0.0, what + ": orientation histogram");
        assertEquals(want.imagesRead(), got.imagesRead(), what + ": images read");
        assertEquals(want.pixels(), got.pixels(), what + ": pixels");
        assertEquals(want.skipped(), got.skipped(), what + ": skipped files");
        assertEquals(want.patchCount(), got.patchCount(), what + ": patches");
        if (want.covariance() != null) {
            assertArrayEquals(want.covariance().mean(), got.covariance().mean(), 0.0, what + ": patch mean");
            double[][] a = want.covariance().covariance();
            double[][] b = got.covariance().covariance();
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0.0, what + ": covariance row " + i);
            }
        }
    }

    @Test
    void worldStatisticsDoNotDependOnThePartitioning() throws Exception {
        String spec = "world:size=40,count=150,seed=5"; // 10 ranges of ≤ 16 images
        ImageSource src = ImageSources.parse(spec);
        ImageStats.Options o = new ImageStats.Options(0, 400, 8, 11, 2);
        ImageStats single = ImageStats.measure(src, o);
        assertEquals(150, single.imagesRead());
        assertEquals(400, single.patchCount());
        for (int parts : new int[] {1, 3, 10}) {
            try (Cluster c = new SerializingCluster(parts)) {
                ImageStats split = ImageStats.measure(src, () -> ImageSources.parse(spec), o, c, parts, 16);
                assertSame(single, split, parts + " partitions");
            }
        }
        ImageStats oneThread = ImageStats.measure(src, new ImageStats.Options(0, 400, 8, 11, 1));
        assertSame(single, oneThread, "1 thread vs 2");
    }

    @Test
    void skippedFilesAreTheSameAndInIndexOrder(@TempDir Path dir) throws Exception {
        ImageSource world = ImageSources.parse("world:size=36,count=60,seed=2");
        for (int i = 0; i < 60; i++) {
            ImageFiles.writePng(world.image(i), dir.resolve(String.format("img%03d.png", i)));
        }
        Files.writeString(dir.resolve("img010.png"), "not a png");
        byte[] png = Files.readAllBytes(dir.resolve("img050.png"));
        Files.write(dir.resolve("img050.png"), java.util.Arrays.copyOf(png, png.length / 3));
        String spec = dir.toString();
        ImageSource src = ImageSources.parse(spec);
        ImageStats.Options o = new ImageStats.Options(0, 100, 6, 1, 2);
        ImageStats single = ImageStats.measure(src, o);
        assertEquals(2, single.skipped().size(), "two damaged files: " + single.skipped());
        assertTrue(single.skipped().get(0).item().contains("img010"), single.skipped().toString());
        assertTrue(single.skipped().get(1).item().contains("img050"), single.skipped().toString());
        try (Cluster c = new SerializingCluster(9)) {
            // the damaged files fall in different partitions; the list still comes out in index order
            ImageStats split = ImageStats.measure(src, () -> ImageSources.parse(spec), o, c, 3, 8);
            assertSame(single, split, "folder, 3 partitions");
        }
    }

    @Test
    void anExecutorThatSeesOtherImagesIsRefused() throws Exception {
        ImageSource src = ImageSources.parse("world:size=32,count=40,seed=1");
        ImageStats.Options o = new ImageStats.Options(0, 0, 8, 0, 1);
        try (Cluster c = new SerializingCluster(1)) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> ImageStats.measure(src,
                    () -> ImageSources.parse("world:size=32,count=40,seed=2"), o, c, 1));
            assertTrue(e.getMessage().contains("differ between the driver and an executor"), e.getMessage());
        }
    }
}
