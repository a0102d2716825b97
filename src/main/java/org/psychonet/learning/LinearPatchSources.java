package org.psychonet.learning;

import org.psychonet.util.InvalidInputException;

/** Where the patches of a linear-network run come from, by command-line name. */
public final class LinearPatchSources {
    private LinearPatchSources() {
    }

    /**
     * @param spec  "synthetic" (Gaussian patches with a power-law spectrum; with count 0, the exact Σ only)
     * @param size  patch side
     * @param count patches to draw
     */
    public static LinearPatchData load(String spec, int size, int count, long seed) {
        if (spec.equals("synthetic")) {
            return LinearSyntheticData.powerLaw(size, count, seed);
        }
        throw new InvalidInputException("--images " + spec + " is not available in this build; use --images synthetic");
    }
}
