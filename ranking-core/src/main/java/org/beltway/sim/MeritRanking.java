package org.beltway.sim;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Locale;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;

/**
 * The merit-only ranking baseline: in every segment the eligible suppliers are sorted by composite score,
 * best first (ties by the smaller supplier id), and the segment's traffic is shared by position, the
 * supplier at position {@code k} (1-based) getting exposure proportional to {@code k^-decay}. With the
 * default decay 1 this is the Zipf-like fall-off of attention down a result list: position 1 gets twice
 * the exposure of position 2 and ten times that of position 10, so a segment of 500 suppliers gives its
 * top 5 about 34% of its traffic (the decay exponent is assumed; click-log studies of position bias, e.g.
 * Joachims et al., SIGIR 2005, and Craswell et al., WSDM 2008, find attention falling steeply with rank).
 * It makes no promise and caps nothing: what search does when it ranks by merit alone.
 *
 * <p>The ranking is rebuilt only when the scores change (weekly in the simulation), in time
 * {@code O(n log n + edges)}; a day's plan is one pass over the edges.
 */
public final class MeritRanking implements TrafficStrategy {
  /** The default position-decay exponent. */
  public static final double DEFAULT_DECAY = 1.0;

  private final double decay;
  private double[] weight;
  private double[] weightSum;

  /**
   * A ranking with the given position-decay exponent.
   *
   * @param decay the exponent of the position curve, finite and {@code >= 0} (0 shares equally)
   * @throws IllegalArgumentException if the exponent is out of range
   */
  public MeritRanking(double decay) {
    if (!(decay >= 0 && Double.isFinite(decay))) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "position decay must be a finite number >= 0: %s", decay));
    }
    this.decay = decay;
  }

  /** The position-decay exponent. */
  public double decay() {
    return decay;
  }

  @Override
  public String ignores() {
    return "promises, shares, caps";
  }

  @Override
  public String name() {
    return "ranking";
  }

  @Override
  public void plan(TrafficDay day, DayPlan plan) {
    Strict.nonNull(day, "day", TrafficDay.class);
    Strict.nonNull(plan, "plan", DayPlan.class);
    EligibilityGraph graph = day.graph();
    if (weight == null || weight.length != graph.edgeCount() || day.scoresChanged()) {
      rank(day);
    }
    double[] x = plan.x;
    for (int j = 0, segments = graph.segmentCount(); j < segments; j++) {
      int from = graph.segmentStart(j);
      int to = from + graph.segmentDegree(j);
      double s = day.forecast(j);
      double w = weightSum[j];
      if (!(w > 0) || !(s > 0)) {
        plan.unallocated[j] = s;
        continue;
      }
      double sum = 0;
      for (int e = from; e < to; e++) {
        x[e] = s * weight[e] / w;
        sum += x[e];
      }
      plan.unallocated[j] = Math.max(0.0, s - sum);
    }
  }

  /** The position weight of every edge from a global order of suppliers by composite, best first. */
  private void rank(TrafficDay day) {
    EligibilityGraph graph = day.graph();
    int n = graph.supplierCount();
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    IntArrays.quickSort(rows, (a, b) -> {
      int c = Double.compare(day.composite(b), day.composite(a));
      return c != 0 ? c : Long.compare(graph.supplierId(a), graph.supplierId(b));
    });
    if (weight == null || weight.length != graph.edgeCount()) {
      weight = new double[graph.edgeCount()];
      weightSum = new double[graph.segmentCount()];
    }
    int[] position = new int[graph.segmentCount()];
    java.util.Arrays.fill(weightSum, 0.0);
    for (int row : rows) {
      for (int k = 0, degree = graph.supplierDegree(row); k < degree; k++) {
        int e = graph.supplierEdge(row, k);
        int j = graph.segmentOf(e);
        int p = ++position[j];
        double w = decay == 1.0 ? 1.0 / p : Math.pow(p, -decay);
        weight[e] = w;
        weightSum[j] += w;
      }
    }
  }
}
