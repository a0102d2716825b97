package org.psychonet.report.plot;

/**
 * Approximate text widths (Helvetica's advance widths, in 1/1000 em) so that layouts are computed the same way on
 * every machine, whatever fonts it has: the SVG (drawn by the reader's browser) and the PNG (drawn by Java2D) share
 * one layout, and the same result gives the same bytes.
 */
final class TextMetrics {
    /** Advance widths of the printable ASCII characters 32..126. */
    private static final short[] ASCII = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};     // p-z { | } ~

    private TextMetrics() {
    }

    /** Width of {@code s} in pixels at font size {@code size}; bold text is about 6 % wider. */
    static double width(String s, double size, boolean bold) {
        double w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += advance(cp);
            i += Character.charCount(cp);
        }
        return w / 1000.0 * size * (bold ? 1.06 : 1.0);
    }

    private static int advance(int cp) {
        if (cp >= 32 && cp <= 126) {
            return ASCII[cp - 32];
        }
        return switch (cp) {
            case '°' -> 400;
            case '·', '\u2009' -> 278; // middle dot, thin space
            case '\u2212', '×', '±', '≤', '≥', '≈' -> 584; // minus and relations
            case '—' -> 1000;
            case '–' -> 556;
            case '²', '³', '¹' -> 333;
            case 'θ', 'λ', 'σ', 'μ', 'π', 'δ', 'γ' -> 560;
            case 'Σ', 'Δ' -> 650;
            case '√' -> 550;
            case 'ᵀ' -> 380;
            default -> 600;
        };
    }
}
