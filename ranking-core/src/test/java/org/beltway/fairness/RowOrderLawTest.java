package org.beltway.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.Merit;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

/**
 * The row-order law (issue 14): scores are bitwise invariant under a permutation of the supplier
 * table's rows, plans are not, because sums over a segment's edges run in row order and floating-point
 * addition is not associative. The law holds to a stated tolerance: every planned impression, keyed by
 * (supplier id, segment id), agrees within {@value #TOLERANCE} of its segment's traffic.
 */
class RowOrderLawTest {
  /** Relative to the segment's traffic: far above rounding (about 1e-15), far below the solver's 1e-6. */
  static final double TOLERANCE = 1e-9;
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1)
      .gapTolerance(1e-12).violationTolerance(1e-11).maxPasses(100_000).build();

  @Test
  void plansAgreeUnderARowPermutationWithinTheStatedTolerance() {
    qt().withExamples(6).withFixedSeed(11).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      Marketplace m = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.0005, seed));
      SupplierTable table = m.suppliers();
      int n = table.size();
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Random random = new Random(seed);
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      SupplierTable.Builder b = SupplierTable.builder(n);
      for (int i = 0; i < n; i++) {
        b.add(table.supplier(order[i]), table.signals(order[i]));
      }
      SupplierTable permuted = b.build();
      AllocationPlan a = plan(table, m);
      AllocationPlan p = plan(permuted, m);
      EligibilityGraph graph = a.problem().graph();
      for (int e = 0; e < graph.edgeCount(); e++) {
        long supplier = graph.supplierId(graph.supplierOf(e));
        long segment = graph.segments().id(graph.segmentOf(e));
        double traffic = graph.segments().traffic(graph.segmentOf(e));
        assertEquals(a.x(e), p.allocation(supplier, segment), TOLERANCE * Math.max(1.0, traffic),
            "seed " + seed + ", supplier " + supplier + ", segment " + segment);
      }
    });
  }

  private static AllocationPlan plan(SupplierTable table, Marketplace m) {
    Scores scores = Scorer.DEFAULT.score(table);
    EligibilityGraph graph = EligibilityGraph.of(table, m.segments());
    return SOLVER.solve(AllocationProblem.builder(graph).scores(scores, Merit.DEFAULT).capShareOfSegment(0.2)
        .share(GroupShare.builder("quality").suppliers(scores::qualityTier).atLeast(0.8).build()).build());
  }
}
