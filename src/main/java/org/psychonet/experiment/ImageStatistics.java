package org.psychonet.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.psychonet.scale.Cluster;
import org.psychonet.util.InvalidInputException;

/**
 * The statistics of a training world (Figs 3 and 5b): the PCA spectrum of greyscale patches with its
 * power-law fit, the leading PCs, the energy-weighted orientation histogram with its cardinal/oblique ratio,
 * the hue histogram over S, V ∈ [0.5, 1], and the CIELAB distance between successive hues (Fig. 3b).
 * {@link #run} computes and returns a {@link Result}; its files are written afterwards by
 * {@code org.psychonet.report.StatsReport}.
 */
public final class ImageStatistics implements Experiment<ImageStatistics.Config, ImageStatistics.Result> {

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
                         int componentsShown, long maxPixels) implements java.io.Serializable {

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

        /**
         * The patch side; the power-law fit range follows it, as the paper's ranks 10–500 of 1,024 dimensions scale:
         * from ≈ d/100, to ≈ d/2.
         */
        public Config withPatchSize(int side) {
            int dim = side * side;
            int from = Math.max(1, Math.min(10, dim / 100));
            int to = Math.max(from + 2, Math.min(dim, dim / 2));
            return new Config(images, rotateDeg, hueShiftDeg, greyscale, maxImages, patches, side, from, to, resize,
                    threads, componentsShown, maxPixels);
        }

        /** PC ranks (1-based, inclusive) of the power-law fit. */
        public Config withFit(int from, int to) {
            return new Config(images, rotateDeg, hueShiftDeg, greyscale, maxImages, patches, patchSize, from, to,
                    resize, threads, componentsShown, maxPixels);
        }

        public Config withPatches(int n) {
            return new Config(images, rotateDeg, hueShiftDeg, greyscale, maxImages, n, patchSize, fitFrom, fitTo,
                    resize, threads, componentsShown, maxPixels);
        }

        /** Image handling: greyscale, at most {@code max} images (0: all), folder images resized, decoding threads,
         *  pixel limit. */
        public Config withReading(boolean grey, long max, int resizeTo, int threadCount, long pixelLimit) {
            return new Config(images, rotateDeg, hueShiftDeg, grey, max, patches, patchSize, fitFrom, fitTo,
                    resizeTo, threadCount, componentsShown, pixelLimit);
        }

        public Config withComponentsShown(int k) {
            return new Config(images, rotateDeg, hueShiftDeg, greyscale, maxImages, patches, patchSize, fitFrom, fitTo,
                    resize, threads, k, maxPixels);
        }

        public Config withRotate(double deg) {
            return new Config(images, deg, hueShiftDeg, greyscale, maxImages, patches, patchSize, fitFrom, fitTo,
                    resize, threads, componentsShown, maxPixels);
        }

        public Config withHueShift(double deg) {
            return new Config(images, rotateDeg, deg, greyscale, maxImages, patches, patchSize, fitFrom, fitTo,
                    resize, threads, componentsShown, maxPixels);
        }

        /** Checks the settings once; InvalidInputException (exit 2) names the parameter and the remedy. */
        public void validate() {
            InvalidInputException.requireParameter(images != null && !images.isBlank(), "images",
                    "is empty; give world, world:key=value,… or a folder of images");
            InvalidInputException.requireParameter(Double.isFinite(rotateDeg), "rotateDeg",
                    "must be a finite angle in degrees (e.g. 45)");
            InvalidInputException.requireParameter(Double.isFinite(hueShiftDeg), "hueShiftDeg",
                    "must be a finite angle in degrees (e.g. 90)");
            InvalidInputException.requireParameter(maxImages >= 0, "maxImages", "must be 0 (all) or more");
            InvalidInputException.requireParameter(patches == 0 || patches >= 2, "patches",
                    "must be 0 (no PCA) or at least 2 for a covariance (the paper: 100000)");
            InvalidInputException.requireParameter(patchSize >= 2 && patchSize <= 64, "patchSize",
                    patchSize + " is out of range; use 2 to 64 (the paper: 32)");
            int dim = patchSize * patchSize;
            InvalidInputException.requireParameter(patches == 0 || (fitFrom >= 1 && fitTo <= dim && fitTo - fitFrom >= 2),
                    "fitRanks", fitFrom + ":" + fitTo + " must satisfy 1 ≤ from, from + 2 ≤ to ≤ " + dim
                            + " (patch size " + patchSize + ")");
            InvalidInputException.requireParameter(resize >= 0, "resize", "must be 0 (native) or a side in pixels");
            InvalidInputException.requireParameter(threads >= 1, "threads", "must be at least 1");
            InvalidInputException.requireParameter(componentsShown >= 0, "componentsShown", "must be 0 or more");
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

    /** Everything measured: what the report draws, and (as {@link #summary()}) what result.json holds. */
    public record Result(Config config, long seed, String source, long imagesRead, List<ImageStream.Skip> skipped,
                         long pixels, double[] hueCounts, double[] orientationEnergy, double cardinalObliqueRatio,
                         long patchesUsed, double[] eigenvalues, double[][] components, double[] patchMean,
                         PowerLaw fit, double[] cielabHueDistance, double passSeconds, double pcaSeconds,
                         List<Claim> claims) implements ExperimentResult {

        public double huePeakDeg() {
            return new HueHistogram(hueCounts, imagesRead, skipped).peakDeg();
        }

        @Override
        public Summary summary() {
            boolean pca = eigenvalues != null;
            boolean fitted = pca && fit.fitted();
            double huePeak = huePeakDeg();
            return new Summary(source, imagesRead, skipped.size(),
                    skipped.stream().map(k -> new Skipped(k.item(), k.reason())).toList(), pixels,
                    cardinalObliqueRatio,
                    Double.isFinite(cardinalObliqueRatio) ? null : "no gradient energy near the oblique orientations "
                            + "(blank images, or edges only at cardinals)",
                    huePeak, Double.isFinite(huePeak) ? null
                            : "no pixel with saturation and value ≥ 0.5 (grey or dark images)",
                    Arrays.stream(hueCounts).sum(), pca ? patchesUsed : null, pca ? config.patchSize() : null,
                    pca ? fit.exponent() : null, pca ? fit.r2() : null, pca && !fitted ? fit.reason() : null,
                    pca ? List.of(fit.from(), fit.to()) : null, pca ? fit.exponent() / 2 : null,
                    pca && Arrays.stream(eigenvalues).noneMatch(v -> v > 0) ? "not drawn: no positive eigenvalue to "
                            + "show on log axes (pca_spectrum.csv has the spectrum)" : null,
                    pca ? Arrays.copyOf(eigenvalues, Math.min(10, eigenvalues.length)) : null,
                    localMaxima(cielabHueDistance));
        }
    }

    /**
     * result.json's summary (the speed, {@code images_per_second}, is with the timings). The PCA entries are absent when no PCA was run ({@code patches} = 0). A statistic that
     * cannot be computed (blank or periodic images) is NaN — null in JSON — and its {@code …_reason} says why.
     *
     * @param pcaFitRanks                first and last PC rank of the power-law fit
     * @param pcaSingularValueExponent   the exponent of the singular values √((n−1)λ) plotted in Fig. 5b: half of λ's
     * @param cielabHueDistancePeaksDeg  hues (bin starts) where the distance between successive hues peaks (Fig. 3b)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String source, long imagesRead, int imagesSkipped, List<Skipped> skipped, long pixels,
                          double cardinalObliqueRatio, String cardinalObliqueRatioReason,
                          double huePeakDeg, String huePeakReason, double huePixelsCounted, Long patches,
                          Integer patchSize, Double pcaPowerlawExponent, Double pcaPowerlawR2,
                          String pcaPowerlawReason, List<Integer> pcaFitRanks, Double pcaSingularValueExponent,
                          String pcaSpectrumPlot, double[] pcaTopEigenvalues, List<Double> cielabHueDistancePeaksDeg) {
    }

    /** A file that could not be read, and why. */
    public record Skipped(String file, String reason) {
    }

    @Override
    public String id() {
        return "stats";
    }

    /** Measures; writes no files ({@code artifacts} is unused). */
    @Override
    public Result run(Config config, long seed, Path artifacts) throws Exception {
        config.validate();
        ImageSource src = config.source();
        ImageStats st = measure(config, src, seed);
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
                        + config.patchSize() + " px?); lower `patchSize` or add images");
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
        return new Result(config, seed, src.describe(), st.imagesRead(), st.skipped(), st.pixels(), st.hueCounts(),
                st.orientationEnergy(), st.cardinalObliqueRatio(), used, eig, comps, mean, fit, dist, st.seconds(),
                pcaSeconds, claims);
    }

    /**
     * The PCA exponents measured on real photographs (the 12 photographs of Debian's mate-backgrounds nature/,
     * short side 256, 3,000 patches each), per (patch size, first rank, last rank) of the fit: the range a
     * natural-image stand-in should fall in. 32×32 over ranks 10–500: the table of the README's "The built-in world";
     * 16×16 over ranks 4–100 (the quick profile's): measured for issue 13 (script in the README).
     *
     * @param low  steepest photograph's exponent
     * @param high flattest photograph's exponent
     */
    public record PhotoRange(int patchSize, int fitFrom, int fitTo, double low, double high) {
    }

    public static final List<PhotoRange> PHOTO_RANGES = List.of(new PhotoRange(32, 10, 500, -2.83, -1.41),
            new PhotoRange(16, 4, 100, -3.53, -1.29));

    /** Fig. 5b on photographs: the spectrum decays as a power law. */
    public static final ClaimSpec POWER_LAW = ClaimSpec.paper("images.pca_powerlaw", "Fig. 5b",
            "the variance of successive PCs of photographs' patches decays as a power law: log-log R² of the fit",
            Claim.Comparator.AT_LEAST, 0.95);
    /** The built-in world's spectrum as a stand-in for natural images (its design, so a check). */
    public static final ClaimSpec WORLD_SPECTRUM = new ClaimSpec("images.world_spectrum", Claim.Kind.CHECK, "Fig. 5b",
            "the world's PCA exponent lies in the range measured on real photographs at the same patch size and fit "
                    + "ranks (PHOTO_RANGES; the world was designed to, so this checks the stand-in, not the paper)",
            Claim.Comparator.WITHIN, Double.NaN, Double.NaN, ClaimSpec.Bound.PREDICTION);

    /** Where the image pass runs: null (this process, {@code threads} threads) or a cluster (issue 16). */
    private Cluster cluster;

    /** Runs the image pass on {@code c}'s executors (null: in this process); the statistics are the same bits. */
    public ImageStatistics on(Cluster c) {
        this.cluster = c;
        return this;
    }

    private ImageStats measure(Config config, ImageSource src, long seed) throws Exception {
        ImageStats.Options o = new ImageStats.Options(config.maxImages(), config.patches(), config.patchSize(), seed,
                config.threads());
        // executors rebuild the source from the settings (config::source), once per JVM, and check it is the same
        return cluster == null ? ImageStats.measure(src, o) : ImageStats.measure(src, config::source, o, cluster, 0);
    }

    private static List<Claim> claims(Config c, double ratio, PowerLaw fit, long patches, long images) {
        List<Claim> out = new ArrayList<>();
        String settings = c.images() + (c.rotateDeg() != 0 ? " rotated " + c.rotateDeg() + "°" : "")
                + ", " + images + " images";
        boolean world = c.images().equals("world") || c.images().startsWith("world:");
        if (fit != null) {
            String ps = settings + ", " + patches + " patches of " + c.patchSize() + "², fit over PC ranks "
                    + fit.from() + "–" + fit.to();
            String fs = fit.fitted() ? ps : ps + "; no fit: " + fit.reason();
            if (world) {
                out.add(Claim.check("images.pca_powerlaw_fit", "Fig. 5b",
                        "the world's PC variances decay as a power law (log-log fit R²)")
                        .measured("pca_powerlaw_r2", fit.r2()).settings(fs).atLeast(0.95));
                for (PhotoRange r : PHOTO_RANGES) {
                    if (r.patchSize() == c.patchSize() && r.fitFrom() == fit.from() && r.fitTo() == fit.to()) {
                        out.add(WORLD_SPECTRUM.measuredAgainst("pca_powerlaw_exponent",
                                org.psychonet.util.Estimate.single(fit.exponent()), r.low(), r.high(), fs));
                    }
                }
            } else {
                out.add(POWER_LAW.measured("pca_powerlaw_r2", org.psychonet.util.Estimate.single(fit.r2()), fs));
            }
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
