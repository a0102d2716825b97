package org.psychonet.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @Test
    void writeThenReadRoundTrips(@TempDir Path dir) throws Exception {
        double[] v = {1.5, -2, Math.PI, 1e-300, 7, 8};
        Path f = dir.resolve("a.npy");
        Npy.write(f, new long[] {2, 3}, v);
        Npy.Array a = Npy.read(f);
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertArrayEquals(v, a.data(), 0);
    }
}
