package org.beltway.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;
import org.beltway.supplier.Program;
import org.beltway.supplier.SupplierTable;

/**
 * Every impression goes to a supplier that sells in the segment's category and joined the segment's
 * channel program: a supplier never receives traffic from a program it did not join.
 */
final class OptInRule implements Rule<Exposure> {
  private final SupplierTable suppliers;

  OptInRule(SupplierTable suppliers) {
    Strict.nonNull(suppliers, "suppliers", SupplierTable.class);
    this.suppliers = suppliers;
  }

  @Override
  public String name() {
    return "opt-in respected";
  }

  @Override
  public List<Violation> check(Exposure subject) {
    Strict.nonNull(subject, "subject", Exposure.class);
    EligibilityGraph graph = subject.graph();
    List<Violation> out = new ArrayList<>();
    for (int e = 0, n = graph.edgeCount(); e < n; e++) {
      double x = subject.impressions(e);
      if (!(x > 0)) {
        continue;
      }
      long id = graph.supplierId(graph.supplierOf(e));
      int j = graph.segmentOf(e);
      long segment = graph.segments().id(j);
      int row = suppliers.row(id);
      String why = null;
      Program program = graph.segments().channel(j).program();
      if (row < 0) {
        why = "is not in the supplier table";
      } else if (!suppliers.sellsIn(row, graph.segments().category(j))) {
        why = "does not sell in category " + graph.segments().category(j);
      } else if (program != null && !suppliers.joined(row, program)) {
        why = "did not join program " + program;
      }
      if (why != null) {
        out.add(new Violation(name(), "supplier " + id, 0, x, String.format(Locale.ROOT,
            "supplier %d has %.1f impressions in segment %d but %s: expected none", id, x, segment, why)));
      }
    }
    return out;
  }
}
