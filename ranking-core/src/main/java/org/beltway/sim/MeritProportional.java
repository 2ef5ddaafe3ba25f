package org.beltway.sim;

import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;

/**
 * The merit-proportional baseline: every segment's traffic is shared among its eligible suppliers in
 * proportion to merit, {@code x = θ} (the fair-exposure target of docs/design.md §4 with no constraint at
 * all). It makes no promise, so it is the reference against which the price of the guarantees is
 * measured. A segment with no eligible supplier leaves its traffic unallocated. Stateless.
 */
public final class MeritProportional implements TrafficStrategy {

  @Override
  public String ignores() {
    return "promises, shares";
  }

  @Override
  public String name() {
    return "proportional";
  }

  @Override
  public void plan(TrafficDay day, DayPlan plan) {
    Strict.nonNull(day, "day", TrafficDay.class);
    Strict.nonNull(plan, "plan", DayPlan.class);
    EligibilityGraph graph = day.graph();
    double[] x = plan.x;
    for (int j = 0, segments = graph.segmentCount(); j < segments; j++) {
      int from = graph.segmentStart(j);
      int to = from + graph.segmentDegree(j);
      double sum = 0;
      for (int e = from; e < to; e++) {
        x[e] = day.fairExposure(e);
        sum += x[e];
      }
      plan.unallocated[j] = sum > 0 ? Math.max(0.0, day.forecast(j) - sum) : day.forecast(j);
    }
  }
}
