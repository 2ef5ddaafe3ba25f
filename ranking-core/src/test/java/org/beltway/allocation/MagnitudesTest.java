package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Regressions (issue 14): finite inputs near the top of the double range made fair exposure NaN or
 * infinite, and the certificate still said CONVERGED with nothing allocated.
 */
class MagnitudesTest {
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1).build();

  private static EligibilityGraph graph(double... traffic) {
    return SmallGraphs.graph(traffic, 2, new int[][] {{1, 1}, {2, 1}});
  }

  @Test
  void meritNearTheTopOfTheRangeGivesTheSameSharesAsSmallMerit() {
    AllocationPlan huge = SOLVER.solve(AllocationProblem.builder(graph(1000))
        .merit(new double[] {Double.MAX_VALUE, Double.MAX_VALUE / 3}).build());
    AllocationPlan small = SOLVER.solve(AllocationProblem.builder(graph(1000)).merit(new double[] {3, 1}).build());
    assertTrue(huge.certificate().converged(), huge.certificate().toString());
    assertEquals(750.0, huge.problem().fairExposure(0), 1e-9);
    assertEquals(small.x(0), huge.x(0), 1e-9);
    assertEquals(small.x(1), huge.x(1), 1e-9);
  }

  @Test
  void meritTimesRelevanceThatOverflowsIsScaled() {
    AllocationPlan plan = SOLVER.solve(AllocationProblem.builder(graph(1000)).merit(new double[] {1e200, 1e200})
        .relevance(new double[] {1e200, 3e200}).build());
    assertEquals(250.0, plan.problem().fairExposure(0), 1e-9);
    assertEquals(750.0, plan.problem().fairExposure(1), 1e-9);
    assertEquals(1000.0, plan.x(0) + plan.x(1), 1e-6);
  }

  @Test
  void trafficAboveTheBoundIsRefusedWithItsFigure() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> graph(1e300, 1e300));
    assertTrue(e.getMessage().startsWith("total traffic of 2 segments (2.0E300): expected at most 1.0E15"),
        e.getMessage());
  }
}
