package org.psychonet.report.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Something drawn: a {@link Plot}, a {@link Grid} of figures or an {@link ImageFigure}. One layout, two outputs:
 * SVG for the report, PNG for files.
 */
public interface Figure {
    /** PNGs are drawn at twice the SVG's pixel size. */
    double PNG_SCALE = 2;

    double width();

    double height();

    /** Draws the figure with its top-left corner at the canvas origin. */
    void render(Canvas canvas);

    /** The figure's title (the SVG's accessible title), may be empty. */
    String title();

    /** Sentences a reader needs that are not in the drawing's legend (e.g. "bands: mean ± s.e. over 3 seeds"). */
    List<String> notes();

    /** The figure as an SVG document. */
    default String svg() {
        SvgCanvas c = new SvgCanvas(width(), height(), title());
        render(c);
        return c.finish();
    }

    /** The figure as an image, {@code scale} pixels per layout pixel. */
    default BufferedImage raster(double scale) {
        RasterCanvas c = new RasterCanvas(width(), height(), scale);
        render(c);
        return c.finish();
    }

    /** Writes the figure as a PNG file. */
    default void writePng(Path file) throws IOException {
        ImageIO.write(raster(PNG_SCALE), "png", file.toFile());
    }
}
