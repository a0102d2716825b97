package org.psychonet.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading and writing single image files. */
public final class ImageFiles {
    private ImageFiles() {
    }

    /**
     * Decodes one file at native size; throws UnreadableImageException with the reason when it cannot (images
     * over {@link FolderSource#MAX_PIXELS} included).
     */
    public static RgbImage read(Path file) {
        return FolderSource.read(file);
    }

    /** The image as an 8-bit sRGB BufferedImage. */
    public static BufferedImage toBuffered(RgbImage img) {
        int h = img.height();
        int w = img.width();
        int n = h * w;
        float[] d = img.data();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                out.setRGB(x, y, (byte8(d[p]) << 16) | (byte8(d[n + p]) << 8) | byte8(d[2 * n + p]));
            }
        }
        return out;
    }

    /** Writes a PNG. */
    public static void writePng(RgbImage img, Path file) throws IOException {
        ImageIO.write(toBuffered(img), "png", file.toFile());
    }

    static int byte8(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
