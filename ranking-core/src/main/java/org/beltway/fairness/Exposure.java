package org.beltway.fairness;

import java.util.Locale;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.entity.ShopPlan;
import org.beltway.internal.Strict;

/**
 * Impressions and merit-proportional (fair) exposure per edge of an eligibility graph: a plan, or a
 * delivery log over a period, seen the same way by the rules.
 */
public interface Exposure {
  /** The graph whose edges index the values. */
  EligibilityGraph graph();

  /** Impressions of an edge. */
  double impressions(int edge);

  /** Fair exposure θ of an edge on the same traffic. */
  double fair(int edge);

  /** A plan's allocation and fair exposure. */
  static Exposure of(AllocationPlan plan) {
    Strict.nonNull(plan, "plan", AllocationPlan.class);
    return new EdgeExposure(plan.problem().graph(), plan::x, plan.problem()::fairExposure);
  }

  /** An entity plan shared among shops: the shops' allocation and fair exposure. */
  static Exposure of(ShopPlan plan) {
    Strict.nonNull(plan, "plan", ShopPlan.class);
    return new EdgeExposure(plan.shopGraph(), plan::x, plan::fairExposure);
  }

  /**
   * The impressions of a supplier in a segment; 0 where it is not eligible.
   *
   * @throws IllegalArgumentException for an unknown supplier or segment id
   */
  default double impressions(long supplierId, long segmentId) {
    EligibilityGraph graph = graph();
    int row = graph.row(supplierId);
    int seg = graph.segments().index(segmentId);
    if (row < 0 || seg < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "(supplier %d, segment %d): unknown %s", supplierId, segmentId,
          row < 0 ? "supplier " + supplierId : "segment " + segmentId));
    }
    int e = graph.edge(row, seg);
    return e < 0 ? 0.0 : impressions(e);
  }

  /**
   * A delivery log: impressions delivered per edge over a period, and fair exposure on the same traffic.
   *
   * @throws IllegalArgumentException if an array does not have one finite value {@code >= 0} per edge
   */
  static Exposure delivered(EligibilityGraph graph, double[] impressionsByEdge, double[] fairByEdge) {
    Strict.nonNull(graph, "graph", EligibilityGraph.class);
    Strict.nonNull(impressionsByEdge, "impressionsByEdge", double[].class);
    Strict.nonNull(fairByEdge, "fairByEdge", double[].class);
    double[] delivered = check("impressionsByEdge", impressionsByEdge, graph);
    double[] fair = check("fairByEdge", fairByEdge, graph);
    return new EdgeExposure(graph, e -> delivered[e], e -> fair[e]);
  }

  private static double[] check(String name, double[] values, EligibilityGraph graph) {
    if (values.length != graph.edgeCount()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has %d values: expected one per edge (%d)", name, values.length, graph.edgeCount()));
    }
    for (int e = 0; e < values.length; e++) {
      if (!(values[e] >= 0 && values[e] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: edge (supplier %d, segment %d) has %s: expected a finite number >= 0", name,
            graph.supplierId(graph.supplierOf(e)), graph.segments().id(graph.segmentOf(e)), values[e]));
      }
    }
    return values.clone();
  }
}
