package org.beltway.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart rendered as inline SVG, so a report opens anywhere with no network and no script.
 * Each series is a list of (x, y) points; axes are linear and fitted to the data unless bounds are set.
 */
public final class LineChart {
  private static final String[] COLOURS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };
  private static final int WIDTH = 720;
  private static final int HEIGHT = 360;
  private static final int LEFT = 64;
  private static final int RIGHT = 180;
  private static final int TOP = 36;
  private static final int BOTTOM = 48;

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private double yMin = Double.NaN;
  private double yMax = Double.NaN;

  /** One named line. */
  public record Series(String name, double[] x, double[] y, boolean dashed) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "series %s: x has %d points, y has %d: expected the same count", name, x.length, y.length));
      }
      x = x.clone();
      y = y.clone();
    }
  }

  public LineChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** Adds a solid line. */
  public LineChart add(String name, double[] x, double[] y) {
    series.add(new Series(name, x, y, false));
    return this;
  }

  /** Adds a dashed line, e.g. a reference such as the line of equality or a target. */
  public LineChart addDashed(String name, double[] x, double[] y) {
    series.add(new Series(name, x, y, true));
    return this;
  }

  /** Fixes the y axis to [min, max] instead of fitting it to the data. */
  public LineChart yRange(double min, double max) {
    this.yMin = min;
    this.yMax = max;
    return this;
  }

  /** The chart as an {@code <svg>} element. */
  public String toSvg() {
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int k = 0; k < s.x.length; k++) {
        if (Double.isFinite(s.x[k]) && Double.isFinite(s.y[k])) {
          x0 = Math.min(x0, s.x[k]);
          x1 = Math.max(x1, s.x[k]);
          y0 = Math.min(y0, s.y[k]);
          y1 = Math.max(y1, s.y[k]);
        }
      }
    }
    if (!Double.isFinite(x0)) {
      x0 = 0;
      x1 = 1;
      y0 = 0;
      y1 = 1;
    }
    if (!Double.isNaN(yMin)) {
      y0 = yMin;
      y1 = yMax;
    }
    if (x1 == x0) {
      x1 = x0 + 1;
    }
    if (y1 == y0) {
      y1 = y0 + 1;
    }
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder(4096);
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
        LEFT, TOP, plotW, plotH));
    for (int t = 0; t <= 4; t++) {
      double yv = y0 + (y1 - y0) * t / 4;
      double py = TOP + plotH - plotH * (double) t / 4;
      double xv = x0 + (x1 - x0) * t / 4;
      double px = LEFT + plotW * (double) t / 4;
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
              + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
          LEFT, py, LEFT + plotW, py, LEFT - 4, py + 4, tick(yv)));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, TOP + plotH + 16, tick(xv)));
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
        LEFT + plotW / 2, HEIGHT - 10, escape(xLabel)));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>%n",
        TOP + plotH / 2, TOP + plotH / 2, escape(yLabel)));
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      String colour = COLOURS[s % COLOURS.length];
      StringBuilder points = new StringBuilder();
      for (int k = 0; k < line.x.length; k++) {
        if (Double.isFinite(line.x[k]) && Double.isFinite(line.y[k])) {
          double px = LEFT + plotW * (line.x[k] - x0) / (x1 - x0);
          double yClamped = Math.max(y0, Math.min(y1, line.y[k]));
          double py = TOP + plotH - plotH * (yClamped - y0) / (y1 - y0);
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        }
      }
      svg.append(String.format(Locale.ROOT,
          "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
          colour, line.dashed ? " stroke-dasharray=\"6 4\"" : "", points.toString().trim()));
      int ly = TOP + 14 + 18 * s;
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
              + "<text x=\"%d\" y=\"%d\">%s</text>%n",
          LEFT + plotW + 10, ly - 4, LEFT + plotW + 30, ly - 4, colour,
          line.dashed ? " stroke-dasharray=\"6 4\"" : "", LEFT + plotW + 36, ly, escape(line.name)));
    }
    return svg.append("</svg>\n").toString();
  }

  private static String tick(double v) {
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e5 || a < 1e-2)) {
      return String.format(Locale.ROOT, "%.2g", v);
    }
    return String.format(Locale.ROOT, a >= 100 ? "%.0f" : "%.2f", v);
  }

  /** Escapes text for HTML and SVG. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
