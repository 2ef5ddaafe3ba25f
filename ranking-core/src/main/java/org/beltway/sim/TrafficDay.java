package org.beltway.sim;

import java.util.Locale;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Merit;
import org.beltway.allocation.SegmentTable;
import org.beltway.internal.Strict;

/**
 * What a {@link TrafficStrategy} knows when it plans a day: the eligibility graph and each segment's
 * forecast traffic, the suppliers' current scores (composite, quality tier, head tier) and merit, the
 * merit-proportional fair exposure {@code θ} of every edge, and the impressions each supplier's open
 * guarantees ask for that day ({@code d_i} of docs/design.md §4, from
 * {@link org.beltway.guarantee.DemandConversion}).
 *
 * <p>Read-only to its users: its state is private, and only the {@link Simulation} changes it, in
 * place, between two plans: before each day's plan it sets the day number and the day's guarantees, on
 * re-scoring days also the scores and the fair exposure, and after the plan it clears
 * {@link #scoresChanged()}. The arrays behind it are the simulation's (a national day allocates
 * nothing), so read it during {@link TrafficStrategy#plan} and keep nothing but numbers. Rows are the
 * supplier rows of the graph, edges and segments its indices.
 */
public final class TrafficDay {
  private final EligibilityGraph graph;
  private final double[] forecast;
  private final double segmentCapShare;
  private final double trafficSd;
  private final double risk;
  private int day;
  private boolean scoresChanged;
  private double[] composite;
  private double[] merit;
  private boolean[] qualityTier;
  private boolean[] headTier;
  private double[] theta;
  private double[] guarantee;

  TrafficDay(EligibilityGraph graph, double segmentCapShare) {
    this(graph, segmentCapShare, 0.0, SimulationConfig.DEFAULT_RISK);
  }

  TrafficDay(EligibilityGraph graph, double segmentCapShare, double trafficSd, double risk) {
    this.graph = graph;
    this.trafficSd = trafficSd;
    this.risk = risk;
    SegmentTable segments = graph.segments();
    forecast = new double[segments.size()];
    for (int j = 0; j < forecast.length; j++) {
      forecast[j] = segments.traffic(j);
    }
    this.segmentCapShare = segmentCapShare;
  }

  /**
   * A day with the given scores and guarantees, merit {@link Merit#DEFAULT} of the composites and the
   * fair exposure that follows: for hand-built cases and tests of strategies. The arrays are copied.
   *
   * @param graph the eligibility graph, with each segment's forecast traffic
   * @param day the day number, {@code >= 0}
   * @param composite composite score in [0, 1] by supplier row
   * @param qualityTier quality-tier flag by supplier row
   * @param headTier head-tier flag by supplier row
   * @param guarantee impressions guaranteed by supplier row, {@code >= 0}
   * @param segmentCapShare the largest share of a segment one supplier may be planned, in (0, 1]
   * @throws IllegalArgumentException if an array's length is not the graph's supplier count, a value is
   *     out of range (naming the row), or the day or cap share is out of range
   */
  public static TrafficDay of(EligibilityGraph graph, int day, double[] composite, boolean[] qualityTier,
      boolean[] headTier, double[] guarantee, double segmentCapShare) {
    Strict.nonNull(graph, "graph", EligibilityGraph.class);
    Strict.nonNull(composite, "composite", double[].class);
    Strict.nonNull(qualityTier, "qualityTier", boolean[].class);
    Strict.nonNull(headTier, "headTier", boolean[].class);
    Strict.nonNull(guarantee, "guarantee", double[].class);
    int n = graph.supplierCount();
    for (int length : new int[] {composite.length, qualityTier.length, headTier.length, guarantee.length}) {
      if (length != n) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "an array has %d values: expected one per supplier row (%d)", length, n));
      }
    }
    if (day < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "day (%d): expected >= 0", day));
    }
    if (!(segmentCapShare > 0 && segmentCapShare <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "segmentCapShare must be in (0, 1]: %s", segmentCapShare));
    }
    for (int i = 0; i < n; i++) {
      if (!(guarantee[i] >= 0 && guarantee[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: guarantee (%s): expected a finite number of impressions >= 0", i, guarantee[i]));
      }
    }
    TrafficDay d = new TrafficDay(graph, segmentCapShare);
    d.setScores(composite.clone(), Merit.DEFAULT.apply(composite), qualityTier.clone(), headTier.clone(),
        new double[graph.edgeCount()]);
    d.startDay(day, guarantee.clone());
    return d;
  }

  /** Starts day {@code day}: its guarantees by row (kept, not copied). */
  void startDay(int day, double[] guarantee) {
    this.day = day;
    this.guarantee = guarantee;
  }

  /** Marks the day planned: the scores are no longer new to the strategy. */
  void planned() {
    scoresChanged = false;
  }

  /** Installs new scores and recomputes the fair exposure into {@code thetaBuffer}. */
  void setScores(double[] composite, double[] merit, boolean[] qualityTier, boolean[] headTier,
      double[] thetaBuffer) {
    this.composite = composite;
    this.merit = merit;
    this.qualityTier = qualityTier;
    this.headTier = headTier;
    fairExposure(graph, forecast, merit, thetaBuffer);
    this.theta = thetaBuffer;
    this.scoresChanged = true;
  }

  /**
   * Merit-proportional exposure {@code θ_e = S_j μ_i / Σ_{k ∈ j} μ_k} of every edge, written into
   * {@code out} (by edge); 0 in a segment with no traffic.
   */
  static void fairExposure(EligibilityGraph graph, double[] forecast, double[] merit, double[] out) {
    for (int j = 0, segments = graph.segmentCount(); j < segments; j++) {
      int from = graph.segmentStart(j);
      int to = from + graph.segmentDegree(j);
      double sum = 0;
      for (int e = from; e < to; e++) {
        sum += merit[graph.supplierOf(e)];
      }
      double s = forecast[j];
      for (int e = from; e < to; e++) {
        out[e] = sum > 0 && s > 0 ? s * merit[graph.supplierOf(e)] / sum : 0.0;
      }
    }
  }

  /** The day number, 0 for the first simulated day. */
  public int day() {
    return day;
  }

  /** Whether the scores changed since the strategy's previous plan (always true on the first day). */
  public boolean scoresChanged() {
    return scoresChanged;
  }

  public EligibilityGraph graph() {
    return graph;
  }

  public SegmentTable segments() {
    return graph.segments();
  }

  /** Forecast impressions of a segment for the day. */
  public double forecast(int segment) {
    return forecast[segment];
  }

  /**
   * The forecast's error model as the planner knows it: the sd of a segment's delivered over forecast
   * traffic, the same for every segment and independent between them (error/√3 for traffic uniform in
   * ±error); 0 for a day built by {@link #of}.
   */
  public double trafficRelativeSd() {
    return trafficSd;
  }

  /** The accepted probability of missing a promise or a share on delivery, in (0, 0.5). */
  public double risk() {
    return risk;
  }

  /** The largest share of a segment's traffic one supplier may be planned, in (0, 1]. */
  public double segmentCapShare() {
    return segmentCapShare;
  }

  /** A supplier's composite score, in [0, 1]. */
  public double composite(int row) {
    return composite[row];
  }

  /** A supplier's merit {@code μ > 0}, by the simulation's {@link MeritRule}. */
  public double merit(int row) {
    return merit[row];
  }

  /** Whether a supplier is in its category's quality tier, by the simulation's {@link MeritRule}. */
  public boolean qualityTier(int row) {
    return qualityTier[row];
  }

  /** Whether a supplier is in the head tier (the marketplace's largest by orders). */
  public boolean headTier(int row) {
    return headTier[row];
  }

  /** The merit-proportional fair exposure {@code θ} of an edge, in impressions. */
  public double fairExposure(int edge) {
    return theta[edge];
  }

  /** The impressions a supplier's open guarantees need today, 0 if it has none. */
  public double guarantee(int row) {
    return guarantee[row];
  }

  /** The number of supplier rows. */
  public int supplierCount() {
    return graph.supplierCount();
  }

  // The simulation's own arrays, for this package's bulk readers; never modified through these.

  double[] meritByRow() {
    return merit;
  }

  boolean[] qualityTierByRow() {
    return qualityTier;
  }

  boolean[] headTierByRow() {
    return headTier;
  }

  double[] guaranteeByRow() {
    return guarantee;
  }

  double[] fairExposureByEdge() {
    return theta;
  }
}
