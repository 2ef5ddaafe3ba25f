package org.beltway.sim;

import java.util.Arrays;
import java.util.Locale;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;

/**
 * One day's traffic plan of a {@link TrafficStrategy}: planned impressions per edge of an
 * {@link EligibilityGraph} and the impressions of each segment left unallocated (which fall back to plain
 * relevance ranking when served). A strategy must leave it <em>conserving</em>: for every segment,
 * allocated (the sum of its edges) + unallocated = the segment's forecast, every value finite and
 * {@code >= 0}. Traffic can only be planned on eligible edges, since edges are the graph's.
 *
 * <p>A mutable buffer, reused from day to day so a national plan (10 M edges) allocates nothing; not
 * thread-safe. {@link #clear()} zeroes it.
 */
public final class DayPlan {
  private final EligibilityGraph graph;
  final double[] x;
  final double[] unallocated;

  /** An empty plan over a graph's edges and segments. */
  public DayPlan(EligibilityGraph graph) {
    Strict.nonNull(graph, "graph", EligibilityGraph.class);
    this.graph = graph;
    x = new double[graph.edgeCount()];
    unallocated = new double[graph.segmentCount()];
  }

  /** The graph whose edges the plan is over. */
  public EligibilityGraph graph() {
    return graph;
  }

  /** Planned impressions of an edge. */
  public double x(int edge) {
    return x[edge];
  }

  /**
   * Sets the planned impressions of an edge.
   *
   * @throws IllegalArgumentException if the impressions are negative, NaN or infinite
   */
  public void set(int edge, double impressions) {
    if (!(impressions >= 0 && impressions < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "edge %d: impressions (%s): expected a finite number >= 0", edge, impressions));
    }
    x[edge] = impressions;
  }

  /** Impressions of a segment left unallocated. */
  public double unallocated(int segment) {
    return unallocated[segment];
  }

  /**
   * Sets the unallocated impressions of a segment.
   *
   * @throws IllegalArgumentException if the impressions are negative, NaN or infinite
   */
  public void setUnallocated(int segment, double impressions) {
    if (!(impressions >= 0 && impressions < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "segment %d: unallocated (%s): expected a finite number of impressions >= 0", segment,
          impressions));
    }
    unallocated[segment] = impressions;
  }

  /** The impressions planned on a segment's edges, summed in edge order. */
  public double allocated(int segment) {
    double sum = 0;
    for (int e = graph.segmentStart(segment), end = e + graph.segmentDegree(segment); e < end; e++) {
      sum += x[e];
    }
    return sum;
  }

  /** Zeroes every edge and segment. */
  public void clear() {
    Arrays.fill(x, 0.0);
    Arrays.fill(unallocated, 0.0);
  }

  /**
   * Sets every segment's unallocated impressions to its forecast minus its allocated impressions,
   * floored at 0: the bookkeeping of a strategy that plans its edges and leaves the rest.
   *
   * @param day the day whose forecast the plan is for
   */
  public void leaveRestUnallocated(TrafficDay day) {
    Strict.nonNull(day, "day", TrafficDay.class);
    for (int j = 0, n = unallocated.length; j < n; j++) {
      unallocated[j] = Math.max(0.0, day.forecast(j) - allocated(j));
    }
  }
}
