package org.psychonet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.psychonet.model.arch.AlexNetStyle;
import org.psychonet.model.arch.ResNet18;
import org.psychonet.model.arch.SmallCnn;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.stimulus.Stimuli;
import org.psychonet.stimulus.StimulusFamily;

/** Exact tangents of the CNN architectures against central finite differences, in float64. */
class CnnTangentTest {

    /** Random BN statistics and affine parameters so that eval-mode batch norm is not the identity. */
    static void randomizeBatchNorm(TapNetwork net, long seed) {
        Random r = new Random(seed);
        for (Pair<String, Parameter> p : net.model().getBlock().getParameters()) {
            String n = p.getKey();
            NDArray a = p.getValue().getArray();
            double lo;
            double hi;
            if (n.endsWith("runningVar")) {
                lo = 0.5;
                hi = 2;
            } else if (n.endsWith("gamma")) {
                lo = 0.5;
                hi = 1.5;
            } else if (n.endsWith("runningMean") || n.endsWith("beta")) {
                lo = -0.3;
                hi = 0.3;
            } else {
                continue;
            }
            double[] v = new double[(int) a.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = lo + (hi - lo) * r.nextDouble();
            }
            a.intern(a.getManager().create(v).toType(a.getDataType(), true).reshape(a.getShape()).duplicate());
        }
    }

    private static void assertExactMatchesFd(Network net, StimulusFamily family, int n, double tol) {
        double[] thetas = family.axis().grid(n);
        SensitivityConfig base = SensitivityConfig.defaults(DerivativeMethod.EXACT).withDataType(DataType.FLOAT64);
        SensitivityProfile exact = new SensitivityEngine(base).measure(net, family, thetas);
        SensitivityProfile fd = new SensitivityEngine(base.withMethod(DerivativeMethod.FD).withFdStep(1e-7))
                .measure(net, family, thetas);
        for (int l = 0; l < net.layers().size(); l++) {
            for (int i = 0; i < n; i++) {
                double a = exact.sensitivity()[l][i];
                double b = fd.sensitivity()[l][i];
                assertTrue(a > 0, "layer " + net.layers().get(l) + " has zero sensitivity");
                assertEquals(b, a, tol * Math.abs(b), net.layers().get(l) + " at θ index " + i);
            }
        }
    }

    @Test
    void smallCnnWithMaxPoolAndBatchNormExactMatchesFd() {
        StimulusFamily gabor = Stimuli.byName("gabor", 16, 3);
        try (TapNetwork net = SmallCnn.build(new Shape(3, 16, 16), 4, 5, DataType.FLOAT64, 3)) {
            randomizeBatchNorm(net, 7);
            assertExactMatchesFd(net, gabor, 6, 1e-5);
        }
    }

    @Test
    void resnetBlocksAndOverlappingPoolsExactMatchesFd() {
        StimulusFamily gabor = Stimuli.byName("gabor", 32, 3);
        try (TapNetwork net = ResNet18.build(new Shape(3, 32, 32), 4, 5, DataType.FLOAT64, 4)) {
            randomizeBatchNorm(net, 8);
            assertEquals(10, net.layers().size());
            assertExactMatchesFd(net, gabor, 4, 1e-5);
        }
        StimulusFamily hue = Stimuli.byName("hue", 67, 3);
        try (TapNetwork net = AlexNetStyle.build(new Shape(3, 67, 67), true, 16, 5, DataType.FLOAT64, 5)) {
            assertExactMatchesFd(net, hue, 4, 1e-5);
        }
    }
}
