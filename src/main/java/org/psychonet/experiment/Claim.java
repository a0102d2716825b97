package org.psychonet.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import org.psychonet.util.Estimate;

/**
 * One row of the table of claims: a measured value, the bound it is held to (written in code before the run)
 * and whether it holds, which is computed from the two and never stored apart from them.
 *
 * <p>Two kinds: a {@link Kind#PAPER} claim is a finding of the paper that could come out otherwise; a
 * {@link Kind#CHECK} is a property of psychonet's implementation (a stimulus, a table, a construction). The
 * headline count is over paper claims only. A paper claim about a difference is judged on the mean over
 * seeds against its standard error ({@link Comparator#ABOVE_2SE}, {@link Comparator#BELOW_2SE}), never on
 * one run against 0.
 *
 * @param id         stable identifier, e.g. "linear.pc_order.depth1"
 * @param kind       paper finding or implementation check
 * @param figure     where the paper makes the claim, e.g. "Fig. 5c"
 * @param statement  the claim in words: what it tests
 * @param metric     the measured quantity's name, e.g. "pc_order_spearman"
 * @param value      the measurement: mean, standard error and n over seeds
 * @param comparator how value is compared with the bound
 * @param threshold  the bound (the lower end for {@link Comparator#WITHIN})
 * @param upper      the upper end for {@link Comparator#WITHIN}, NaN otherwise
 * @param settings   the settings that produced the value, in a few words
 */
@JsonIgnoreProperties(value = {"holds", "bound"}, allowGetters = true)
public record Claim(String id, Kind kind, String figure, String statement, String metric, Estimate value,
                    Comparator comparator, double threshold, double upper, String settings) {

    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(comparator, "comparator");
    }

    /** A finding of the paper or a property of the implementation. */
    public enum Kind {
        PAPER, CHECK;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** How a measured value is held to its bound. */
    public enum Comparator {
        AT_LEAST("≥"), ABOVE(">"), AT_MOST("≤"), BELOW("<"), WITHIN("in"),
        /** mean − 2·s.e. > threshold: above the bound beyond seed noise (needs n ≥ 2). */
        ABOVE_2SE("> (by 2 s.e.)"),
        /** mean + 2·s.e. < threshold: below the bound beyond seed noise (needs n ≥ 2). */
        BELOW_2SE("< (by 2 s.e.)");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        @JsonValue
        public String symbol() {
            return symbol;
        }

        @JsonCreator
        public static Comparator of(String symbol) {
            for (Comparator c : values()) {
                if (c.symbol.equals(symbol) || c.name().equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown comparator " + symbol);
        }

        /** Whether the estimate satisfies the bound; NaN values never do. */
        public boolean test(Estimate e, double threshold, double upper) {
            double m = e.mean();
            return switch (this) {
                case AT_LEAST -> m >= threshold;
                case ABOVE -> m > threshold;
                case AT_MOST -> m <= threshold;
                case BELOW -> m < threshold;
                case WITHIN -> m >= threshold && m <= upper;
                case ABOVE_2SE -> e.n() >= 2 && e.lower(2) > threshold;
                case BELOW_2SE -> e.n() >= 2 && e.upper(2) < threshold;
            };
        }

        /** Whether the comparison accounts for seed-to-seed spread. */
        public boolean usesStandardError() {
            return this == ABOVE_2SE || this == BELOW_2SE;
        }
    }

    /** Whether the value satisfies the bound. */
    @JsonProperty("holds")
    public boolean holds() {
        return comparator.test(value, threshold, upper);
    }

    /** The bound in words, e.g. "≥ 0.95", "in [60, 120]" or "> 0 (by 2 s.e.)". */
    @JsonProperty("bound")
    public String bound() {
        return switch (comparator) {
            case WITHIN -> "in [" + fmt(threshold) + ", " + fmt(upper) + "]";
            case ABOVE_2SE -> "> " + fmt(threshold) + " by 2 s.e.";
            case BELOW_2SE -> "< " + fmt(threshold) + " by 2 s.e.";
            default -> comparator.symbol() + " " + fmt(threshold);
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Starts a paper claim. */
    public static Builder paper(String id, String figure, String statement) {
        return new Builder(id, Kind.PAPER, figure, statement);
    }

    /** Starts an implementation check. */
    public static Builder check(String id, String figure, String statement) {
        return new Builder(id, Kind.CHECK, figure, statement);
    }

    /** Builds a claim: {@code Claim.paper(id, fig, words).measured(metric, est).settings(s).atLeast(0.95)}. */
    public static final class Builder {
        private final String id;
        private final Kind kind;
        private final String figure;
        private final String statement;
        private String metric;
        private Estimate value;
        private String settings = "";

        private Builder(String id, Kind kind, String figure, String statement) {
            this.id = id;
            this.kind = kind;
            this.figure = figure;
            this.statement = statement;
        }

        public Builder measured(String metric, Estimate value) {
            this.metric = metric;
            this.value = value;
            return this;
        }

        public Builder measured(String metric, double singleRun) {
            return measured(metric, Estimate.single(singleRun));
        }

        public Builder settings(String settings) {
            this.settings = settings;
            return this;
        }

        private Claim build(Comparator c, double threshold, double upper) {
            if (metric == null || value == null) {
                throw new IllegalStateException("claim " + id + " has no measured value");
            }
            return new Claim(id, kind, figure, statement, metric, value, c, threshold, upper, settings);
        }

        public Claim atLeast(double t) {
            return build(Comparator.AT_LEAST, t, Double.NaN);
        }

        public Claim above(double t) {
            return build(Comparator.ABOVE, t, Double.NaN);
        }

        public Claim atMost(double t) {
            return build(Comparator.AT_MOST, t, Double.NaN);
        }

        public Claim below(double t) {
            return build(Comparator.BELOW, t, Double.NaN);
        }

        public Claim within(double low, double high) {
            return build(Comparator.WITHIN, low, high);
        }

        /** Holds when mean − 2·s.e. > t (seeds ≥ 2). */
        public Claim aboveBy2se(double t) {
            return build(Comparator.ABOVE_2SE, t, Double.NaN);
        }

        /** Holds when mean + 2·s.e. < t (seeds ≥ 2). */
        public Claim belowBy2se(double t) {
            return build(Comparator.BELOW_2SE, t, Double.NaN);
        }
    }
}
