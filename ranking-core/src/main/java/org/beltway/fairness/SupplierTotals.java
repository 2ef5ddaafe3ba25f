package org.beltway.fairness;

import org.beltway.allocation.EligibilityGraph;

/** Each supplier's impressions and fair exposure summed over its edges. */
record SupplierTotals(double[] impressions, double[] fair) {
  static SupplierTotals of(Exposure subject) {
    EligibilityGraph graph = subject.graph();
    double[] x = new double[graph.supplierCount()];
    double[] f = new double[graph.supplierCount()];
    for (int e = 0, n = graph.edgeCount(); e < n; e++) {
      int row = graph.supplierOf(e);
      x[row] += subject.impressions(e);
      f[row] += subject.fair(e);
    }
    return new SupplierTotals(x, f);
  }
}
