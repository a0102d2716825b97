package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.report.StatsReport;

class ImageStatisticsIT {

    @Test
    void quickRunReportsTheClaimsItTests(@TempDir Path dir) throws Exception {
        ImageStatistics.Config c = ImageStatistics.Config.quick().withImages("world:size=96,count=40");
        ImageStatistics.Result r = new ImageStatistics().run(c, 1, dir);
        StatsReport.write(r, dir);
        assertEquals(40, r.imagesRead());
        assertEquals(3_000, r.patchesUsed());
        assertEquals(256, r.eigenvalues().length);
        assertEquals(16, r.components().length);
        assertEquals(r.fit().exponent(), r.summary().pcaPowerlawExponent());
        // on the world the spectrum claims are checks of the stand-in (it was designed to match photographs)
        Claim pl = r.claims().stream().filter(k -> k.id().equals("images.pca_powerlaw_fit")).findFirst().orElseThrow();
        assertEquals(r.fit().r2(), pl.value().mean());
        assertEquals(pl.value().mean() >= 0.95, pl.holds(), "verdict follows the value");
        assertEquals(Claim.Kind.CHECK, pl.kind());
        Claim range = r.claims().stream().filter(k -> k.id().equals("images.world_spectrum")).findFirst().orElseThrow();
        assertEquals(r.fit().exponent(), range.value().mean());
        assertEquals(-3.53, range.threshold(), 0); // the photographs' range at 16×16, ranks 4–100
        assertEquals(-1.29, range.upper(), 0);
        assertTrue(r.claims().stream().noneMatch(k -> k.kind() == Claim.Kind.PAPER), "no paper claim on the world");
        Claim card = r.claims().stream().filter(k -> k.id().equals("images.cardinal_oblique")).findFirst().orElseThrow();
        assertEquals(Claim.Comparator.ABOVE, card.comparator());
        assertEquals(Claim.Kind.CHECK, card.kind(), "the world's edge ratio comes from its own prior: a check");
        assertTrue(Files.size(dir.resolve("pca_components.png")) > 0);
        // rotated by 45°, the orientation claim turns into its mirror image
        ImageStatistics.Result rot = new ImageStatistics().run(c.withRotate(45), 1, dir);
        Claim card45 = rot.claims().stream().filter(k -> k.id().equals("images.cardinal_oblique")).findFirst().orElseThrow();
        assertEquals(Claim.Comparator.BELOW, card45.comparator());
        assertEquals(rot.cardinalObliqueRatio() < 1, card45.holds());
    }
}
