package org.psychonet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.psychonet.experiment.Claim;
import org.psychonet.experiment.ReproductionStep;
import org.psychonet.experiment.ResultCache;
import org.psychonet.experiment.StoredResult;
import org.psychonet.report.ClaimsReport;
import org.psychonet.report.HtmlReport;
import org.psychonet.report.Json;
import org.psychonet.report.PaperReproduction;
import org.psychonet.report.Provenance;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.util.Files2;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.Progress;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code psychonet reproduce}: every experiment of the paper in one go, an HTML report with a section per
 * figure, and the table of claims. Finished experiments are cached under a key of their full
 * configuration, so a rerun (after an interruption, say) reuses them.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the paper: image statistics, linear dynamics, supervised label noise, deep networks.")
public final class ReproduceCommand extends RunCommand {

    static final class Profile {
        @Option(names = "--quick", description = "Small settings: ≤ 15 minutes on 2 cores (the default).")
        boolean quick;

        @Option(names = "--full", description = "The paper's settings (hours).")
        boolean full;

        @Option(names = "--tiny", hidden = true, description = "Testing the machinery only: seconds, no meaning.")
        boolean tiny;
    }

    @ArgGroup(exclusive = true)
    Profile profile;

    @Option(names = "--images", defaultValue = "world", description = "Training images: world (built-in) or a folder.")
    String images;

    @Option(names = "--only", split = ",", description = "Experiments or figures, e.g. fig5,fig6 or linear,supervised.")
    List<String> only;

    @Option(names = "--force", description = "Recompute experiments even when cached.")
    boolean force;

    @Option(names = "--cache", description = "Cache of finished experiments (default: OUT.cache beside --out).")
    Path cache;

    @Option(names = "--stop-after", hidden = true, description = "Testing: stop as if interrupted after N experiments.")
    Integer stopAfter;

    private List<ReproductionStep> steps;
    private PaperReproduction.Profile chosen;

    @Override
    protected String name() {
        return "reproduce";
    }

    @Override
    protected Path defaultOut() {
        return Path.of("results");
    }

    @Override
    protected void validate() {
        chosen = profile == null ? PaperReproduction.Profile.QUICK : profile.full ? PaperReproduction.Profile.FULL
                : profile.tiny ? PaperReproduction.Profile.TINY : PaperReproduction.Profile.QUICK;
        List<ReproductionStep> all = PaperReproduction.steps(chosen, images);
        if (only == null || only.isEmpty()) {
            steps = all;
        } else {
            steps = new ArrayList<>();
            for (String sel : only) {
                List<ReproductionStep> hit = all.stream().filter(s -> s.matches(sel)).toList();
                InvalidInputException.require(!hit.isEmpty(), "--only " + sel + " matches no experiment; choose from "
                        + all.stream().map(s -> s.id() + " (" + String.join(", ", s.figures()) + ")")
                        .collect(Collectors.joining("; ")));
                hit.stream().filter(s -> !steps.contains(s)).forEach(steps::add);
            }
            steps.sort((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
        }
        Path o = out.toAbsolutePath().normalize();
        if (cache == null) {
            cache = o.resolveSibling(o.getFileName() + ".cache");
        }
        Path c = cache.toAbsolutePath().normalize();
        // the result folder replaces --out as a whole: a cache inside it would be lost with every run
        InvalidInputException.requireParameter(!c.startsWith(o) && !o.startsWith(c), "cache",
                cache + " and `out` " + out + " are inside one another; give a cache folder beside the results");
        InvalidInputException.requireParameter(!Files.exists(c) || Files.isDirectory(c), "cache",
                cache + " is a file; give a folder for the cache");
    }

    @Override
    protected Object config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("profile", chosen.name().toLowerCase());
        c.put("images", images);
        c.put("experiments", steps.stream().map(ReproductionStep::id).toList());
        c.put("cache", cache.toString());
        c.put("force", force);
        Map<String, Object> configs = new LinkedHashMap<>();
        steps.forEach(s -> configs.put(s.id(), s.config()));
        c.put("experiment_configs", configs);
        return c;
    }

    @Override
    protected Map<String, Object> run(SafeOutput output) throws Exception {
        ResultCache rc = new ResultCache(cache, Json.MAPPER);
        rc.sweep();
        List<Claim> claims = new ArrayList<>();
        List<HtmlReport.Section> sections = new ArrayList<>();
        Map<String, Object> perStep = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Progress bar = Progress.start("reproduce", steps.size())) {
            for (int i = 0; i < steps.size(); i++) {
                ReproductionStep step = steps.get(i);
                if (stopAfter != null && i >= stopAfter) {
                    throw new InterruptedException("stopped after " + stopAfter + " experiments (--stop-after)");
                }
                String version = Provenance.version() + "@" + Provenance.gitCommit();
                String key = rc.key(step, seed, version);
                boolean cached = !force && rc.lookup(key).isPresent();
                double elapsed = (System.nanoTime() - t0) / 1e9;
                System.err.printf("psychonet reproduce: [%d/%d] %s%s (%.0f s elapsed)%n", i + 1, steps.size(),
                        step.title(), cached ? " — cached" : "", elapsed);
                bar.message(step.id());
                long s0 = System.nanoTime();
                Path entry = cached ? rc.lookup(key).get() : time(step.id() + "_s", () -> rc.compute(step, key, seed, version));
                StoredResult result = rc.read(entry);
                Path dir = output.file(step.id() + "/x").getParent();
                Files2.copyTree(entry, dir);
                claims.addAll(result.claims());
                sections.add(new HtmlReport.Section(step.id(), step.title(), figureLabels(step), reading(result),
                        Json.MAPPER.writeValueAsString(step.config()), HtmlReport.files(output.dir(), dir, ".png"),
                        HtmlReport.files(output.dir(), dir, ".csv"), cached));
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("cached", cached);
                info.put("cache_key", key);
                info.put("seconds", (System.nanoTime() - s0) / 1e9);
                info.put("claims_holding", result.claims().stream().filter(Claim::holds).count());
                info.put("claims", result.claims().size());
                info.put("summary", result.summary());
                perStep.put(step.id(), info);
                bar.step();
            }
        }
        ClaimsReport.write(output.dir(), claims);
        String provenance = "psychonet " + Provenance.version() + " · commit " + Provenance.gitCommit() + " · profile "
                + chosen.name().toLowerCase() + " · images " + images + " · seed " + seed;
        HtmlReport.write(output.file("index.html"), "psychonet: Benjamin et al. (2022) reproduced", provenance,
                sections, claims);
        Map<String, Object> summary = new LinkedHashMap<>();
        List<Claim> paper = claims.stream().filter(c -> c.kind() == Claim.Kind.PAPER).toList();
        summary.put("paper_claims_holding", paper.stream().filter(Claim::holds).count());
        summary.put("paper_claims", paper.size());
        summary.put("checks_passing", claims.stream().filter(c -> c.kind() == Claim.Kind.CHECK && c.holds()).count());
        summary.put("checks", claims.size() - paper.size());
        summary.put("failed_claims", claims.stream().filter(c -> !c.holds()).map(Claim::id).toList());
        summary.put("experiments", perStep);
        return summary;
    }

    private static String figureLabels(ReproductionStep s) {
        return s.figures().stream().map(PaperReproduction::figureName).collect(Collectors.joining(", "));
    }

    /** One line: how many claims hold, and each claim's verdict with its value. */
    static String reading(StoredResult r) {
        if (r.claims().isEmpty()) {
            return "No claims tested in this section.";
        }
        long held = r.claims().stream().filter(Claim::holds).count();
        return held + " of " + r.claims().size() + " claims hold: " + r.claims().stream()
                .map(c -> c.statement() + " — " + (c.holds() ? "holds" : "does NOT hold") + " (" + c.metric() + " = "
                        + HtmlReport.measured(c) + ", held to " + c.bound() + ")")
                .collect(Collectors.joining("; ")) + ".";
    }
}
