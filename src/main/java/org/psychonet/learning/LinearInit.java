package org.psychonet.learning;

import java.util.SplittableRandom;

/**
 * Initial weights. {@link #uniform} is the paper's small random initialisation (uniform in [−s/2, s/2]);
 * {@link #alignedGain} is the per-direction gain of that initialisation, used for axis-aligned starts.
 */
public final class LinearInit {
    private LinearInit() {
    }

    /**
     * Width s for dimension d. At d = 1,024 it is the authors' (0.01 or 0.02); for other d it is scaled by
     * √(1024/d) so that the typical gain of a random matrix along any direction, √(d·s²/12), is the paper's.
     */
    public static double width(LinearArchitecture arch, int d) {
        return arch.paperInitWidth() * Math.sqrt(1024.0 / d);
    }

    /** RMS gain √(d·s²/12) of a d×d matrix with entries uniform in [−s/2, s/2]. */
    public static double alignedGain(LinearArchitecture arch, int d) {
        double s = width(arch, d);
        return Math.sqrt(d * s * s / 12.0);
    }

    /** {@code arch.matrices()} row-major d×d matrices with entries uniform in [−s/2, s/2], from one seed. */
    public static double[][] uniform(LinearArchitecture arch, int d, long seed) {
        double s = width(arch, d);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] w = new double[arch.matrices()][d * d];
        for (double[] m : w) {
            for (int i = 0; i < m.length; i++) {
                m[i] = (rng.nextDouble() - 0.5) * s;
            }
        }
        return w;
    }
}
