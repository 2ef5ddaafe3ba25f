package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.junit.jupiter.api.Test;

/**
 * HWM on two contracts and three segments, worked by hand.
 *
 * <pre>
 *   segments  A: S = 100   B: S = 200   C: S = 300
 *   supplier 1: contract d = 120, eligible in A, B     (eligible supply 300)
 *   supplier 2: contract d = 330, eligible in B, C     (eligible supply 500)
 *   supplier 3: no contract, eligible in A, B, C; merit 1.05 against 0.05 for the others
 * </pre>
 *
 * Order: supplier 1 (supply 300) before supplier 2 (500). Supplier 1: 100α + 200α = 120, α = 0.4: 40 of
 * A, 80 of B; left A 60, B 120, C 300. Supplier 2: breakpoints r/S are B 0.6, C 1.0; at α = 0.6 it
 * would get 120 + 180 = 300 &lt; 330, so B gives all its 120 and 300α = 330 − 120, α = 0.7: 210 of C;
 * left A 60, B 0, C 90. The rest goes merit-proportionally: A's 60 as 0.05 : 1.05 to suppliers 1 and 3,
 * C's 90 the same to suppliers 2 and 3.
 */
class HighWaterMarkTest {
  private static final double[] COMPOSITE = {0, 0, 1};

  private static EligibilityGraph graph() {
    SegmentTable segments = SegmentTable.builder(3)
        .add(Segment.of(10, 0, BuyerTier.OTHER, Channel.WHOLESALE, 100))
        .add(Segment.of(20, 1, BuyerTier.OTHER, Channel.WHOLESALE, 200))
        .add(Segment.of(30, 2, BuyerTier.OTHER, Channel.WHOLESALE, 300))
        .build();
    return EligibilityGraph.builder(new long[] {1, 2, 3}, segments)
        .edge(1, 10).edge(1, 20).edge(2, 20).edge(2, 30).edge(3, 10).edge(3, 20).edge(3, 30)
        .build();
  }

  private static double x(EligibilityGraph g, DayPlan plan, long supplier, int segment) {
    return plan.x(g.edge(g.row(supplier), segment));
  }

  @Test
  void allocatesTwoContractsByHand() {
    EligibilityGraph g = graph();
    HighWaterMark hwm = new HighWaterMark();
    DayPlan plan = new DayPlan(g);
    hwm.plan(TrafficDay.of(g, 0, COMPOSITE, new boolean[3], new boolean[3], new double[] {120, 330, 0}, 1.0),
        plan);
    assertEquals(0.4, hwm.alpha(0), 1e-12);
    assertEquals(0.7, hwm.alpha(1), 1e-12);
    assertTrue(Double.isNaN(hwm.alpha(2)));
    double low = 0.05 / 1.1;
    double high = 1.05 / 1.1;
    assertEquals(40 + 60 * low, x(g, plan, 1, 0), 1e-9);
    assertEquals(80, x(g, plan, 1, 1), 1e-9);
    assertEquals(120, x(g, plan, 2, 1), 1e-9);
    assertEquals(210 + 90 * low, x(g, plan, 2, 2), 1e-9);
    assertEquals(60 * high, x(g, plan, 3, 0), 1e-9);
    assertEquals(0, x(g, plan, 3, 1), 1e-9);
    assertEquals(90 * high, x(g, plan, 3, 2), 1e-9);
    for (int j = 0; j < 3; j++) {
      assertEquals(0, plan.unallocated(j), 1e-9);
    }
  }

  @Test
  void aContractShortOfSupplyTakesAllThatIsLeft() {
    EligibilityGraph g = graph();
    HighWaterMark hwm = new HighWaterMark();
    DayPlan plan = new DayPlan(g);
    // supplier 1 first takes 0.4 of A and B; supplier 2 wants 600 but only 120 + 300 are left
    hwm.plan(TrafficDay.of(g, 0, COMPOSITE, new boolean[3], new boolean[3], new double[] {120, 600, 0}, 1.0),
        plan);
    assertEquals(Double.POSITIVE_INFINITY, hwm.alpha(1));
    assertEquals(120, x(g, plan, 2, 1), 1e-9);
    assertEquals(300, x(g, plan, 2, 2), 1e-9);
    assertEquals(0, x(g, plan, 3, 2), 1e-9);
  }

  @Test
  void withoutContractsItIsMeritProportional() {
    EligibilityGraph g = graph();
    DayPlan hwm = new DayPlan(g);
    DayPlan fair = new DayPlan(g);
    TrafficDay day = TrafficDay.of(g, 0, COMPOSITE, new boolean[3], new boolean[3], new double[3], 1.0);
    new HighWaterMark().plan(day, hwm);
    new MeritProportional().plan(day, fair);
    for (int e = 0; e < g.edgeCount(); e++) {
      assertEquals(fair.x(e), hwm.x(e), 1e-9);
    }
  }
}
