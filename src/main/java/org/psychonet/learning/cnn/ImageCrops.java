package org.psychonet.learning.cnn;

import org.psychonet.images.RgbImage;

/**
 * Preparing images for an {@link ImagePool}: box-filter downscaling and square centre crops, on channel-major
 * float images in [0, 1].
 */
public final class ImageCrops {
    private ImageCrops() {
    }

    /**
     * Shrinks an image by area averaging so that its shorter side is at most {@code maxShort} (no-op when already
     * small enough); area averaging avoids the grid-aligned aliasing that would itself bias orientation statistics.
     */
    public static RgbImage shrink(RgbImage img, int maxShort) {
        int h = img.height();
        int w = img.width();
        int shortSide = Math.min(h, w);
        if (shortSide <= maxShort) {
            return img;
        }
        double f = (double) shortSide / maxShort;
        int nh = Math.max(1, (int) Math.round(h / f));
        int nw = Math.max(1, (int) Math.round(w / f));
        float[] out = new float[3 * nh * nw];
        float[] src = img.data();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < nh; i++) {
                int y0 = (int) Math.floor((double) i * h / nh);
                int y1 = Math.max(y0 + 1, (int) Math.floor((double) (i + 1) * h / nh));
                for (int j = 0; j < nw; j++) {
                    int x0 = (int) Math.floor((double) j * w / nw);
                    int x1 = Math.max(x0 + 1, (int) Math.floor((double) (j + 1) * w / nw));
                    double s = 0;
                    for (int y = y0; y < y1; y++) {
                        int row = (c * h + y) * w;
                        for (int x = x0; x < x1; x++) {
                            s += src[row + x];
                        }
                    }
                    out[(c * nh + i) * nw + j] = (float) (s / ((y1 - y0) * (x1 - x0)));
                }
            }
        }
        return new RgbImage(nh, nw, out);
    }

    /** The centred square of side min(side, height, width). */
    public static RgbImage centreSquare(RgbImage im, int side) {
        int s = Math.min(side, Math.min(im.height(), im.width()));
        int top = (im.height() - s) / 2;
        int left = (im.width() - s) / 2;
        float[] d = new float[3 * s * s];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < s; i++) {
                System.arraycopy(im.data(), (c * im.height() + top + i) * im.width() + left, d, (c * s + i) * s, s);
            }
        }
        return new RgbImage(s, s, d);
    }
}
