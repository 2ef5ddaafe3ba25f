package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.SupplierTable;
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

  /**
   * Regression (issue 14): scores of a table whose rows are in another order than the graph's were
   * taken by length alone, and a predicate over a smaller Scores failed with a bare
   * IndexOutOfBoundsException in the solver.
   */
  @Test
  void scoresAndPredicatesOfAnotherTableAreRefused() {
    Marketplace m = MarketplaceGenerator.generate(
        MarketplaceConfig.ofScale(0.0005, 3));
    SupplierTable table = m.suppliers();
    Scores scores = Scorer.DEFAULT.score(table);
    EligibilityGraph graph = EligibilityGraph.of(table, m.segments());
    long[] reversed = new long[table.size()];
    for (int r = 0; r < reversed.length; r++) {
      reversed[r] = table.id(reversed.length - 1 - r);
    }
    EligibilityGraph other = EligibilityGraph.builder(reversed, SegmentTable.builder(1)
        .add(Segment.of(1, 0, BuyerTier.TOP, Channel.WHOLESALE, 10)).build()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AllocationProblem.builder(other).scores(scores, Merit.DEFAULT));
    assertTrue(e.getMessage().startsWith("scores: row 0 is supplier " + table.id(0)), e.getMessage());
    AllocationProblem.builder(graph).scores(scores, Merit.DEFAULT).build();

    SupplierTable.Builder three = SupplierTable.builder(3);
    for (int r = 0; r < 3; r++) {
      three.add(table.supplier(r), table.signals(r));
    }
    Scores fewer = Scorer.DEFAULT.score(three.build());
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> AllocationProblem.builder(graph).share(GroupShare.builder("quality")
            .suppliers(fewer::qualityTier).atLeast(0.8).build()));
    assertTrue(p.getMessage().startsWith("group share \"quality\": its supplier predicate fails on row 3"),
        p.getMessage());
  }
}
