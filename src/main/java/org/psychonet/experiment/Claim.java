package org.psychonet.experiment;

/**
 * A claim of the paper tested by a run: the figure it comes from, the metric measured, the value
 * (mean and s.d. over seeds where there are seeds), the threshold it is held to, and whether it holds.
 * Claims that fail are reported as such, never hidden.
 *
 * @param id         stable identifier, e.g. "linear.pc_order.depth1"
 * @param figure     e.g. "Fig. 5c"
 * @param statement  the claim in words, e.g. "PCs are learned in order of their variance"
 * @param metric     the metric's name in result.json, e.g. "pc_order_spearman"
 * @param value      measured value (mean over seeds)
 * @param sd         standard deviation over seeds, NaN with one seed
 * @param comparator "≥", ">", "≤", "<" or "in"
 * @param threshold  the bound (lower end for "in")
 * @param upper      upper end for "in", NaN otherwise
 * @param holds      whether value satisfies the comparison
 * @param settings   the settings that produced the value, in a few words
 */
public record Claim(String id, String figure, String statement, String metric, double value, double sd,
                    String comparator, double threshold, double upper, boolean holds, String settings) {

    public static Claim atLeast(String id, String figure, String statement, String metric, double value,
                                double sd, double threshold, String settings) {
        return new Claim(id, figure, statement, metric, value, sd, "≥", threshold, Double.NaN,
                value >= threshold, settings);
    }

    public static Claim above(String id, String figure, String statement, String metric, double value,
                              double sd, double threshold, String settings) {
        return new Claim(id, figure, statement, metric, value, sd, ">", threshold, Double.NaN,
                value > threshold, settings);
    }

    public static Claim below(String id, String figure, String statement, String metric, double value,
                              double sd, double threshold, String settings) {
        return new Claim(id, figure, statement, metric, value, sd, "<", threshold, Double.NaN,
                value < threshold, settings);
    }

    public static Claim within(String id, String figure, String statement, String metric, double value,
                               double sd, double low, double high, String settings) {
        return new Claim(id, figure, statement, metric, value, sd, "in", low, high,
                value >= low && value <= high, settings);
    }

    /** The bound in words, e.g. "≥ 0.95" or "in [60, 120]". */
    public String bound() {
        return "in".equals(comparator) ? "in [" + threshold + ", " + upper + "]" : comparator + " " + threshold;
    }
}
