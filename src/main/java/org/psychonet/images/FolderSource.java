package org.psychonet.images;

import java.awt.image.BufferedImage;
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
import org.psychonet.util.InvalidInputException;

/**
 * A folder of photographs, searched recursively, in sorted path order (so indices are stable). Only the
 * list of paths is held in memory; each image is decoded when asked for. JPEG, PNG, GIF and BMP are read
 * with ImageIO (WebP too if an ImageIO plugin is on the class path). A decoder warning (e.g. a truncated
 * JPEG, which ImageIO would otherwise silently fill with grey) makes the file unreadable.
 *
 * <p>{@code shortSide} &gt; 0 resizes each image (area averaging) so its shorter side has that many
 * pixels, as ImageNet pipelines do (Resize(256)); 0 keeps the native size.
 */
public final class FolderSource implements ImageSource {
    private static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png", "gif", "bmp", "webp");
    private final Path root;
    private final List<String> files;
    private final int shortSide;

    private FolderSource(Path root, List<String> files, int shortSide) {
        this.root = root;
        this.files = files;
        this.shortSide = shortSide;
    }

    /** Lists the images under {@code root}; InvalidInputException if it is not a folder or holds none. */
    public static FolderSource open(Path root, int shortSide) {
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException("--images " + root + " is not a folder; give a folder of JPEG/PNG "
                    + "images or 'world' for the built-in world");
        }
        if (shortSide < 0) {
            throw new InvalidInputException("resize " + shortSide + " is negative; give 0 (native size) or a side in pixels");
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(FolderSource::isImageName)
                    .map(p -> root.relativize(p).toString()).forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("cannot list " + root + " (" + e.getMessage() + "); check permissions");
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("--images " + root + " holds no image files (" + String.join(", ", EXTENSIONS)
                    + "); point it at a folder of photographs or use 'world'");
        }
        files.sort(null);
        return new FolderSource(root, List.copyOf(files), shortSide);
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
                + shortSide : ", native size") + ")";
    }

    @Override
    public long count() {
        return files.size();
    }

    @Override
    public String label(long index) {
        return files.get((int) index);
    }

    @Override
    public RgbImage image(long index) {
        String name = files.get((int) index);
        BufferedImage img = decode(root.resolve(name), name);
        return Resize.shortSide(toRgb(img), shortSide);
    }

    /** Decodes one file, treating any decoder warning (truncation, corrupt data) as failure. */
    static BufferedImage decode(Path file, String name) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new UnreadableImageException(name, "cannot open file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableImageException(name, "not a recognised image format");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((IIOReadWarningListener) (src, warning) -> warnings.add(warning));
                BufferedImage img = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new UnreadableImageException(name, "corrupt " + reader.getFormatName() + " data: "
                            + warnings.get(0));
                }
                if (img == null || img.getWidth() < 1 || img.getHeight() < 1) {
                    throw new UnreadableImageException(name, "decoder returned no pixels");
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (UnreadableImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UnreadableImageException(name, "decode failed: " + msg, e);
        }
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
