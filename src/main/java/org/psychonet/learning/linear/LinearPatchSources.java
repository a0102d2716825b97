package org.psychonet.learning.linear;

import org.psychonet.images.ImageSource;
import org.psychonet.images.ImageSources;
import org.psychonet.images.PatchSampler;
import org.psychonet.images.Patches;
import org.psychonet.images.Pca;
import org.psychonet.util.InvalidInputException;

/** Where the patches of a linear-network run come from, by command-line name. */
public final class LinearPatchSources {
    private LinearPatchSources() {
    }

    /**
     * @param spec  "synthetic" (Gaussian patches with a power-law spectrum; with count 0, the exact Σ only),
     *              or an image source ("world", "world:…", a folder): greyscale patches, centred on their mean,
     *              with their PCA
     * @param size  patch side
     * @param count patches to draw
     */
    public static LinearPatchData load(String spec, int size, int count, long seed) {
        return load(spec, size, count, seed, 0);
    }

    /**
     * The same, taking {@code perImage} patches from each image used (≤ 0: spread over as many images as possible);
     * more per image means fewer images to decode or generate.
     */
    public static LinearPatchData load(String spec, int size, int count, long seed, int perImage) {
        if (spec.equals("synthetic")) {
            return LinearSyntheticData.powerLaw(size, count, seed);
        }
        InvalidInputException.requireParameter(count >= 2, "patches", "must be at least 2 to estimate Σ from " + spec
                + " (the paper: 100000)");
        ImageSource src = ImageSources.parse(spec);
        Patches p = perImage > 0 ? PatchSampler.sample(src, count, size, seed, perImage)
                : PatchSampler.sample(src, count, size, seed);
        InvalidInputException.requireParameter(p.count() >= 2, "images", spec + " gave " + p.count() + " patches of "
                + size + "×" + size + "; give larger images or a folder with more of them");
        Pca pca = Pca.fit(p);
        int d = p.dim();
        float[] x = p.data().clone();
        double[] mean = p.mean();
        for (int i = 0; i < p.count(); i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] -= (float) mean[j];
            }
        }
        double[][] rows = pca.components();
        double[] comps = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(rows[i], 0, comps, i * d, d);
        }
        return new LinearPatchData(spec + " (" + p.count() + " patches of " + size + "×" + size + ")", size, p.count(),
                x, pca.eigenvalues().clone(), comps);
    }
}
