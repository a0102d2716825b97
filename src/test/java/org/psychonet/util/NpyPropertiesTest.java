package org.psychonet.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * No .npy file, however damaged or hostile, gets anything from the reader but its values or one
 * {@link InvalidInputException} line naming the file: no other exception, no wrap-around, no huge allocation.
 */
class NpyPropertiesTest {

    /** The reader's whole contract on one input. */
    private static void readOrRefuse(byte[] bytes) {
        Npy.Array a;
        try {
            a = Npy.parse(bytes, "W.npy");
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage().startsWith("W.npy "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            return;
        }
        long count = 1;
        for (long n : a.shape()) {
            assertTrue(n >= 0 && n <= Integer.MAX_VALUE, "dimension " + n);
            count = Math.multiplyExact(count, n);
        }
        assertEquals(count, a.data().length, "values = product of the shape " + Arrays.toString(a.shape()));
    }

    @Provide
    Arbitrary<String> dimensions() {
        Arbitrary<String> one = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 6).map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("-1", "4.0", "1e3", "", " ", "x", "4L", "18014398509481988", "4611686018427388928",
                        "9223372036854775807", "9223372036854775808", "2147483648", "(", ")"));
        return one.list().ofMaxSize(5).map(l -> "(" + String.join(", ", l) + (l.size() == 1 ? "," : "") + ")");
    }

    @Provide
    Arbitrary<String> descrs() {
        return Arbitraries.oneOf(Arbitraries.of("<f4", ">f4", "<f8", ">f8", "|f4", "<i4", "|u1", "<c16", "O", ""),
                Arbitraries.strings().ofMaxLength(6));
    }

    @Property
    void headersOfRandomFields(@ForAll("descrs") String descr, @ForAll boolean fortran,
                               @ForAll("dimensions") String shape, @ForAll @IntRange(min = 1, max = 3) int version,
                               @ForAll @IntRange(max = 200) int dataBytes) {
        String header = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shape + ", }";
        readOrRefuse(NpyTest.npy(version == 1 ? 1 : 2, header, new byte[dataBytes]));
    }

    @Property
    void truncationsAndBitFlipsOfAValidFile(@ForAll @IntRange(min = 0, max = 40) int rows,
                                            @ForAll @IntRange(min = 0, max = 300) int cut,
                                            @ForAll @IntRange(min = 0, max = 400) int flipAt,
                                            @ForAll byte flip) {
        byte[] valid = NpyTest.npy(1, NpyTest.header("<f4", "(" + rows + ", 3)"), new byte[rows * 12]);
        readOrRefuse(Arrays.copyOf(valid, Math.min(valid.length, cut)));
        byte[] flipped = valid.clone();
        flipped[flipAt % flipped.length] ^= flip;
        readOrRefuse(flipped);
    }

    @Property
    void randomBytesBehindAValidMagic(@ForAll @Size(max = 300) List<Byte> tail) {
        byte[] b = new byte[8 + tail.size()];
        System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}, 0, b, 0, 6);
        b[6] = (byte) (tail.isEmpty() ? 1 : 1 + (tail.get(0) & 1));
        for (int i = 0; i < tail.size(); i++) {
            b[8 + i] = tail.get(i);
        }
        readOrRefuse(b);
    }

    @Property
    void declaredHeaderLengths(@ForAll @IntRange(min = 1, max = 3) int version, @ForAll int declared) {
        byte[] b = NpyTest.npy(version == 1 ? 1 : 2, NpyTest.header("<f8", "(1,)"), new byte[8]);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (version == 1) {
            bb.putShort(8, (short) declared);
        } else {
            bb.putInt(8, declared);
        }
        readOrRefuse(b);
    }

}
