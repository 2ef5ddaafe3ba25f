package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.junit.jupiter.api.Test;

class DayPlanTest {
  private static EligibilityGraph graph() {
    SegmentTable segments = SegmentTable.builder(1).add(Segment.of(7, 0, BuyerTier.TOP, Channel.WHOLESALE, 50)).build();
    return EligibilityGraph.builder(new long[] {1, 2}, segments).edge(1, 7).edge(2, 7).build();
  }

  @Test
  void holdsEdgesAndSegmentsAndLeavesTheRestUnallocated() {
    EligibilityGraph g = graph();
    DayPlan plan = new DayPlan(g);
    plan.set(0, 10);
    plan.set(1, 15);
    assertEquals(25, plan.allocated(0));
    TrafficDay day = TrafficDay.of(g, 0, new double[] {0.5, 0.5}, new boolean[2], new boolean[2], new double[2], 1);
    plan.leaveRestUnallocated(day);
    assertEquals(25, plan.unallocated(0));
    plan.clear();
    assertEquals(0, plan.allocated(0));
    assertEquals(0, plan.unallocated(0));
  }

  @Test
  void rejectsNegativeOrNonFiniteTrafficNamingTheEdgeOrSegment() {
    DayPlan plan = new DayPlan(graph());
    assertEquals("edge 1: impressions (-1.0): expected a finite number >= 0",
        assertThrows(IllegalArgumentException.class, () -> plan.set(1, -1)).getMessage());
    assertEquals("segment 0: unallocated (NaN): expected a finite number of impressions >= 0",
        assertThrows(IllegalArgumentException.class, () -> plan.setUnallocated(0, Double.NaN)).getMessage());
  }

  @Test
  void trafficDayValidatesItsInputs() {
    EligibilityGraph g = graph();
    assertEquals("an array has 1 values: expected one per supplier row (2)",
        assertThrows(IllegalArgumentException.class, () -> TrafficDay.of(g, 0, new double[1], new boolean[2],
            new boolean[2], new double[2], 1)).getMessage());
    assertEquals("row 1: guarantee (-3.0): expected a finite number of impressions >= 0",
        assertThrows(IllegalArgumentException.class, () -> TrafficDay.of(g, 0, new double[2], new boolean[2],
            new boolean[2], new double[] {0, -3}, 1)).getMessage());
    assertEquals("segmentCapShare must be in (0, 1]: 2.0",
        assertThrows(IllegalArgumentException.class, () -> TrafficDay.of(g, 0, new double[2], new boolean[2],
            new boolean[2], new double[2], 2)).getMessage());
    assertEquals("day (-1): expected >= 0",
        assertThrows(IllegalArgumentException.class, () -> TrafficDay.of(g, -1, new double[2], new boolean[2],
            new boolean[2], new double[2], 1)).getMessage());
    assertEquals("row 0: score (1.5): expected a number in [0, 1]",
        assertThrows(IllegalArgumentException.class, () -> TrafficDay.of(g, 0, new double[] {1.5, 0},
            new boolean[2], new boolean[2], new double[2], 1)).getMessage());
    TrafficDay day = TrafficDay.of(g, 3, new double[] {1, 0}, new boolean[] {true, false}, new boolean[2],
        new double[] {5, 0}, 0.5);
    assertEquals(3, day.day());
    assertEquals(50 * 1.05 / 1.1, day.fairExposure(0), 1e-9);
    assertEquals(5, day.guarantee(0));
    assertEquals(0.5, day.segmentCapShare());
  }
}
