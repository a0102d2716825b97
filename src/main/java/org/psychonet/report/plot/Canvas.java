package org.psychonet.report.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * What a figure draws on: the same calls make the SVG of the report and the PNG files ({@link SvgCanvas},
 * {@link RasterCanvas}). Coordinates are pixels, y downwards; text is placed at its baseline.
 */
public interface Canvas {

    /** A polyline of the first {@code n} points; {@code dash} null for solid. */
    void polyline(double[] x, double[] y, int n, Color color, double width, double[] dash);

    /** A filled polygon. */
    void polygon(double[] x, double[] y, int n, Color fill, double opacity);

    /** A rectangle, filled ({@code fill} may be null) and/or outlined ({@code stroke} may be null). */
    void rect(double x, double y, double w, double h, Color fill, double opacity, Color stroke);

    /** Text at baseline point (x, y), rotated by {@code rotateDeg} (counter-clockwise negative, as in SVG). */
    void text(double x, double y, Label text, double size, boolean bold, Anchor anchor, double rotateDeg,
              Color color);

    /** An image scaled to the rectangle without smoothing (heatmaps: one pixel per cell). */
    void image(double x, double y, double w, double h, BufferedImage image);

    /** Moves the origin for what follows, until {@link #pop}. */
    void push(double dx, double dy);

    void pop();

    /** A line segment. */
    default void line(double x1, double y1, double x2, double y2, Color color, double width, double[] dash) {
        polyline(new double[] {x1, x2}, new double[] {y1, y2}, 2, color, width, dash);
    }
}
