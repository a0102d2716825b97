package org.psychonet.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.psychonet.model.LinearNetwork;
import org.psychonet.model.Network;
import org.psychonet.model.arch.SmallCnn;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.StimulusFamily;

/** The error estimates of grid and fd: quiet where the method is accurate, loud where it is not. */
class ErrorEstimateTest {
    private static final SensitivityConfig BASE =
            SensitivityConfig.defaults(DerivativeMethod.EXACT).withDataType(DataType.FLOAT64);

    private static Network linear(StimulusFamily f) {
        Random r = new Random(2);
        double[] w = new double[12 * f.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
        return LinearNetwork.of(w, 12, f.size(), new Shape(f.channels(), f.height(), f.width()), DataType.FLOAT64, "W");
    }

    /** max_θ |a − b| / mean_θ b for one layer. */
    private static double actual(SensitivityProfile a, SensitivityProfile b, int l) {
        double worst = 0;
        double mean = 0;
        for (int i = 0; i < b.thetas().length; i++) {
            worst = Math.max(worst, Math.abs(a.sensitivity()[l][i] - b.sensitivity()[l][i]));
            mean += b.sensitivity()[l][i] / b.thetas().length;
        }
        return worst / mean;
    }

    @Test
    void gridEstimateStaysQuietForALinearMap() {
        StimulusFamily gabor = new Gabor(Gabor.Config.paper().scaledTo(24));
        double[] thetas = gabor.axis().grid(180);
        try (Network net = linear(gabor)) {
            SensitivityProfile grid = new SensitivityEngine(BASE.withMethod(DerivativeMethod.GRID))
                    .measure(net, gabor, thetas);
            SensitivityProfile exact = new SensitivityEngine(BASE).measure(net, gabor, thetas);
            assertNull(exact.error());
            assertTrue(Double.isNaN(exact.relativeError(0)));
            assertTrue(grid.relativeError(0) < 1e-5, "estimate " + grid.relativeError(0));
            assertTrue(actual(grid, exact, 0) < 1e-5, "actual " + actual(grid, exact, 0));
            assertTrue(grid.warnings(0.01).isEmpty());
        }
    }

    @Test
    void gridEstimateFlagsAReluNetworkOnACoarseGridAndTheFlagIsReal() {
        StimulusFamily gabor = new Gabor(Gabor.Config.paper().scaledTo(32));
        double[] thetas = gabor.axis().grid(36);
        try (Network net = SmallCnn.build(new Shape(3, 32, 32), 4, 5, DataType.FLOAT64, 1)) {
            SensitivityProfile grid = new SensitivityEngine(BASE.withMethod(DerivativeMethod.GRID))
                    .measure(net, gabor, thetas);
            SensitivityProfile exact = new SensitivityEngine(BASE).measure(net, gabor, thetas);
            assertFalse(grid.warnings(0.01).isEmpty(), "a ReLU network at 5° spacing must be flagged");
            for (int l = 0; l < net.layers().size(); l++) {
                // where the estimate stays below 1 %, grid is in fact within a few per cent of exact
                if (grid.relativeError(l) < 0.01) {
                    assertTrue(actual(grid, exact, l) < 0.05, net.layers().get(l) + ": " + actual(grid, exact, l));
                }
            }
            int worst = 0;
            for (int l = 1; l < net.layers().size(); l++) {
                if (actual(grid, exact, l) > actual(grid, exact, worst)) {
                    worst = l;
                }
            }
            assertTrue(grid.relativeError(worst) > 0.01, "the layer where grid is most wrong ("
                    + actual(grid, exact, worst) + ") is flagged: estimate " + grid.relativeError(worst));
        }
    }

    @Test
    void fdEstimateIsThreeQuartersOfItsErrorOnASmoothResponse() {
        StimulusFamily gabor = new Gabor(Gabor.Config.paper().scaledTo(24));
        double[] thetas = gabor.axis().grid(12);
        try (Network net = linear(gabor)) {
            SensitivityProfile fd = new SensitivityEngine(BASE.withMethod(DerivativeMethod.FD).withFdStep(0.05))
                    .measure(net, gabor, thetas);
            SensitivityProfile exact = new SensitivityEngine(BASE).measure(net, gabor, thetas);
            // D_δ − D ≈ cδ², D_δ/2 − D ≈ cδ²/4: the estimate |D_δ − D_δ/2| is ¾ of D_δ's error
            for (int i = 0; i < thetas.length; i++) {
                double err = Math.abs(fd.sensitivity()[0][i] - exact.sensitivity()[0][i]);
                assertEquals(0.75, fd.error()[0][i] / err, 0.05, "θ = " + thetas[i]);
            }
        }
    }
}
