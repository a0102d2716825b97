package org.psychonet.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psychonet.experiment.DeepNetworks;
import org.psychonet.experiment.ImageStatistics;
import org.psychonet.learning.cnn.CnnTrainingConfig;
import org.psychonet.experiment.LinearDynamics;
import org.psychonet.learning.linear.LinearMethod;
import org.psychonet.experiment.ReproductionStep;
import org.psychonet.experiment.SupervisedLabelNoise;
import org.psychonet.learning.supervised.SupervisedCondition;
import org.psychonet.learning.supervised.SupervisedTraining;

/**
 * The paper as a list of experiments (each composed with its report writer), each with the settings of a profile: {@code QUICK} (≤ 15 minutes
 * on 2 cores, the default), {@code FULL} (the paper's settings) and {@code TINY} (seconds; for tests of
 * the reproduce machinery itself, never for claims about the paper).
 */
public final class PaperReproduction {

    public enum Profile { QUICK, FULL, TINY }

    private PaperReproduction() {
    }

    /**
     * @param images "world" (the built-in world) or a folder of photographs used wherever the paper used ImageNet
     */
    public static List<ReproductionStep> steps(Profile profile, String images) {
        List<ReproductionStep> steps = new ArrayList<>();
        steps.add(imageStatistics(profile, images));
        steps.add(linear(profile, images));
        steps.add(supervised(profile));
        steps.add(deepNetworks(profile, images));
        return steps;
    }

    private static ReproductionStep imageStatistics(Profile profile, String images) {
        ImageStatistics.Config c = switch (profile) {
            case FULL -> ImageStatistics.Config.paper();
            case QUICK -> ImageStatistics.Config.quick();
            case TINY -> ImageStatistics.Config.quick().withImages("world:size=64,count=24");
        };
        if (!"world".equals(images)) {
            c = c.withImages(images);
        }
        ImageStatistics.Config config = c;
        return new ReproductionStep("stats", "Image statistics", List.of("fig3b", "fig5b"), config,
                (dir, seed) -> new ImageStatistics(StatsReport::write).run(config, dir, seed));
    }

    /**
     * Linear learning dynamics (Figs 4–5, SI Fig. 2). The quick profile learns 16×16 synthetic patches with a
     * 1/rank spectrum by exact full-batch gradient descent: the built-in world's spectrum is ~10× steeper, so
     * 2,000 steps would leave most of the top 50 PCs unlearned. A user's folder (--images DIR) is used as given.
     */
    private static ReproductionStep linear(Profile profile, String images) {
        LinearDynamics.Config c = switch (profile) {
            case FULL -> LinearDynamics.Config.paper();
            case QUICK -> LinearDynamics.Config.quick();
            case TINY -> LinearDynamics.Config.quick().withDepths(List.of(1), false)
                    .withTraining(LinearMethod.FULLBATCH, 200, 0).withData("synthetic", 0, 8);
        };
        if (!"world".equals(images)) {
            LinearDynamics.Config q = c;
            c = q.withData(images, profile == Profile.FULL ? q.patches() : 20_000, q.size());
        }
        LinearDynamics.Config config = c;
        return new ReproductionStep("linear", "Learning dynamics of linear networks", List.of("fig4", "fig5",
                "sifig2"), config, (dir, seed) -> LinearReport.experiment().run(config, dir, seed));
    }

    private static ReproductionStep supervised(Profile profile) {
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
        SupervisedLabelNoise.Config config = c;
        return new ReproductionStep("supervised", "Frequency versus information in a supervised task",
                List.of("fig6"), config, (dir, seed) -> SupervisedReport.experiment().run(config, dir, seed));
    }

    /** Deep networks with the paper's controls (Figs 2–3, SI Fig. 1): trained on the world or a folder. */
    private static ReproductionStep deepNetworks(Profile profile, String images) {
        DeepNetworks.Config c = switch (profile) {
            case FULL -> DeepNetworks.Config.paper();
            case QUICK -> DeepNetworks.Config.quick();
            case TINY -> {
                DeepNetworks.Config q = DeepNetworks.Config.quick();
                CnnTrainingConfig t = q.training();
                yield q.withTrain("world", 8).withControls(List.of("init")).withMeasurement(q.method(), 2)
                        .withTraining(new CnnTrainingConfig(4, 8, t.learningRate(), t.momentum(), t.weightDecay(),
                                t.minCropScale(), t.flips(), t.checkpointEvery()));
            }
        };
        if (!"world".equals(images)) {
            c = c.withTrain(images, c.sourceImages());
        }
        DeepNetworks.Config config = c;
        return new ReproductionStep("deepnets", "Deep networks: orientation and hue sensitivity, layer by layer",
                List.of("fig2", "fig3", "sifig1"), config, (dir, seed) -> DeepReport.runAndWrite(config, dir, seed));
    }

    /** "fig5b" → "Fig. 5b", "sifig2" → "SI Fig. 2". */
    public static String figureName(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        return s.startsWith("sifig") ? "SI Fig. " + s.substring(5) : s.startsWith("fig") ? "Fig. " + s.substring(3) : id;
    }
}
