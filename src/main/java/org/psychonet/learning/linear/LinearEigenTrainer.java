package org.psychonet.learning.linear;

/**
 * Gradient descent from an axis-aligned start (every layer diagonal in the PCA basis), where the layers stay
 * diagonal and each PC's singular values evolve on their own (eq. 7): with per-layer gains g_{j,i} and
 * σ_i = Π_j g_{j,i}, ℓ = scale·Σ_i λ_i(1 − σ_i)² + const, so ∂ℓ/∂g_{j,i} = −2·scale·λ_i(1 − σ_i)·σ_i/g_{j,i}
 * (for W = wᵀw with w = diag(a): σ_i = a_i², ∂ℓ/∂a_i = −4·scale·λ_i(1 − σ_i)a_i). O(N·d) per step; the same
 * discrete steps as {@link LinearFullBatchTrainer} from the same aligned start.
 */
public final class LinearEigenTrainer implements LinearTrainer {
    private final LinearArchitecture arch;
    private final LinearObjective objective;
    private final LinearBasis basis;
    private final double[] lambda;
    private final double[][] gain; // [layer][PC]
    private final double lr;
    private long steps;

    /**
     * @param gains per-layer diagonal gains g_{j,i} in the PCA basis (one row for the symmetric form: a_i)
     */
    public LinearEigenTrainer(LinearArchitecture arch, double[][] gains, double[] lambda, LinearObjective objective,
                              LinearBasis basis, double lr) {
        if (gains.length != arch.matrices()) {
            throw new IllegalArgumentException(arch.label() + " needs " + arch.matrices() + " gain vectors");
        }
        this.arch = arch;
        this.gain = new double[gains.length][];
        for (int j = 0; j < gains.length; j++) {
            this.gain[j] = gains[j].clone();
        }
        this.lambda = lambda.clone();
        this.objective = objective;
        this.basis = basis;
        this.lr = lr;
    }

    /** Every layer starts at gain g on every PC: a balanced, aligned start with σ_i(0) = g^N (a² if symmetric). */
    public static double[][] balanced(LinearArchitecture arch, int d, double g) {
        double[][] r = new double[arch.matrices()][d];
        for (double[] row : r) {
            java.util.Arrays.fill(row, g);
        }
        return r;
    }

    /** σ_i, the singular value of W along PC_i (= the proportion learned u_iᵀWu_i here). */
    public double[] singularValues() {
        int d = lambda.length;
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            double p = 1;
            for (double[] g : gain) {
                p *= g[i];
            }
            s[i] = arch.symmetric() ? p * p : p;
        }
        return s;
    }

    @Override
    public void step() {
        int d = lambda.length;
        double c = 2 * objective.scale();
        double[] sigma = singularValues();
        for (int i = 0; i < d; i++) {
            double drive = c * lambda[i] * (1 - sigma[i]); // −∂ℓ/∂σ_i
            if (arch.symmetric()) {
                gain[0][i] += lr * drive * 2 * gain[0][i];
                continue;
            }
            double[] old = new double[gain.length];
            for (int j = 0; j < gain.length; j++) {
                old[j] = gain[j][i];
            }
            for (int j = 0; j < gain.length; j++) {
                double others = 1;
                for (int k = 0; k < gain.length; k++) {
                    if (k != j) {
                        others *= old[k];
                    }
                }
                gain[j][i] += lr * drive * others;
            }
        }
        steps++;
    }

    @Override
    public LinearMethod method() {
        return LinearMethod.EIGEN;
    }

    @Override
    public LinearArchitecture architecture() {
        return arch;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public double[] productPc() {
        int d = lambda.length;
        double[] s = singularValues();
        double[] w = new double[d * d];
        for (int i = 0; i < d; i++) {
            w[i * d + i] = s[i];
        }
        return w;
    }

    @Override
    public double[] productPixel() {
        return basis.toPixel(productPc());
    }

    @Override
    public double[][] layersPc() {
        return null;
    }

    @Override
    public void close() {
    }
}
