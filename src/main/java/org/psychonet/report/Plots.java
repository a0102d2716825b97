package org.psychonet.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart helpers: one look for every figure, a sequential palette for layer depth, PNG and SVG output. */
public final class Plots {
    private Plots() {
    }

    /** A line chart with psychonet's style. */
    public static XYChart lineChart(String title, String xLabel, String yLabel) {
        XYChart c = new XYChartBuilder().width(820).height(520).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(0);
        c.getStyler().setAntiAlias(true);
        return c;
    }

    /** Adds a line without markers. */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        if (color != null) {
            s.setLineColor(color);
        }
        s.setLineWidth(2f);
        return s;
    }

    /** Adds a dashed line (theory overlays). */
    public static XYSeries dashed(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = line(chart, name, x, y, color);
        s.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        return s;
    }

    /**
     * A sequential palette from light to dark (viridis-like), so that shallow layers are light and deep
     * layers dark, as in Fig. 2c. {@code t} in [0, 1].
     */
    public static Color depthColor(double t) {
        double[][] stops = {{0.993, 0.906, 0.144}, {0.369, 0.788, 0.382}, {0.128, 0.567, 0.551},
            {0.231, 0.322, 0.546}, {0.267, 0.005, 0.329}};
        double u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(u));
        double f = u - i;
        float[] rgb = new float[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = (float) (stops[i][c] * (1 - f) + stops[i + 1][c] * f);
        }
        return new Color(rgb[0], rgb[1], rgb[2]);
    }

    /** Colour of layer i of n on the depth palette. */
    public static Color depthColor(int i, int n) {
        return depthColor(n <= 1 ? 1 : 0.1 + 0.9 * i / (n - 1.0));
    }

    /** Writes {@code base}.png (and .svg when asked). */
    public static void save(XYChart chart, Path base, boolean svg) throws IOException {
        String b = base.toString();
        String stem = b.endsWith(".png") ? b.substring(0, b.length() - 4) : b;
        BitmapEncoder.saveBitmapWithDPI(chart, stem, BitmapEncoder.BitmapFormat.PNG, 120);
        if (svg) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, stem, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
    }

    public static void save(XYChart chart, Path base) throws IOException {
        save(chart, base, false);
    }
}
