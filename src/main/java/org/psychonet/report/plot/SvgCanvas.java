package org.psychonet.report.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import javax.imageio.ImageIO;

/**
 * Draws into an SVG document: plain elements, no ids, no scripts, no external references (images are embedded as
 * data URIs), so any number of figures can sit inline in one HTML page and the page can be mailed as one file.
 * Coordinates are written with one decimal: the same figure gives the same bytes.
 */
public final class SvgCanvas implements Canvas {
    /** The font stack of every figure. */
    public static final String FONT = "Helvetica, Arial, sans-serif";
    private final StringBuilder s = new StringBuilder(8192);
    private final Deque<double[]> origins = new ArrayDeque<>();
    private final double width;
    private final double height;

    public SvgCanvas(double width, double height, String title) {
        this.width = width;
        this.height = height;
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\" font-family=\"").append(FONT).append("\" role=\"img\">");
        if (title != null && !title.isBlank()) {
            s.append("<title>").append(esc(title)).append("</title>");
        }
        s.append("<rect width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" fill=\"#fff\"/>\n");
    }

    @Override
    public void polyline(double[] x, double[] y, int n, Color color, double w, double[] dash) {
        if (n < 2) {
            return;
        }
        s.append(n == 2 ? "<line x1=\"" + num(x[0]) + "\" y1=\"" + num(y[0]) + "\" x2=\"" + num(x[1]) + "\" y2=\""
                + num(y[1]) + "\"" : "<polyline points=\"" + points(x, y, n) + "\" fill=\"none\"");
        s.append(" stroke=\"").append(hex(color)).append('"');
        opacity("stroke-opacity", color);
        s.append(" stroke-width=\"").append(num(w)).append('"');
        if (dash != null) {
            s.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                s.append(i == 0 ? "" : " ").append(num(dash[i]));
            }
            s.append('"');
        }
        s.append(" stroke-linejoin=\"round\"/>\n");
    }

    @Override
    public void polygon(double[] x, double[] y, int n, Color fill, double opacity) {
        if (n < 3) {
            return;
        }
        s.append("<polygon points=\"").append(points(x, y, n)).append("\" fill=\"").append(hex(fill)).append('"');
        if (opacity < 1) {
            s.append(" fill-opacity=\"").append(num3(opacity)).append('"');
        }
        s.append(" stroke=\"none\"/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, double opacity, Color stroke) {
        s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill == null ? "none" : hex(fill))
                .append('"');
        if (fill != null && opacity < 1) {
            s.append(" fill-opacity=\"").append(num3(opacity)).append('"');
        }
        if (stroke != null) {
            s.append(" stroke=\"").append(hex(stroke)).append("\" stroke-width=\"1\"");
        }
        s.append("/>\n");
    }

    @Override
    public void text(double x, double y, Label text, double size, boolean bold, Anchor anchor, double rotateDeg,
                     Color color) {
        if (text.isEmpty()) {
            return;
        }
        s.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                .append(num(size)).append('"');
        if (anchor != Anchor.START) {
            s.append(" text-anchor=\"").append(anchor.svg()).append('"');
        }
        if (bold) {
            s.append(" font-weight=\"bold\"");
        }
        if (!Color.BLACK.equals(color)) {
            s.append(" fill=\"").append(hex(color)).append('"');
        }
        if (rotateDeg != 0) {
            s.append(" transform=\"rotate(").append(num(rotateDeg)).append(' ').append(num(x)).append(' ')
                    .append(num(y)).append(")\"");
        }
        s.append('>').append(esc(text.base()));
        if (!text.sup().isEmpty()) {
            s.append("<tspan dy=\"").append(num(-0.42 * size)).append("\" font-size=\"")
                    .append(num(size * Label.SUP)).append("\">").append(esc(text.sup())).append("</tspan>");
        }
        s.append("</text>\n");
    }

    @Override
    public void image(double x, double y, double w, double h, BufferedImage image) {
        s.append("<image x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" preserveAspectRatio=\"none\" "
                        + "style=\"image-rendering:pixelated\" href=\"").append(dataUri(image)).append("\"/>\n");
    }

    @Override
    public void push(double dx, double dy) {
        origins.push(new double[] {dx, dy});
        s.append("<g transform=\"translate(").append(num(dx)).append(' ').append(num(dy)).append(")\">\n");
    }

    @Override
    public void pop() {
        origins.pop();
        s.append("</g>\n");
    }

    /** The finished document. */
    public String finish() {
        if (!origins.isEmpty()) {
            throw new IllegalStateException("unbalanced push/pop");
        }
        return s + "</svg>\n";
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    /** A PNG as a data URI. */
    public static String dataUri(BufferedImage image) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(b.toByteArray());
    }

    private void opacity(String attribute, Color c) {
        if (c.getAlpha() < 255) {
            s.append(' ').append(attribute).append("=\"").append(num3(c.getAlpha() / 255.0)).append('"');
        }
    }

    private static String points(double[] x, double[] y, int n) {
        StringBuilder p = new StringBuilder(n * 12);
        for (int i = 0; i < n; i++) {
            p.append(i == 0 ? "" : " ").append(num(x[i])).append(',').append(num(y[i]));
        }
        return p.toString();
    }

    /** One decimal, no trailing ".0", no "-0". */
    static String num(double v) {
        long t = Math.round(v * 10);
        if (t == 0) {
            return "0";
        }
        String sign = t < 0 ? "-" : "";
        long a = Math.abs(t);
        return a % 10 == 0 ? sign + a / 10 : sign + a / 10 + "." + a % 10;
    }

    private static String num3(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
