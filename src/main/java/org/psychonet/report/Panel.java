package org.psychonet.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.psychonet.report.plot.Figure;

/**
 * One panel of a report: the drawing, which of the paper's panels it reproduces, and what was measured. The report
 * page captions it "Fig. 2c — title", then what the paper's panel showed ({@link PaperFigures}) and what was
 * measured here; the same drawing is written as {@code file}.png beside the CSVs.
 *
 * @param panel    the paper's panel, e.g. "fig2c", "sifig1b", "sifig2"; "" for a panel beyond the paper
 * @param file     file stem of the PNG, e.g. "orientation_trained" (unique within the experiment's folder)
 * @param title    what the panel shows, e.g. "Small CNN trained on the world: sensitivity to orientation per layer"
 * @param measured what was measured here, with the settings that matter and what to compare with the paper
 * @param figure   the drawing ({@link org.psychonet.report.plot.Plot}, a grid of plots, or an image)
 */
public record Panel(String panel, String file, String title, String measured, Figure figure) {

    public Panel {
        panel = panel == null ? "" : panel;
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(figure, "figure");
        title = title == null ? "" : title;
        measured = measured == null ? "" : measured;
        if (file.isEmpty() || file.contains("/") || file.contains("\\") || file.endsWith(".png")) {
            throw new IllegalArgumentException("panel file must be a plain stem without extension: " + file);
        }
    }

    /** "Fig. 2c", "SI Fig. 2" or "" (beyond the paper). */
    public String label() {
        return PaperFigures.label(panel);
    }

    /** What the paper's panel showed, or "". */
    public String paperShowed() {
        return PaperFigures.paperShowed(panel);
    }

    /** Writes {@code file}.png into {@code dir}. */
    public void writePng(Path dir) throws IOException {
        figure.writePng(dir.resolve(file + ".png"));
    }

    /** Writes every panel's PNG into {@code dir} (a report's {@code write} calls this after its CSVs). */
    public static void writeAll(List<Panel> panels, Path dir) throws IOException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Panel p : panels) {
            if (!seen.add(p.file())) {
                throw new IllegalArgumentException("two panels write " + p.file() + ".png");
            }
            p.writePng(dir);
        }
    }
}
