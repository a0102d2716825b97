package org.psychonet.reproduce;

import java.util.List;
import java.util.Locale;
import org.psychonet.experiment.DeepNetworks;
import org.psychonet.experiment.ImageStatistics;
import org.psychonet.experiment.LinearDynamics;
import org.psychonet.learning.linear.LinearMethod;
import org.psychonet.experiment.SupervisedLabelNoise;
import org.psychonet.report.DeepReport;
import org.psychonet.report.LinearReport;
import org.psychonet.report.StatsReport;
import org.psychonet.report.SupervisedReport;
import org.psychonet.learning.supervised.SupervisedCondition;
import org.psychonet.learning.supervised.SupervisedTraining;

/**
 * The registry: the paper as a list of steps, one line per experiment (its id, title, figures, the settings of the
 * profile, the experiment, its result type and its report). Adding an experiment to {@code reproduce} is one line
 * here.
 */
public final class PaperReproduction {

    private PaperReproduction() {
    }

    /**
     * @param images "world" (the built-in world) or a folder of photographs used wherever the paper used ImageNet
     */
    public static List<Step<?, ?>> steps(Profile profile, String images) {
        return List.of(
                new Step<>("stats", "Image statistics", List.of("fig3b", "fig5b"), stats(profile, images),
                        new ImageStatistics(), ImageStatistics.Result.class, StatsReport::write),
                new Step<>("linear", "Learning dynamics of linear networks", List.of("fig4", "fig5", "sifig2"),
                        linear(profile, images), new LinearDynamics(), LinearDynamics.Result.class,
                        LinearReport::write),
                new Step<>("supervised", "Frequency versus information in a supervised task", List.of("fig6"),
                        supervised(profile), new SupervisedLabelNoise(), SupervisedLabelNoise.Result.class,
                        SupervisedReport::write),
                new Step<>("deepnets", "Deep networks: orientation and hue sensitivity, layer by layer",
                        List.of("fig2", "fig3", "sifig1", "sifig3"), deepNetworks(profile, images), new DeepNetworks(),
                        DeepNetworks.Result.class, DeepReport::write, DeepReport::panels));
    }

    private static ImageStatistics.Config stats(Profile profile, String images) {
        ImageStatistics.Config c = switch (profile) {
            case FULL -> ImageStatistics.Config.paper();
            case QUICK -> ImageStatistics.Config.quick();
            case TINY -> ImageStatistics.Config.quick().withImages("world:size=64,count=24");
        };
        if (!"world".equals(images)) {
            c = c.withImages(images);
        }
        return c;
    }

    /**
     * Linear learning dynamics (Figs 4–5, SI Fig. 2). The quick profile learns 16×16 synthetic patches with a
     * 1/rank spectrum by exact full-batch gradient descent: the built-in world's spectrum is ~10× steeper, so
     * 2,000 steps would leave most of the top 50 PCs unlearned. A user's folder (--images DIR) is used as given.
     */
    private static LinearDynamics.Config linear(Profile profile, String images) {
        LinearDynamics.Config c = switch (profile) {
            case FULL -> LinearDynamics.Config.paper();
            case QUICK -> LinearDynamics.Config.quick();
            case TINY -> LinearDynamics.Config.quick().withDepths(List.of(1), false)
                    .withTraining(LinearMethod.FULLBATCH, 200, LinearDynamics.Config.AUTOMATIC_RATE).withData("synthetic", 0, 8);
        };
        if (!"world".equals(images)) {
            c = c.withImages(images); // the quick profile's Σ then comes from QUICK_IMAGE_PATCHES patches
        }
        return c;
    }

    private static SupervisedLabelNoise.Config supervised(Profile profile) {
        SupervisedLabelNoise.Config c = switch (profile) {
            case FULL -> SupervisedLabelNoise.Config.paper();
            case QUICK -> SupervisedLabelNoise.Config.quick();
            case TINY -> {
                SupervisedTraining q = SupervisedLabelNoise.Config.quick().training();
                yield SupervisedLabelNoise.Config.quick().withSeeds(1)
                        .withConditions(List.of(SupervisedCondition.values()))
                        .withTraining(new SupervisedTraining(q.bins(), new int[] {64, 32}, 64, 6, q.learningRate(),
                                q.initScale(), 3, 12, 2, 2));
            }
        };
        return c;
    }

    /** Deep networks with the paper's controls (Figs 2–3, SI Fig. 1): trained on the world or a folder. */
    private static DeepNetworks.Config deepNetworks(Profile profile, String images) {
        DeepNetworks.Config c = switch (profile) {
            case FULL -> DeepNetworks.Config.full();
            case QUICK -> DeepNetworks.Config.quick();
            case TINY -> DeepNetworks.Config.tiny();
        };
        if (!"world".equals(images)) {
            c = c.onPhotos(images);
        }
        return c;
    }

    /** "fig5b" → "Fig. 5b", "sifig2" → "SI Fig. 2". */
    public static String figureName(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        return s.startsWith("sifig") ? "SI Fig. " + s.substring(5) : s.startsWith("fig") ? "Fig. " + s.substring(3) : id;
    }
}
