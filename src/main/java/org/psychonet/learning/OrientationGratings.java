package org.psychonet.learning;

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
    private final NDArray xs;
    private final NDArray ys;
    private final NDArray aperture;
    private final float k;
    private final int size;

    public OrientationGratings(NDManager parent, Grating64 family) {
        this.family = family;
        this.manager = parent.newSubManager();
        this.size = family.size();
        Shape row = new Shape(1, size);
        xs = manager.create(toFloat(family.xs()), row);
        ys = manager.create(toFloat(family.ys()), row);
        aperture = manager.create(toFloat(family.aperture()), row);
        k = (float) family.wavenumber();
    }

    public Grating64 family() {
        return family;
    }

    /** Pixels per image (64·64). */
    public int pixels() {
        return size;
    }

    /** Images x(θ_i, φ_i), shape (n, H·W), float32, in {@code into}. */
    public NDArray render(NDManager into, double[] thetas, double[] phases) {
        int n = thetas.length;
        NDArray th = into.create(toFloat(thetas), new Shape(n, 1));
        NDArray ph = into.create(toFloat(phases), new Shape(n, 1));
        // step-scoped arrays first, so every intermediate lands in `into`
        NDArray u = th.cos().mul(xs).add(th.sin().mul(ys));
        return u.mul(k).add(ph).cos().mul(aperture);
    }

    /** The exact ∂x/∂θ = −aperture·sin(k u + φ)·k·(−x sinθ + y cosθ), shape (n, H·W). */
    public NDArray derivative(NDManager into, double[] thetas, double[] phases) {
        int n = thetas.length;
        NDArray th = into.create(toFloat(thetas), new Shape(n, 1));
        NDArray ph = into.create(toFloat(phases), new Shape(n, 1));
        NDArray c = th.cos();
        NDArray s = th.sin();
        NDArray u = c.mul(xs).add(s.mul(ys));
        NDArray du = c.mul(ys).sub(s.mul(xs));
        return u.mul(k).add(ph).sin().mul(du).mul(-k).mul(aperture);
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
