package org.beltway.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;

/** No supplier has more than a share of one segment's forecast traffic. */
final class EdgeCapRule implements Rule<Exposure> {
  private final double share;
  private final String name;

  EdgeCapRule(double share) {
    Rules.checkShare("edge cap", share);
    this.share = share;
    this.name = String.format(Locale.ROOT, "no supplier above %s of a segment", Rules.percent(share));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Violation> check(Exposure subject) {
    Strict.nonNull(subject, "subject", Exposure.class);
    EligibilityGraph graph = subject.graph();
    List<Violation> out = new ArrayList<>();
    for (int e = 0, n = graph.edgeCount(); e < n; e++) {
      int j = graph.segmentOf(e);
      double cap = share * graph.segments().traffic(j);
      double x = subject.impressions(e);
      if (x > cap * (1 + Rules.TOLERANCE) + Rules.TOLERANCE) {
        long supplier = graph.supplierId(graph.supplierOf(e));
        long segment = graph.segments().id(j);
        out.add(new Violation(name, "supplier " + supplier, cap, x, String.format(Locale.ROOT,
            "supplier %d has %.1f impressions in segment %d: expected at most %.1f (%s of %.1f)",
            supplier, x, segment, cap, Rules.percent(share), graph.segments().traffic(j))));
      }
    }
    return out;
  }
}
