package org.psychonet.reproduce;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.psychonet.experiment.Claim;
import org.psychonet.experiment.ExperimentResult;
import org.psychonet.report.Json;
import org.psychonet.util.Progress;

/**
 * Runs the steps of a reproduction into a result folder: each step's typed result comes from the cache or is
 * computed (and cached), stays in memory, and is rendered by its report into {@code OUT/<id>/} (its artifacts
 * linked in from the cache); then the table of claims and the HTML page are assembled from the results.
 */
public final class Reproduction {

    /** result.json's summary of a reproduction. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(long paperClaimsHolding, int paperClaims, long checksPassing, int checks,
                          List<String> failedClaims, Map<String, StepOutcome> experiments) {
    }

    /** One step: whether it came from the cache, its key, its claims and the experiment's own summary. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StepOutcome(boolean cached, String cacheKey, long claimsHolding, int claims, Record summary) {
    }

    /**
     * @param seed        the seed of every step
     * @param force       recompute even what is cached
     * @param version     psychonet version and commit: part of every cache key
     * @param stopAfter   testing only: fail as if interrupted before step {@code stopAfter} (null: never)
     * @param timings     receives each step's time as {@code <id>_total_s} and the compute time of every step that
     *                    was not cached as {@code <id>_s}
     * @param notice      one-line messages for the user (cache repairs)
     */
    public record Options(long seed, boolean force, String version, Integer stopAfter, Map<String, Double> timings,
                          Consumer<String> notice) {
    }

    private Reproduction() {
    }

    /** Runs {@code steps} into {@code out}, writes claims.json/.csv and index.html there, and returns the summary. */
    public static Summary run(List<Step<?, ?>> steps, ResultCache cache, Path out, String title, String provenance,
                              Options o) throws Exception {
        List<Claim> claims = new ArrayList<>();
        List<HtmlReport.Section> sections = new ArrayList<>();
        Map<String, StepOutcome> perStep = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Progress bar = Progress.start("reproduce", steps.size())) {
            for (int i = 0; i < steps.size(); i++) {
                Step<?, ?> step = steps.get(i);
                if (o.stopAfter() != null && i >= o.stopAfter()) {
                    throw new InterruptedException("stopped after " + o.stopAfter() + " experiments (--stop-after)");
                }
                bar.message(step.id());
                long s0 = System.nanoTime();
                Outcome<?> r = one(step, cache, out, o, i + 1, steps.size(), (System.nanoTime() - t0) / 1e9);
                Path dir = out.resolve(step.id());
                claims.addAll(r.result().claims());
                sections.add(new HtmlReport.Section(step.id(), step.title(), figureLabels(step),
                        reading(r.result().claims()), Json.MAPPER.writeValueAsString(step.config()),
                        r.panels(), HtmlReport.files(out, dir, ".csv"), r.cached()));
                o.timings().put(step.id() + "_total_s", (System.nanoTime() - s0) / 1e9);
                perStep.put(step.id(), new StepOutcome(r.cached(), r.key(),
                        r.result().claims().stream().filter(Claim::holds).count(), r.result().claims().size(),
                        r.result().summary()));
                bar.step();
            }
        }
        ClaimsReport.write(out, claims);
        HtmlReport.write(out.resolve("index.html"), title, provenance, sections, claims);
        List<Claim> paper = claims.stream().filter(c -> c.kind() == Claim.Kind.PAPER).toList();
        return new Summary(paper.stream().filter(Claim::holds).count(), paper.size(),
                claims.stream().filter(c -> c.kind() == Claim.Kind.CHECK && c.holds()).count(),
                claims.size() - paper.size(), claims.stream().filter(c -> !c.holds()).map(Claim::id).toList(),
                perStep);
    }

    private record Outcome<R extends ExperimentResult>(R result, String key, boolean cached,
                                                        List<HtmlReport.PanelView> panels) {
    }

    /** One step: from the cache or computed, then rendered into {@code out/<id>/}. */
    private static <C, R extends ExperimentResult> Outcome<R> one(Step<C, R> step, ResultCache cache, Path out,
                                                                   Options o, int index, int of, double elapsed)
            throws Exception {
        String key = cache.key(step, o.seed(), o.version());
        Optional<R> hit = o.force() ? Optional.empty() : cache.lookup(key, step.resultType(), o.notice());
        System.err.printf("psychonet reproduce: [%d/%d] %s%s (%.0f s elapsed)%n", index, of, step.title(),
                hit.isPresent() ? " — cached" : "", elapsed);
        R r;
        if (hit.isPresent()) {
            r = hit.get();
        } else {
            long c0 = System.nanoTime();
            r = cache.compute(step, key, o.seed(), o.version());
            o.timings().merge(step.id() + "_s", (System.nanoTime() - c0) / 1e9, Double::sum);
        }
        Path dir = Files.createDirectories(out.resolve(step.id()));
        cache.linkArtifacts(key, dir);
        step.report().write(r, dir);
        return new Outcome<>(r, key, hit.isPresent(), HtmlReport.panels(step.id(), step.panels().apply(r), out, dir));
    }

    private static String figureLabels(Step<?, ?> s) {
        return s.figures().stream().map(PaperReproduction::figureName).collect(Collectors.joining(", "));
    }

    /** One line: how many claims hold, and each claim's verdict with its value. */
    static String reading(List<Claim> claims) {
        if (claims.isEmpty()) {
            return "No claims tested in this section.";
        }
        long held = claims.stream().filter(Claim::holds).count();
        return held + " of " + claims.size() + " claims hold: " + claims.stream()
                .map(c -> c.statement() + " — " + (c.holds() ? "holds" : "does NOT hold") + " (" + c.metric() + " = "
                        + HtmlReport.measured(c) + ", held to " + c.bound() + ")")
                .collect(Collectors.joining("; ")) + ".";
    }
}
