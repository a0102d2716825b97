package org.psychonet.stimulus;

/**
 * The stimulus parameter θ of a family: its name, the unit in which derivatives ∂x/∂θ (and so D) are
 * expressed, its range, and how it is shown to people.
 *
 * @param name          e.g. "orientation", "hue", "frequency"
 * @param unit          unit of θ in which ∂x/∂θ is computed (e.g. "rad", "deg")
 * @param min           lower end of the range
 * @param max           upper end; for a periodic axis, θ and θ + (max − min) are the same stimulus set
 * @param periodic      whether θ wraps around
 * @param displayUnit   unit shown in tables and plots
 * @param displayScale  multiply θ by this to get the display unit
 * @param gridOffset    fraction of a grid step by which a periodic default grid is shifted
 *                      (hue uses 0.5 because HSV→RGB has kinks at multiples of 60°)
 * @param defaultCount  default number of grid points
 * @param defaultStep   default finite-difference step δ, in {@code unit}
 */
public record ThetaAxis(String name, String unit, double min, double max, boolean periodic,
                        String displayUnit, double displayScale, double gridOffset,
                        int defaultCount, double defaultStep) {

    public double period() {
        return max - min;
    }

    /**
     * A uniform grid of n points: for a periodic axis, n points tiling one period (endpoint excluded);
     * otherwise n points from min to max inclusive.
     */
    public double[] grid(int n) {
        double[] g = new double[n];
        if (periodic) {
            double step = period() / n;
            for (int j = 0; j < n; j++) {
                g[j] = min + (j + gridOffset) * step;
            }
        } else {
            double step = n == 1 ? 0 : (max - min) / (n - 1);
            for (int j = 0; j < n; j++) {
                g[j] = min + j * step;
            }
        }
        return g;
    }

    /** θ in the display unit. */
    public double toDisplay(double theta) {
        return theta * displayScale;
    }
}
