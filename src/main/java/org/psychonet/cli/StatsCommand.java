package org.psychonet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.psychonet.experiment.ImageStatistics;
import org.psychonet.images.ImageSources;
import org.psychonet.images.ImageStream;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.report.StatsReport;
import org.psychonet.scale.Cluster;
import org.psychonet.scale.Clusters;
import org.psychonet.util.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code psychonet stats}: the statistics of a training world (Figs 3, 5b). */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "PCA spectrum of greyscale patches (Fig. 5b), edge-orientation and hue histograms (Fig. 3c), "
                + "CIELAB hue distance (Fig. 3b) of a folder of images or the built-in world.")
public final class StatsCommand extends RunCommand {

    @Option(names = "--images", defaultValue = "world", description = "Folder of JPEG/PNG images (recursive), "
            + "'world' or 'world:size=224,count=10000,seed=0,orientation=natural|uniform|oblique,hue=natural|uniform' "
            + "(default: ${DEFAULT-VALUE}).")
    String images;

    @Option(names = "--rotate", description = "Rotate every image by DEG (padded corners cropped; default 0).")
    Double rotate;

    @Option(names = "--hue-shift", description = "Shift every hue by DEG (HSV; default 0).")
    Double hueShift;

    @Option(names = "--greyscale", description = "Convert images to luma first.")
    boolean greyscale;

    @Option(names = "--patches", description = "Greyscale patches for PCA (default 100000; 0 = no PCA).")
    Integer patches;

    @Option(names = "--patch-size", description = "Patch side (default 32).")
    Integer patchSize;

    @Option(names = "--fit", description = "PC ranks FROM:TO of the power-law fit (default 10:500 for 32² patches).")
    String fit;

    @Option(names = "--max-images", description = "Read at most N images (default: all).")
    Long maxImages;

    @Option(names = "--resize", description = "Resize folder images so the short side is N "
            + "(ImageNet's Resize(256); 0 = native size; default 256).")
    Integer resize;

    @Option(names = "--threads", description = "Decoding threads (default: all cores).")
    Integer threads;

    @Option(names = "--components", description = "Leading PCs drawn as images (default 64).")
    Integer components;

    @Option(names = "--max-pixels", description = "Skip folder images with more pixels than this, read from the "
            + "header before decoding (decompression bombs; default 100000000).")
    Long maxPixels;

    @Option(names = "--spark", arity = "0..1", fallbackValue = "", paramLabel = "MASTER", description = "Read the "
            + "images on Apache Spark: local[N] (embedded), spark://HOST:PORT, yarn or k8s://URL; without a value the "
            + "master spark-submit configured, else local[every core]. Same statistics, bit for bit. Folders must be "
            + "at the same path on every executor. Default: no Spark, one process.")
    String spark;

    /** Where the pass ran (the cluster's description), for result.json. */
    private String ranOn;

    @Option(names = "--quick", description = "Small run: " + "150 world images of 128², 3000 patches of 16².")
    boolean quick;

    private ImageStatistics.Config config;

    @Override
    protected String name() {
        return "stats";
    }

    @Override
    protected void validate() {
        // every default is the config's (ImageStatistics.Config.paper()/quick()); options only override
        ImageStatistics.Config c = quick ? ImageStatistics.Config.quick() : ImageStatistics.Config.paper();
        if (!(quick && "world".equals(images))) {
            c = c.withImages(images);
        }
        if (patchSize != null && patchSize != c.patchSize()) {
            c = c.withPatchSize(patchSize);
        }
        if (fit != null) {
            String[] p = fit.split(":");
            try {
                InvalidInputException.requireParameter(p.length == 2, "fitRanks", fit + " is not FROM:TO; give e.g. 10:500");
                c = c.withFit(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            } catch (NumberFormatException e) {
                throw InvalidInputException.parameter("fitRanks", fit + " is not FROM:TO with whole numbers; give e.g. 10:500");
            }
        }
        if (patches != null) {
            c = c.withPatches(patches);
        }
        if (components != null) {
            c = c.withComponentsShown(components);
        }
        if (rotate != null) {
            c = c.withRotate(rotate);
        }
        if (hueShift != null) {
            c = c.withHueShift(hueShift);
        }
        c = c.withReading(greyscale || c.greyscale(), maxImages == null ? c.maxImages() : maxImages,
                resize == null ? c.resize() : resize, threads == null ? c.threads() : threads,
                maxPixels == null ? c.maxPixels() : maxPixels);
        c.validate();
        Clusters.requireMaster(spark);
        // opens the source now so a bad folder or world option exits 2 before anything is written
        c.source();
        config = c;
    }

    @Override
    protected Object config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("experiment", config);
        c.put("images_help", ImageSources.HELP);
        c.put("spark", spark == null ? null : ranOn);
        return c;
    }

    @Override
    protected Object run(SafeOutput output) throws Exception {
        try (Cluster cluster = spark == null ? null : Clusters.spark(spark.isBlank() ? null : spark, "psychonet stats")) {
            return run(output, cluster);
        }
    }

    private Object run(SafeOutput output, Cluster cluster) throws Exception {
        ranOn = cluster == null ? null : cluster.describe();
        ImageStatistics.Result r = time("stats_s", () -> new ImageStatistics().on(cluster).run(config, seed,
                output.dir()));
        time("report_s", () -> {
            StatsReport.write(r, output.dir());
            return null;
        });
        timings.put("pass_s", r.passSeconds());
        timings.put("pca_s", r.pcaSeconds());
        timings.put("images_per_second", r.imagesRead() / r.passSeconds());
        return r;
    }
}
