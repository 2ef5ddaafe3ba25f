package org.beltway.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.Merit;
import org.beltway.allocation.SegmentTable;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

/**
 * The row-order and anonymity laws (issue 14), through the {@link Probes}: scores are bitwise invariant
 * under a permutation of the supplier table's rows, plans are not, because sums over a segment's edges
 * run in row order and floating-point addition is not associative. The laws hold to a stated
 * tolerance: every planned impression, keyed by (supplier id, segment id), agrees within
 * {@value #TOLERANCE} of its segment's traffic.
 */
class RowOrderLawTest {
  /** Relative to the segment's traffic: far above rounding (about 1e-15), far below the solver's 1e-6. */
  static final double TOLERANCE = 1e-9;
  private static final AllocationSolver SOLVER = Planners.SOLVER;
  private static final Probes.Planner PLANNER = Planners::byEntity;

  @Test
  void plansAgreeUnderARowPermutationAndARenamingWithinTheStatedTolerance() {
    qt().withExamples(5).withFixedSeed(11).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      Marketplace m = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.0005, seed));
      assertEquals(List.of(), Probes.rowOrder(PLANNER, m.suppliers(), m.segments(), seed, TOLERANCE));
      assertEquals(List.of(), Probes.anonymity(PLANNER, m.suppliers(), m.segments(), seed, TOLERANCE));
    });
  }

  /** The probe sees a planner that depends on row order: one that favours the first row. */
  @Test
  void theProbeCatchesAPlannerThatDependsOnRowOrder() {
    Marketplace m = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.0005, 5));
    Probes.Planner firstRowFavoured = (suppliers, segments) -> {
      EligibilityGraph graph = EligibilityGraph.of(suppliers, segments);
      double[] merit = new double[suppliers.size()];
      java.util.Arrays.fill(merit, 1.0);
      merit[0] = 50.0;
      return Exposure.of(SOLVER.solve(AllocationProblem.builder(graph).merit(merit).build()));
    };
    assertFalse(Probes.rowOrder(firstRowFavoured, m.suppliers(), m.segments(), 5, TOLERANCE).isEmpty());
  }

  /** The anonymity probe sees a planner that reads ids: one that favours the smallest. */
  @Test
  void theProbeCatchesAPlannerThatFavoursSmallIds() {
    Marketplace m = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.0005, 6));
    Probes.Planner smallIdsFirst = (suppliers, segments) -> {
      EligibilityGraph graph = EligibilityGraph.of(suppliers, segments);
      long smallest = Long.MAX_VALUE;
      for (int r = 0; r < suppliers.size(); r++) {
        smallest = Math.min(smallest, suppliers.id(r));
      }
      double[] merit = new double[suppliers.size()];
      for (int r = 0; r < merit.length; r++) {
        merit[r] = suppliers.id(r) == smallest ? 50.0 : 1.0;
      }
      return Exposure.of(SOLVER.solve(AllocationProblem.builder(graph).merit(merit).build()));
    };
    assertFalse(Probes.anonymity(smallIdsFirst, m.suppliers(), m.segments(), 6, TOLERANCE).isEmpty());
  }
}
