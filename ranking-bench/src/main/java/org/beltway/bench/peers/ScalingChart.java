package org.beltway.bench.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link PeerComparison} JSON as an SVG chart of solve time against instance size (log-log),
 * one line per solver, a solver's give-up marked at its limit; and prints the README's table (ratios
 * to Beltway first, then absolute times, quality and agreement). Run:
 *
 * <pre>java -cp ranking-bench/target/benchmarks.jar org.beltway.bench.peers.ScalingChart \
 *     ranking-bench/results/peers.json docs/peers.svg</pre>
 */
public final class ScalingChart {
  private static final Map<String, String> COLOURS = Map.of("beltway", "#1b6ac9", "pdlp", "#d4522a",
      "ojalgo", "#2a9d55");
  private static final int W = 720;
  private static final int H = 440;
  private static final int LEFT = 70;
  private static final int RIGHT = 150;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;

  private ScalingChart() {}

  /** A point: variables, milliseconds, and whether the solver gave up there (time = its limit). */
  record Point(double variables, double ms, boolean gaveUp) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("expected: results.json chart.svg");
    }
    JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, List<Point>> series = series(root);
    Files.writeString(Path.of(args[1]), svg(root, series));
    System.out.print(table(root));
  }

  static Map<String, List<Point>> series(JsonNode root) {
    Map<String, List<Point>> out = new LinkedHashMap<>();
    for (JsonNode run : root.get("runs")) {
      String solver = run.get("solver").asText();
      double vars = run.get("variables").asDouble();
      List<Point> points = out.computeIfAbsent(solver, s -> new ArrayList<>());
      if (run.path("exceededLimit").asBoolean(false)) {
        double limit = 1000 * (solver.equals("ojalgo") ? PeerComparison.OJALGO_LIMIT_S
            : PeerComparison.PDLP_LIMIT_S);
        points.add(new Point(vars, limit, true));
      } else if (run.has("jmh")) {
        points.add(new Point(vars, run.get("jmh").get("meanMs").asDouble(), false));
      }
    }
    return out;
  }

  static String svg(JsonNode root, Map<String, List<Point>> series) {
    double minX = Double.MAX_VALUE;
    double maxX = 0;
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (List<Point> points : series.values()) {
      for (Point p : points) {
        minX = Math.min(minX, p.variables);
        maxX = Math.max(maxX, p.variables);
        minY = Math.min(minY, p.ms);
        maxY = Math.max(maxY, p.ms);
      }
    }
    double x0 = Math.floor(Math.log10(minX));
    double x1 = Math.ceil(Math.log10(maxX));
    double y0 = Math.floor(Math.log10(minY));
    double y1 = Math.ceil(Math.log10(maxY));
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"12\">%n", W, H));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">Cold solve time against"
        + " instance size, %s threads</text>%n", LEFT, root.get("threads").asText()));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"34\" font-size=\"10\" fill=\"#555\">%s; %s;"
        + " commit %s, %s</text>%n", LEFT, esc(root.get("machine").asText()), esc(root.get("jdk").asText()),
        esc(root.get("commit").asText()), esc(root.get("date").asText())));
    for (double e = x0; e <= x1; e++) {
      double px = px(e, x0, x1);
      s.append(line(px, TOP, px, H - BOTTOM, "#ddd"));
      s.append(text(px, H - BOTTOM + 16, "1e" + (int) e, "middle"));
    }
    for (double e = y0; e <= y1; e++) {
      double py = py(e, y0, y1);
      s.append(line(LEFT, py, W - RIGHT, py, "#ddd"));
      s.append(text(LEFT - 6, py + 4, label(Math.pow(10, e)), "end"));
    }
    s.append(text((LEFT + W - RIGHT) / 2.0, H - 20, "variables (edges with fair exposure)", "middle"));
    s.append(String.format(Locale.ROOT, "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor="
        + "\"middle\">time (JMH single shot)</text>%n", (TOP + H - BOTTOM) / 2));
    int legend = 0;
    for (Map.Entry<String, List<Point>> e : series.entrySet()) {
      String colour = COLOURS.getOrDefault(e.getKey(), "#555");
      StringBuilder path = new StringBuilder();
      for (Point p : e.getValue()) {
        double px = px(Math.log10(p.variables), x0, x1);
        double py = py(Math.log10(p.ms), y0, y1);
        path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
        s.append(p.gaveUp
            ? String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" text-anchor=\"middle\">"
                + "✕ &gt; %s</text>%n", px, py + 4, colour, label(p.ms))
            : String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", px, py,
                colour));
      }
      s.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
          path, colour));
      double ly = TOP + 20 + 20 * legend++;
      s.append(line(W - RIGHT + 16, ly - 4, W - RIGHT + 40, ly - 4, colour));
      s.append(text(W - RIGHT + 46, ly, e.getKey(), "start"));
    }
    return s.append("</svg>\n").toString();
  }

  /** The README's table: per size, each peer's time as a multiple of Beltway's, then the figures. */
  static String table(JsonNode root) {
    Map<Double, Map<String, JsonNode>> bySize = new LinkedHashMap<>();
    for (JsonNode run : root.get("runs")) {
      bySize.computeIfAbsent(run.get("scale").asDouble(), k -> new LinkedHashMap<>())
          .put(run.get("solver").asText(), run);
    }
    StringBuilder t = new StringBuilder("| scale | variables | PDLP ÷ Beltway | ojAlgo ÷ Beltway | Beltway ms"
        + " | PDLP ms | ojAlgo ms | PDLP largest Δx / S_j | PDLP Δ objective | ojAlgo largest Δx / S_j |\n"
        + "|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<Double, Map<String, JsonNode>> e : bySize.entrySet()) {
      Map<String, JsonNode> r = e.getValue();
      JsonNode b = r.get("beltway");
      double bms = ms(b);
      t.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          e.getKey(), (b != null ? b : r.values().iterator().next()).get("variables").asLong(),
          ratio(r.get("pdlp"), bms), ratio(r.get("ojalgo"), bms), time(b), time(r.get("pdlp")),
          time(r.get("ojalgo")), sci(r.get("pdlp"), "largestDifferenceToBeltway"),
          sci(r.get("pdlp"), "objectiveRelativeToBeltway"), sci(r.get("ojalgo"), "largestDifferenceToBeltway")));
    }
    return t.toString();
  }

  private static double ms(JsonNode run) {
    return run == null || !run.has("jmh") ? Double.NaN : run.get("jmh").get("meanMs").asDouble();
  }

  private static String ratio(JsonNode run, double beltwayMs) {
    if (run == null) {
      return "";
    }
    if (run.path("exceededLimit").asBoolean(false)) {
      return "gave up";
    }
    return String.format(Locale.ROOT, "%.1f×", ms(run) / beltwayMs);
  }

  private static String time(JsonNode run) {
    if (run == null) {
      return "";
    }
    if (run.path("exceededLimit").asBoolean(false)) {
      return run.has("oneSolveSeconds")
          ? String.format(Locale.ROOT, "stopped at its limit, %.0f s", run.get("oneSolveSeconds").asDouble())
          : run.path("status").asText("over its limit");
    }
    JsonNode j = run.get("jmh");
    double err = j.get("errorMs").asDouble();
    return Double.isNaN(err) ? String.format(Locale.ROOT, "%.0f (1 shot)", j.get("meanMs").asDouble())
        : String.format(Locale.ROOT, "%.1f ± %.1f", j.get("meanMs").asDouble(), err);
  }

  private static String sci(JsonNode run, String field) {
    return run == null || !run.has(field) ? "" : String.format(Locale.ROOT, "%.1e", run.get(field).asDouble());
  }

  private static double px(double log, double x0, double x1) {
    return LEFT + (log - x0) / (x1 - x0) * (W - LEFT - RIGHT);
  }

  private static double py(double log, double y0, double y1) {
    return H - BOTTOM - (log - y0) / (y1 - y0) * (H - TOP - BOTTOM);
  }

  private static String line(double xa, double ya, double xb, double yb, String colour) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
        xa, ya, xb, yb, colour);
  }

  private static String text(double x, double y, String text, String anchor) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y,
        anchor, esc(text));
  }

  private static String label(double ms) {
    return ms >= 1000 ? String.format(Locale.ROOT, "%.0f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
