package org.psychonet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.psychonet.report.plot.Axis;
import org.psychonet.report.plot.Plot;

class PaperFiguresTest {

    @Test
    void claimReferencesNameTheirFigure() {
        assertEquals(Optional.of("fig5c"), PaperFigures.reference("Fig. 5c / eq. 7"));
        assertEquals(Optional.of("fig6d"), PaperFigures.reference("Methods (Fig. 6d)"));
        assertEquals(Optional.of("sifig1b"), PaperFigures.reference("SI Fig. 1b"));
        assertEquals(Optional.of("fig6"), PaperFigures.reference("Fig. 6 (control)"));
        assertEquals(Optional.of("fig2"), PaperFigures.reference("Fig. 2"));
        assertEquals(Optional.empty(), PaperFigures.reference("eq. 8"));
    }

    @Test
    void panelsSortInThePapersOrder() {
        List<String> ids = new ArrayList<>(List.of("sifig2", "fig6d", "", "fig3b", "sifig1a", "fig2c", "fig5h",
                "fig5b", "fig3d"));
        ids.sort(Comparator.comparingInt(PaperFigures::order));
        assertEquals(List.of("fig2c", "fig3b", "fig3d", "fig5b", "fig5h", "fig6d", "sifig1a", "sifig2", ""), ids);
        assertEquals("SI Fig. 1b", PaperFigures.label("sifig1b"));
        assertEquals("Fig. 2c", PaperFigures.label("fig2c"));
        assertEquals("SI Fig. 2", PaperFigures.label("sifig2"));
        assertFalse(PaperFigures.paperShowed("fig2c").isEmpty());
        assertFalse(PaperFigures.paperShowed("sifig2").isEmpty());
        assertEquals("", PaperFigures.paperShowed("fig9z"));
    }

    @Test
    void everyPanelOfTheTableBelongsToItsFigure() {
        for (PaperFigures.PaperFigure f : PaperFigures.FIGURES) {
            for (String panel : f.panels().keySet()) {
                assertTrue(panel.startsWith(f.id()), panel + " in " + f.id());
                assertEquals(f, PaperFigures.figure(panel).orElseThrow());
            }
        }
    }

    @Test
    void panelFileIsAPlainStem() {
        Plot p = Plot.of("", Axis.linear("x"), Axis.linear("y"));
        assertThrows(IllegalArgumentException.class, () -> new Panel("fig2c", "a/b", "", "", p));
        assertThrows(IllegalArgumentException.class, () -> new Panel("fig2c", "a.png", "", "", p));
        assertEquals("Fig. 2c", new Panel("fig2c", "orientation", "t", "m", p).label());
    }
}
