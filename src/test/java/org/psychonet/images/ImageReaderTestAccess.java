package org.psychonet.images;

/** Test fixtures of this package for tests elsewhere. */
public final class ImageReaderTestAccess {
    private ImageReaderTestAccess() {
    }

    /** A PNG whose header declares w×h pixels over a few rows of data (see ImageReaderTest#bomb). */
    public static byte[] bomb(int w, int h) {
        return ImageReaderTest.bomb(w, h);
    }
}
