package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Issue 3, must hold: on real photographs (Debian's mate-backgrounds) every file is read, statistics are finite. */
class PhotographsTest {
    static final Path MATE = Path.of("/usr/share/backgrounds/mate");

    @Test
    void everyMateBackgroundIsReadAndStatisticsAreFinite() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(MATE), "mate-backgrounds not installed");
        ImageSource src = ImageSources.parse(MATE.toString(), 128);
        long files;
        try (var walk = Files.walk(MATE)) {
            files = walk.filter(Files::isRegularFile).filter(FolderSource::isImageName).count();
        }
        assertEquals(files, src.count());
        ImageStats s = ImageStats.measure(src, new ImageStats.Options(0, 2_000, 16, 0, ImageStream.defaultThreads()));
        assertTrue(s.skipped().isEmpty(), "skipped: " + s.skipped());
        assertEquals(files, s.imagesRead());
        double ratio = s.cardinalObliqueRatio();
        assertTrue(Double.isFinite(ratio) && ratio > 0, "cardinal/oblique " + ratio);
        double hue = java.util.Arrays.stream(s.hueCounts()).sum();
        assertTrue(hue > 0, "some strongly coloured pixels");
        PowerLaw fit = PowerLaw.fit(Pca.fit(s.covariance()).eigenvalues(), 4, 128);
        assertTrue(Double.isFinite(fit.exponent()) && fit.exponent() < 0 && Double.isFinite(fit.r2()), fit.toString());
    }
}
