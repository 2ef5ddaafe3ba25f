package org.beltway.allocation;

import java.util.Locale;

/**
 * The checks of {@link AllocationProblem.Builder}'s inputs against its graph, each failing with the
 * supplier, edge or share, the value and what was expected.
 */
final class ProblemInputs {
  private ProblemInputs() {}

  /** One finite merit {@code > 0} per supplier row. */
  static void checkMerit(EligibilityGraph graph, double[] meritByRow) {
    checkLength("merit", meritByRow.length, graph.supplierCount(), "supplier");
    for (int i = 0; i < meritByRow.length; i++) {
      double m = meritByRow[i];
      if (!(m > 0) || !Double.isFinite(m)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier %d: merit (%s): expected a finite number > 0", graph.supplierId(i), m));
      }
    }
  }

  /** One finite relevance {@code >= 0} per edge. */
  static void checkRelevance(EligibilityGraph graph, double[] byEdge) {
    checkLength("relevance", byEdge.length, graph.edgeCount(), "edge");
    for (int e = 0; e < byEdge.length; e++) {
      double r = byEdge[e];
      if (!(r >= 0) || !Double.isFinite(r)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "edge (supplier %d, segment %d): relevance (%s): expected a finite number >= 0",
            graph.supplierId(graph.supplierOf(e)), graph.segments().id(graph.segmentOf(e)), r));
      }
    }
  }

  /**
   * The share as it applies to the graph's rows, after checking its mask's length, its predicates on
   * every row and segment, and that it is not one more than {@link AllocationProblem#MAX_GROUPS}.
   */
  static GroupShare checkShare(EligibilityGraph graph, GroupShare share, int sharesBefore) {
    if (share.maskLength() >= 0 && share.maskLength() != graph.supplierCount()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "group share \"%s\": supplier mask has %d values: expected one per supplier (%d)",
          share.name(), share.maskLength(), graph.supplierCount()));
    }
    GroupShare onGraph = SupplierAlignment.onGraph(share, graph);
    SupplierAlignment.probe(onGraph, graph);
    if (sharesBefore == AllocationProblem.MAX_GROUPS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "at most %d group shares: \"%s\" is one too many", AllocationProblem.MAX_GROUPS, share.name()));
    }
    return onGraph;
  }

  /** A finite number of impressions {@code >= 0}. */
  static void checkImpressions(long supplierId, String what, double impressions) {
    if (!(impressions >= 0) || !Double.isFinite(impressions)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "supplier %d: %s (%s): expected a finite number of impressions >= 0", supplierId, what,
          impressions));
    }
  }

  /** An array of one value per supplier or edge. */
  static void checkLength(String what, int length, int expected, String per) {
    if (length != expected) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has %d values: expected one per %s (%d)", what, length, per, expected));
    }
  }
}
