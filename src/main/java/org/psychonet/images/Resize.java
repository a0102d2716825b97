package org.psychonet.images;

/** Resampling helpers: area-averaging downscale (anti-aliased) and bilinear sampling. */
public final class Resize {
    private Resize() {
    }

    /** Scales so the shorter side is {@code side} pixels; 0, or an image already that small, is returned as is
     *  when shrinking is not needed (images are never enlarged). */
    public static RgbImage shortSide(RgbImage img, int side) {
        int s = Math.min(img.height(), img.width());
        if (side <= 0 || s <= side) {
            return img;
        }
        double f = (double) side / s;
        int h = Math.max(1, (int) Math.round(img.height() * f));
        int w = Math.max(1, (int) Math.round(img.width() * f));
        return area(img, h, w);
    }

    /** Area-averaging resize to h×w (each output pixel is the mean of the input area it covers). */
    public static RgbImage area(RgbImage img, int h, int w) {
        int ih = img.height();
        int iw = img.width();
        float[] src = img.data();
        // separable: first columns, then rows, with fractional-overlap weights
        float[] tmp = new float[3 * ih * w];
        double sx = (double) iw / w;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < ih; y++) {
                int base = (c * ih + y) * iw;
                for (int x = 0; x < w; x++) {
                    tmp[(c * ih + y) * w + x] = (float) span(src, base, 1, x * sx, (x + 1) * sx, iw);
                }
            }
        }
        float[] out = new float[3 * h * w];
        double sy = (double) ih / h;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[(c * h + y) * w + x] = (float) span(tmp, c * ih * w + x, w, y * sy, (y + 1) * sy, ih);
                }
            }
        }
        return new RgbImage(h, w, out);
    }

    /** Mean of a[base + i·stride] over the continuous interval [from, to) of indices i. */
    private static double span(float[] a, int base, int stride, double from, double to, int len) {
        int i0 = (int) Math.floor(from);
        int i1 = Math.min(len - 1, (int) Math.ceil(to) - 1);
        double sum = 0;
        double wsum = 0;
        for (int i = i0; i <= i1; i++) {
            double wgt = Math.min(to, i + 1) - Math.max(from, i);
            if (wgt > 0) {
                sum += wgt * a[base + i * stride];
                wsum += wgt;
            }
        }
        return wsum > 0 ? sum / wsum : 0;
    }

    /** Bilinear sample of plane {@code c} at continuous pixel-centre coordinates (x, y); clamped at edges. */
    static float bilinear(RgbImage img, int c, double x, double y) {
        int h = img.height();
        int w = img.width();
        double fx = x - 0.5;
        double fy = y - 0.5;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double tx = fx - x0;
        double ty = fy - y0;
        int xa = Math.max(0, Math.min(w - 1, x0));
        int xb = Math.max(0, Math.min(w - 1, x0 + 1));
        int ya = Math.max(0, Math.min(h - 1, y0));
        int yb = Math.max(0, Math.min(h - 1, y0 + 1));
        float[] d = img.data();
        int off = c * h * w;
        double top = d[off + ya * w + xa] * (1 - tx) + d[off + ya * w + xb] * tx;
        double bot = d[off + yb * w + xa] * (1 - tx) + d[off + yb * w + xb] * tx;
        return (float) (top * (1 - ty) + bot * ty);
    }
}
