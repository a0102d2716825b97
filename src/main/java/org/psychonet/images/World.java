package org.psychonet.images;

import java.util.SplittableRandom;

/**
 * The built-in naturalistic world: colour images from a dead-leaves (occlusion) model. Opaque shapes —
 * oriented, elongated rectangles and ellipses — fall on the image plane; each pixel shows the first shape
 * that covers it. Shape size r follows a power law p(r) ∝ r^−k between {@code minRadius} and {@code maxRadius};
 * k = 3 is the scale-invariant choice with the 1/f² power spectrum of natural scenes (Ruderman 1997; Lee,
 * Mumford &amp; Huang 2001), the default k = 2.6 with a slight optical blur gives the somewhat steeper spectra of
 * real photographs (README); either way the PCA spectrum is a power law (Fig. 5b). Orientations come from an
 * {@link OrientationPrior}, hues from a {@link HuePrior}; saturation and value from fixed distributions
 * with mostly muted colours. Edges are anti-aliased analytically (coverage from the signed distance to the
 * boundary) so the pixel grid adds no cardinal bias of its own.
 *
 * <p>Image i depends only on (seed, i, config): any image can be generated alone, on any thread.
 */
public final class World implements ImageSource {

    /**
     * @param height          image rows (default 224, the ImageNet training crop of Figs 2–3)
     * @param width           image columns (224)
     * @param count           number of images in the world (default 10,000)
     * @param seed            world seed
     * @param orientation     orientation prior of shapes (default {@link OrientationPrior#natural()})
     * @param hue             hue prior of surfaces (default {@link HuePrior#natural()})
     * @param minRadius       smallest shape half-length in pixels (1)
     * @param maxRadiusFrac   largest shape half-length as a fraction of the larger image side (0.75)
     * @param sizeExponent    p(r) ∝ r^−sizeExponent (3 is exactly scale invariant, a 1/f² spectrum; the default
     *                        2.6 has more large surfaces — sky, ground, walls — and a steeper spectrum, closer
     *                        to the photographs measured in the README)
     * @param maxElongation   length/width of shapes drawn log-uniformly in [1, maxElongation] (6)
     * @param rectangleShare  share of rectangles among shapes, the rest are ellipses (0.6)
     * @param shading         amplitude of a linear luminance ramp across each shape (0.2)
     * @param edgeWidth       width in pixels of the linear opacity ramp across each shape's boundary: 1 is
     *                        plain anti-aliasing, more is the slight optical blur of a camera (1.5)
     * @param pairedLeaves    each shape's attributes drawn from its own stream (seed, image, shape number), with
     *                        orientation and hue from sub-streams of their own: two worlds with the same seed that
     *                        differ only in a prior then hold the same shapes — sizes, places, elongations, colours
     *                        — and differ only in that attribute (the controls of issue 12.1). Off by default, which
     *                        keeps the one sequential stream of earlier versions (same images as before).
     */
    public record Config(int height, int width, long count, long seed, OrientationPrior orientation, HuePrior hue,
                         double minRadius, double maxRadiusFrac, double sizeExponent, double maxElongation,
                         double rectangleShare, double shading, double edgeWidth, boolean pairedLeaves) {

        public Config {
            if (height < 1 || width < 1 || count < 1 || !(minRadius > 0) || !(maxRadiusFrac > 0)
                    || !(sizeExponent > 1) || !(maxElongation >= 1) || !(rectangleShare >= 0 && rectangleShare <= 1)
                    || !(shading >= 0) || !(edgeWidth >= 1) || orientation == null || hue == null) {
                throw new IllegalArgumentException("invalid world config: " + height + "x" + width + ", count "
                        + count + ", radii " + minRadius + "/" + maxRadiusFrac);
            }
        }

        /** 224×224, 10,000 images, seed 0, cardinal-heavy orientations, natural hues. */
        public static Config defaults() {
            return new Config(224, 224, 10_000, 0, OrientationPrior.natural(), HuePrior.natural(),
                    1.0, 0.75, 2.6, 6, 0.6, 0.2, 1.5, false);
        }

        public Config withSize(int size) {
            return withSize(size, size);
        }

        public Config withSize(int h, int w) {
            return new Config(h, w, count, seed, orientation, hue, minRadius, maxRadiusFrac, sizeExponent,
                    maxElongation, rectangleShare, shading, edgeWidth, pairedLeaves);
        }

        public Config withCount(long n) {
            return new Config(height, width, n, seed, orientation, hue, minRadius, maxRadiusFrac, sizeExponent,
                    maxElongation, rectangleShare, shading, edgeWidth, pairedLeaves);
        }

        public Config withSeed(long s) {
            return new Config(height, width, count, s, orientation, hue, minRadius, maxRadiusFrac, sizeExponent,
                    maxElongation, rectangleShare, shading, edgeWidth, pairedLeaves);
        }

        public Config withOrientation(OrientationPrior prior) {
            return new Config(height, width, count, seed, prior, hue, minRadius, maxRadiusFrac, sizeExponent,
                    maxElongation, rectangleShare, shading, edgeWidth, pairedLeaves);
        }

        /** Every orientation equally likely. */
        public Config withUniformOrientation() {
            return withOrientation(OrientationPrior.uniform());
        }

        public Config withHue(HuePrior prior) {
            return new Config(height, width, count, seed, orientation, prior, minRadius, maxRadiusFrac, sizeExponent,
                    maxElongation, rectangleShare, shading, edgeWidth, pairedLeaves);
        }

        public Config withEdgeWidth(double px) {
            return new Config(height, width, count, seed, orientation, hue, minRadius, maxRadiusFrac, sizeExponent,
                    maxElongation, rectangleShare, shading, px, pairedLeaves);
        }

        /** Shapes paired across worlds that differ only in a prior (see {@code pairedLeaves}). */
        public Config withPairedLeaves() {
            return new Config(height, width, count, seed, orientation, hue, minRadius, maxRadiusFrac, sizeExponent,
                    maxElongation, rectangleShare, shading, edgeWidth, true);
        }

        public Config withSizeExponent(double e) {
            return new Config(height, width, count, seed, orientation, hue, minRadius, maxRadiusFrac, e,
                    maxElongation, rectangleShare, shading, edgeWidth, pairedLeaves);
        }
    }

    /** Opacity at which a pixel counts as covered. */
    private static final float OPAQUE = 0.998f;
    private final Config config;

    public World(Config config) {
        this.config = config;
    }

    /** The default world. */
    public World() {
        this(Config.defaults());
    }

    public Config config() {
        return config;
    }

    @Override
    public String describe() {
        OrientationPrior o = config.orientation();
        return "world(seed=" + config.seed() + ", " + config.count() + " images " + config.height() + "x"
                + config.width() + ", dead leaves r^-" + config.sizeExponent() + ", orientation prior cardinal="
                + o.cardinalWeight() + (o.offsetDeg() != 0 ? " offset=" + o.offsetDeg() + "deg" : "")
                + (config.hue().equals(HuePrior.natural()) ? "" : ", hue prior " + config.hue().describe())
                + (config.pairedLeaves() ? ", paired shapes" : "") + ")";
    }

    @Override
    public long count() {
        return config.count();
    }

    @Override
    public RgbImage image(long index) {
        if (index < 0 || index >= config.count()) {
            throw new IndexOutOfBoundsException("world image " + index + " of " + config.count());
        }
        return render(mix(config.seed(), index), null);
    }

    /**
     * One of the world's shapes: whether it is a rectangle (else an ellipse), its elongation (length/width), its
     * half-length in pixels, orientation and hue.
     */
    public record Shape(boolean rectangle, double elongation, double radius, double orientationDeg, double hueDeg) {
    }

    /** An image with the shape that shows at its centre pixel (the one that contributes most there). */
    public record Labelled(RgbImage image, Shape centre) {
    }

    /** Image {@code index} (the same pixels as {@link #image}) with the shape at its centre. */
    public Labelled labelledImage(long index) {
        if (index < 0 || index >= config.count()) {
            throw new IndexOutOfBoundsException("world image " + index + " of " + config.count());
        }
        Shape[] centre = new Shape[1];
        RgbImage img = render(mix(config.seed(), index), centre);
        return new Labelled(img, centre[0]);
    }

    /** A 64-bit hash of (seed, index) so neighbouring indices give unrelated streams. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private RgbImage render(long imageSeed, Shape[] centreOut) {
        SplittableRandom sequential = new SplittableRandom(imageSeed);
        final int h = config.height();
        final int w = config.width();
        final int n = h * w;
        float[] acc = new float[3 * n];
        float[] alpha = new float[n];
        int uncovered = n;
        double rMin = config.minRadius();
        double rMax = Math.max(rMin * 1.0001, config.maxRadiusFrac() * Math.max(h, w));
        SizeDistribution sizes = new SizeDistribution(config.sizeExponent(), rMin, rMax, h, w);
        double logElong = Math.log(config.maxElongation());
        double[] rgb = new double[3];
        double edge = config.edgeWidth();
        // cap: far more shapes than needed to cover the image; the rare leftover gaps take the last colour
        long cap = 60L * n / Math.max(1, (long) Math.ceil(rMin * rMin)) + 10_000;
        // the last scattered gaps are the slowest to fill (a coupon-collector tail): stop at 0.1% uncovered
        int enough = n / 1000;
        boolean paired = config.pairedLeaves();
        final int centrePixel = (h / 2) * w + w / 2;
        float centreWeight = 0;
        for (long leaf = 0; leaf < cap && uncovered > enough; leaf++) {
            SplittableRandom rng = paired ? new SplittableRandom(mix(imageSeed, leaf)) : sequential;
            double r = sizes.sample(rng);
            double cx = -r + (w + 2 * r) * rng.nextDouble();
            double cy = -r + (h + 2 * r) * rng.nextDouble();
            // late in the fall most shapes land on covered ground: test the disc of radius r + 1 that
            // contains the shape before drawing its other attributes
            if (!anyUncovered(alpha, w, h, cx, cy, r + edge)) {
                continue;
            }
            double elong = Math.exp(logElong * rng.nextDouble());
            double a = r;
            double b = Math.max(r / elong, 0.5 * rMin);
            // paired: the priors draw from split streams, which take the same share of rng whatever they draw
            double theta = config.orientation().sample(paired ? rng.split() : rng);
            boolean rect = rng.nextDouble() < config.rectangleShare();
            double hue = config.hue().sample(paired ? rng.split() : rng);
            double sat = rng.nextDouble() < 0.45 ? 0.3 * rng.nextDouble() : 0.3 + 0.7 * Math.pow(rng.nextDouble(), 0.7);
            double val = 0.06 + 0.94 * 0.5 * (rng.nextDouble() + rng.nextDouble());
            ColorSpace.hsvToRgb(hue, sat, val, rgb);
            double gu = config.shading() * (2 * rng.nextDouble() - 1);
            double gv = config.shading() * (2 * rng.nextDouble() - 1);
            double c = Math.cos(theta);
            double s = Math.sin(theta);
            double ex;
            double ey;
            if (rect) {
                ex = a * Math.abs(c) + b * Math.abs(s);
                ey = a * Math.abs(s) + b * Math.abs(c);
            } else {
                ex = Math.sqrt(a * a * c * c + b * b * s * s);
                ey = Math.sqrt(a * a * s * s + b * b * c * c);
            }
            int x0 = Math.max(0, (int) Math.floor(cx - ex - edge));
            int x1 = Math.min(w - 1, (int) Math.ceil(cx + ex + edge));
            int y0 = Math.max(0, (int) Math.floor(cy - ey - edge));
            int y1 = Math.min(h - 1, (int) Math.ceil(cy + ey + edge));
            for (int y = y0; y <= y1; y++) {
                // image rows grow downwards; orientation is counter-clockwise with y up
                double dy = cy - (y + 0.5);
                int row = y * w;
                for (int x = x0; x <= x1; x++) {
                    int p = row + x;
                    float A = alpha[p];
                    if (A >= OPAQUE) {
                        continue;
                    }
                    double dx = x + 0.5 - cx;
                    double u = dx * c + dy * s;
                    double v = -dx * s + dy * c;
                    double sd;
                    if (rect) {
                        sd = Math.max(Math.abs(u) - a, Math.abs(v) - b);
                    } else {
                        double qa = u / a;
                        double qb = v / b;
                        double rho = Math.sqrt(qa * qa + qb * qb);
                        double grad = Math.sqrt(qa * qa / (a * a) + qb * qb / (b * b)) / Math.max(rho, 1e-12);
                        sd = (rho - 1) / Math.max(grad, 1e-12);
                    }
                    double cov = 0.5 - sd / edge;
                    if (cov <= 0) {
                        continue;
                    }
                    if (cov > 1) {
                        cov = 1;
                    }
                    double shade = 1 + gu * u / a + gv * v / b;
                    float wgt = (float) ((1 - A) * cov);
                    acc[p] += wgt * (float) clamp01(rgb[0] * shade);
                    acc[n + p] += wgt * (float) clamp01(rgb[1] * shade);
                    acc[2 * n + p] += wgt * (float) clamp01(rgb[2] * shade);
                    float na = A + wgt;
                    alpha[p] = na;
                    if (centreOut != null && p == centrePixel && wgt > centreWeight) {
                        centreWeight = wgt;
                        centreOut[0] = new Shape(rect, a / b, a, Math.toDegrees(theta), hue);
                    }
                    if (na >= OPAQUE) {
                        uncovered--;
                    }
                }
            }
        }
        // missing opacity (the ≤ 0.1% gaps, and ≤ 0.2% under nearly opaque pixels) shows the finished pixel to
        // the left (above, in the first column): the gap looks like the surface next to it
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                float rest = 1 - alpha[p];
                int q = x > 0 ? p - 1 : y > 0 ? p - w : -1;
                for (int ch = 0; ch < 3; ch++) {
                    int i = ch * n + p;
                    float fill = q < 0 ? 0.5f : acc[ch * n + q];
                    acc[i] = clamp01f(rest > 0 ? acc[i] + rest * fill : acc[i]);
                }
            }
        }
        return new RgbImage(h, w, acc);
    }

    /**
     * Sizes of the shapes that touch the image. On the infinite plane sizes follow p(r) ∝ r^−k with centres
     * uniform; a shape of half-length r reaches the h×w image when its centre lies in a box of area
     * (w + 2r)(h + 2r), so the touching shapes have density ∝ r^−k·(hw + 2(h + w)r + 4r²): a mixture of
     * three truncated power laws, each drawn by inversion (no rejection).
     */
    static final class SizeDistribution {
        private final double[] q;
        private final double[] cum;
        private final double[] powLo = new double[3];
        private final double[] powHi = new double[3];
        private final double lo;
        private final double hi;

        SizeDistribution(double k, double rMin, double rMax, int h, int w) {
            this.lo = rMin;
            this.hi = rMax;
            q = new double[] {-k, -k + 1, -k + 2};
            double[] coef = {(double) h * w, 2.0 * (h + w), 4.0};
            cum = new double[3];
            double total = 0;
            for (int i = 0; i < 3; i++) {
                total += coef[i] * integral(q[i]);
                cum[i] = total;
            }
            for (int i = 0; i < 3; i++) {
                cum[i] /= total;
                powLo[i] = Math.pow(lo, q[i] + 1);
                powHi[i] = Math.pow(hi, q[i] + 1);
            }
        }

        private double integral(double p) {
            return Math.abs(p + 1) < 1e-12 ? Math.log(hi / lo) : (Math.pow(hi, p + 1) - Math.pow(lo, p + 1)) / (p + 1);
        }

        double sample(SplittableRandom rng) {
            double u = rng.nextDouble();
            int i = u < cum[0] ? 0 : u < cum[1] ? 1 : 2;
            double p = q[i];
            double v = rng.nextDouble();
            if (Math.abs(p + 1) < 1e-12) {
                return lo * Math.exp(v * Math.log(hi / lo));
            }
            return Math.pow(powLo[i] + (powHi[i] - powLo[i]) * v, 1 / (p + 1));
        }
    }

    /** True if some pixel within the square of half-side {@code rad} around (cx, cy) is not yet opaque. */
    private static boolean anyUncovered(float[] alpha, int w, int h, double cx, double cy, double rad) {
        int x0 = Math.max(0, (int) Math.floor(cx - rad));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + rad));
        int y0 = Math.max(0, (int) Math.floor(cy - rad));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + rad));
        for (int y = y0; y <= y1; y++) {
            int row = y * w;
            for (int x = x0; x <= x1; x++) {
                if (alpha[row + x] < OPAQUE) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static float clamp01f(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
