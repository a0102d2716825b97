package org.psychonet.theory;

/**
 * Which statistic of PC_i sets the rate at which its singular value grows. For a squared-error loss the
 * gradient is 2·scale·(W − I)Σ, whose projection on PC_i is 2·scale·λ_i(σ_i − 1) with λ_i the PC's
 * variance (the covariance eigenvalue); the paper's text calls λ_i its standard deviation. Both are kept so
 * that a test can tell which one the simulations follow (they follow the variance: see the README).
 */
public enum RateStatistic {
    VARIANCE, STANDARD_DEVIATION;

    public double of(double variance) {
        return this == VARIANCE ? variance : Math.sqrt(variance);
    }
}
