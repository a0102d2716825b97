package org.psychonet.report.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Figures side by side in rows of {@code columns} (e.g. SI Fig. 2's four networks as a 2 × 2 grid instead of one
 * long strip): each cell as wide as the widest figure, each row as tall as its tallest, a title above all.
 */
public final class Grid implements Figure {
    private static final double GAP = 8;
    private final String title;
    private final int columns;
    private final List<Figure> cells;

    private Grid(String title, int columns, List<Figure> cells) {
        if (columns < 1 || cells.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one column and one figure");
        }
        this.title = title == null ? "" : title;
        this.columns = columns;
        this.cells = List.copyOf(cells);
    }

    public static Grid of(String title, int columns, List<? extends Figure> cells) {
        return new Grid(title, columns, new ArrayList<>(cells));
    }

    private double top() {
        return title.isEmpty() ? 0 : 26;
    }

    private double cellWidth() {
        return cells.stream().mapToDouble(Figure::width).max().orElse(0);
    }

    private double rowHeight(int row) {
        double h = 0;
        for (int i = row * columns; i < Math.min(cells.size(), (row + 1) * columns); i++) {
            h = Math.max(h, cells.get(i).height());
        }
        return h;
    }

    private int rows() {
        return (cells.size() + columns - 1) / columns;
    }

    @Override
    public double width() {
        int cols = Math.min(columns, cells.size());
        return cols * cellWidth() + (cols - 1) * GAP;
    }

    @Override
    public double height() {
        double h = top();
        for (int r = 0; r < rows(); r++) {
            h += rowHeight(r) + (r > 0 ? GAP : 0);
        }
        return h;
    }

    @Override
    public void render(Canvas c) {
        if (!title.isEmpty()) {
            c.text(6, 18, Label.of(title), 14, true, Anchor.START, 0, Color.BLACK);
        }
        double y = top();
        for (int r = 0; r < rows(); r++) {
            for (int k = 0; k < columns && r * columns + k < cells.size(); k++) {
                c.push(k * (cellWidth() + GAP), y);
                cells.get(r * columns + k).render(c);
                c.pop();
            }
            y += rowHeight(r) + GAP;
        }
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<String> notes() {
        LinkedHashSet<String> n = new LinkedHashSet<>();
        cells.forEach(f -> n.addAll(f.notes()));
        return List.copyOf(n);
    }
}
