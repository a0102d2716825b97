package org.psychonet.images;

import java.nio.file.Path;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.MemoryBudget;

/**
 * Parses the {@code --images} option: {@code world} (the built-in world, default config),
 * {@code world:key=value,...} (keys: size, height, width, count, seed, orientation=natural|uniform|oblique,
 * cardinal=weight, hue=natural|uniform, exponent=k) or the path of a folder of photographs.
 */
public final class ImageSources {
    public static final String HELP = "'world', 'world:size=224,count=10000,seed=0,orientation=natural|uniform|oblique,"
            + "hue=natural|uniform' or a folder of JPEG/PNG images";

    private ImageSources() {
    }

    /** A source from its spec; folders keep their native size. */
    public static ImageSource parse(String spec) {
        return parse(spec, 0);
    }

    /** A source from its spec; folder images are resized so their short side is {@code shortSide} (0: native). */
    public static ImageSource parse(String spec, int shortSide) {
        return parse(spec, shortSide, FolderSource.MAX_PIXELS);
    }

    /**
     * A source from its spec; folder images are resized so their short side is {@code shortSide} (0: native),
     * and images over {@code maxPixels} are skipped (decompression bombs).
     */
    public static ImageSource parse(String spec, int shortSide, long maxPixels) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("--images is empty; give " + HELP);
        }
        if (spec.equals("world")) {
            return new World();
        }
        if (spec.startsWith("world:")) {
            return new World(worldConfig(spec.substring(6)));
        }
        Path folder;
        try {
            folder = Path.of(spec);
        } catch (java.nio.file.InvalidPathException e) {
            throw InvalidInputException.parameter("images", "'" + org.psychonet.util.InputFiles.oneLine(spec)
                    + "' is not a path (" + e.getReason() + "); give " + HELP);
        }
        return FolderSource.open(folder, shortSide, maxPixels);
    }

    /** Parses "key=value,..." onto the default world config. */
    public static World.Config worldConfig(String options) {
        World.Config c = World.Config.defaults();
        if (options.isBlank()) {
            return c;
        }
        for (String kv : options.split(",")) {
            String[] p = kv.split("=", 2);
            if (p.length != 2) {
                throw new InvalidInputException("world option '" + kv + "' is not key=value; give " + HELP);
            }
            String key = p[0].trim();
            String val = p[1].trim();
            try {
                c = switch (key) {
                    case "size" -> c.withSize(positive(key, Integer.parseInt(val)));
                    case "height" -> c.withSize(positive(key, Integer.parseInt(val)), c.width());
                    case "width" -> c.withSize(c.height(), positive(key, Integer.parseInt(val)));
                    case "count" -> c.withCount(positive(key, Long.parseLong(val)));
                    case "seed" -> c.withSeed(Long.parseLong(val));
                    case "exponent" -> c.withSizeExponent(Double.parseDouble(val));
                    case "edge" -> c.withEdgeWidth(Double.parseDouble(val));
                    case "cardinal" -> {
                        OrientationPrior o = c.orientation();
                        yield c.withOrientation(new OrientationPrior(Double.parseDouble(val), o.horizontalShare(),
                                o.jitterDeg(), o.offsetDeg()));
                    }
                    case "orientation" -> switch (val) {
                        case "natural" -> c.withOrientation(OrientationPrior.natural());
                        case "uniform" -> c.withUniformOrientation();
                        case "oblique" -> c.withOrientation(OrientationPrior.natural().rotated(45));
                        default -> throw new InvalidInputException("world orientation '" + val
                                + "' is unknown; use natural, uniform or oblique");
                    };
                    case "hue" -> switch (val) {
                        case "natural" -> c.withHue(HuePrior.natural());
                        case "uniform" -> c.withHue(HuePrior.uniform());
                        default -> throw new InvalidInputException("world hue '" + val + "' is unknown; use natural or uniform");
                    };
                    default -> throw new InvalidInputException("world option '" + key + "' is unknown; give " + HELP);
                };
            } catch (NumberFormatException e) {
                throw new InvalidInputException("world option " + key + "=" + val + " is not a number; give " + HELP);
            } catch (InvalidInputException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("world option " + key + "=" + val + " is invalid (" + e.getMessage()
                        + "); give " + HELP);
            }
        }
        requireMemory(c, ImageStream.defaultThreads());
        return c;
    }

    /**
     * Refuses a world whose images or count cannot be held: each decoding thread renders one image at a time
     * (about 28 bytes per pixel: float RGB, its accumulator and coverage), and a pass keeps a few indices per
     * image.
     */
    public static void requireMemory(World.Config c, int threads) {
        long pixels = MemoryBudget.product(c.height(), c.width());
        MemoryBudget.requireHeap("images", "world:size=" + c.height() + (c.width() != c.height() ? "×" + c.width()
                : ""), MemoryBudget.product(28, pixels, threads), MemoryBudget.product(3, pixels),
                "rendering " + threads + " world image(s) at once");
        MemoryBudget.requireHeap("images", "world:count=" + c.count(), MemoryBudget.product(16, c.count()),
                c.count(), "the index of every image in a pass");
    }

    private static int positive(String key, int v) {
        InvalidInputException.require(v >= 1, "world " + key + " must be at least 1");
        return v;
    }

    private static long positive(String key, long v) {
        InvalidInputException.require(v >= 1, "world " + key + " must be at least 1");
        return v;
    }
}
