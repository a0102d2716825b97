package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.psychonet.experiment.DeepNetworks.Condition;
import org.psychonet.experiment.DeepNetworks.LayerMeasure;
import org.psychonet.experiment.DeepNetworks.Measurement;
import org.psychonet.experiment.DeepNetworks.Regime;
import org.psychonet.experiment.DeepNetworks.Task;

/** The claims' statistics on results whose answers are known: pairing by seed, 2 s.e., the hue lag. */
class DeepClaimsTest {
    static final List<String> LAYERS = List.of("l0", "l1", "l2", "l3", "l4", "l5");
    static final double[] DEG = new double[90];

    static {
        for (int i = 0; i < DEG.length; i++) {
            DEG[i] = 2.0 * i;
        }
    }

    /** A normalized profile with cardinal/oblique contrast a, and a hue curve peaking at {@code hueDeg}. */
    static Measurement measurement(double[] ratioPerLayer, double a, double hueDeg) {
        List<LayerMeasure> ls = new ArrayList<>();
        for (int l = 0; l < LAYERS.size(); l++) {
            double[] o = new double[DEG.length];
            for (int i = 0; i < o.length; i++) {
                o[i] = (1 + a * Math.cos(Math.toRadians(4 * DEG[i]))) / DEG.length;
            }
            double[] h = new double[360];
            for (int i = 0; i < 360; i++) {
                double d = Math.toRadians(i - hueDeg);
                h[i] = (1 + 0.5 * Math.cos(d) + 0.2 * Math.cos(3 * d)) / 360;
            }
            ls.add(new LayerMeasure(LAYERS.get(l), ratioPerLayer[l], o, h, new double[] {ratioPerLayer[l]}));
        }
        return new Measurement(100, ls);
    }

    /** Per-layer ratios: base + slope·layer + per-seed offset shared by every condition (the seed's network). */
    static DeepNetworks.TrainedNetwork net(Condition c, int k, DoubleUnaryOperator ratioOfLayer, double a, double hue) {
        double[] r = new double[LAYERS.size()];
        for (int l = 0; l < r.length; l++) {
            r[l] = ratioOfLayer.applyAsDouble(l) + 0.3 * k; // big seed-to-seed spread, common to all conditions
        }
        return new DeepNetworks.TrainedNetwork(Task.DENOISE, Regime.STANDARD, c, k, k, "test",
                new DeepNetworks.Training(100, 0.5, 1, Double.NaN, 1, 1, new double[] {1}), new double[360],
                List.of(measurement(r, a, hue)), 0);
    }

    static DeepNetworks.Result result(double naturalEffect, double obliqueEffect) {
        DeepNetworks.Config cfg = DeepNetworks.Config.tiny().withSeeds(3).withExtras(
                new DeepNetworks.Pooling(64, 4, 0), 0);
        List<DeepNetworks.TrainedNetwork> nets = new ArrayList<>();
        double[] jitter = {0.001, -0.002, 0.0015};
        for (int k = 0; k < 3; k++) {
            int kk = k;
            nets.add(net(Condition.UNIFORM, k, l -> 1.0, 0, 30));
            // the effect grows with depth: zero at layer 0, naturalEffect at the deepest
            nets.add(net(Condition.NATURAL, k, l -> 1.0 + naturalEffect * l / 5.0 + jitter[kk], 0.2, 30));
            nets.add(net(Condition.OBLIQUE, k, l -> 1.0 + obliqueEffect + jitter[kk], -0.2, 30));
            nets.add(net(Condition.HUE_SHIFTED, k, l -> 1.0, 0, 30 + 90));
        }
        DeepNetworks.Result partial = new DeepNetworks.Result(cfg, 0, LAYERS, DeepNetworks.deepLayers(LAYERS), DEG,
                nets, List.of(), null, null, null, List.of(), null);
        return new DeepNetworks.Result(cfg, 0, LAYERS, DeepNetworks.deepLayers(LAYERS), DEG, nets, List.of(), null,
                null, null, DeepClaims.of(partial), null);
    }

    static Claim claim(DeepNetworks.Result r, String id) {
        return r.claims().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no claim " + id + " in " + r.claims().stream()
                        .map(Claim::id).toList()));
    }

    @Test
    void differencesArePairedBySeedSoTheSharedSeedSpreadCancels() {
        DeepNetworks.Result r = result(0.05, -0.05);
        Claim c = claim(r, "deepnets.denoise.natural_vs_uniform");
        // deep layers l4, l5: effect 0.05·4/5 and 0.05 → mean 0.045, plus each seed's jitter
        assertArrayEquals(new double[] {0.046, 0.043, 0.0465}, c.value().values(), 1e-12);
        assertEquals(3, c.value().n());
        assertTrue(c.holds(), "0.045 ± 0.001 holds although the seeds' ratios spread by 0.3");
        assertTrue(claim(r, "deepnets.denoise.oblique_vs_uniform").holds());
        assertTrue(claim(r, "deepnets.denoise.depth").holds(), "the effect grows with depth: ρ = 1 at every seed");
        assertEquals(1, claim(r, "deepnets.denoise.depth").value().mean(), 1e-12);
        // the oblique world's profile minus the natural one: negative at cardinals, positive at obliques
        assertTrue(claim(r, "deepnets.denoise.rotated_profile.cardinal").holds());
        assertTrue(claim(r, "deepnets.denoise.rotated_profile.oblique").holds());
    }

    @Test
    void aReversedOrAbsentEffectDoesNotHold() {
        DeepNetworks.Result r = result(-0.05, 0.05);
        assertFalse(claim(r, "deepnets.denoise.natural_vs_uniform").holds());
        assertFalse(claim(r, "deepnets.denoise.oblique_vs_uniform").holds());
        assertFalse(claim(r, "deepnets.denoise.depth").holds());
        DeepNetworks.Result none = result(0, 0);
        Claim c = claim(none, "deepnets.denoise.natural_vs_uniform");
        assertFalse(c.holds(), "jitter alone (mean 0.0002 ± 0.001) is not an effect: " + c.value());
    }

    @Test
    void theHueShiftIsTheLagBetweenTheTwoNetworksCurves() {
        Claim c = claim(result(0.05, -0.05), "deepnets.denoise.hue.shift");
        assertArrayEquals(new double[] {0, 0, 0}, c.value().values(), 1e-12, "curves 90° apart: |lag − 90| = 0");
        assertTrue(c.holds());
    }

    @Test
    void theResultReadsBackFromJsonAsTheSameRecordAndTheSameClaims() throws Exception {
        // the reproduce cache stores the whole result and renders the report from what it reads back
        DeepNetworks.Result r = result(0.05, -0.05);
        String json = org.psychonet.report.Json.MAPPER.writeValueAsString(r);
        DeepNetworks.Result back = org.psychonet.report.Json.MAPPER.readValue(json, DeepNetworks.Result.class);
        assertEquals(json, org.psychonet.report.Json.MAPPER.writeValueAsString(back));
        assertEquals(r.claims().stream().map(Claim::holds).toList(), back.claims().stream().map(Claim::holds)
                .toList());
        assertEquals(Condition.OBLIQUE, back.of(Task.DENOISE, Regime.STANDARD, Condition.OBLIQUE).get(0)
                .condition());
        assertEquals(r.summary(), back.summary());
    }
}
