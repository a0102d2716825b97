package org.psychonet.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper's claims about deep networks (Figs 2c, 3c–d, SI Fig. 1), each tested on the mean over the
 * deep layers (the deepest third of the taps, fixed before any run) with issue 6's thresholds.
 */
final class DeepClaims {
    private DeepClaims() {
    }

    static List<Claim> of(DeepNetworks.Result r) {
        List<Claim> claims = new ArrayList<>();
        DeepNetworks.Condition trained = r.condition("trained");
        if (trained == null) {
            return claims;
        }
        String settings = settings(r);
        double tr = mean(r, trained, "cardinal_oblique_ratio");
        claims.add(Claim.paper("deepnets.cardinal.trained", "Fig. 2c",
                "trained deep layers prefer cardinal orientations")
                .measured("deep_mean.cardinal_oblique_ratio[trained]", tr).settings(settings).above(1));
        DeepNetworks.Condition init = r.condition("init");
        if (init != null) {
            double in = mean(r, init, "cardinal_oblique_ratio");
            claims.add(Claim.paper("deepnets.cardinal.trained_vs_init", "SI Fig. 1a",
                    "trained deep layers prefer cardinal orientations more than the untrained network")
                    .measured("deep_mean.cardinal_oblique_ratio[trained] − [init]", tr - in).settings(settings)
                    .above(0));
            DeepNetworks.Condition shuffle = r.condition("shuffle");
            if (shuffle != null) {
                double sh = mean(r, shuffle, "cardinal_oblique_ratio");
                claims.add(Claim.paper("deepnets.shuffle", "SI Fig. 1a", "shuffled weights lose the trained pattern")
                        .measured("|ratio[shuffle] − ratio[trained]| − |ratio[shuffle] − ratio[init]| (deep mean)",
                                Math.abs(sh - tr) - Math.abs(sh - in)).settings(settings).above(0));
            }
        }
        DeepNetworks.Condition rot = r.condition("rotate45");
        if (rot != null) {
            double ro = mean(r, rot, "cardinal_oblique_ratio");
            claims.add(Claim.paper("deepnets.rotate45.vs_trained", "SI Fig. 1b",
                    "45°-rotated training moves the preference toward obliques")
                    .measured("deep_mean.cardinal_oblique_ratio[rotate45] − [trained]", ro - tr).settings(settings)
                    .below(0));
            claims.add(Claim.paper("deepnets.rotate45.oblique", "SI Fig. 1b",
                    "45°-rotated training makes the deepest layers prefer obliques")
                    .measured("deep_mean.cardinal_oblique_ratio[rotate45]", ro).settings(settings).below(1));
        }
        claims.add(Claim.paper("deepnets.hue.histogram", "Fig. 3c", "hue sensitivity tracks the training hue histogram")
                .measured("deep_mean.hue_corr_with_histogram[trained]", mean(r, trained, "hue_corr_with_histogram"))
                .settings(settings).above(0));
        DeepNetworks.Condition hs = r.condition("hueshift90");
        if (hs != null) {
            // per deep layer, the change of lag against the same (unshifted) histogram, wrapped to (−180, 180]
            double shift = 0;
            for (String l : r.deepLayers()) {
                double d = hs.layers().get(l).get("hue_lag_vs_reference_histogram_deg")
                        - trained.layers().get(l).get("hue_lag_vs_reference_histogram_deg");
                shift += d - 360 * Math.ceil((d - 180) / 360);
            }
            shift /= r.deepLayers().size();
            claims.add(Claim.paper("deepnets.hue.shift", "Fig. 3d", "hue-shifted training shifts hue sensitivity")
                    .measured("deep_mean.hue_lag_vs_reference_histogram_deg[hueshift90] − [trained]", shift)
                    .settings(settings).within(60, 120));
        }
        return claims;
    }

    private static double mean(DeepNetworks.Result r, DeepNetworks.Condition c, String metric) {
        Map<String, Double> m = r.deepMeans(c);
        return m.getOrDefault(metric, Double.NaN);
    }

    private static String settings(DeepNetworks.Result r) {
        DeepNetworks.Config c = r.config();
        return c.arch() + " width " + c.width() + ", " + c.inputSize() + " px, " + c.train() + " ("
                + c.sourceImages() + " images), " + c.training().steps() + " SGD steps of " + c.training().batch()
                + ", seed " + r.seed() + ", deep layers " + r.deepLayers();
    }
}
