package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 3, must hold: the world's PCA eigenvalues fall as a power law over the stated rank range, with an
 * exponent inside the range measured on real photographs.
 */
class SpectrumTest {
    /** Fig. 5b settings: 32×32 greyscale patches, fit over PC ranks 10–500 (ImageStatistics.Config.paper()). */
    static final int FROM = 10;
    static final int TO = 500;
    /**
     * Per-photograph exponents measured on the 12 photographs of Debian's mate-backgrounds (nature/, short side
     * resized to 256, 3,000 patches each, ranks 10–500): from −2.83 (LadyBird) to −1.41 (Wood); see README.
     * The whole folder pooled gives −1.80.
     */
    static final double PHOTO_MIN = -2.83;
    static final double PHOTO_MAX = -1.41;

    @Test
    void worldSpectrumIsAPowerLawInThePhotographRange() throws Exception {
        ImageSource world = ImageSources.parse("world:count=100");
        ImageStats s = ImageStats.measure(world, new ImageStats.Options(0, 10_000, 32, 0, ImageStream.defaultThreads()));
        PowerLaw fit = PowerLaw.fit(Pca.fit(s.covariance()).eigenvalues(), FROM, TO);
        assertTrue(fit.r2() > 0.95, "power-law R² " + fit.r2());
        assertTrue(fit.exponent() >= PHOTO_MIN && fit.exponent() <= PHOTO_MAX,
                "world exponent " + fit.exponent() + " outside the photographs' [" + PHOTO_MIN + ", " + PHOTO_MAX + "]");
    }
}
