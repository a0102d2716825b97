package org.psychonet.report.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A canvas that remembers what was drawn, in absolute coordinates (tests read it). */
final class RecordingCanvas implements Canvas {
    record Text(double x, double y, Label label, double size, Anchor anchor, double rotate) {
    }

    record Shape(String kind, double[] x, double[] y, Color color) {
    }

    final List<Text> texts = new ArrayList<>();
    final List<Shape> shapes = new ArrayList<>();
    private double ox;
    private double oy;
    private final List<double[]> stack = new ArrayList<>();

    @Override
    public void polyline(double[] x, double[] y, int n, Color color, double width, double[] dash) {
        shapes.add(new Shape(dash == null ? "line" : "dashed", shift(x, n, ox), shift(y, n, oy), color));
    }

    @Override
    public void polygon(double[] x, double[] y, int n, Color fill, double opacity) {
        shapes.add(new Shape("polygon", shift(x, n, ox), shift(y, n, oy), fill));
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, double opacity, Color stroke) {
        shapes.add(new Shape("rect", new double[] {ox + x, ox + x + w}, new double[] {oy + y, oy + y + h}, fill));
    }

    @Override
    public void text(double x, double y, Label text, double size, boolean bold, Anchor anchor, double rotateDeg,
                     Color color) {
        texts.add(new Text(ox + x, oy + y, text, size, anchor, rotateDeg));
    }

    @Override
    public void image(double x, double y, double w, double h, BufferedImage image) {
        shapes.add(new Shape("image", new double[] {ox + x, ox + x + w}, new double[] {oy + y, oy + y + h}, null));
    }

    @Override
    public void push(double dx, double dy) {
        stack.add(new double[] {ox, oy});
        ox += dx;
        oy += dy;
    }

    @Override
    public void pop() {
        double[] o = stack.remove(stack.size() - 1);
        ox = o[0];
        oy = o[1];
    }

    List<String> strings() {
        return texts.stream().map(t -> t.label().toString()).toList();
    }

    List<Shape> shapes(String kind) {
        return shapes.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    private static double[] shift(double[] v, int n, double d) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = v[i] + d;
        }
        return r;
    }
}
