package org.beltway.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;

/** Every guaranteed supplier gets at least its guaranteed impressions. */
final class GuaranteeRule implements Rule<Exposure> {
  private final double[] guarantees;

  GuaranteeRule(double[] guaranteesByRow) {
    Strict.nonNull(guaranteesByRow, "guaranteesByRow", double[].class);
    for (int r = 0; r < guaranteesByRow.length; r++) {
      if (!(guaranteesByRow[r] >= 0 && guaranteesByRow[r] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "guarantee of row %d (%s): expected a finite number >= 0", r, guaranteesByRow[r]));
      }
    }
    this.guarantees = guaranteesByRow.clone();
  }

  @Override
  public String name() {
    return "guarantees delivered";
  }

  @Override
  public List<Violation> check(Exposure subject) {
    Strict.nonNull(subject, "subject", Exposure.class);
    EligibilityGraph graph = subject.graph();
    if (guarantees.length != graph.supplierCount()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "guarantees have %d values: expected one per supplier of the subject's graph (%d)",
          guarantees.length, graph.supplierCount()));
    }
    double[] x = SupplierTotals.of(subject).impressions();
    List<Violation> out = new ArrayList<>();
    for (int r = 0; r < x.length; r++) {
      double d = guarantees[r];
      if (d > 0 && x[r] < d * (1 - Rules.TOLERANCE)) {
        long id = graph.supplierId(r);
        out.add(new Violation(name(), "supplier " + id, d, x[r], String.format(Locale.ROOT,
            "supplier %d has %.1f impressions: expected at least its guarantee of %.1f", id, x[r], d)));
      }
    }
    return out;
  }
}
