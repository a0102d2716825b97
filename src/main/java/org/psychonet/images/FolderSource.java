package org.psychonet.images;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.psychonet.util.InvalidInputException;

/**
 * A folder of photographs, searched recursively, in sorted path order (so indices are stable). Only the
 * list of paths is held in memory; each image is decoded when asked for. JPEG, PNG, GIF and BMP are read
 * with ImageIO (WebP too if an ImageIO plugin is on the class path). A decoder warning (e.g. a truncated
 * JPEG, which ImageIO would otherwise silently fill with grey) makes the file unreadable.
 *
 * <p>{@code shortSide} &gt; 0 resizes each image (area averaging) so its shorter side has that many
 * pixels, as ImageNet pipelines do (Resize(256)); 0 keeps the native size.
 *
 * <p>Hostile and odd files are skipped with a reason, never decoded blindly: the header is read first and an
 * image over {@code maxPixels} (a decompression bomb: a 1 MB PNG can declare 20000×20000) is skipped;
 * decoding draws on one heap budget shared by all threads ({@link DecodeBudget}), so a folder of large
 * photographs is read within any -Xmx; file names are kept as the bytes the file system gave (a name that is
 * not valid UTF-8 is still opened).
 */
public final class FolderSource implements ImageSource {
    private static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png", "gif", "bmp", "webp");
    /** Default pixel limit: 100 Mpixel, far above any photograph's 10–50 Mpixel, far below a bomb's billions. */
    public static final long MAX_PIXELS = 100_000_000L;
    private final Path root;
    private final List<Path> files;
    private final List<String> labels;
    private final int shortSide;
    private final long maxPixels;

    private FolderSource(Path root, List<Path> files, int shortSide, long maxPixels) {
        this.root = root;
        this.files = files;
        this.labels = files.stream().map(Path::toString).toList();
        this.shortSide = shortSide;
        this.maxPixels = maxPixels;
    }

    /** Lists the images under {@code root} with the default pixel limit ({@link #MAX_PIXELS}). */
    public static FolderSource open(Path root, int shortSide) {
        return open(root, shortSide, MAX_PIXELS);
    }

    /**
     * Lists the images under {@code root}; InvalidInputException if it is not a folder or holds none. Images
     * with more than {@code maxPixels} pixels are skipped when read.
     */
    public static FolderSource open(Path root, int shortSide, long maxPixels) {
        InvalidInputException.requireParameter(maxPixels >= 1, "maxPixels", maxPixels + " is not a pixel count; "
                + "give at least 1 (default " + MAX_PIXELS + ")");
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException("--images " + root + " is not a folder; give a folder of JPEG/PNG "
                    + "images or 'world' for the built-in world");
        }
        if (shortSide < 0) {
            throw new InvalidInputException("resize " + shortSide + " is negative; give 0 (native size) or a side in pixels");
        }
        // Paths, not strings: a Path from the file system keeps the name's bytes, so a name that is not valid in
        // the JVM's encoding still opens (a String round trip would replace those bytes with '?' or U+FFFD)
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(FolderSource::isImageName)
                    .map(root::relativize).forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
            String why = c instanceof java.nio.file.AccessDeniedException a ? "permission denied: " + a.getFile()
                    : org.psychonet.util.InputFiles.oneLine(String.valueOf(c.getMessage()));
            throw new InvalidInputException("cannot list " + org.psychonet.util.InputFiles.show(root) + " (" + why
                    + "); give a folder you can read");
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("--images " + root + " holds no image files (" + String.join(", ", EXTENSIONS)
                    + "); point it at a folder of photographs or use 'world'");
        }
        files.sort(null);
        return new FolderSource(root, List.copyOf(files), shortSide, maxPixels);
    }

    static boolean isImageName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && !name.startsWith(".") && EXTENSIONS.contains(name.substring(dot + 1));
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return "folder(" + root + ", " + files.size() + " files" + (shortSide > 0 ? ", short side resized to "
                + shortSide : ", native size") + (maxPixels != MAX_PIXELS ? ", at most " + maxPixels + " pixels" : "")
                + ")";
    }

    @Override
    public long count() {
        return files.size();
    }

    @Override
    public String label(long index) {
        return labels.get((int) index);
    }

    @Override
    public RgbImage image(long index) {
        Path rel = files.get((int) index);
        return read(root.resolve(rel), labels.get((int) index), shortSide, maxPixels);
    }

    /** Pixel limit of this source. */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Reads one file: header first (size checked against {@code maxPixels} and the decode budget), then the
     * pixels, converted and resized while the budget is held. Any failure is an UnreadableImageException with
     * the reason; any decoder warning (truncation, corrupt data) counts as failure.
     */
    static RgbImage read(Path file, String name, int shortSide, long maxPixels) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException | SecurityException e) {
            throw new UnreadableImageException(name, "cannot open file: " + reason(e));
        }
        if (!Files.isReadable(file)) {
            throw new UnreadableImageException(name, "cannot open file: permission denied");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableImageException(name, "not a recognised image format");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((IIOReadWarningListener) (src, warning) -> warnings.add(warning));
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w < 1 || h < 1) {
                    throw new UnreadableImageException(name, "header declares " + w + "×" + h + " pixels");
                }
                long pixels = w * h; // both < 2^31: no overflow
                if (pixels > maxPixels) {
                    throw new UnreadableImageException(name, String.format(java.util.Locale.ROOT,
                            "%d×%d pixels (%.0f Mpixel) is over the limit of %.0f Mpixel (a decompression bomb, or "
                                    + "raise the pixel limit to read it)", w, h, pixels / 1e6, maxPixels / 1e6));
                }
                long bytes = DecodeBudget.estimate(size, pixels, shortSide, w, h);
                try (DecodeBudget.Lease lease = DecodeBudget.acquire(name, bytes)) {
                    BufferedImage img = reader.read(0);
                    if (!warnings.isEmpty()) {
                        throw new UnreadableImageException(name, "corrupt " + reader.getFormatName() + " data: "
                                + warnings.get(0));
                    }
                    if (img == null || img.getWidth() < 1 || img.getHeight() < 1) {
                        throw new UnreadableImageException(name, "decoder returned no pixels");
                    }
                    RgbImage rgb = toRgb(img);
                    img = null; // let the decoded raster go before resizing
                    return Resize.shortSide(rgb, shortSide);
                }
            } finally {
                reader.dispose();
            }
        } catch (UnreadableImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException(name, "decode failed: " + reason(e), e);
        } catch (OutOfMemoryError e) {
            // the budget keeps decoding within the heap; this is a decoder that allocates beyond its image
            throw new UnreadableImageException(name, "decoding needs more memory than the JVM has (-Xmx)");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return org.psychonet.util.InputFiles.oneLine(msg);
    }

    /** Decodes one file at native size with the default pixel limit (ImageFiles.read). */
    static RgbImage read(Path file) {
        return read(file, file.toString(), 0, MAX_PIXELS);
    }

    /** BufferedImage (any type; alpha composited on black is ignored, greys replicated) → RgbImage. */
    static RgbImage toRgb(BufferedImage img) {
        int h = img.getHeight();
        int w = img.getWidth();
        int n = h * w;
        float[] data = new float[3 * n];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int p = y * w + x;
                data[p] = ((argb >> 16) & 0xff) / 255f;
                data[n + p] = ((argb >> 8) & 0xff) / 255f;
                data[2 * n + p] = (argb & 0xff) / 255f;
            }
        }
        return new RgbImage(h, w, data);
    }
}
