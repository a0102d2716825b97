package org.psychonet.theory;

import org.psychonet.learning.LinearArchitecture;

/**
 * Theory of the proportion learned p_i(t) = u_iᵀW(t)u_i of each PC under gradient flow on the reconstruction
 * loss ℓ = scale·E‖x − Wx‖², with time t = learning rate × steps. With κ_i = 2·scale·λ_i (λ_i the PC's
 * variance; {@link RateStatistic} allows the paper's wording, its standard deviation, for comparison):
 * <ul>
 * <li>depth 1: ṗ = κ(1 − p), so p(t) = 1 − (1 − p0)e^(−κt) — exact for any start, the PCs being
 * decoupled;</li>
 * <li>W = wᵀw: ṗ = 4κp(1 − p), a logistic (‖wu_i‖² = p is aligned by construction);</li>
 * <li>depth 2: the mode's vectors a = W_1u, b = W_2ᵀu obey ȧ = κ(1 − s)b, ḃ = κ(1 − s)a with s = a·b, which
 * conserve K = (‖a‖² + ‖b‖²)² − 4s², so ṡ = κ(1 − s)√(4s² + K): from a balanced aligned start (K = 0) this is
 * eq. 7's logistic ṡ = 2κs(1 − s); from a small random start it also covers the initial rotation of the
 * singular vectors into alignment, with s(0) and K from the initial weights;</li>
 * <li>depth N ≥ 3: eq. 7, σ̇ = Nκσ^(2(N−1)/N)(1 − σ), solved by an adaptive Runge–Kutta method from
 * σ(0) = ‖W(0)u_i‖ (the singular value the sensitivity to PC_i implies, Methods).</li>
 * </ul>
 * Eq. 7's factor 2 convention: the paper writes σ̇ = Nλσ^(2(N−1)/N)(1 − σ) for ℓ without the factor 2 of the
 * squared-error gradient; here the factor and the loss scale are explicit in κ.
 */
public final class LinearModeTheory {
    private final LinearArchitecture arch;
    private final double scale;
    private final RateStatistic statistic;
    private final DormandPrince solver = new DormandPrince(1e-9, 1e-13);

    public LinearModeTheory(LinearArchitecture arch, double scale, RateStatistic statistic) {
        this.arch = arch;
        this.scale = scale;
        this.statistic = statistic;
    }

    /** Which form of the theory applies, in words (for result.json). */
    public String form() {
        if (arch.symmetric()) {
            return "logistic dp/dt = 4κp(1-p), closed form";
        }
        return switch (arch.depth()) {
            case 1 -> "exact dp/dt = κ(1-p), closed form";
            case 2 -> "ds/dt = κ(1-s)·sqrt(4s²+K), K conserved (logistic when balanced and aligned), adaptive RK45";
            default -> "eq. 7 dσ/dt = Nκσ^(2(N-1)/N)(1-σ), σ(0) = ||W(0)u_i||, adaptive RK45";
        };
    }

    /**
     * @param lambda PC variances λ_i (at least init.count())
     * @param init   initial condition per PC
     * @param times  ascending times t = lr × steps
     * @return p[i][time] for the init.count() leading PCs
     */
    public double[][] proportion(double[] lambda, LinearModeInit init, double[] times) {
        int k = init.count();
        double[][] p = new double[k][];
        for (int i = 0; i < k; i++) {
            p[i] = mode(2 * scale * statistic.of(lambda[i]), init, i, times);
        }
        return p;
    }

    private double[] mode(double kappa, LinearModeInit init, int i, double[] times) {
        int n = times.length;
        double[] r = new double[n];
        double p0 = init.proportion()[i];
        if (arch.symmetric()) {
            for (int t = 0; t < n; t++) {
                r[t] = logistic(p0, 4 * kappa, times[t]);
            }
            return r;
        }
        int depth = arch.depth();
        if (depth == 1) {
            for (int t = 0; t < n; t++) {
                r[t] = 1 - (1 - p0) * Math.exp(-kappa * times[t]);
            }
            return r;
        }
        if (depth == 2) {
            double q = init.inOutNorm()[i];
            double kk = Math.max(0, q * q - 4 * p0 * p0);
            if (kk <= 1e-12 * q * q && p0 > 0) {
                for (int t = 0; t < n; t++) {
                    r[t] = logistic(p0, 2 * kappa, times[t]);
                }
                return r;
            }
            return solver.solve((t, s) -> kappa * (1 - s) * Math.sqrt(4 * s * s + kk), p0, times);
        }
        double sigma0 = Math.sqrt(init.sensitivity()[i]);
        double exponent = 2.0 * (depth - 1) / depth;
        return solver.solve((t, s) -> depth * kappa * Math.pow(Math.max(s, 0), exponent) * (1 - s), sigma0, times);
    }

    /** Solution of ẏ = r·y(1 − y) from y0. */
    static double logistic(double y0, double rate, double t) {
        return 1 / (1 + (1 / y0 - 1) * Math.exp(-rate * t));
    }

    /**
     * Supervised learning, eq. 10: σ̇ = 2·scale·Nσ^(2(N−1)/N)(t_i − λ_iσ), approaching t_i/λ_i; the input
     * variance λ_i sets the rate even for equal input–output correlations t_i.
     */
    public double[] supervised(double lambda, double target, double sigma0, double[] times) {
        int depth = arch.depth();
        double exponent = 2.0 * (depth - 1) / depth;
        double c = 2 * scale;
        return solver.solve((t, s) -> c * depth * Math.pow(Math.max(s, 0), exponent)
                * (target - statistic.of(lambda) * s), sigma0, times);
    }
}
