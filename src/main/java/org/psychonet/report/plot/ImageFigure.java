package org.psychonet.report.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

/** A picture (e.g. a grid of principal components) as a figure, with an optional title above it. */
public final class ImageFigure implements Figure {
    private final BufferedImage image;
    private final String title;
    private final double scale;
    private final List<String> notes;

    /** The image drawn at {@code scale} layout pixels per image pixel (without smoothing). */
    public ImageFigure(BufferedImage image, String title, double scale, List<String> notes) {
        this.image = image;
        this.title = title == null ? "" : title;
        this.scale = scale;
        this.notes = List.copyOf(notes);
    }

    private double top() {
        return title.isEmpty() ? 0 : 24;
    }

    @Override
    public double width() {
        return Math.max(image.getWidth() * scale, title.isEmpty() ? 0 : TextMetrics.width(title, 13, true) + 8);
    }

    @Override
    public double height() {
        return image.getHeight() * scale + top();
    }

    @Override
    public void render(Canvas c) {
        if (!title.isEmpty()) {
            c.text(4, 16, Label.of(title), 13, true, Anchor.START, 0, Color.BLACK);
        }
        c.image(0, top(), image.getWidth() * scale, image.getHeight() * scale, image);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<String> notes() {
        return notes;
    }
}
