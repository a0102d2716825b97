package org.psychonet.images;

/**
 * Transforms that compose with any source (Methods: ImageNet rotated by 45°, hue rotated by 90°).
 * Each returns a new source whose image(i) transforms the inner image(i).
 */
public final class Transforms {
    private Transforms() {
    }

    /**
     * Rotates every image counter-clockwise by {@code deg} (bilinear) and crops to the largest centred
     * rectangle of the same aspect ratio that lies wholly inside the rotated image, so no padded corner
     * enters (the output is smaller than the input unless deg is a multiple of 90°... of 180° for
     * non-square images).
     */
    public static ImageSource rotate(ImageSource src, double deg) {
        if (deg % 360 == 0) {
            return src;
        }
        return new Mapped(src, "rotate(" + deg + "deg)", img -> rotateImage(img, deg));
    }

    /** Adds {@code deg} to the hue of every pixel in HSV, keeping S and V. */
    public static ImageSource hueShift(ImageSource src, double deg) {
        if (deg % 360 == 0) {
            return src;
        }
        return new Mapped(src, "hue-shift(" + deg + "deg)", img -> hueShiftImage(img, deg));
    }

    /** Replaces every pixel by its luma (BT.601) in all three channels. */
    public static ImageSource greyscale(ImageSource src) {
        return new Mapped(src, "greyscale", Transforms::greyscaleImage);
    }

    /** Output size of {@link #rotate}: the largest inscribed rectangle with the input's aspect ratio. */
    public static int[] rotatedSize(int h, int w, double deg) {
        double t = Math.toRadians(deg);
        double c = Math.abs(Math.cos(t));
        double s = Math.abs(Math.sin(t));
        // corners (±k·w/2, ±k·h/2) must satisfy |x c + y s| ≤ w/2 and |x s + y c| ≤ h/2 after rotation back
        double k = Math.min(w / (w * c + h * s), h / (w * s + h * c));
        k = Math.min(1, k);
        int oh = Math.max(1, (int) Math.floor(h * k + 1e-9));
        int ow = Math.max(1, (int) Math.floor(w * k + 1e-9));
        return new int[] {oh, ow};
    }

    public static RgbImage rotateImage(RgbImage img, double deg) {
        int h = img.height();
        int w = img.width();
        int[] size = rotatedSize(h, w, deg);
        int oh = size[0];
        int ow = size[1];
        double t = Math.toRadians(deg);
        double c = Math.cos(t);
        double s = Math.sin(t);
        float[] out = new float[3 * oh * ow];
        double icx = w / 2.0;
        double icy = h / 2.0;
        for (int y = 0; y < oh; y++) {
            // output coordinates relative to the centre, y up
            double v = oh / 2.0 - (y + 0.5);
            for (int x = 0; x < ow; x++) {
                double u = x + 0.5 - ow / 2.0;
                // inverse rotation: a counter-clockwise turn of the content by t
                double su = u * c + v * s;
                double sv = -u * s + v * c;
                double sx = icx + su;
                double sy = icy - sv;
                for (int ch = 0; ch < 3; ch++) {
                    out[(ch * oh + y) * ow + x] = Resize.bilinear(img, ch, sx, sy);
                }
            }
        }
        return new RgbImage(oh, ow, out);
    }

    public static RgbImage hueShiftImage(RgbImage img, double deg) {
        int n = img.pixels();
        float[] d = img.data();
        float[] out = new float[3 * n];
        double[] hsv = new double[3];
        double[] rgb = new double[3];
        for (int p = 0; p < n; p++) {
            ColorSpace.rgbToHsv(d[p], d[n + p], d[2 * n + p], hsv);
            ColorSpace.hsvToRgb(hsv[0] + deg, hsv[1], hsv[2], rgb);
            out[p] = (float) rgb[0];
            out[n + p] = (float) rgb[1];
            out[2 * n + p] = (float) rgb[2];
        }
        return new RgbImage(img.height(), img.width(), out);
    }

    public static RgbImage greyscaleImage(RgbImage img) {
        int n = img.pixels();
        float[] y = img.luma();
        float[] out = new float[3 * n];
        System.arraycopy(y, 0, out, 0, n);
        System.arraycopy(y, 0, out, n, n);
        System.arraycopy(y, 0, out, 2 * n, n);
        return new RgbImage(img.height(), img.width(), out);
    }

    /** A source whose images are a function of another's. */
    private record Mapped(ImageSource inner, String what, java.util.function.UnaryOperator<RgbImage> f)
            implements ImageSource {
        @Override
        public String describe() {
            return what + " of " + inner.describe();
        }

        @Override
        public long count() {
            return inner.count();
        }

        @Override
        public RgbImage image(long index) {
            return f.apply(inner.image(index));
        }

        @Override
        public String label(long index) {
            return inner.label(index);
        }
    }
}
