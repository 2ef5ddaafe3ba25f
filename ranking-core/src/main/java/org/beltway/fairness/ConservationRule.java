package org.beltway.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;

/** Every impression of the forecast is allocated or reported unallocated, segment by segment. */
final class ConservationRule implements Rule<AllocationPlan> {
  @Override
  public String name() {
    return "traffic conserved";
  }

  @Override
  public List<Violation> check(AllocationPlan plan) {
    Strict.nonNull(plan, "subject", AllocationPlan.class);
    EligibilityGraph graph = plan.problem().graph();
    List<Violation> out = new ArrayList<>();
    for (int j = 0, n = graph.segmentCount(); j < n; j++) {
      double sum = 0;
      for (int e = graph.segmentStart(j), end = e + graph.segmentDegree(j); e < end; e++) {
        sum += plan.x(e);
      }
      double forecast = graph.segments().traffic(j);
      double accounted = sum + plan.segmentUnallocated(j);
      if (Math.abs(accounted - forecast) > Rules.TOLERANCE * Math.max(1.0, forecast)) {
        long id = graph.segments().id(j);
        out.add(new Violation(name(), "segment " + id, forecast, accounted, String.format(Locale.ROOT,
            "segment %d: allocated %.3f + unallocated %.3f = %.3f: expected its forecast %.3f", id, sum,
            plan.segmentUnallocated(j), accounted, forecast)));
      }
    }
    return out;
  }
}
