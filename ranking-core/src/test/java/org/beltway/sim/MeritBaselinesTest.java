package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Merit;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.junit.jupiter.api.Test;

/** Merit-proportional exposure and merit-only ranking on hand-built cases. */
class MeritBaselinesTest {

  /** Suppliers 1..4 all eligible in segment 10 (S = 1 200); suppliers 1 and 2 also in segment 20 (S = 0). */
  private static EligibilityGraph graph() {
    SegmentTable segments = SegmentTable.builder(2)
        .add(Segment.of(10, 0, BuyerTier.TOP, Channel.WHOLESALE, 1200))
        .add(Segment.of(20, 1, BuyerTier.TOP, Channel.WHOLESALE, 0))
        .build();
    return EligibilityGraph.builder(new long[] {1, 2, 3, 4}, segments)
        .edge(1, 10).edge(2, 10).edge(3, 10).edge(4, 10).edge(1, 20).edge(2, 20)
        .build();
  }

  private static TrafficDay day(EligibilityGraph g, double... composite) {
    int n = composite.length;
    return TrafficDay.of(g, 0, composite, new boolean[n], new boolean[n], new double[n], 1.0);
  }

  @Test
  void proportionalIsTheFairExposure() {
    EligibilityGraph g = graph();
    double[] composite = {0.2, 0.9, 0.5, 0.5};
    TrafficDay day = day(g, composite);
    DayPlan plan = new DayPlan(g);
    new MeritProportional().plan(day, plan);
    double sum = 0;
    for (double c : composite) {
      sum += Merit.DEFAULT.of(c);
    }
    for (int r = 0; r < 4; r++) {
      int e = g.edge(r, 0);
      assertEquals(day.fairExposure(e), plan.x(e), 0.0);
      assertEquals(1200 * Merit.DEFAULT.of(composite[r]) / sum, plan.x(e), 1e-9);
    }
    assertEquals(0, plan.x(g.edge(0, 1)));
    assertEquals(0, plan.unallocated(1));
  }

  @Test
  void rankingPutsTheBestFirstWithExposureFallingAsOneOverPosition() {
    EligibilityGraph g = graph();
    DayPlan plan = new DayPlan(g);
    // order: supplier 2 (0.9), then 3 and 4 tied at 0.5 (smaller id first), then 1 (0.2)
    new MeritRanking(1.0).plan(day(g, 0.2, 0.9, 0.5, 0.5), plan);
    double h = 1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4;
    assertEquals(1200 / h, plan.x(g.edge(1, 0)), 1e-9);
    assertEquals(1200 / h / 2, plan.x(g.edge(2, 0)), 1e-9);
    assertEquals(1200 / h / 3, plan.x(g.edge(3, 0)), 1e-9);
    assertEquals(1200 / h / 4, plan.x(g.edge(0, 0)), 1e-9);
    assertEquals(0, plan.unallocated(0), 1e-9);
  }

  @Test
  void rankingFollowsTheScoresWhenTheyChange() {
    EligibilityGraph g = graph();
    MeritRanking ranking = new MeritRanking(2.0);
    DayPlan plan = new DayPlan(g);
    ranking.plan(day(g, 0.2, 0.9, 0.5, 0.4), plan);
    double first = plan.x(g.edge(1, 0));
    plan.clear();
    ranking.plan(day(g, 0.95, 0.9, 0.5, 0.4), plan);
    assertEquals(first, plan.x(g.edge(0, 0)), 1e-9, "supplier 1 now leads with the leader's exposure");
    assertEquals(first / 4, plan.x(g.edge(1, 0)), 1e-9, "decay 2: position 2 gets a quarter");
  }

  @Test
  void zeroDecaySharesEqually() {
    EligibilityGraph g = graph();
    DayPlan plan = new DayPlan(g);
    new MeritRanking(0).plan(day(g, 0.2, 0.9, 0.5, 0.5), plan);
    for (int r = 0; r < 4; r++) {
      assertEquals(300, plan.x(g.edge(r, 0)), 1e-9);
    }
  }

  @Test
  void rejectsAnInvalidDecay() {
    assertEquals("position decay must be a finite number >= 0: -1.0",
        assertThrows(IllegalArgumentException.class, () -> new MeritRanking(-1)).getMessage());
  }
}
