package org.psychonet.theory;

import org.psychonet.learning.linear.LinearArchitecture;

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

    /**
     * The sensitivity to each PC, D_i(t) = ‖W(t)u_i‖², as the theory predicts it. Depth 1: eq. 8,
     * Ḋ = 2κ√D(1 − √D) (the paper's single-matrix form, with κ in place of its λ), solved in closed form from the
     * simulation's D_i(0): √D(t) = 1 − (1 − √D(0))e^(−κt). Other architectures: D = σ² with σ the mode's
     * singular value from {@link #proportion} (the aligned reading D(Ŷ; PC_i) = σ_i², Methods).
     *
     * @return D[i][time] for the init.count() leading PCs
     */
    public double[][] sensitivity(double[] lambda, LinearModeInit init, double[] times) {
        int k = init.count();
        double[][] d = new double[k][times.length];
        if (!arch.symmetric() && arch.depth() == 1) {
            for (int i = 0; i < k; i++) {
                double kappa = 2 * scale * statistic.of(lambda[i]);
                double s0 = Math.sqrt(init.sensitivity()[i]);
                for (int t = 0; t < times.length; t++) {
                    double s = 1 - (1 - s0) * Math.exp(-kappa * times[t]);
                    d[i][t] = s * s;
                }
            }
            return d;
        }
        double[][] p = proportion(lambda, init, times);
        for (int i = 0; i < k; i++) {
            for (int t = 0; t < times.length; t++) {
                d[i][t] = p[i][t] * p[i][t];
            }
        }
        return d;
    }

    /**
     * The alignment correction (depth ≥ 2; a second curve beside {@link #proportion}, never replacing it): from a
     * small random start the layers of a deep network first rotate into alignment while σ_i barely moves, and
     * eq. 7 (which assumes aligned, balanced layers) only describes what follows. For each PC the curve is eq. 7
     * started at the time t_a,i the layers are aligned (the smallest junction cosine of
     * {@code org.psychonet.learning.linear.LayerAlignment} first reaches {@code level}) from the proportion learned
     * measured then, σ(t_a,i) = p_i(t_a,i); before t_a,i it is undefined (NaN), as it is for PCs never aligned.
     *
     * @param times     ascending times of the measurements
     * @param measured  p[i][time], the simulation's proportion learned
     * @param alignment cos[i][time], the smallest junction cosine of each PC
     * @param level     the cosine at which alignment counts as complete
     */
    public Aligned fromAlignment(double[] lambda, double[] times, double[][] measured, double[][] alignment,
                                 double level) {
        if (arch.symmetric() || arch.depth() < 2) {
            throw new IllegalArgumentException("alignment between layers needs depth ≥ 2");
        }
        int k = measured.length;
        double[][] curve = new double[k][times.length];
        double[] ta = new double[k];
        int depth = arch.depth();
        double exponent = 2.0 * (depth - 1) / depth;
        for (int i = 0; i < k; i++) {
            java.util.Arrays.fill(curve[i], Double.NaN);
            ta[i] = Double.NaN;
            int first = -1;
            for (int t = 0; t < times.length; t++) {
                if (alignment[i][t] >= level) {
                    first = t;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            double t0 = times[first];
            double s0 = measured[i][first];
            ta[i] = t0;
            double kappa = 2 * scale * statistic.of(lambda[i]);
            double[] rel = new double[times.length - first];
            for (int t = first; t < times.length; t++) {
                rel[t - first] = times[t] - t0;
            }
            double[] s = depth == 2
                    ? logisticSeries(s0, 2 * kappa, rel)
                    : solver.solve((t, y) -> depth * kappa * Math.pow(Math.max(y, 0), exponent) * (1 - y), s0, rel);
            System.arraycopy(s, 0, curve[i], first, s.length);
        }
        return new Aligned(level, ta, curve);
    }

    private static double[] logisticSeries(double y0, double rate, double[] t) {
        double[] r = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            r[i] = y0 > 0 ? logistic(y0, rate, t[i]) : y0;
        }
        return r;
    }

    /**
     * The alignment-corrected theory.
     *
     * @param level     cosine at which alignment counts as complete
     * @param alignedAt t_a per PC (NaN: never aligned in the run)
     * @param curve     [pc][time]: eq. 7 from (t_a, p(t_a)); NaN before t_a
     */
    public record Aligned(double level, double[] alignedAt, double[][] curve) {

        /**
         * R² against the simulation over the points where the corrected curve is defined, for it and, on the same
         * points, for another curve (the plain theory): {corrected, other}.
         */
        public double[] r2(double[][] measured, double[][] other) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < curve.length; i++) {
                for (int t = 0; t < curve[i].length; t++) {
                    if (!Double.isNaN(curve[i][t])) {
                        sum += measured[i][t];
                        n++;
                    }
                }
            }
            if (n < 2) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double m = sum / n;
            double tot = 0;
            double resC = 0;
            double resO = 0;
            for (int i = 0; i < curve.length; i++) {
                for (int t = 0; t < curve[i].length; t++) {
                    if (!Double.isNaN(curve[i][t])) {
                        double y = measured[i][t];
                        tot += (y - m) * (y - m);
                        resC += (y - curve[i][t]) * (y - curve[i][t]);
                        resO += (y - other[i][t]) * (y - other[i][t]);
                    }
                }
            }
            return new double[] {1 - resC / tot, 1 - resO / tot};
        }
    }

    /** Solution of ẏ = r·y(1 − y) from y0. */
    static double logistic(double y0, double rate, double t) {
        return 1 / (1 + (1 / y0 - 1) * Math.exp(-rate * t));
    }

    /**
     * Supervised learning at depth 2 from a small random start: with a = W_1u_i, b = W_2ᵀv_i and s = a·b, the
     * gradient gives ȧ = c(t_i − λ_is)b, ḃ = c(t_i − λ_is)a (c = 2·scale), which conserve
     * K = (‖a‖² + ‖b‖²)² − 4s², so ṡ = c(t_i − λ_is)√(4s² + K) — eq. 10 with N = 2 when balanced and aligned
     * (K = 0), and from a random start it also covers the rotation into alignment (as for reconstruction).
     *
     * @param s0 the mode's initial singular value u_iᵀW(0)v_i
     * @param q0 ‖a‖² + ‖b‖² at the start
     */
    public double[] supervisedDepthTwo(double lambda, double target, double s0, double q0, double[] times) {
        double c = 2 * scale;
        double kk = Math.max(0, q0 * q0 - 4 * s0 * s0);
        double l = statistic.of(lambda);
        return solver.solve((t, s) -> c * (target - l * s) * Math.sqrt(4 * s * s + kk), s0, times);
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
