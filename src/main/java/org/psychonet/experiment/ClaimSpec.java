package org.psychonet.experiment;

import java.util.Objects;
import org.psychonet.util.Estimate;

/**
 * A claim as it is written before the run: its id, kind, figure, what it tests, and the bound it will be held to.
 * An experiment keeps its specs as constants and turns each into a {@link Claim} once it has measured the value, so
 * the bound of every claim can be checked against the code (a test does) instead of trusted.
 *
 * <p>Most bounds are fixed numbers. A few are fixed rules evaluated against a prediction that does not come from
 * the measurement itself ({@link Bound#PREDICTION}: e.g. "within the theory's exponent ± its 95% confidence
 * interval", where the theory is computed from the measured spectrum, never from the simulated trajectory).
 *
 * @param id         stable id (or id prefix, completed by {@link #suffixed}), e.g. "linear.pc_order"
 * @param kind       paper finding or implementation check
 * @param figure     where the paper makes the claim
 * @param statement  what the claim tests, in words
 * @param comparator how the measured value is held to the bound
 * @param threshold  the bound (lower end for WITHIN); NaN for {@link Bound#PREDICTION}
 * @param upper      the upper end for WITHIN; NaN otherwise
 * @param bound      fixed number or a rule against a prediction
 */
public record ClaimSpec(String id, Claim.Kind kind, String figure, String statement, Claim.Comparator comparator,
                        double threshold, double upper, Bound bound) {

    /** Where the bound comes from. */
    public enum Bound {
        /** A number written in the code. */
        FIXED,
        /** A rule written in the code, evaluated against a prediction computed independently of the measurement. */
        PREDICTION
    }

    public ClaimSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(bound, "bound");
        if (kind == Claim.Kind.PAPER && bound == Bound.FIXED && threshold == 0 && !comparator.usesStandardError()) {
            throw new IllegalArgumentException(id + ": a paper claim compared with 0 must be judged against seed "
                    + "noise (aboveBy2se / belowBy2se)");
        }
    }

    public static ClaimSpec paper(String id, String figure, String statement, Claim.Comparator c, double threshold) {
        return new ClaimSpec(id, Claim.Kind.PAPER, figure, statement, c, threshold, Double.NaN, Bound.FIXED);
    }

    public static ClaimSpec paperWithin(String id, String figure, String statement, double low, double high) {
        return new ClaimSpec(id, Claim.Kind.PAPER, figure, statement, Claim.Comparator.WITHIN, low, high, Bound.FIXED);
    }

    /** A paper claim held within an interval around a prediction (a rule, stated in {@code statement}). */
    public static ClaimSpec paperAgainstPrediction(String id, String figure, String statement) {
        return new ClaimSpec(id, Claim.Kind.PAPER, figure, statement, Claim.Comparator.WITHIN, Double.NaN, Double.NaN,
                Bound.PREDICTION);
    }

    public static ClaimSpec check(String id, String figure, String statement, Claim.Comparator c, double threshold) {
        return new ClaimSpec(id, Claim.Kind.CHECK, figure, statement, c, threshold, Double.NaN, Bound.FIXED);
    }

    /** The same spec for one network or condition: id + "." + suffix, statement + " (" + suffix + ")". */
    public ClaimSpec suffixed(String suffix) {
        return new ClaimSpec(id + "." + suffix, kind, figure, statement + " (" + suffix + ")", comparator, threshold,
                upper, bound);
    }

    /** The claim with a fixed bound. */
    public Claim measured(String metric, Estimate value, String settings) {
        if (bound != Bound.FIXED) {
            throw new IllegalStateException(id + " is held to a prediction: give the interval");
        }
        return new Claim(id, kind, figure, statement, metric, value, comparator, threshold, upper, settings);
    }

    /** The claim held within [low, high], the interval the spec's rule gives around its prediction. */
    public Claim measuredAgainst(String metric, Estimate value, double low, double high, String settings) {
        if (bound != Bound.PREDICTION) {
            throw new IllegalStateException(id + " has a fixed bound");
        }
        return new Claim(id, kind, figure, statement, metric, value, comparator, low, high, settings);
    }

    /** Whether {@code c} was made from this spec (same id or id + "." + suffix, kind, comparator, fixed bound). */
    public boolean made(Claim c) {
        boolean sameId = c.id().equals(id) || c.id().startsWith(id + ".");
        if (!sameId || c.kind() != kind || c.comparator() != comparator || !Objects.equals(c.figure(), figure)) {
            return false;
        }
        return bound == Bound.PREDICTION
                || Double.compare(c.threshold(), threshold) == 0 && Double.compare(c.upper(), upper) == 0;
    }
}
