package org.psychonet.learning.cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A supervised image task for CPU training: labelled images, from which batches of random crops are
 * drawn. Two constructions:
 * <ul>
 * <li>{@link #whichImage}: for the built-in world and unlabelled photo folders, class i is "the crop
 * came from source image i". Telling many images apart from small random crops needs colour, texture
 * and edge features at every orientation the images contain, so the network meets the images' own
 * orientation and hue statistics, as with ImageNet classification, without any labels.</li>
 * <li>{@link #labelled}: a folder with one sub-folder per class (ImageNet, CIFAR layouts).</li>
 * </ul>
 */
public final class ImageClassTask {

    /** An RGB image, channel-major (C=3, H, W), values in [0, 1]. */
    public record Img(int height, int width, float[] chw) {
        public Img {
            if (chw.length != 3 * height * width) {
                throw new IllegalArgumentException("image data has " + chw.length + " values, expected 3×"
                        + height + "×" + width);
            }
        }
    }

    private final String description;
    private final List<Img> images;
    private final int[] labels;
    private final List<String> classNames;

    private ImageClassTask(String description, List<Img> images, int[] labels, List<String> classNames) {
        this.description = description;
        this.images = List.copyOf(images);
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
    }

    /** Class i = source image i; images are shrunk so their short side is at most {@code maxShort}. */
    public static ImageClassTask whichImage(String description, List<Img> images, int maxShort) {
        List<Img> small = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] labels = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            small.add(ImageCrops.shrink(images.get(i), maxShort));
            labels[i] = i;
            names.add("image" + i);
        }
        return new ImageClassTask("which source image a crop came from (" + images.size() + " classes) · "
                + description, small, labels, names);
    }

    /** Images with given labels (0 … classNames.size() − 1). */
    public static ImageClassTask labelled(String description, List<Img> images, int[] labels,
                                          List<String> classNames, int maxShort) {
        List<Img> small = new ArrayList<>();
        for (Img im : images) {
            small.add(ImageCrops.shrink(im, maxShort));
        }
        return new ImageClassTask("labelled classes (" + classNames.size() + ") · " + description, small, labels,
                classNames);
    }

    public String describe() {
        return description;
    }

    public int classes() {
        return classNames.size();
    }

    public int size() {
        return images.size();
    }

    /**
     * Draws a batch: uniformly chosen images, one random crop each (see {@link ImageCrops#randomCrop}).
     *
     * @param data   batch × 3 × size × size, standardized
     * @param target batch labels
     */
    public void sample(Random rng, int size, double minScale, boolean flip, float[] data, int[] target) {
        int per = 3 * size * size;
        for (int b = 0; b < target.length; b++) {
            int i = rng.nextInt(images.size());
            ImageCrops.randomCrop(images.get(i), size, minScale, flip, rng, data, b * per);
            target[b] = labels[i];
        }
    }
}
