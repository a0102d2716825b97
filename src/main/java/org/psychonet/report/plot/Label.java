package org.psychonet.report.plot;

/**
 * A piece of text with an optional superscript, e.g. a decade tick "10" with "−3". Plain text has an empty
 * superscript.
 */
public record Label(String base, String sup) {

    public Label {
        base = base == null ? "" : base;
        sup = sup == null ? "" : sup;
    }

    public static Label of(String text) {
        return new Label(text, "");
    }

    /**
     * Text with a trailing superscript written {@code base^{sup}}, e.g. {@code "threshold D^{−1/2}"}; anything
     * else is plain text.
     */
    public static Label parse(String text) {
        int i = text.lastIndexOf("^{");
        if (i >= 0 && text.endsWith("}") && text.indexOf('}', i) == text.length() - 1) {
            return new Label(text.substring(0, i), text.substring(i + 2, text.length() - 1));
        }
        return of(text);
    }

    /** 10 to the power k, as a label ("1" for k = 0, "10" for k = 1). */
    public static Label decade(int k) {
        return k == 0 ? of("1") : k == 1 ? of("10") : new Label("10", Ticks.minus(Integer.toString(k)));
    }

    /** Width in pixels at font size {@code size}. */
    public double width(double size, boolean bold) {
        return TextMetrics.width(base, size, bold) + (sup.isEmpty() ? 0 : TextMetrics.width(sup, size * SUP, bold));
    }

    public boolean isEmpty() {
        return base.isEmpty() && sup.isEmpty();
    }

    @Override
    public String toString() {
        return sup.isEmpty() ? base : base + "^" + sup;
    }

    /** Size of a superscript relative to its base. */
    static final double SUP = 0.72;
}
