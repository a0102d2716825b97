package org.psychonet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.psychonet.experiment.ImageStatistics;
import org.psychonet.images.ImageSources;
import org.psychonet.images.ImageStream;
import org.psychonet.util.output.SafeOutput;
import org.psychonet.report.StatsReport;
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

    @Option(names = "--rotate", defaultValue = "0", description = "Rotate every image by DEG (padded corners cropped).")
    double rotate;

    @Option(names = "--hue-shift", defaultValue = "0", description = "Shift every hue by DEG (HSV).")
    double hueShift;

    @Option(names = "--greyscale", description = "Convert images to luma first.")
    boolean greyscale;

    @Option(names = "--patches", description = "Greyscale patches for PCA (default 100000; 0 = no PCA).")
    Integer patches;

    @Option(names = "--patch-size", description = "Patch side (default 32).")
    Integer patchSize;

    @Option(names = "--fit", description = "PC ranks FROM:TO of the power-law fit (default 10:500 for 32² patches).")
    String fit;

    @Option(names = "--max-images", defaultValue = "0", description = "Read at most N images (default: all).")
    long maxImages;

    @Option(names = "--resize", defaultValue = "256", description = "Resize folder images so the short side is N "
            + "(ImageNet's Resize(256); 0 = native size; default ${DEFAULT-VALUE}).")
    int resize;

    @Option(names = "--threads", description = "Decoding threads (default: all cores).")
    Integer threads;

    @Option(names = "--components", description = "Leading PCs drawn as images (default 64).")
    Integer components;

    @Option(names = "--max-pixels", description = "Skip folder images with more pixels than this, read from the "
            + "header before decoding (decompression bombs; default 100000000).")
    Long maxPixels;

    @Option(names = "--quick", description = "Small run: " + "150 world images of 128², 3000 patches of 16².")
    boolean quick;

    private ImageStatistics.Config config;

    @Override
    protected String name() {
        return "stats";
    }

    @Override
    protected void validate() {
        ImageStatistics.Config base = quick ? ImageStatistics.Config.quick() : ImageStatistics.Config.paper();
        String spec = quick && "world".equals(images) ? base.images() : images;
        int size = patchSize == null ? base.patchSize() : patchSize;
        int from = base.fitFrom();
        int to = base.fitTo();
        if (fit != null) {
            String[] p = fit.split(":");
            try {
                InvalidInputException.require(p.length == 2, "--fit " + fit + " is not FROM:TO; give e.g. 10:500");
                from = Integer.parseInt(p[0].trim());
                to = Integer.parseInt(p[1].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--fit " + fit + " is not FROM:TO with whole numbers; give e.g. 10:500");
            }
        } else if (size != base.patchSize()) {
            // the default range scaled to the patch's dimension (10:500 of 1024)
            int dim = size * size;
            from = Math.max(1, Math.min(10, dim / 100));
            to = Math.max(from + 2, Math.min(dim, dim / 2));
        }
        InvalidInputException.require(maxImages >= 0, "--max-images must be 0 (all) or more");
        config = new ImageStatistics.Config(spec, rotate, hueShift, greyscale, maxImages,
                patches == null ? base.patches() : patches, size, from, to, resize,
                threads == null ? ImageStream.defaultThreads() : threads,
                components == null ? base.componentsShown() : components,
                maxPixels == null ? base.maxPixels() : maxPixels);
        config.validate();
        // opens the source now so a bad folder or world option exits 2 before anything is written
        config.source();
    }

    @Override
    protected Object config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("experiment", config);
        c.put("images_help", ImageSources.HELP);
        return c;
    }

    @Override
    protected Map<String, Object> run(SafeOutput output) throws Exception {
        ImageStatistics.Result r = time("stats_s", () -> new ImageStatistics(StatsReport::write)
                .run(config, output.dir(), seed));
        timings.put("pass_s", r.passSeconds());
        timings.put("pca_s", r.pcaSeconds());
        return r.summary();
    }
}
