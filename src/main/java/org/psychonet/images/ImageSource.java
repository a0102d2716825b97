package org.psychonet.images;

/**
 * A deterministic, indexable collection of colour images: image(i) always returns the same pixels.
 * Implementations must be safe to call from several threads at once (sources are decoded in parallel).
 */
public interface ImageSource {

    /** One line saying what the images are, for result.json (e.g. "world(seed=0, 224x224)"). */
    String describe();

    /** Number of images. */
    long count();

    /**
     * The image at {@code index} (0 ≤ index &lt; count()).
     *
     * @throws UnreadableImageException when the image cannot be decoded (folder sources: corrupt files)
     */
    RgbImage image(long index);

    /** A name for image {@code index} in reports (a file path for folders). */
    default String label(long index) {
        return "#" + index;
    }
}
