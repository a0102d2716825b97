package org.psychonet.theory;

import java.util.function.DoubleBinaryOperator;

/**
 * Adaptive Runge–Kutta 5(4) (Dormand–Prince) for a scalar ODE y' = f(t, y), reporting y at requested times;
 * the step size is chosen from the embedded error estimate (no fixed step to tune).
 */
public final class DormandPrince {
    private static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1};
    private static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}};
    private static final double[] B5 = {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0};
    private static final double[] B4 = {5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200,
        187.0 / 2100, 1.0 / 40};

    private final double rtol;
    private final double atol;

    public DormandPrince(double rtol, double atol) {
        this.rtol = rtol;
        this.atol = atol;
    }

    /**
     * @param times ascending times ≥ 0 at which y is wanted (y(0) = y0)
     */
    public double[] solve(DoubleBinaryOperator f, double y0, double[] times) {
        double[] out = new double[times.length];
        double t = 0;
        double y = y0;
        double h = times.length > 0 && times[times.length - 1] > 0 ? times[times.length - 1] * 1e-4 : 1e-3;
        double[] k = new double[7];
        for (int i = 0; i < times.length; i++) {
            double target = times[i];
            while (t < target) {
                double step = Math.min(h, target - t);
                k[0] = f.applyAsDouble(t, y);
                for (int s = 1; s < 7; s++) {
                    double yi = y;
                    for (int j = 0; j < s; j++) {
                        yi += step * A[s][j] * k[j];
                    }
                    k[s] = f.applyAsDouble(t + C[s] * step, yi);
                }
                double y5 = y;
                double y4 = y;
                for (int s = 0; s < 7; s++) {
                    y5 += step * B5[s] * k[s];
                    y4 += step * B4[s] * k[s];
                }
                double err = Math.abs(y5 - y4) / (atol + rtol * Math.max(Math.abs(y), Math.abs(y5)));
                if (err <= 1 || step < 1e-14 * Math.max(1, t)) {
                    t += step;
                    y = y5;
                }
                double factor = err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
                h = step * factor;
            }
            out[i] = y;
        }
        return out;
    }
}
