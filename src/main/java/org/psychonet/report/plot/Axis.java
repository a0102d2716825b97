package org.psychonet.report.plot;

import java.util.ArrayList;
import java.util.List;
import org.psychonet.report.plot.Ticks.Tick;

/**
 * One axis of a plot: a label, a scale (linear, log or categories), an optional fixed range and fixed ticks. The
 * paper's axes are ready-made: {@link #orientation()} (0–180° with ticks every 45°), {@link #hue()} (0–360° every
 * 60°), {@link #log} (decade ticks written as powers of ten).
 */
public final class Axis {

    /** How values map to positions. */
    public enum Kind { LINEAR, LOG, CATEGORY }

    private final String label;
    private final Kind kind;
    private Double min;
    private Double max;
    private double[] ticks;
    private String tickSuffix = "";
    private List<String> categories = List.of();
    private boolean includeZero;
    private boolean pad;

    private Axis(String label, Kind kind, boolean pad) {
        this.label = label;
        this.kind = kind;
        this.pad = pad;
    }

    /** A linear axis fitted to the data; a value axis (y) gets a little room above and below the data. */
    public static Axis linear(String label) {
        return new Axis(label, Kind.LINEAR, true);
    }

    /** A logarithmic axis with decade ticks; values ≤ 0 are left out of lines. */
    public static Axis log(String label) {
        return new Axis(label, Kind.LOG, true);
    }

    /** Orientation in degrees, 0–180, ticks at 0/45/90/135/180 (Fig. 2c, SI Fig. 1, Fig. 6). */
    public static Axis orientation() {
        return orientation("orientation (°)");
    }

    public static Axis orientation(String label) {
        return linear(label).range(0, 180).ticks(0, 45, 90, 135, 180);
    }

    /** Hue in degrees, 0–360, ticks every 60° (Fig. 3). */
    public static Axis hue() {
        return linear("hue (°)").range(0, 360).ticks(0, 60, 120, 180, 240, 300, 360);
    }

    /** Named positions 0, 1, …, n−1 (e.g. the layers of a network). */
    public static Axis categories(String label, List<String> names) {
        Axis a = new Axis(label, Kind.CATEGORY, false);
        a.categories = List.copyOf(names);
        a.min = -0.5;
        a.max = names.size() - 0.5;
        return a;
    }

    /** Fixes the range. */
    public Axis range(double lo, double hi) {
        if (!(hi > lo) || (kind == Kind.LOG && lo <= 0)) {
            throw new IllegalArgumentException("axis range [" + lo + ", " + hi + "] is empty or not positive on a log axis");
        }
        this.min = lo;
        this.max = hi;
        this.pad = false;
        return this;
    }

    /** Fixes the lower end only (e.g. 0 for counts). */
    public Axis from(double lo) {
        this.min = lo;
        return this;
    }

    /** Fixed major ticks. */
    public Axis ticks(double... values) {
        this.ticks = values.clone();
        return this;
    }

    /** Text after each fixed tick label, e.g. "°". */
    public Axis tickSuffix(String suffix) {
        this.tickSuffix = suffix;
        return this;
    }

    /** The range includes 0 (bars, proportions). */
    public Axis includeZero() {
        this.includeZero = true;
        return this;
    }

    /** The range runs exactly from the data's minimum to its maximum (the usual x axis of a curve). */
    public Axis tight() {
        this.pad = false;
        return this;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> categories() {
        return categories;
    }

    boolean padded() {
        return pad;
    }

    /**
     * The scale for data spanning [lo, hi] (NaN when there are no data) on pixels [from, to], with about
     * {@code target} ticks.
     */
    Scale resolve(double lo, double hi, double from, double to, int target) {
        double a;
        double b;
        if (kind == Kind.LOG) {
            a = min != null ? min : lo;
            b = max != null ? max : hi;
            if (!(a > 0) || !Double.isFinite(a)) {
                a = b > 0 && Double.isFinite(b) ? b / 10 : 0.1;
            }
            if (!(b > a) || !Double.isFinite(b)) {
                b = a * 10;
            }
            if (pad && min == null && max == null) {
                double la = Math.log10(a);
                double lb = Math.log10(b);
                double p = Math.max(0.04 * (lb - la), 0.02);
                a = Math.pow(10, la - p);
                b = Math.pow(10, lb + p);
            }
            List<Tick> t = ticks != null ? Ticks.fixed(ticks, tickSuffix) : Ticks.log(a, b);
            return new Scale(Kind.LOG, a, b, from, to, t);
        }
        a = min != null ? min : lo;
        b = max != null ? max : hi;
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            a = 0;
            b = 1;
        }
        if (includeZero) {
            a = Math.min(a, 0);
            b = Math.max(b, 0);
        }
        if (!(b > a)) {
            double d = a == 0 ? 1 : Math.abs(a) * 0.1;
            a -= d;
            b += d;
        } else if (pad) {
            double p = 0.05 * (b - a);
            if (min == null && !(includeZero && a == 0)) {
                a -= p;
            }
            if (max == null && !(includeZero && b == 0)) {
                b += p;
            }
        }
        List<Tick> t;
        if (kind == Kind.CATEGORY) {
            t = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                t.add(new Tick(i, Label.of(categories.get(i)), true));
            }
        } else if (ticks != null) {
            t = Ticks.fixed(ticks, tickSuffix);
        } else {
            t = new ArrayList<>();
            for (Tick k : Ticks.linear(a, b, target)) {
                t.add(new Tick(k.value(), Ticks.label(k.label().base()), true));
            }
        }
        return new Scale(kind, a, b, from, to, t);
    }

    /** A resolved axis: maps values to pixels. */
    record Scale(Kind kind, double lo, double hi, double from, double to, List<Tick> ticks) {

        double map(double v) {
            if (kind == Kind.LOG) {
                if (!(v > 0)) {
                    return Double.NaN;
                }
                return from + (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * (to - from);
            }
            return from + (v - lo) / (hi - lo) * (to - from);
        }

        boolean contains(double v) {
            double e = 1e-9 * Math.abs(hi - lo);
            return v >= lo - e && v <= hi + e;
        }
    }
}
