package org.beltway.allocation;

import it.unimi.dsi.fastutil.longs.Long2DoubleLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2DoubleMap;
import java.util.Locale;
import org.beltway.internal.Strict;
import org.beltway.internal.dual.ProblemCompiler;

/**
 * The guarantees and caps an {@link AllocationProblem.Builder} collects, each checked when given (an
 * unknown supplier or segment, an invalid amount, a second value for the same supplier or edge) and
 * handed to the compiler in the order given, so the compiled problem does not depend on hash order.
 */
final class ProblemLimits {
  private final EligibilityGraph graph;
  private final Long2DoubleLinkedOpenHashMap guarantees = new Long2DoubleLinkedOpenHashMap();
  private double[] guaranteesByRow;
  private final Long2DoubleLinkedOpenHashMap capsPerSegment = new Long2DoubleLinkedOpenHashMap();
  private final Long2DoubleLinkedOpenHashMap capsTotal = new Long2DoubleLinkedOpenHashMap();
  private final Long2DoubleLinkedOpenHashMap capsEdge = new Long2DoubleLinkedOpenHashMap();

  ProblemLimits(EligibilityGraph graph) {
    this.graph = graph;
  }

  void guarantee(long supplierId, double impressions) {
    checkSupplier("guarantee", supplierId);
    ProblemInputs.checkImpressions(supplierId, "guarantee", impressions);
    if (guarantees.containsKey(supplierId)
        || (guaranteesByRow != null && guaranteesByRow[graph.row(supplierId)] > 0)) {
      throw twice(supplierId, "guarantee");
    }
    guarantees.put(supplierId, impressions);
  }

  void guarantees(double[] impressionsByRow) {
    Strict.requireUnset("guarantees", guaranteesByRow);
    ProblemInputs.checkLength("guarantees", impressionsByRow.length, graph.supplierCount(), "supplier");
    for (int i = 0; i < impressionsByRow.length; i++) {
      long id = graph.supplierId(i);
      ProblemInputs.checkImpressions(id, "guarantee", impressionsByRow[i]);
      if (impressionsByRow[i] > 0 && guarantees.containsKey(id)) {
        throw twice(id, "guarantee");
      }
    }
    guaranteesByRow = impressionsByRow.clone();
  }

  void capPerSegment(long supplierId, double impressions) {
    capSupplier(capsPerSegment, "capPerSegment", supplierId, impressions);
  }

  void capTotal(long supplierId, double impressions) {
    capSupplier(capsTotal, "capTotal", supplierId, impressions);
  }

  private void capSupplier(Long2DoubleLinkedOpenHashMap caps, String field, long supplierId,
      double impressions) {
    checkSupplier("cap", supplierId);
    ProblemInputs.checkImpressions(supplierId, field, impressions);
    if (caps.containsKey(supplierId)) {
      throw twice(supplierId, field);
    }
    caps.put(supplierId, impressions);
  }

  void capEdge(long supplierId, long segmentId, double impressions) {
    checkSupplier("cap", supplierId);
    int seg = graph.segments().index(segmentId);
    if (seg < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cap for unknown segment %d", segmentId));
    }
    int edge = graph.edge(graph.row(supplierId), seg);
    if (edge < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "supplier %d is not eligible in segment %d: no edge to cap", supplierId, segmentId));
    }
    ProblemInputs.checkImpressions(supplierId, "capEdge", impressions);
    if (capsEdge.containsKey(edge)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "edge (supplier %d, segment %d): capEdge given twice", supplierId, segmentId));
    }
    capsEdge.put(edge, impressions);
  }

  /** Hands every limit to the compiler: caps per segment and per edge, guarantees, total caps. */
  void applyTo(ProblemCompiler compiler) {
    for (Long2DoubleMap.Entry entry : capsPerSegment.long2DoubleEntrySet()) {
      compiler.capEachEdgeOf(graph.row(entry.getLongKey()), entry.getDoubleValue());
    }
    for (Long2DoubleMap.Entry entry : capsEdge.long2DoubleEntrySet()) {
      compiler.capEdge((int) entry.getLongKey(), entry.getDoubleValue());
    }
    if (guaranteesByRow != null) {
      for (int i = 0; i < guaranteesByRow.length; i++) {
        compiler.guarantee(i, guaranteesByRow[i]);
      }
    }
    for (Long2DoubleMap.Entry entry : guarantees.long2DoubleEntrySet()) {
      compiler.guaranteeById(graph.row(entry.getLongKey()), entry.getDoubleValue());
    }
    for (Long2DoubleMap.Entry entry : capsTotal.long2DoubleEntrySet()) {
      compiler.totalCap(graph.row(entry.getLongKey()), entry.getDoubleValue());
    }
  }

  private static IllegalArgumentException twice(long supplierId, String field) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "supplier %d: %s given twice",
        supplierId, field));
  }

  private void checkSupplier(String what, long supplierId) {
    if (graph.row(supplierId) < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s for unknown supplier %d", what, supplierId));
    }
  }
}
