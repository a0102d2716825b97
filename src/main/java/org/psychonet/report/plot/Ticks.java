package org.psychonet.report.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Tick positions and their labels: steps of 1, 2 or 5 × 10^k with labels rounded to the step ("13.1", never
 * "13.134191176470589"), decades on log axes written as powers of ten, the typographic minus sign.
 */
public final class Ticks {

    /** A tick: its value, its label (empty for a minor tick) and whether it is major. */
    public record Tick(double value, Label label, boolean major) {
    }

    private Ticks() {
    }

    /** The 1-2-5 step giving about {@code target} intervals over {@code span}. */
    public static double niceStep(double span, int target) {
        double raw = span / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * mag;
    }

    /** Major ticks at multiples of a nice step inside [lo, hi]. */
    public static List<Tick> linear(double lo, double hi, int target) {
        List<Tick> out = new ArrayList<>();
        if (!(hi > lo)) {
            out.add(new Tick(lo, Label.of(format(lo, 1)), true));
            return out;
        }
        double step = niceStep(hi - lo, target);
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        for (long k = first; k <= last; k++) {
            double v = k * step;
            out.add(new Tick(v, Label.of(format(v, step)), true));
        }
        return out;
    }

    /** Major ticks at the given values, labelled with {@code suffix} (e.g. "°"). */
    public static List<Tick> fixed(double[] values, String suffix) {
        double step = values.length > 1 ? Math.abs(values[1] - values[0]) : 1;
        List<Tick> out = new ArrayList<>();
        for (double v : values) {
            out.add(new Tick(v, Label.of(format(v, step) + suffix), true));
        }
        return out;
    }

    /**
     * Log-axis ticks over [lo, hi] (both positive): labelled decades (every k-th when there are many), unlabelled
     * minor ticks at 2–9 × 10^k when they are not too dense, and 2 and 5 labelled when less than two decades show.
     */
    public static List<Tick> log(double lo, double hi) {
        List<Tick> out = new ArrayList<>();
        int d0 = (int) Math.floor(Math.log10(lo) + 1e-9);
        int d1 = (int) Math.ceil(Math.log10(hi) - 1e-9);
        int decades = Math.max(1, d1 - d0);
        int every = decades <= 7 ? 1 : (int) Math.ceil(decades / 7.0);
        boolean fewDecades = Math.log10(hi / lo) < 2;
        for (int k = d0; k <= d1; k++) {
            double base = Math.pow(10, k);
            if (base >= lo * (1 - 1e-9) && base <= hi * (1 + 1e-9)) {
                boolean labelled = Math.floorMod(k, every) == 0;
                Label text = !labelled ? Label.of("") : fewDecades ? Label.of(plain(base)) : Label.decade(k);
                out.add(new Tick(base, text, labelled));
            }
            if (decades <= 8) {
                for (int m = 2; m <= 9; m++) {
                    double v = m * base;
                    if (v >= lo && v <= hi) {
                        boolean labelled = fewDecades && (m == 2 || m == 5);
                        out.add(new Tick(v, labelled ? Label.of(plain(v)) : Label.of(""), labelled));
                    }
                }
            }
        }
        return out;
    }

    /** A value as written on a short log axis: 0.02, 5, 200. */
    private static String plain(double v) {
        return minus(new BigDecimal(v).round(new java.math.MathContext(1)).stripTrailingZeros().toPlainString());
    }

    /**
     * {@code v} rounded to the decimals its tick step needs: step 0.05 → two decimals, step 50 → none. Numbers from
     * 10⁶ up and below 10⁻³ are written as m × 10^k.
     */
    public static String format(double v, double step) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (Math.abs(v) < Math.abs(step) * 1e-9) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-3) {
            int k = (int) Math.floor(Math.log10(a));
            double m = v / Math.pow(10, k);
            String ms = new BigDecimal(m).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
            return minus(ms) + "×10^" + k;
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(Math.abs(step)) - 1e-9));
        // a step of 2.5×10^k (never produced by niceStep, possible for fixed ticks) needs one digit more
        if (Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return minus(new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
    }

    /** A label for {@link #format}'s "m×10^k" form with the exponent as a superscript. */
    public static Label label(String formatted) {
        int i = formatted.indexOf("×10^");
        return i < 0 ? Label.of(formatted) : new Label(formatted.substring(0, i) + "×10",
                minus(formatted.substring(i + 4)));
    }

    /** The typographic minus (U+2212) instead of a hyphen. */
    static String minus(String s) {
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }
}
