package org.psychonet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.model.arch.Architecture;
import org.psychonet.model.arch.VisionTransformer;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.StimulusFamily;

/** The vision transformer's exact tangents (attention, LayerNorm, GELU) against finite differences, in float64. */
class VisionTransformerTest {

    /** Larger random weights than the N(0, 0.02²) initialization, so that attention and GELU are far from linear. */
    private static void roughen(TapNetwork net, long seed) {
        Random r = new Random(seed);
        for (Pair<String, Parameter> p : net.model().getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            double[] v = a.toType(DataType.FLOAT64, false).toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                v[i] += 0.3 * r.nextGaussian();
            }
            a.intern(a.getManager().create(v, a.getShape()).toType(a.getDataType(), false).duplicate());
        }
    }

    @Test
    void exactTangentsMatchFiniteDifferencesAtEveryBlock() {
        StimulusFamily gabor = new Gabor(Gabor.Config.paper().scaledTo(16));
        double[] thetas = gabor.axis().grid(5);
        try (TapNetwork net = VisionTransformer.build(new Shape(3, 16, 16), 8, 3,
                new VisionTransformer.Config(4, 2, 2, 2), DataType.FLOAT64, 5)) {
            roughen(net, 9);
            assertEquals(List.of("embed", "block1", "block2", "head"), net.layers());
            SensitivityConfig base = SensitivityConfig.defaults(DerivativeMethod.EXACT).withDataType(DataType.FLOAT64);
            SensitivityProfile exact = new SensitivityEngine(base).measure(net, gabor, thetas);
            double[] err = new double[2];
            double[] steps = {1e-4, 1e-5};
            for (int s = 0; s < 2; s++) {
                SensitivityProfile fd = new SensitivityEngine(base.withMethod(DerivativeMethod.FD).withFdStep(steps[s]))
                        .measure(net, gabor, thetas);
                for (int l = 0; l < net.layers().size(); l++) {
                    for (int i = 0; i < thetas.length; i++) {
                        double a = exact.sensitivity()[l][i];
                        assertTrue(a > 0, net.layers().get(l) + " has zero sensitivity");
                        err[s] = Math.max(err[s], Math.abs(fd.sensitivity()[l][i] - a) / a);
                    }
                }
            }
            System.out.printf("vit: fd vs exact %.3g at δ=1e-4, %.3g at δ=1e-5%n", err[0], err[1]);
            assertTrue(err[0] < 1e-5, "fd at δ = 1e-4 vs exact: " + err[0]);
            assertTrue(err[0] / err[1] > 30, "O(δ²) convergence to exact: " + err[0] + " then " + err[1]);
        }
    }

    @Test
    void tangentPassReproducesTheForwardPassAndTrainsByAutograd() {
        try (TapNetwork net = ArchSpec.standard(Architecture.VIT).withWidth(16).build(new Shape(3, 32, 32),
                DataType.FLOAT32, 1);
             NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
            NDList y = net.forward(x);
            assertEquals(new Shape(2, 65, 16), y.get(0).getShape()); // 8×8 patches + the class token
            assertEquals(new Shape(2, 10), y.get(y.size() - 1).getShape());
            NDArray[] ws = net.model().getBlock().getParameters().values().stream().map(Parameter::getArray)
                    .toArray(NDArray[]::new);
            for (NDArray w : ws) {
                w.setRequiresGradient(true);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = net.block().forward(net.parameterStore(), new NDList(x), true);
                gc.backward(out.get(out.size() - 1).square().sum());
            }
            double total = 0;
            for (NDArray w : ws) {
                total += w.getGradient().abs().sum().getFloat();
            }
            assertTrue(total > 0 && Double.isFinite(total), "gradients reach the weights: " + total);
        }
    }
}
