package org.psychonet.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.images.ColorSpace;
import org.psychonet.images.FolderSource;
import org.psychonet.images.HueHistogram;
import org.psychonet.images.ImageSource;
import org.psychonet.images.ImageSources;
import org.psychonet.images.ImageStats;
import org.psychonet.images.ImageStream;
import org.psychonet.images.Pca;
import org.psychonet.images.PowerLaw;
import org.psychonet.images.Transforms;
import org.psychonet.util.InvalidInputException;

/**
 * The statistics of a training world (Figs 3 and 5b): the PCA spectrum of greyscale patches with its
 * power-law fit, the leading PCs, the energy-weighted orientation histogram with its cardinal/oblique ratio,
 * the hue histogram over S, V ∈ [0.5, 1], and the CIELAB distance between successive hues (Fig. 3b).
 * Computes in run(); CSVs and figures are written by the {@link Writer} given to the constructor
 * (org.psychonet.report.StatsReport::write), so this layer does not depend on the report layer.
 */
public final class ImageStatistics implements Experiment<ImageStatistics.Config, ImageStatistics.Result> {

    /** Writes a result's CSVs and figures into a folder. */
    @FunctionalInterface
    public interface Writer {
        void write(Result result, Path dir) throws Exception;
    }

    /**
     * @param images          source spec: "world", "world:key=value,…" or a folder (see {@link ImageSources})
     * @param rotateDeg       rotate every image by this angle, cropping padded corners (SI Fig. 1b: 45°)
     * @param hueShiftDeg     shift every hue by this angle in HSV (Fig. 3d: 90°)
     * @param greyscale       replace colour by luma
     * @param maxImages       read at most this many images (≤ 0: all)
     * @param patches         greyscale patches for PCA (Methods, "Linear network experiments": over 100,000)
     * @param patchSize       patch side (32, as ImageNet32)
     * @param fitFrom         first PC rank (1-based) of the power-law fit
     * @param fitTo           last PC rank of the fit
     * @param resize          folder images: short side resized to this (ImageNet's Resize(256)); 0 = native
     * @param threads         decoding threads
     * @param componentsShown leading PCs drawn as images (Fig. 5b inset: 64)
     * @param maxPixels       folder images with more pixels are skipped (decompression bombs; 100 Mpixel)
     */
    public record Config(String images, double rotateDeg, double hueShiftDeg, boolean greyscale, long maxImages,
                         int patches, int patchSize, int fitFrom, int fitTo, int resize, int threads,
                         int componentsShown, long maxPixels) {

        public Config(String images, double rotateDeg, double hueShiftDeg, boolean greyscale, long maxImages,
                      int patches, int patchSize, int fitFrom, int fitTo, int resize, int threads,
                      int componentsShown) {
            this(images, rotateDeg, hueShiftDeg, greyscale, maxImages, patches, patchSize, fitFrom, fitTo, resize,
                    threads, componentsShown, FolderSource.MAX_PIXELS);
        }

        /** The paper's settings on the built-in world: 100,000 32×32 patches from its 10,000 images, fit over
         *  PC ranks 10–500 (past the few largest-scale PCs, short of the pixel-scale tail). */
        public static Config paper() {
            return new Config("world", 0, 0, false, 0, 100_000, 32, 10, 500, 256,
                    ImageStream.defaultThreads(), 64);
        }

        /** A small run for tests and smoke checks: 150 images of 128², 3,000 patches of 16², fit over 4–100. */
        public static Config quick() {
            return new Config("world:size=128,count=150", 0, 0, false, 0, 3_000, 16, 4, 100, 256,
                    ImageStream.defaultThreads(), 16);
        }

        public Config withImages(String spec) {
            return new Config(spec, rotateDeg, hueShiftDeg, greyscale, maxImages, patches, patchSize, fitFrom, fitTo,
                    resize, threads, componentsShown, maxPixels);
        }

        public Config withRotate(double deg) {
            return new Config(images, deg, hueShiftDeg, greyscale, maxImages, patches, patchSize, fitFrom, fitTo,
                    resize, threads, componentsShown, maxPixels);
        }

        public Config withHueShift(double deg) {
            return new Config(images, rotateDeg, deg, greyscale, maxImages, patches, patchSize, fitFrom, fitTo,
                    resize, threads, componentsShown, maxPixels);
        }

        /** Checks the settings; InvalidInputException (exit 2) names the bad one and the remedy. */
        public void validate() {
            InvalidInputException.require(Double.isFinite(rotateDeg), "--rotate must be a finite angle in degrees");
            InvalidInputException.require(Double.isFinite(hueShiftDeg), "--hue-shift must be a finite angle in degrees");
            InvalidInputException.require(patches >= 0, "--patches must be 0 (no PCA) or more");
            InvalidInputException.require(patches == 0 || patches >= 2, "--patches needs at least 2 patches for a covariance");
            InvalidInputException.require(patchSize >= 2 && patchSize <= 64,
                    "--patch-size " + patchSize + " is out of range; use 2 to 64 (the paper: 32)");
            int dim = patchSize * patchSize;
            InvalidInputException.require(patches == 0 || (fitFrom >= 1 && fitTo <= dim && fitTo - fitFrom >= 2),
                    "--fit " + fitFrom + ":" + fitTo + " must satisfy 1 ≤ from, from + 2 ≤ to ≤ " + dim
                            + " (patch size " + patchSize + ")");
            InvalidInputException.require(resize >= 0, "--resize must be 0 (native) or a side in pixels");
            InvalidInputException.require(threads >= 1, "--threads must be at least 1");
            InvalidInputException.require(componentsShown >= 0, "--components must be 0 or more");
            InvalidInputException.requireParameter(maxPixels >= 1, "maxPixels", "must be at least 1 (default "
                    + FolderSource.MAX_PIXELS + ")");
        }

        /** The image source, transforms applied (rotation, then hue shift, then greyscale). */
        public ImageSource source() {
            ImageSource s = ImageSources.parse(images, resize, maxPixels);
            if (rotateDeg != 0) {
                s = Transforms.rotate(s, rotateDeg);
            }
            if (hueShiftDeg != 0) {
                s = Transforms.hueShift(s, hueShiftDeg);
            }
            if (greyscale) {
                s = Transforms.greyscale(s);
            }
            return s;
        }
    }

    /** Everything measured, for the writer and for result.json. */
    public record Result(Config config, long seed, String source, long imagesRead, List<ImageStream.Skip> skipped,
                         long pixels, double[] hueCounts, double[] orientationEnergy, double cardinalObliqueRatio,
                         long patchesUsed, double[] eigenvalues, double[][] components, double[] patchMean,
                         PowerLaw fit, double[] cielabHueDistance, double passSeconds, double pcaSeconds,
                         List<Claim> claims) implements ExperimentResult {

        public double huePeakDeg() {
            return new HueHistogram(hueCounts, imagesRead, skipped).peakDeg();
        }

        @Override
        public Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("source", source);
            s.put("images_read", imagesRead);
            s.put("images_skipped", skipped.size());
            List<Map<String, Object>> sk = new ArrayList<>();
            for (ImageStream.Skip k : skipped) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", k.item());
                m.put("reason", k.reason());
                sk.add(m);
            }
            s.put("skipped", sk);
            s.put("pixels", pixels);
            s.put("images_per_second", imagesRead / passSeconds);
            s.put("cardinal_oblique_ratio", Double.isFinite(cardinalObliqueRatio) ? cardinalObliqueRatio : null);
            if (!Double.isFinite(cardinalObliqueRatio)) {
                s.put("cardinal_oblique_ratio_reason", "no gradient energy near the oblique orientations "
                        + "(blank images, or edges only at cardinals)");
            }
            s.put("hue_peak_deg", Double.isFinite(huePeakDeg()) ? huePeakDeg() : null);
            if (!Double.isFinite(huePeakDeg())) {
                s.put("hue_peak_reason", "no pixel with saturation and value ≥ 0.5 (grey or dark images)");
            }
            s.put("hue_pixels_counted", Arrays.stream(hueCounts).sum());
            if (eigenvalues != null) {
                s.put("patches", patchesUsed);
                s.put("patch_size", config.patchSize());
                // an unfittable spectrum (blank or periodic images) is a result: null with the reason
                s.put("pca_powerlaw_exponent", fit.fitted() ? fit.exponent() : null);
                s.put("pca_powerlaw_r2", fit.fitted() ? fit.r2() : null);
                if (!fit.fitted()) {
                    s.put("pca_powerlaw_reason", fit.reason());
                }
                s.put("pca_fit_ranks", List.of(fit.from(), fit.to()));
                s.put("pca_singular_value_exponent", fit.fitted() ? fit.exponent() / 2 : null);
                if (Arrays.stream(eigenvalues).noneMatch(v -> v > 0)) {
                    s.put("pca_spectrum_plot", "not drawn: no positive eigenvalue to show on log axes "
                            + "(pca_spectrum.csv has the spectrum)");
                }
                s.put("pca_top_eigenvalues", Arrays.copyOf(eigenvalues, Math.min(10, eigenvalues.length)));
            }
            s.put("cielab_hue_distance_peaks_deg", localMaxima(cielabHueDistance));
            s.put("claims", claims);
            return s;
        }

        @Override
        public List<Claim> claims() {
            return claims;
        }
    }

    private final Writer writer;

    /** Computes, then writes with {@code writer} (null: compute only). */
    public ImageStatistics(Writer writer) {
        this.writer = writer;
    }

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public Result run(Config config, Path dir, long seed) throws Exception {
        config.validate();
        ImageSource src = config.source();
        ImageStats st = ImageStats.measure(src, new ImageStats.Options(config.maxImages(), config.patches(),
                config.patchSize(), seed, config.threads()));
        if (st.imagesRead() == 0) {
            String why = st.skipped().isEmpty() ? "no images" : st.skipped().size() + " unreadable, e.g. "
                    + st.skipped().get(0).item() + ": " + st.skipped().get(0).reason();
            throw new InvalidInputException("no image of " + config.images() + " could be read (" + why
                    + "); give a folder with at least one valid JPEG or PNG image");
        }
        double[] eig = null;
        double[][] comps = null;
        double[] mean = null;
        PowerLaw fit = null;
        double pcaSeconds = 0;
        long used = st.patchCount();
        if (config.patches() > 0) {
            if (used < 2) {
                throw new InvalidInputException("only " + used + " patches could be sampled (images smaller than "
                        + config.patchSize() + " px?); lower --patch-size or add images");
            }
            long t0 = System.nanoTime();
            Pca pca = Pca.fit(st.covariance());
            pcaSeconds = (System.nanoTime() - t0) / 1e9;
            eig = pca.eigenvalues();
            comps = Arrays.copyOf(pca.components(), Math.min(config.componentsShown(), eig.length));
            mean = pca.mean();
            fit = PowerLaw.fit(eig, config.fitFrom(), config.fitTo());
        }
        double[] dist = ColorSpace.hueDistance(1);
        List<Claim> claims = claims(config, st.cardinalObliqueRatio(), fit, used, st.imagesRead());
        Result r = new Result(config, seed, src.describe(), st.imagesRead(), st.skipped(), st.pixels(), st.hueCounts(),
                st.orientationEnergy(), st.cardinalObliqueRatio(), used, eig, comps, mean, fit, dist, st.seconds(),
                pcaSeconds, claims);
        if (writer != null) {
            writer.write(r, dir);
        }
        return r;
    }

    private static List<Claim> claims(Config c, double ratio, PowerLaw fit, long patches, long images) {
        List<Claim> out = new ArrayList<>();
        String settings = c.images() + (c.rotateDeg() != 0 ? " rotated " + c.rotateDeg() + "°" : "")
                + ", " + images + " images";
        if (fit != null) {
            String ps = settings + ", " + patches + " patches of " + c.patchSize() + "², fit over PC ranks "
                    + fit.from() + "–" + fit.to();
            out.add(Claim.paper("images.pca_powerlaw", "Fig. 5b",
                    "the variance of successive PCs of image patches decays as a power law (log-log fit R²)")
                    .measured("pca_powerlaw_r2", fit.r2())
                    .settings(fit.fitted() ? ps : ps + "; no fit: " + fit.reason()).atLeast(0.95));
        }
        double turn = ((c.rotateDeg() % 90) + 90) % 90;
        if (Math.abs(turn - 45) < 1e-9) {
            out.add(Claim.check("images.cardinal_oblique", "SI Fig. 1b",
                    "images rotated by 45° carry more edge energy at oblique than at cardinal orientations")
                    .measured("cardinal_oblique_ratio", ratio).settings(settings).below(1));
        } else if (turn == 0) {
            // a check, not a finding: the built-in world's ratio comes from its own orientation prior
            out.add(Claim.check("images.cardinal_oblique", "Fig. 2",
                    "natural images carry more edge energy at cardinal than at oblique orientations")
                    .measured("cardinal_oblique_ratio", ratio).settings(settings).above(1));
        }
        return out;
    }

    /** Hues (bin starts, degrees) where the successive-hue distance has a local maximum on the circle. */
    static List<Double> localMaxima(double[] d) {
        List<Double> peaks = new ArrayList<>();
        int n = d.length;
        for (int i = 0; i < n; i++) {
            double prev = d[(i + n - 1) % n];
            double next = d[(i + 1) % n];
            if (d[i] > prev && d[i] >= next) {
                peaks.add(i * 360.0 / n);
            }
        }
        return peaks;
    }
}
