package org.psychonet.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;

/** Draws the same figure with Java2D into an image (the PNG files written beside the CSVs). */
public final class RasterCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;
    private final Deque<AffineTransform> saved = new ArrayDeque<>();

    /** A white image of the figure's size times {@code scale}. */
    public RasterCanvas(double width, double height, double scale) {
        image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(scale, scale);
    }

    @Override
    public void polyline(double[] x, double[] y, int n, Color color, double width, double[] dash) {
        if (n < 2) {
            return;
        }
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(x[i], y[i]);
        }
        float[] d = null;
        if (dash != null) {
            d = new float[dash.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) dash[i];
            }
        }
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, d, 0f));
        g.setColor(color);
        g.draw(p);
    }

    @Override
    public void polygon(double[] x, double[] y, int n, Color fill, double opacity) {
        if (n < 3) {
            return;
        }
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(x[i], y[i]);
        }
        p.closePath();
        g.setColor(withOpacity(fill, opacity));
        g.fill(p);
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, double opacity, Color stroke) {
        Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            g.setColor(withOpacity(fill, opacity));
            g.fill(r);
        }
        if (stroke != null) {
            g.setStroke(new BasicStroke(1f));
            g.setColor(stroke);
            g.draw(r);
        }
    }

    @Override
    public void text(double x, double y, Label text, double size, boolean bold, Anchor anchor, double rotateDeg,
                     Color color) {
        if (text.isEmpty()) {
            return;
        }
        Font base = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
        Font sup = base.deriveFont((float) (size * Label.SUP));
        FontMetrics fb = g.getFontMetrics(base);
        FontMetrics fs = g.getFontMetrics(sup);
        double w = fb.getStringBounds(text.base(), g).getWidth()
                + (text.sup().isEmpty() ? 0 : fs.getStringBounds(text.sup(), g).getWidth());
        double dx = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -w / 2;
            case END -> -w;
        };
        AffineTransform t = g.getTransform();
        g.translate(x, y);
        if (rotateDeg != 0) {
            g.rotate(Math.toRadians(rotateDeg));
        }
        g.setColor(color);
        g.setFont(base);
        g.drawString(text.base(), (float) dx, 0f);
        if (!text.sup().isEmpty()) {
            g.setFont(sup);
            g.drawString(text.sup(), (float) (dx + fb.getStringBounds(text.base(), g).getWidth()),
                    (float) (-0.42 * size));
        }
        g.setTransform(t);
    }

    @Override
    public void image(double x, double y, double w, double h, BufferedImage img) {
        Object hint = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        AffineTransform t = g.getTransform();
        g.translate(x, y);
        g.scale(w / img.getWidth(), h / img.getHeight());
        g.drawImage(img, 0, 0, null);
        g.setTransform(t);
        if (hint != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
        }
    }

    @Override
    public void push(double dx, double dy) {
        saved.push(g.getTransform());
        g.translate(dx, dy);
    }

    @Override
    public void pop() {
        g.setTransform(saved.pop());
    }

    /** The finished image. */
    public BufferedImage finish() {
        g.dispose();
        return image;
    }

    private static Color withOpacity(Color c, double opacity) {
        int a = (int) Math.round(Math.max(0, Math.min(1, opacity)) * c.getAlpha());
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }
}
