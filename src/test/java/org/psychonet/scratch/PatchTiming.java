package org.psychonet.scratch;

import org.junit.jupiter.api.Test;
import org.psychonet.images.*;

class PatchTiming {
    @Test
    void time() {
        ImageSource src = ImageSources.parse("world");
        for (int per : new int[] {10, 2}) {
            long t0 = System.nanoTime();
            Patches p = PatchSampler.sample(src, 20000, 16, 1, per);
            System.out.println("perImage " + per + ": " + p.count() + " patches in " + (System.nanoTime() - t0) / 1e9 + " s");
        }
    }
}
