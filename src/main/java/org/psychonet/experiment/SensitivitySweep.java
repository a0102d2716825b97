package org.psychonet.experiment;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.psychonet.model.ModelSpec;
import org.psychonet.model.Network;
import org.psychonet.model.NetworkStore;
import org.psychonet.scale.Cluster;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.stimulus.Stimuli;
import org.psychonet.stimulus.StimulusFamily;
import org.psychonet.util.InvalidInputException;

/**
 * Sensitivity sweeps: D(θ) (eq. 1) of every tap of many models — several architectures, or every checkpoint of
 * training runs, to follow how sensitivity develops over training (the time course of issue 12.3) — for one or more
 * stimulus families. One task per (model, stimulus) pair; each task measures every tap from the same forward passes
 * ({@link SensitivityEngine}). Tasks run in this process or on a cluster ({@link Cluster}); the rows come back
 * sorted, so the table is the same however the tasks were spread.
 */
public final class SensitivitySweep {

    /**
     * @param models            model specs ({@value ModelSpec#FORMS}) or folders of checkpoints: every folder below
     *                          one that holds weights.params and network.json is a checkpoint
     * @param stimuli           stimulus families ({@code gabor}, {@code hue}, {@code planewave}, {@code grating64})
     * @param method            derivative method: {@code exact} (the default, issue 11), {@code grid} or {@code fd}
     * @param thetas            θ grid points; 0 takes the family's default (180 orientations, Fig. 2c)
     * @param precision         {@code float32}, or {@code float64} for validation
     * @param batch             stimuli per forward pass
     * @param cardinalWindowDeg half-width of the cardinal and oblique windows of the cardinal ratio (10°, as the deep
     *                          experiment's cardinal_oblique_ratio)
     */
    public record Config(List<String> models, List<String> stimuli, String method, int thetas, String precision,
                         int batch, double cardinalWindowDeg) implements Serializable {

        public Config {
            models = List.copyOf(models);
            stimuli = List.copyOf(stimuli);
        }

        /** Exact D at the families' default grids in float32, 64 stimuli per pass, a 10° cardinal window. */
        public static Config of(List<String> models, List<String> stimuli) {
            return new Config(models, stimuli, "exact", 0, "float32", 64, 10);
        }

        public Config withMethod(String m) {
            return new Config(models, stimuli, m, thetas, precision, batch, cardinalWindowDeg);
        }

        public Config withThetas(int n) {
            return new Config(models, stimuli, method, n, precision, batch, cardinalWindowDeg);
        }

        public Config withPrecision(String p) {
            return new Config(models, stimuli, method, thetas, p, batch, cardinalWindowDeg);
        }

        public Config withBatch(int b) {
            return new Config(models, stimuli, method, thetas, precision, b, cardinalWindowDeg);
        }

        /** Checks every setting (bad input names the parameter); model files are checked by {@link #expand}. */
        public void validate() {
            InvalidInputException.requireParameter(!models.isEmpty(), "models", "is empty; give model specs ("
                    + ModelSpec.FORMS + ") or a folder of checkpoints");
            InvalidInputException.requireParameter(!stimuli.isEmpty(), "stimulus", "is empty; give one or more of "
                    + String.join(", ", Stimuli.NAMES));
            for (String s : stimuli) {
                Stimuli.byName(s);
            }
            InvalidInputException.requireParameter(stimuli.stream().distinct().count() == stimuli.size(), "stimulus",
                    "names a family twice; give each once");
            DerivativeMethod.parse(method);
            dataType();
            InvalidInputException.requireParameter(thetas == 0 || thetas >= 3, "thetas", thetas
                    + " is too small; give at least 3 grid points (or 0 for the family's default)");
            InvalidInputException.requireParameter(batch >= 1, "batch", "must be at least 1");
            InvalidInputException.requireParameter(cardinalWindowDeg > 0 && cardinalWindowDeg < 22.5,
                    "cardinalWindowDeg", "must lie in (0°, 22.5°) so the cardinal and oblique windows do not overlap");
        }

        DataType dataType() {
            return switch (precision) {
                case "float32" -> DataType.FLOAT32;
                case "float64" -> DataType.FLOAT64;
                default -> throw InvalidInputException.parameter("precision", "'" + precision
                        + "' is unknown; use float32 or float64");
            };
        }
    }

    /**
     * One model of a sweep.
     *
     * @param name the model as shown in the table: the spec, or a checkpoint series' folder (relative to the folder
     *             given)
     * @param step training step of a checkpoint (network.json's steps_done, or the number in a folder named
     *             step-N / N); null when unknown or not a checkpoint
     * @param spec the {@link ModelSpec} text that builds it (checkpoints: {@code saved:} with an absolute path)
     */
    public record Model(String name, Long step, String spec) implements Serializable {
    }

    /** One unit of work: a model measured with one stimulus family. */
    public record Task(Model model, String stimulus) implements Serializable {
    }

    /**
     * One row of the tidy table: a layer's sensitivity at one θ.
     *
     * @param theta      θ in {@code thetaUnit} (the unit D is expressed in)
     * @param d          D(y; θ) = Σ(∂y/∂θ)², averaged over the family's nuisance values (eq. 1)
     * @param normalized √D / Σ_θ √D (Figs 2c, 3c)
     * @param threshold  D^(−1/2), the discrimination threshold (Fig. 5f); +∞ where D = 0
     */
    public record Row(String model, Long checkpointStep, String stimulus, String layer, double theta,
                      String thetaUnit, double d, double normalized, double threshold) implements Serializable {
    }

    /** A layer's cardinal/oblique ratio of normalized sensitivity (orientation families only). */
    public record Ratio(String model, Long checkpointStep, String stimulus, String layer, double cardinalRatio) {
    }

    /**
     * Everything measured.
     *
     * @param cluster where the tasks ran
     * @param models  the models, checkpoints expanded, in table order
     * @param rows    sorted by model, checkpoint step, stimulus; layers in network order, θ ascending
     * @param ratios  cardinal ratios per model, step, orientation family and layer
     * @param seconds wall time of the tasks
     */
    public record Result(Config config, long seed, String cluster, List<Model> models, List<Row> rows,
                         List<Ratio> ratios, double seconds) {

        /** For result.json: what was swept, where, and the cardinal ratio per layer of the last checkpoint. */
        public Summary summary() {
            List<RatioSummary> r = new ArrayList<>();
            for (Ratio x : ratios) {
                boolean finite = Double.isFinite(x.cardinalRatio());
                r.add(new RatioSummary(x.model(), x.checkpointStep(), x.stimulus(), x.layer(), x.cardinalRatio(),
                        finite ? null : "no θ of the grid within ±" + config.cardinalWindowDeg()
                                + "° of both the cardinal and the oblique orientations (use more thetas), or no "
                                + "sensitivity at the obliques"));
            }
            int tasks = models.size() * config.stimuli().size();
            return new Summary(cluster, models.size(), config.stimuli(), tasks, rows.size(), tasks / seconds, r, null,
                    null);
        }
    }

    /**
     * result.json's summary of a sweep.
     *
     * @param parquet the Parquet copy of the table, when one was written
     * @param plots   the plots drawn
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String cluster, int models, List<String> stimuli, int tasks, int rows, double tasksPerSecond,
                         List<RatioSummary> cardinalRatios, String parquet, List<String> plots) {

        /** With the files the report wrote. */
        public Summary withOutputs(String parquetFile, List<String> plotFiles) {
            return new Summary(cluster, models, stimuli, tasks, rows, tasksPerSecond, cardinalRatios, parquetFile,
                    plotFiles);
        }
    }

    /** A layer's cardinal/oblique ratio in result.json; null with a reason when it cannot be computed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RatioSummary(String model, Long checkpointStep, String stimulus, String layer, double cardinalRatio,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String cardinalRatioReason) {
    }

    private static final Pattern STEP_FOLDER = Pattern.compile("(?i)(?:step|ckpt|checkpoint)?[-_]?(\\d+)");

    /**
     * The models a config names, checkpoint folders expanded (sorted by series, then step); bad input (parameter
     * {@code models}) for a spec that does not parse or a folder without checkpoints.
     */
    public static List<Model> expand(List<String> models) {
        List<Model> out = new ArrayList<>();
        for (String m : models) {
            Path p = m.contains(":") || m.isBlank() ? null : Path.of(m);
            if (p != null && Files.isDirectory(p)) {
                out.addAll(checkpoints(p));
                continue;
            }
            try {
                out.add(new Model(m, null, ModelSpec.parse(m).text()));
            } catch (InvalidInputException e) {
                throw InvalidInputException.parameter("models", "item '" + m + "': " + e.getMessage()
                        + " (or give a folder of checkpoints)");
            }
        }
        InvalidInputException.requireParameter(out.stream().map(x -> x.name() + "@" + x.step()).distinct().count()
                == out.size(), "models", "names the same model (or checkpoint) twice; give each once");
        return out;
    }

    /** Every saved network below {@code dir}, as checkpoints of series named by their folders. */
    static List<Model> checkpoints(Path dir) {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(dir)) {
            found = walk.filter(Files::isDirectory).filter(NetworkStore::exists).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw InvalidInputException.parameter("models", "folder " + dir + " cannot be listed (" + e.getMessage()
                    + "); check its permissions");
        }
        InvalidInputException.requireParameter(!found.isEmpty(), "models", "folder " + dir + " holds no saved network "
                + "(a folder with weights.params and network.json); give checkpoints written by psychonet deepnets "
                + "--out OUT (OUT/networks/…) or model specs");
        List<Model> out = new ArrayList<>();
        Path root = dir.toAbsolutePath().normalize();
        for (Path f : found) {
            Path abs = f.toAbsolutePath().normalize();
            NetworkStore.requireSaved(abs);
            String rel = root.relativize(abs).toString();
            Matcher named = STEP_FOLDER.matcher(abs.getFileName().toString());
            boolean stepFolder = named.matches() && !rel.isEmpty();
            Long step = recordedStep(abs);
            if (step == null && stepFolder) {
                step = Long.parseLong(named.group(1));
            }
            String series;
            if (stepFolder) {
                Path parent = root.relativize(abs.getParent());
                series = parent.toString().isEmpty() ? root.getFileName().toString() : parent.toString();
            } else {
                series = rel.isEmpty() ? root.getFileName().toString() : rel;
            }
            out.add(new Model(series, step, "saved:" + abs));
        }
        out.sort(Comparator.comparing(Model::name).thenComparing(Model::step,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    /** The training step a checkpoint's network.json records (psychonet's trainers write steps_done), or null. */
    private static Long recordedStep(Path dir) {
        JsonNode t = NetworkStore.training(dir);
        if (t == null) {
            return null;
        }
        for (String key : new String[] {"steps_done", "step"}) {
            JsonNode v = t.get(key);
            if (v != null && v.canConvertToLong() && v.isIntegralNumber()) {
                return v.asLong();
            }
        }
        return null;
    }

    /** The family for a model: a saved network is probed at the size and channels it was trained on. */
    static StimulusFamily family(String stimulus, ModelSpec spec) {
        if (spec instanceof ModelSpec.Saved saved) {
            Shape s = NetworkStore.inputShape(saved.dir());
            return Stimuli.byName(stimulus, (int) s.get(1), (int) s.get(0));
        }
        return Stimuli.byName(stimulus);
    }

    /** Measures one partition's tasks (runs on an executor): every tap of each model, from the same passes. */
    static ArrayList<Row> measure(List<Task> tasks, Config c, long seed) {
        ArrayList<Row> rows = new ArrayList<>();
        DataType type = c.dataType();
        SensitivityConfig sc = new SensitivityConfig(DerivativeMethod.parse(c.method()), Double.NaN, c.batch(), type, 4);
        for (Task t : tasks) {
            ModelSpec spec = ModelSpec.parse(t.model().spec());
            StimulusFamily family = family(t.stimulus(), spec);
            double[] grid = family.axis().grid(c.thetas() > 0 ? c.thetas() : family.axis().defaultCount());
            try (Network net = spec.build(new Shape(family.channels(), family.height(), family.width()), type, seed)) {
                SensitivityProfile p = new SensitivityEngine(sc).measure(net, family, grid);
                for (int l = 0; l < p.layers().size(); l++) {
                    double[] n = p.normalized(l);
                    double[] th = p.threshold(l);
                    for (int i = 0; i < grid.length; i++) {
                        rows.add(new Row(t.model().name(), t.model().step(), t.stimulus(), p.layers().get(l),
                                grid[i], family.axis().unit(), p.sensitivity()[l][i], n[i], th[i]));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Runs the sweep: models × stimuli, one task each, on {@code cluster}; rows sorted into table order.
     */
    public Result run(Config config, long seed, Cluster cluster) throws Exception {
        config.validate();
        List<Model> models = expand(config.models());
        List<Task> tasks = new ArrayList<>();
        for (Model m : models) {
            for (String s : config.stimuli()) {
                tasks.add(new Task(m, s));
            }
        }
        long t0 = System.nanoTime();
        ArrayList<Row> rows = cluster.aggregate(tasks, tasks.size(), slice -> measure(slice, config, seed),
                (a, b) -> {
                    a.addAll(b);
                    return a;
                });
        double seconds = (System.nanoTime() - t0) / 1e9;
        // table order: task order (model, step, stimulus), then each task's rows as measured (layer, θ)
        Map<String, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            order.put(key(tasks.get(i).model().name(), tasks.get(i).model().step(), tasks.get(i).stimulus()), i);
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(r -> order.get(key(r.model(), r.checkpointStep(), r.stimulus()))));
        return new Result(config, seed, cluster.describe(), models, List.copyOf(sorted),
                ratios(sorted, config.cardinalWindowDeg()), seconds);
    }

    private static String key(String model, Long step, String stimulus) {
        return model + "\u0000" + step + "\u0000" + stimulus;
    }

    /** Cardinal ratios (DeepMetrics' definition) of every layer of every orientation-family task. */
    static List<Ratio> ratios(List<Row> rows, double windowDeg) {
        List<Ratio> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            Row first = rows.get(i);
            int j = i;
            while (j < rows.size() && rows.get(j).model().equals(first.model())
                    && java.util.Objects.equals(rows.get(j).checkpointStep(), first.checkpointStep())
                    && rows.get(j).stimulus().equals(first.stimulus()) && rows.get(j).layer().equals(first.layer())) {
                j++;
            }
            StimulusFamily f = Stimuli.byName(first.stimulus());
            if (f.axis().name().equals("orientation") && f.axis().displayUnit().equals("deg")) {
                double[] deg = new double[j - i];
                double[] n = new double[j - i];
                for (int k = i; k < j; k++) {
                    deg[k - i] = f.axis().toDisplay(rows.get(k).theta());
                    n[k - i] = rows.get(k).normalized();
                }
                out.add(new Ratio(first.model(), first.checkpointStep(), first.stimulus(), first.layer(),
                        DeepMetrics.cardinalObliqueRatio(deg, n, windowDeg)));
            }
            i = j;
        }
        return out;
    }
}
