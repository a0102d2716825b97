package org.psychonet.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper's figures and panels (Benjamin et al., Nat. Commun. 2022) in the paper's order, each with what it
 * showed, in our words: the report is assembled in this order and every panel's caption says what the paper's
 * panel showed beside what psychonet measured. Panel ids are lower case without spaces: "fig2c", "sifig1b".
 */
public final class PaperFigures {

    /** A figure: id ("fig2"), label ("Fig. 2"), title, and its panels (id → what the paper showed). */
    public record PaperFigure(String id, String label, String title, Map<String, String> panels) {
    }

    /** Main text first (Figs 2–6), then the supplement (SI Figs 1–3), as a reader meets them. */
    public static final List<PaperFigure> FIGURES = List.of(
            new PaperFigure("fig2", "Fig. 2", "Networks trained on natural images are most sensitive near the "
                    + "cardinal orientations", Map.of(
                    "fig2b", "Sensitivity of a layer: the squared norm of the change of its activations per change "
                            + "of the Gabor's orientation, D(y;θ) = Σ(∂y/∂θ)² (eq. 1).",
                    "fig2c", "Normalized sensitivity √D/Σ√D against Gabor orientation for the layers of ResNet18, "
                            + "VGG16 and a vision transformer trained on ImageNet: peaks at 0° and 90°, more "
                            + "pronounced in deeper layers.")),
            new PaperFigure("fig3", "Fig. 3", "Hue sensitivity follows the hue statistics of the training images",
                    Map.of(
                    "fig3b", "Human hue sensitivity from the CIELAB distance between neighbouring hues at S = V = 1.",
                    "fig3c", "ResNet18's sensitivity to hue per layer, with the hue histogram of ImageNet behind "
                            + "it: sensitivity is high where hues are frequent.",
                    "fig3d", "ResNet18 trained on ImageNet with every hue rotated: the sensitivity curve moves "
                            + "with the rotation.")),
            new PaperFigure("fig5", "Fig. 5", "Linear networks: learning dynamics make sensitivity follow the input "
                    + "statistics", Map.of(
                    "fig5b", "PCA spectrum of natural-image patches: the variance of the components falls as a "
                            + "power law of their rank.",
                    "fig5c", "Proportion learned of each principal component during training: sigmoidal curves, "
                            + "the higher-variance components first.",
                    "fig5f", "Thresholds D^-1/2 against spatial frequency every 50 steps: flat below an elbow, "
                            + "rising linearly above it; the elbow moves up with training.",
                    "fig5h", "Acuity (the highest frequency whose threshold is below 0.1) grows nearly linearly "
                            + "with training.")),
            new PaperFigure("fig6", "Fig. 6", "Frequency and information dissociated in a supervised task",
                    Map.of(
                    "fig6b", "Label noise that varies with orientation under a uniform p(θ): the first layer "
                            + "becomes sensitive where labels are informative.",
                    "fig6c", "Orientation frequency varied without label noise: sensitivity grows first and most "
                            + "at the common orientations.",
                    "fig6d", "Noise balanced against frequency so that every orientation carries the same label "
                            + "information: common orientations are still preferred.")),
            new PaperFigure("sifig1", "SI Fig. 1", "Controls: what comes from learning and what from the "
                    + "architecture", Map.of(
                    "sifig1a", "Untrained networks and networks with shuffled weights lack the trained pattern.",
                    "sifig1b", "Networks trained on images rotated by 45°: sensitivity moves toward the obliques "
                            + "but keeps part of the cardinal peaks; the difference from the unrotated network.",
                    "sifig1c", "Overlapping spatial pooling (as in AlexNet) alone makes untrained networks more "
                            + "sensitive at the cardinals.")),
            new PaperFigure("sifig2", "SI Fig. 2", "Learning curves of the principal components by depth",
                    Map.of("sifig2", "Proportion learned of each PC for networks of depth 1 to 3: sigmoidal, "
                            + "sharper with depth.")),
            new PaperFigure("sifig3", "SI Fig. 3", "Robustness to the Gabor's parameters",
                    Map.of("sifig3", "The cardinal pattern of Fig. 2c for other Gabor frequencies and sizes.")));

    private static final Pattern REFERENCE = Pattern.compile(
            "(SI\\s*Fig\\.?|Fig\\.?|sifig|fig)\\s*(\\d+)\\s*([a-i]?)", Pattern.CASE_INSENSITIVE);

    private PaperFigures() {
    }

    /** The figure of a panel id or figure id ("fig2c" → Fig. 2), if the paper has it. */
    public static Optional<PaperFigure> figure(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String f = id.toLowerCase(Locale.ROOT).replaceAll("[a-i]$", "");
        return FIGURES.stream().filter(p -> p.id().equals(f) || p.id().equals(id)).findFirst();
    }

    /** Position in the paper's order (figures, then panels within a figure); unknown ids last. */
    public static int order(String id) {
        Optional<PaperFigure> f = figure(id);
        if (f.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        int i = FIGURES.indexOf(f.get());
        char panel = id.charAt(id.length() - 1);
        return i * 100 + (Character.isLetter(panel) && id.length() > f.get().id().length() ? panel - 'a' + 1 : 0);
    }

    /** "fig2c" → "Fig. 2c", "sifig1b" → "SI Fig. 1b", "sifig2" → "SI Fig. 2"; "" for psychonet's own panels. */
    public static String label(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        String s = id.toLowerCase(Locale.ROOT);
        return s.startsWith("sifig") ? "SI Fig. " + s.substring(5) : s.startsWith("fig") ? "Fig. " + s.substring(3) : id;
    }

    /** What the paper's panel showed, or "" when the paper has no such panel. */
    public static String paperShowed(String panelId) {
        return figure(panelId).map(f -> f.panels().getOrDefault(panelId.toLowerCase(Locale.ROOT), ""))
                .orElse("");
    }

    /**
     * The first figure a free-text reference names, as an id: "Fig. 5c / eq. 7" → "fig5c", "Methods (Fig. 6d)" →
     * "fig6d", "SI Fig. 1b" → "sifig1b", "Fig. 6 (control)" → "fig6"; empty when none is named.
     */
    public static Optional<String> reference(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        boolean si = m.group(1).toLowerCase(Locale.ROOT).startsWith("si");
        return Optional.of((si ? "sifig" : "fig") + m.group(2) + m.group(3).toLowerCase(Locale.ROOT));
    }
}
