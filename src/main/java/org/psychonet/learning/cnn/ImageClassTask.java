package org.psychonet.learning.cnn;

import java.util.List;
import java.util.Random;

/**
 * A supervised image task: pool image i has class {@code labels[i]}; batches are random crops with their
 * images' labels. Used for labelled folders (one sub-folder per class: ImageNet, CIFAR layouts) and for labels the
 * built-in world knows about its own images (the shape at the centre: a task colour and mean luminance cannot
 * solve, because the world draws colours independently of shapes).
 */
public record ImageClassTask(String description, ImagePool images, int[] labels, List<String> classNames)
        implements CnnTask {

    public ImageClassTask {
        if (labels.length != images.size()) {
            throw new IllegalArgumentException(labels.length + " labels for " + images.size() + " images");
        }
        for (int l : labels) {
            if (l < 0 || l >= classNames.size()) {
                throw new IllegalArgumentException("label " + l + " outside 0.." + (classNames.size() - 1));
            }
        }
        labels = labels.clone();
        classNames = List.copyOf(classNames);
    }

    @Override
    public String describe() {
        return "classification into " + classNames.size() + " classes · " + description;
    }

    public int classes() {
        return classNames.size();
    }

    @Override
    public void sample(Random rng, int size, double minScale, boolean flip, float[] inputs, float[] targets,
                       int[] out) {
        int per = 3 * size * size;
        for (int b = 0; b < out.length; b++) {
            int i = rng.nextInt(images.size());
            images.crop(i, rng, size, minScale, flip, inputs, b * per);
            out[b] = labels[i];
        }
    }
}
