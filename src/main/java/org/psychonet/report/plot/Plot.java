package org.psychonet.report.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.psychonet.report.plot.Axis.Scale;
import org.psychonet.report.plot.Ticks.Tick;
import org.psychonet.util.Statistics;

/**
 * One panel: two axes and layers drawn in a fixed order — heatmap, histogram behind the curves, seed bands,
 * reference lines, curves, points. Paper-like by default: left and bottom axes only, no grid, outward ticks, a
 * legend (without a box) only when there are two or more named series, notes such as "bands: mean ± s.e. over 3
 * seeds" written under the plot. Lines are clipped to the plot and simplified to what shows at the drawn size.
 *
 * <pre>{@code
 * Plot p = Plot.of("ResNet18 · orientation", Axis.orientation(), Axis.linear("normalized sensitivity √D/Σ√D"));
 * for (int l = 0; l < layers; l++) p.meanBand(name[l], thetaDeg, perSeed[l], Palette.depth(l, layers));
 * p.hline(0.1, "acuity cutoff 0.1");
 * String svg = p.svg(); p.writePng(dir.resolve("orientation.png"));
 * }</pre>
 */
public final class Plot implements Figure {
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final double TICK_FONT = 11;
    private static final double LABEL_FONT = 12;
    private static final double LEGEND_MAX = 180;
    private static final double[] DASHED = {6, 4};
    private static final double[] DOTTED = {1.5, 3};

    private final String title;
    private final Axis x;
    private final Axis y;
    private final List<Layer> layers = new ArrayList<>();
    private final LinkedHashSet<String> notes = new LinkedHashSet<>();
    private double width = 480;
    private double height = 330;
    private Boolean legend;

    private sealed interface Layer permits Curve, Band, Backdrop, Ref, Heat, Points {
    }

    private record Curve(String name, double[] x, double[] y, Color color, double width, double[] dash) implements Layer {
    }

    private record Band(double[] x, double[] lo, double[] hi, Color color, double opacity) implements Layer {
    }

    private record Backdrop(String name, double[] x, double[] y, Color color) implements Layer {
    }

    private record Ref(boolean horizontal, double value, String label) implements Layer {
    }

    private record Heat(double[] xEdges, double[] yEdges, double[][] z, Palette.Colormap map, String zLabel,
                        double zMin, double zMax) implements Layer {
    }

    private record Points(String name, double[] x, double[] y, double[] err, Color color) implements Layer {
    }

    private Plot(String title, Axis x, Axis y) {
        this.title = title == null ? "" : title;
        this.x = x;
        this.y = y;
    }

    /** A panel titled {@code title} (may be empty) with axes x and y. */
    public static Plot of(String title, Axis x, Axis y) {
        return new Plot(title, x, y);
    }

    /** Size of the drawing area without the legend, in pixels (default 480 × 330). */
    public Plot size(double w, double h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /** Shows (true) or hides (false) the legend; by default it shows when there are two or more named series. */
    public Plot legend(boolean show) {
        this.legend = show;
        return this;
    }

    /** A solid line; {@code name} null keeps it out of the legend. */
    public Plot line(String name, double[] x, double[] y, Color color) {
        return add(new Curve(name, x.clone(), y.clone(), color, 1.8, null));
    }

    /** A dashed line (theory, fits). */
    public Plot dashed(String name, double[] x, double[] y, Color color) {
        return add(new Curve(name, x.clone(), y.clone(), color, 1.4, DASHED));
    }

    /** A dotted line (secondary references). */
    public Plot dotted(String name, double[] x, double[] y, Color color) {
        return add(new Curve(name, x.clone(), y.clone(), color, 1.4, DOTTED));
    }

    /** A shaded band between {@code lo} and {@code hi}, not in the legend. */
    public Plot band(double[] x, double[] lo, double[] hi, Color color) {
        return add(new Band(x.clone(), lo.clone(), hi.clone(), color, 0.22));
    }

    /**
     * The mean over seeds as a line with a band of ± one standard error, from per-seed curves
     * {@code perSeed[seed][i]}; adds the note "bands: mean ± s.e. over n seeds". One seed draws the line alone and
     * says so.
     */
    public Plot meanBand(String name, double[] x, double[][] perSeed, Color color) {
        int n = perSeed.length;
        double[] mean = new double[x.length];
        double[] se = new double[x.length];
        double[] col = new double[n];
        for (int i = 0; i < x.length; i++) {
            for (int s = 0; s < n; s++) {
                col[s] = perSeed[s][i];
            }
            mean[i] = Statistics.mean(col);
            se[i] = n >= 2 ? Statistics.se(col) : Double.NaN;
        }
        return meanBand(name, x, mean, se, n, color);
    }

    /** A mean line with a band of ± {@code se} over {@code n} seeds (see {@link #meanBand(String, double[], double[][], Color)}). */
    public Plot meanBand(String name, double[] x, double[] mean, double[] se, int n, Color color) {
        if (n >= 2) {
            double[] lo = new double[x.length];
            double[] hi = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                lo[i] = mean[i] - se[i];
                hi[i] = mean[i] + se[i];
            }
            band(x, lo, hi, color);
            note("bands: mean ± s.e. over " + n + " seeds");
        } else {
            note("one seed: no seed band");
        }
        return line(name, x, mean, color);
    }

    /** Points with vertical error bars ({@code err} may be null). */
    public Plot points(String name, double[] x, double[] y, double[] err, Color color) {
        return add(new Points(name, x.clone(), y.clone(), err == null ? null : err.clone(), color));
    }

    /**
     * A histogram behind the curves (bins centred at {@code x}), scaled so that its tallest bar reaches 90 % of the
     * plot's height: it shows where the mass is, on no axis of its own. {@code color} null colours each bin by its
     * hue (x in degrees of hue).
     */
    public Plot backdrop(String name, double[] x, double[] y, Color color) {
        return add(new Backdrop(name, x.clone(), y.clone(), color));
    }

    /** A labelled horizontal reference line (e.g. the acuity cutoff). */
    public Plot hline(double value, String label) {
        return add(new Ref(true, value, label));
    }

    /** A labelled vertical reference line. */
    public Plot vline(double value, String label) {
        return add(new Ref(false, value, label));
    }

    /**
     * A heatmap of {@code z[i][j]} over cells [xEdges[i], xEdges[i+1]] × [yEdges[j], yEdges[j+1]], with a colour
     * bar labelled {@code zLabel}; the colour range is the data's unless given by {@link #heatRange}.
     */
    public Plot heatmap(double[] xEdges, double[] yEdges, double[][] z, Palette.Colormap map, String zLabel) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : z) {
            for (double v : r) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        return add(new Heat(xEdges.clone(), yEdges.clone(), z, map, zLabel, lo, hi));
    }

    /** Fixes the colour range of the heatmap added last (e.g. symmetric about 0 for differences). */
    public Plot heatRange(double lo, double hi) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof Heat h) {
                layers.set(i, new Heat(h.xEdges(), h.yEdges(), h.z(), h.map(), h.zLabel(), lo, hi));
                return this;
            }
        }
        throw new IllegalStateException("no heatmap to set the range of");
    }

    /** A sentence written under the plot (and shown in the report's caption). */
    public Plot note(String text) {
        notes.add(text);
        return this;
    }

    private Plot add(Layer l) {
        layers.add(l);
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    // ---------------------------------------------------------------- layout

    private record Entry(String name, Color color, double[] dash, boolean box) {
    }

    private record Layout(Scale xs, Scale ys, double left, double top, double right, double bottom, boolean legend,
                          double legendWidth, double colorbar, boolean rotateX, Heat heat) {
    }

    private List<Entry> entries() {
        List<Entry> e = new ArrayList<>();
        for (Layer l : layers) {
            if (l instanceof Curve c && c.name() != null) {
                e.add(new Entry(c.name(), c.color(), c.dash(), false));
            } else if (l instanceof Points p && p.name() != null) {
                e.add(new Entry(p.name(), p.color(), null, true));
            } else if (l instanceof Backdrop b && b.name() != null) {
                e.add(new Entry(b.name(), b.color() == null ? Palette.LIGHT : b.color(), null, true));
            }
        }
        return e;
    }

    private Layout layout() {
        List<Entry> entries = entries();
        boolean showLegend = legend == null ? entries.size() >= 2 : legend && !entries.isEmpty();
        double legendWidth = 0;
        if (showLegend) {
            for (Entry en : entries) {
                legendWidth = Math.max(legendWidth, Label.parse(en.name()).width(TICK_FONT, false));
            }
            legendWidth = Math.min(LEGEND_MAX, legendWidth) + 38;
        }
        Heat heat = null;
        for (Layer l : layers) {
            if (l instanceof Heat h) {
                heat = h;
            }
        }
        double colorbar = heat == null ? 0 : 78;
        double top = title.isEmpty() ? 10 : 28;
        double right = width - 14 - colorbar;
        boolean rotateX = false;
        double tickBand = 18;
        if (x.kind() == Axis.Kind.CATEGORY && !x.categories().isEmpty()) {
            double spacing = (right - 60) / x.categories().size();
            double widest = x.categories().stream().mapToDouble(s -> TextMetrics.width(s, TICK_FONT, false))
                    .max().orElse(0);
            if (widest > spacing - 6) {
                rotateX = true;
                tickBand = Math.min(110, widest * Math.sin(Math.toRadians(40))) + 16;
            }
        }
        double bottom = height - 6 - tickBand - (x.label().isEmpty() ? 0 : 16) - notes.size() * 13 - 2;
        double[] yr = range(false);
        Scale ys = y.resolve(yr[0], yr[1], bottom, top, Math.max(3, (int) ((bottom - top) / 48)));
        double tickWidth = 0;
        for (Tick t : ys.ticks()) {
            tickWidth = Math.max(tickWidth, t.label().width(TICK_FONT, false));
        }
        double left = 8 + (y.label().isEmpty() ? 0 : 18) + tickWidth + 8;
        double[] xr = range(true);
        Scale xs = x.resolve(xr[0], xr[1], left, right, Math.max(3, (int) ((right - left) / 85)));
        return new Layout(xs, ys, left, top, right, bottom, showLegend, legendWidth, colorbar, rotateX, heat);
    }

    /** The data range along x (or y), positive values only on a log axis. */
    private double[] range(boolean alongX) {
        boolean log = (alongX ? x : y).kind() == Axis.Kind.LOG;
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Layer l : layers) {
            if (l instanceof Curve c) {
                span(r, alongX ? c.x() : c.y(), log);
            } else if (l instanceof Band b) {
                if (alongX) {
                    span(r, b.x(), log);
                } else {
                    span(r, b.lo(), log);
                    span(r, b.hi(), log);
                }
            } else if (l instanceof Points p) {
                if (alongX) {
                    span(r, p.x(), log);
                } else if (p.err() == null) {
                    span(r, p.y(), log);
                } else {
                    for (int i = 0; i < p.y().length; i++) {
                        double e = Double.isFinite(p.err()[i]) ? p.err()[i] : 0;
                        span(r, new double[] {p.y()[i] - e, p.y()[i] + e}, log);
                    }
                }
            } else if (l instanceof Backdrop b) {
                if (alongX) {
                    double hw = halfWidth(b.x());
                    for (double v : b.x()) {
                        span(r, new double[] {v - hw, v + hw}, log);
                    }
                }
            } else if (l instanceof Ref f) {
                if (f.horizontal() != alongX) {
                    span(r, new double[] {f.value()}, log);
                }
            } else if (l instanceof Heat h) {
                span(r, alongX ? h.xEdges() : h.yEdges(), log);
            }
        }
        if (r[0] > r[1]) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return r;
    }

    private static void span(double[] r, double[] v, boolean log) {
        for (double d : v) {
            if (Double.isFinite(d) && (!log || d > 0)) {
                r[0] = Math.min(r[0], d);
                r[1] = Math.max(r[1], d);
            }
        }
    }

    private static double halfWidth(double[] x) {
        return x.length > 1 ? Math.abs(x[1] - x[0]) / 2 : 0.5;
    }

    @Override
    public double width() {
        return width + layout().legendWidth();
    }

    @Override
    public double height() {
        return height;
    }

    // ---------------------------------------------------------------- drawing

    @Override
    public void render(Canvas c) {
        Layout g = layout();
        for (Layer l : layers) {
            if (l instanceof Heat h) {
                drawHeat(c, g, h);
            }
        }
        for (Layer l : layers) {
            if (l instanceof Backdrop b) {
                drawBackdrop(c, g, b);
            }
        }
        for (Layer l : layers) {
            if (l instanceof Band b) {
                drawBand(c, g, b);
            }
        }
        for (Layer l : layers) {
            if (l instanceof Ref f) {
                drawRef(c, g, f);
            }
        }
        for (Layer l : layers) {
            if (l instanceof Curve cv) {
                drawCurve(c, g, cv);
            }
        }
        for (Layer l : layers) {
            if (l instanceof Points p) {
                drawPoints(c, g, p);
            }
        }
        drawAxes(c, g);
        if (g.heat() != null) {
            drawColorbar(c, g, g.heat());
        }
        if (g.legend()) {
            drawLegend(c, g);
        }
        if (!title.isEmpty()) {
            c.text(8, 18, fitted(title, width - 16, 13, true), 13, true, Anchor.START, 0, Color.BLACK);
        }
        double ny = height - 6 - (notes.size() - 1) * 13;
        for (String n : notes) {
            c.text(8, ny, fitted(n, width - 16, 10, false), 10, false, Anchor.START, 0, Palette.GREY);
            ny += 13;
        }
    }

    private void drawAxes(Canvas c, Layout g) {
        c.line(g.left(), g.bottom(), g.right(), g.bottom(), INK, 1, null);
        c.line(g.left(), g.top(), g.left(), g.bottom(), INK, 1, null);
        for (Tick t : g.xs().ticks()) {
            if (!g.xs().contains(t.value())) {
                continue;
            }
            double px = g.xs().map(t.value());
            c.line(px, g.bottom(), px, g.bottom() + (t.major() ? 4 : 2), INK, 1, null);
            if (!t.label().isEmpty()) {
                if (g.rotateX()) {
                    c.text(px + 3, g.bottom() + 13, t.label(), TICK_FONT, false, Anchor.END, -40, INK);
                } else {
                    c.text(px, g.bottom() + 16, t.label(), TICK_FONT, false, Anchor.MIDDLE, 0, INK);
                }
            }
        }
        for (Tick t : g.ys().ticks()) {
            if (!g.ys().contains(t.value())) {
                continue;
            }
            double py = g.ys().map(t.value());
            c.line(g.left() - (t.major() ? 4 : 2), py, g.left(), py, INK, 1, null);
            if (!t.label().isEmpty()) {
                c.text(g.left() - 7, py + 4, t.label(), TICK_FONT, false, Anchor.END, 0, INK);
            }
        }
        if (!x.label().isEmpty()) {
            double tickBand = g.rotateX() ? tickBand(g) : 18;
            c.text((g.left() + g.right()) / 2, g.bottom() + tickBand + 14, Label.parse(x.label()), LABEL_FONT, false,
                    Anchor.MIDDLE, 0, INK);
        }
        if (!y.label().isEmpty()) {
            c.text(8 + 12, (g.top() + g.bottom()) / 2, fitted(y.label(), g.bottom() - g.top() + 30, LABEL_FONT, false), LABEL_FONT, false, Anchor.MIDDLE, -90, INK);
        }
    }

    private double tickBand(Layout g) {
        double widest = x.categories().stream().mapToDouble(s -> TextMetrics.width(s, TICK_FONT, false)).max()
                .orElse(0);
        return Math.min(110, widest * Math.sin(Math.toRadians(40))) + 16;
    }

    private void drawCurve(Canvas c, Layout g, Curve cv) {
        int n = Math.min(cv.x().length, cv.y().length);
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = g.xs().map(cv.x()[i]);
            py[i] = g.ys().map(cv.y()[i]);
        }
        for (double[][] run : Clip.polyline(px, py, n, g.left(), g.top(), g.right(), g.bottom())) {
            double[][] s = Clip.simplify(run[0], run[1], 0.3);
            c.polyline(s[0], s[1], s[0].length, cv.color(), cv.width(), cv.dash());
        }
    }

    private void drawBand(Canvas c, Layout g, Band b) {
        int n = b.x().length;
        int i = 0;
        while (i < n) {
            while (i < n && !finite(b, i)) {
                i++;
            }
            int j = i;
            while (j < n && finite(b, j)) {
                j++;
            }
            if (j - i >= 2) {
                int m = j - i;
                double[] px = new double[2 * m];
                double[] py = new double[2 * m];
                for (int k = 0; k < m; k++) {
                    px[k] = g.xs().map(b.x()[i + k]);
                    py[k] = g.ys().map(b.hi()[i + k]);
                    px[2 * m - 1 - k] = px[k];
                    py[2 * m - 1 - k] = g.ys().map(b.lo()[i + k]);
                }
                double[][] poly = Clip.polygon(px, py, g.left(), g.top(), g.right(), g.bottom());
                c.polygon(poly[0], poly[1], poly[0].length, b.color(), b.opacity());
            }
            i = j;
        }
    }

    private boolean finite(Band b, int i) {
        return Double.isFinite(b.x()[i]) && Double.isFinite(b.lo()[i]) && Double.isFinite(b.hi()[i])
                && (y.kind() != Axis.Kind.LOG || b.lo()[i] > 0);
    }

    private void drawBackdrop(Canvas c, Layout g, Backdrop b) {
        double max = 0;
        for (double v : b.y()) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        if (!(max > 0)) {
            return;
        }
        double hw = halfWidth(b.x());
        double span = (g.bottom() - g.top()) * 0.9;
        for (int i = 0; i < b.x().length; i++) {
            if (!(b.y()[i] > 0)) {
                continue;
            }
            double x0 = Math.max(g.left(), g.xs().map(b.x()[i] - hw));
            double x1 = Math.min(g.right(), g.xs().map(b.x()[i] + hw));
            if (!(x1 > x0)) {
                continue;
            }
            double h = span * b.y()[i] / max;
            Color col = b.color() == null ? Palette.hue(b.x()[i]) : b.color();
            c.rect(x0, g.bottom() - h, x1 - x0 + 0.05, h, col, b.color() == null ? 0.3 : 0.45, null);
        }
    }

    private void drawRef(Canvas c, Layout g, Ref f) {
        if (f.horizontal()) {
            double py = g.ys().map(f.value());
            if (!(py >= g.top() - 0.5 && py <= g.bottom() + 0.5)) {
                return;
            }
            c.line(g.left(), py, g.right(), py, Palette.GREY, 1, DASHED);
            if (f.label() != null) {
                c.text(g.right() - 3, py - 4, Label.parse(f.label()), 10, false, Anchor.END, 0, Palette.GREY);
            }
        } else {
            double px = g.xs().map(f.value());
            if (!(px >= g.left() - 0.5 && px <= g.right() + 0.5)) {
                return;
            }
            c.line(px, g.top(), px, g.bottom(), Palette.GREY, 1, DASHED);
            if (f.label() != null) {
                c.text(px + 3, g.top() + 10, Label.parse(f.label()), 10, false, Anchor.START, 0, Palette.GREY);
            }
        }
    }

    private void drawPoints(Canvas c, Layout g, Points p) {
        for (int i = 0; i < p.x().length; i++) {
            double px = g.xs().map(p.x()[i]);
            double py = g.ys().map(p.y()[i]);
            if (!Double.isFinite(px) || !Double.isFinite(py) || px < g.left() - 1 || px > g.right() + 1
                    || py < g.top() - 1 || py > g.bottom() + 1) {
                continue;
            }
            if (p.err() != null && Double.isFinite(p.err()[i]) && p.err()[i] > 0) {
                double a = Math.max(g.top(), Math.min(g.bottom(), g.ys().map(p.y()[i] + p.err()[i])));
                double b = Math.max(g.top(), Math.min(g.bottom(), g.ys().map(p.y()[i] - p.err()[i])));
                if (Double.isFinite(a) && Double.isFinite(b)) {
                    c.line(px, a, px, b, p.color(), 1.2, null);
                    c.line(px - 3, a, px + 3, a, p.color(), 1.2, null);
                    c.line(px - 3, b, px + 3, b, p.color(), 1.2, null);
                }
            }
            c.rect(px - 3, py - 3, 6, 6, p.color(), 1, null);
        }
    }

    private void drawHeat(Canvas c, Layout g, Heat h) {
        int nx = h.z().length;
        int ny = nx == 0 ? 0 : h.z()[0].length;
        if (nx == 0 || ny == 0) {
            return;
        }
        BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double v = h.z()[i][j];
                Color col = Double.isFinite(v) ? h.map().at((v - h.zMin()) / (h.zMax() - h.zMin()))
                        : new Color(0xdd, 0xdd, 0xdd);
                img.setRGB(i, ny - 1 - j, col.getRGB());
            }
        }
        double x0 = g.xs().map(h.xEdges()[0]);
        double x1 = g.xs().map(h.xEdges()[h.xEdges().length - 1]);
        double y0 = g.ys().map(h.yEdges()[h.yEdges().length - 1]);
        double y1 = g.ys().map(h.yEdges()[0]);
        c.image(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0), img);
    }

    private void drawColorbar(Canvas c, Layout g, Heat h) {
        double bx = g.right() + 14;
        double bw = 12;
        BufferedImage ramp = new BufferedImage(1, 128, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < 128; j++) {
            ramp.setRGB(0, 127 - j, h.map().at(j / 127.0).getRGB());
        }
        c.image(bx, g.top(), bw, g.bottom() - g.top(), ramp);
        c.rect(bx, g.top(), bw, g.bottom() - g.top(), null, 1, INK);
        Scale zs = Axis.linear("").range(h.zMin(), h.zMax()).resolve(h.zMin(), h.zMax(), g.bottom(), g.top(), 4);
        for (Tick t : zs.ticks()) {
            double py = zs.map(t.value());
            c.line(bx + bw, py, bx + bw + 3, py, INK, 1, null);
            c.text(bx + bw + 5, py + 4, t.label(), 10, false, Anchor.START, 0, INK);
        }
        if (h.zLabel() != null && !h.zLabel().isEmpty()) {
            c.text(bx + bw + 54, (g.top() + g.bottom()) / 2, Label.parse(h.zLabel()), 11, false, Anchor.MIDDLE, -90,
                    INK);
        }
    }

    private void drawLegend(Canvas c, Layout g) {
        double x0 = width - 4;
        double yy = g.top() + 8;
        for (Entry e : entries()) {
            if (e.box()) {
                c.rect(x0, yy - 8, 16, 9, e.color(), 0.6, null);
            } else {
                c.line(x0, yy - 4, x0 + 18, yy - 4, e.color(), e.dash() == null ? 2 : 1.4, e.dash());
            }
            c.text(x0 + 24, yy, fitted(e.name(), LEGEND_MAX, TICK_FONT, false), TICK_FONT, false,
                    Anchor.START, 0, INK);
            yy += 15;
        }
    }

    /** {@code s} (with {@code ^{…}} markup) as a label whose base is shortened to fit {@code max} pixels. */
    static Label fitted(String s, double max, double size, boolean bold) {
        Label l = Label.parse(s);
        double room = max - (l.sup().isEmpty() ? 0 : TextMetrics.width(l.sup(), size * Label.SUP, bold));
        return new Label(fit(l.base(), room, size, bold), l.sup());
    }

    /** {@code s} shortened with an ellipsis to fit {@code max} pixels. */
    static String fit(String s, double max, double size, boolean bold) {
        if (TextMetrics.width(s, size, bold) <= max) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && TextMetrics.width(t + "…", size, bold) > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Plot[%s, %d layers]", title, layers.size());
    }
}
