package org.psychonet.learning.supervised;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.psychonet.stimulus.Grating64;

/**
 * Whole batches of the Fig. 6 gratings as one tensor expression: for orientation and phase vectors
 * θ, φ (n) it evaluates x = cos(k(x·cosθ + y·sinθ) + φ)·aperture by broadcasting (n,1) against the
 * (1, H·W) pixel grid — the same formula as {@link Grating64#renderAt}, with no per-image loop.
 * The pixel grid lives in the manager given at construction; results live in the caller's manager.
 */
public final class OrientationGratings implements AutoCloseable {
    private final Grating64 family;
    private final NDManager manager;
    private final NDArray coords;
    private final NDArray aperture;
    private final NDArray slopeAperture;
    private final float k;
    private final int size;

    public OrientationGratings(NDManager parent, Grating64 family) {
        this.family = family;
        this.manager = parent.newSubManager();
        this.size = family.size();
        k = (float) family.wavenumber();
        float[] xy = new float[2 * size];
        double[] xs = family.xs();
        double[] ys = family.ys();
        double[] ap = family.aperture();
        float[] slope = new float[size];
        for (int p = 0; p < size; p++) {
            xy[p] = (float) xs[p];
            xy[size + p] = (float) ys[p];
            slope[p] = (float) (-k * ap[p]);
        }
        coords = manager.create(xy, new Shape(2, size));
        aperture = manager.create(toFloat(ap), new Shape(1, size));
        slopeAperture = manager.create(slope, new Shape(1, size));
    }

    public Grating64 family() {
        return family;
    }

    /** Pixels per image (64·64). */
    public int pixels() {
        return size;
    }

    /**
     * Images x(θ_i, φ_i), shape (n, H·W), float32, in {@code into}. The phase argument
     * k(x cosθ + y sinθ) is one (n,2)·(2,H·W) product; the rest is in place where the engine allows,
     * because every fresh (n, H·W) buffer costs page faults comparable to the arithmetic.
     */
    public NDArray render(NDManager into, double[] thetas, double[] phases) {
        NDArray arg = direction(into, thetas, 1, 0).matMul(coords);
        arg.addi(column(into, phases));
        NDArray x = arg.cos();
        return x.muli(aperture);
    }

    /** The exact ∂x/∂θ = −k·aperture·sin(k u + φ)·(−x sinθ + y cosθ), shape (n, H·W). */
    public NDArray derivative(NDManager into, double[] thetas, double[] phases) {
        NDArray arg = direction(into, thetas, 1, 0).matMul(coords);
        arg.addi(column(into, phases));
        NDArray du = direction(into, thetas, 0, 1).matMul(coords);
        return arg.sin().muli(du).muli(slopeAperture);
    }

    /** Rows k·(cos, sin)θ (turn 0) or (−sin, cos)θ (turn 1, the θ-derivative of the direction; unscaled). */
    private NDArray direction(NDManager into, double[] thetas, int scaleByK, int turn) {
        int n = thetas.length;
        float[] d = new float[2 * n];
        double f = scaleByK == 1 ? k : 1;
        for (int i = 0; i < n; i++) {
            double c = Math.cos(thetas[i]);
            double s = Math.sin(thetas[i]);
            d[2 * i] = (float) (f * (turn == 0 ? c : -s));
            d[2 * i + 1] = (float) (f * (turn == 0 ? s : c));
        }
        return into.create(d, new Shape(n, 2));
    }

    private static NDArray column(NDManager into, double[] v) {
        return into.create(toFloat(v), new Shape(v.length, 1));
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** Data type of rendered batches. */
    public DataType dataType() {
        return DataType.FLOAT32;
    }

    @Override
    public void close() {
        manager.close();
    }
}
