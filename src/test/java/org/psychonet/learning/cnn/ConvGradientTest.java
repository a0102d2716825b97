package org.psychonet.learning.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psychonet.model.nn.TConv2d;

/**
 * Training convolutions give the right gradients: ∂L/∂x and ∂L/∂w of L = Σ r ⊙ conv(x, w) against a plain-Java
 * convolution. PyTorch's own CPU kernel gets ∂L/∂x wrong when the output channels are not a multiple of 16 (see
 * TConv2d); these cases would fail without TConv2d's padding.
 */
class ConvGradientTest {

    /** y[n,f,i,j] = Σ w[f,c,a,b] x[n,c,i·s+a−p, j·s+b−p]. */
    private static int out(int h, int k, int s, int p) {
        return (h + 2 * p - k) / s + 1;
    }

    @ParameterizedTest
    @CsvSource({"3,8,1,1", "8,16,1,1", "16,16,1,1", "24,8,1,1", "3,16,2,1", "8,4,2,2"})
    void inputAndWeightGradientsMatchAPlainConvolution(int oc, int ic, int stride, int pad) throws Exception {
        int n = 2;
        int h = 9;
        int k = 3;
        int ho = out(h, k, stride, pad);
        Random rng = new Random(oc * 31 + ic);
        float[] xs = new float[n * ic * h * h];
        float[] rs = new float[n * oc * ho * ho];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < rs.length; i++) {
            rs[i] = (float) rng.nextGaussian();
        }
        CnnThreads.single(() -> {
            try (NDManager m = NDManager.newBaseManager()) {
                TConv2d conv = new TConv2d(oc, k, stride, pad, false);
                conv.initialize(m, DataType.FLOAT32, new Shape(n, ic, h, h));
                NDArray w = conv.conv().getParameters().get("weight").getArray();
                float[] ws = w.toFloatArray();
                NDArray x = m.create(xs, new Shape(n, ic, h, h)).duplicate();
                x.setRequiresGradient(true);
                NDArray r = m.create(rs, new Shape(n, oc, ho, ho)).duplicate();
                JniUtils.setGradMode(true);
                try {
                    NDArray y = conv.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                    NDArray loss = y.mul(r).sum();
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                } finally {
                    JniUtils.setGradMode(false);
                }
                float[] gx = x.getGradient().toFloatArray();
                float[] gw = w.getGradient().toFloatArray();
                double[] ex = new double[gx.length];
                double[] ew = new double[gw.length];
                for (int b = 0; b < n; b++) {
                    for (int f = 0; f < oc; f++) {
                        for (int i = 0; i < ho; i++) {
                            for (int j = 0; j < ho; j++) {
                                double g = rs[((b * oc + f) * ho + i) * ho + j];
                                for (int c = 0; c < ic; c++) {
                                    for (int a = 0; a < k; a++) {
                                        for (int e = 0; e < k; e++) {
                                            int yi = i * stride + a - pad;
                                            int xj = j * stride + e - pad;
                                            if (yi < 0 || xj < 0 || yi >= h || xj >= h) {
                                                continue;
                                            }
                                            int xi = ((b * ic + c) * h + yi) * h + xj;
                                            int wi = ((f * ic + c) * k + a) * k + e;
                                            ex[xi] += g * ws[wi];
                                            ew[wi] += g * xs[xi];
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                for (int i = 0; i < gx.length; i++) {
                    assertEquals(ex[i], gx[i], 1e-4 * (1 + Math.abs(ex[i])), "∂L/∂x[" + i + "], oc " + oc);
                }
                for (int i = 0; i < gw.length; i++) {
                    assertEquals(ew[i], gw[i], 1e-4 * (1 + Math.abs(ew[i])), "∂L/∂w[" + i + "], oc " + oc);
                }
            }
            return null;
        });
    }
}
