package org.psychonet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.experiment.SupervisedLabelNoise;
import org.psychonet.experiment.SupervisedLabelNoise.Config;
import org.psychonet.learning.supervised.LabelNoise;
import org.psychonet.learning.supervised.GratingPrior;
import org.psychonet.learning.supervised.SupervisedCondition;
import org.psychonet.learning.supervised.SupervisedTraining;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.report.SupervisedReport;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code psychonet supervised}: Fig. 6, frequency versus information in a supervised task. */
@Command(name = "supervised", mixinStandardHelpOptions = true,
        description = "Fig. 6: train a 3-layer ReLU network to bin grating orientation while varying p(θ) and "
                + "label noise σ(θ); track the first layer's sensitivity to orientation.")
public final class SupervisedCommand extends RunCommand {

    @Option(names = "--condition", defaultValue = "all",
            description = "control, noise, frequency, balanced (the Methods rule), balanced-count (equal labelled "
                    + "counts), balanced-notebook (the authors' rule), silent-common (no labels within ±15° of the "
                    + "most common θ) or all (default: ${DEFAULT-VALUE}).")
    String condition;

    @Option(names = "--quick", description = "Test profile: batch 256, 60 steps, 8 probe phases (same task, network and lr).")
    boolean quick;

    @Option(names = "--seeds", description = "Seeds per condition: --seed, --seed+1, … (default 3).")
    Integer seeds;

    @Option(names = "--steps", description = "SGD steps (default: 300, the paper's; 60 with --quick).")
    Integer steps;

    @Option(names = "--batch", description = "Images per SGD step (default: 2048, the paper's; 256 with --quick).")
    Integer batch;

    @Option(names = "--lr", description = "SGD learning rate (default: 0.5, the authors').")
    Double lr;

    @Option(names = "--bins", description = "Orientation bins of the cross-entropy (default: 60, the paper's).")
    Integer bins;

    @Option(names = "--prior", description = "Non-uniform p(θ) of frequency/balanced: peak90 = (2 − cos 2θ)/(2π) "
            + "(default, the paper's) or peak0 = (2 + cos 2θ)/(2π).")
    String prior;

    @Option(names = "--measure-every", description = "Sensitivity snapshot every this many steps (default 10).")
    Integer measureEvery;

    @Option(names = "--phases", description = "Phases the sensitivity probe averages over (default 16; quick 8).")
    Integer phases;

    @Option(names = "--noise-sigma-min", description = "σ at 0° in the noise condition (default 0.5; σ = 1 at 90°).")
    Double noiseSigmaMin;

    @Option(names = "--balance-fraction", description = "a = fraction · min p(θ) in σ = H_b⁻¹(1 − a/p) (default 1).")
    Double balanceFraction;

    private Config config;

    @Override
    protected String name() {
        return "supervised";
    }

    @Override
    protected void validate() {
        Config base = quick ? Config.quick() : Config.paper();
        List<SupervisedCondition> conds = SupervisedLabelNoise.parseConditions(condition);
        GratingPrior pr = base.prior();
        if (prior != null) {
            try {
                pr = GratingPrior.parse(prior);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--prior " + prior + " is unknown; use peak90 or peak0");
            }
        }
        SupervisedTraining t = base.training();
        t = new SupervisedTraining(bins == null ? t.bins() : bins, t.hidden(), batch == null ? t.batch() : batch,
                steps == null ? t.steps() : steps, lr == null ? t.learningRate() : lr, t.initScale(),
                measureEvery == null ? t.measureEvery() : measureEvery, t.sensitivityThetas(),
                phases == null ? t.phases() : phases, t.testPerBin());
        config = new Config(conds, seeds == null ? base.seeds() : seeds, pr,
                noiseSigmaMin == null ? base.noiseSigmaMin() : noiseSigmaMin,
                balanceFraction == null ? base.balanceFraction() : balanceFraction, t);
        config.validate();
        if (conds.contains(SupervisedCondition.BALANCED)) {
            // the issue asks to print the resulting σ(θ) curve of the balanced condition
            LabelNoise n = LabelNoise.balanced(pr, t.bins(), config.balanceFraction());
            StringBuilder sb = new StringBuilder("psychonet supervised: balanced σ(θ) = H_b⁻¹(1 − a/p(θ)), a = ")
                    .append(String.format("%.5f", n.a())).append(':');
            for (int b = 0; b < t.bins(); b += Math.max(1, t.bins() / 12)) {
                sb.append(String.format(" %.0f°:%.3f", Math.toDegrees(LabelNoise.center(b, t.bins())), n.keep()[b]));
            }
            System.err.println(sb);
        }
    }

    @Override
    protected Object config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("profile", quick ? "quick" : "paper");
        c.put("conditions", config.conditions().stream().map(SupervisedCondition::label).toList());
        c.put("seeds", config.seeds());
        c.put("prior", config.prior().label());
        c.put("noise_sigma_min", config.noiseSigmaMin());
        c.put("balance_fraction", config.balanceFraction());
        c.put("training", config.training());
        c.put("stimulus", "grating64: 64×64, period 12.8 px, random phase per image, soft circular aperture");
        c.put("sensitivity", "exact first-layer tangent (W·∂x/∂θ masked by the ReLU), phases marginalized");
        return c;
    }

    @Override
    protected Object run(SafeOutput output) throws Exception {
        SupervisedLabelNoise.Result r = time("experiment_s", () -> new SupervisedLabelNoise().run(config, seed,
                output.dir()));
        time("report_s", () -> {
            SupervisedReport.write(r, output.dir());
            return null;
        });
        for (String line : SupervisedReport.lines(r)) {
            System.err.println("psychonet supervised: " + line);
        }
        for (String line : SupervisedReport.claimLines(r.claims())) {
            System.err.println("psychonet supervised: " + line);
        }
        return r;
    }
}
