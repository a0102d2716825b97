package org.psychonet.report.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometry in pixel space: lines cut at missing values and clipped to the plot's rectangle (so figures need no
 * clip paths and can sit inline in one page), polygons clipped likewise, and polylines thinned to what shows.
 */
final class Clip {
    private Clip() {
    }

    /** Runs of visible points {x[], y[]} of a polyline: broken at non-finite points, clipped to the rectangle. */
    static List<double[][]> polyline(double[] x, double[] y, int n, double x0, double y0, double x1, double y1) {
        List<double[][]> runs = new ArrayList<>();
        List<double[]> cur = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]) || !Double.isFinite(x[i + 1])
                    || !Double.isFinite(y[i + 1])) {
                flush(runs, cur);
                continue;
            }
            double[] seg = segment(x[i], y[i], x[i + 1], y[i + 1], x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5);
            if (seg == null) {
                flush(runs, cur);
                continue;
            }
            boolean joined = !cur.isEmpty() && cur.get(cur.size() - 1)[0] == seg[0] && cur.get(cur.size() - 1)[1] == seg[1];
            if (!joined) {
                flush(runs, cur);
                cur.add(new double[] {seg[0], seg[1]});
            }
            cur.add(new double[] {seg[2], seg[3]});
            boolean clippedEnd = seg[2] != x[i + 1] || seg[3] != y[i + 1];
            if (clippedEnd) {
                flush(runs, cur);
            }
        }
        flush(runs, cur);
        if (runs.isEmpty() && n == 1 && Double.isFinite(x[0]) && Double.isFinite(y[0])) {
            return runs;
        }
        return runs;
    }

    private static void flush(List<double[][]> runs, List<double[]> cur) {
        if (cur.size() >= 2) {
            double[][] r = new double[2][cur.size()];
            for (int i = 0; i < cur.size(); i++) {
                r[0][i] = cur.get(i)[0];
                r[1][i] = cur.get(i)[1];
            }
            runs.add(r);
        }
        cur.clear();
    }

    /** Liang–Barsky: the part of segment (ax, ay)–(bx, by) inside the rectangle, or null. */
    static double[] segment(double ax, double ay, double bx, double by, double x0, double y0, double x1, double y1) {
        double dx = bx - ax;
        double dy = by - ay;
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {ax - x0, x1 - ax, ay - y0, y1 - ay};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return null;
                }
            } else {
                double r = q[k] / p[k];
                if (p[k] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {t0 == 0 ? ax : ax + t0 * dx, t0 == 0 ? ay : ay + t0 * dy,
            t1 == 1 ? bx : ax + t1 * dx, t1 == 1 ? by : ay + t1 * dy};
    }

    /** Sutherland–Hodgman: the polygon clipped to the rectangle, as {x[], y[]}. */
    static double[][] polygon(double[] x, double[] y, double x0, double y0, double x1, double y1) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            pts.add(new double[] {x[i], y[i]});
        }
        pts = clipEdge(pts, 0, x0, true);
        pts = clipEdge(pts, 0, x1, false);
        pts = clipEdge(pts, 1, y0, true);
        pts = clipEdge(pts, 1, y1, false);
        double[][] r = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            r[0][i] = pts.get(i)[0];
            r[1][i] = pts.get(i)[1];
        }
        return r;
    }

    private static List<double[]> clipEdge(List<double[]> in, int axis, double bound, boolean keepAbove) {
        List<double[]> out = new ArrayList<>();
        int n = in.size();
        for (int i = 0; i < n; i++) {
            double[] a = in.get(i);
            double[] b = in.get((i + 1) % n);
            boolean ina = keepAbove ? a[axis] >= bound : a[axis] <= bound;
            boolean inb = keepAbove ? b[axis] >= bound : b[axis] <= bound;
            if (ina) {
                out.add(a);
            }
            if (ina != inb) {
                double t = (bound - a[axis]) / (b[axis] - a[axis]);
                out.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])});
            }
        }
        return out;
    }

    /**
     * Ramer–Douglas–Peucker: the polyline with the points left out that lie within {@code tolerance} pixels of the
     * line through their kept neighbours (invisible at the drawn size; keeps SVGs of long training curves small).
     */
    static double[][] simplify(double[] x, double[] y, double tolerance) {
        int n = x.length;
        if (n <= 2) {
            return new double[][] {x, y};
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        int[] stack = new int[2 * n];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n - 1;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            double dx = x[b] - x[a];
            double dy = y[b] - y[a];
            double len = Math.hypot(dx, dy);
            double worst = -1;
            int at = -1;
            for (int i = a + 1; i < b; i++) {
                double d = len == 0 ? Math.hypot(x[i] - x[a], y[i] - y[a])
                        : Math.abs(dy * (x[i] - x[a]) - dx * (y[i] - y[a])) / len;
                if (d > worst) {
                    worst = d;
                    at = i;
                }
            }
            if (at >= 0 && worst > tolerance) {
                keep[at] = true;
                stack[top++] = a;
                stack[top++] = at;
                stack[top++] = at;
                stack[top++] = b;
            }
        }
        int m = 0;
        for (boolean k : keep) {
            m += k ? 1 : 0;
        }
        double[][] r = new double[2][m];
        for (int i = 0, j = 0; i < n; i++) {
            if (keep[i]) {
                r[0][j] = x[i];
                r[1][j] = y[i];
                j++;
            }
        }
        return r;
    }
}
