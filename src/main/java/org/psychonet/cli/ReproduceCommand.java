package org.psychonet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.psychonet.report.Json;
import org.psychonet.report.Provenance;
import org.psychonet.reproduce.PaperReproduction;
import org.psychonet.reproduce.Profile;
import org.psychonet.reproduce.Reproduction;
import org.psychonet.reproduce.ResultCache;
import org.psychonet.reproduce.Step;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.output.SafeOutput;
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

    static final class ProfileOption {
        @Option(names = "--quick", description = "Small settings: ≤ 15 minutes on 2 cores (the default).")
        boolean quick;

        @Option(names = "--full", description = "The paper's settings (hours).")
        boolean full;

        @Option(names = "--tiny", hidden = true, description = "Testing the machinery only: seconds, no meaning.")
        boolean tiny;
    }

    @ArgGroup(exclusive = true)
    ProfileOption profile;

    @Option(names = "--images", defaultValue = "world", description = "Training images: world (built-in) or a folder.")
    String images;

    @Option(names = "--only", split = ",", description = "Experiments or figures, e.g. fig5,fig6 or linear,supervised (default: all).")
    List<String> only;

    @Option(names = "--force", description = "Recompute experiments even when cached.")
    boolean force;

    @Option(names = "--cache", description = "Cache of finished experiments (default: OUT.cache beside --out).")
    Path cache;

    @Option(names = "--stop-after", hidden = true, description = "Testing: stop as if interrupted after N experiments.")
    Integer stopAfter;

    private List<Step<?, ?>> steps;
    private Profile chosen;

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
        chosen = profile == null ? Profile.QUICK : profile.full ? Profile.FULL
                : profile.tiny ? Profile.TINY : Profile.QUICK;
        List<Step<?, ?>> all = PaperReproduction.steps(chosen, images);
        if (only == null || only.isEmpty()) {
            steps = all;
        } else {
            steps = new ArrayList<>();
            for (String sel : only) {
                List<Step<?, ?>> hit = all.stream().filter(s -> s.matches(sel)).toList();
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
        c.put("experiments", steps.stream().map(Step::id).toList());
        c.put("cache", cache.toString());
        c.put("force", force);
        Map<String, Object> configs = new LinkedHashMap<>();
        steps.forEach(s -> configs.put(s.id(), s.config()));
        c.put("experiment_configs", configs);
        return c;
    }

    /** "N of M paper claims hold — open DIR/index.html (elapsed)". */
    @Override
    protected String summaryLine(Object outcome, Path target, java.time.Duration elapsed) {
        if (!(outcome instanceof Reproduction.Summary s)) {
            return super.summaryLine(outcome, target, elapsed);
        }
        return "psychonet reproduce: " + s.paperClaimsHolding() + " of " + s.paperClaims() + " paper claims hold — open "
                + target.resolve("index.html") + " (" + elapsed(elapsed) + ")";
    }

    @Override
    protected Object run(SafeOutput output) throws Exception {
        String provenance = "psychonet " + Provenance.version() + " · commit " + Provenance.gitCommit() + " · profile "
                + chosen.name().toLowerCase() + " · images " + images + " · seed " + seed;
        try (ResultCache rc = ResultCache.open(cache, Json.MAPPER)) {
            return Reproduction.run(steps, rc, output.dir(), "psychonet: Benjamin et al. (2022) reproduced",
                    provenance, new Reproduction.Options(seed, force, Provenance.version() + "@"
                            + Provenance.gitCommit(), stopAfter, timings,
                            line -> System.err.println("psychonet reproduce: " + line)));
        }
    }
}
