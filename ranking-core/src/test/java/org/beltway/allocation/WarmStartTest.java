package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A warm start reaches the same optimum as a cold start, from yesterday's duals, in fewer passes. */
class WarmStartTest {
  private static final AllocationSolver TIGHT = AllocationSolver.builder().threads(1)
      .gapTolerance(1e-10).violationTolerance(1e-10).build();

  @Test
  void warmStartAfterDriftReachesTheColdOptimumInFewerPasses() {
    int warmPasses = 0;
    int coldPasses = 0;
    for (long seed = 1; seed <= 25; seed++) {
      RandomInstance today = RandomInstance.generate(seed, RandomInstance.Shape.EVERYTHING, null);
      AllocationPlan plan = TIGHT.solve(today.problem());
      RandomInstance tomorrow = today.drifted(seed + 1000, 0.05);
      AllocationProblem next = tomorrow.problem();
      AllocationPlan warm = TIGHT.solve(next, plan);
      AllocationPlan cold = TIGHT.solve(next);
      assertTrue(warm.certificate().converged(), "seed " + seed + ": " + warm.certificate());
      for (int e = 0; e < next.graph().edgeCount(); e++) {
        assertEquals(cold.x(e), warm.x(e), 1e-4 * Math.max(1, cold.x(e)), "seed " + seed + ", edge " + e);
      }
      warmPasses += warm.certificate().passes();
      coldPasses += cold.certificate().passes();
    }
    assertTrue(warmPasses < coldPasses, warmPasses + " warm passes, " + coldPasses + " cold");
  }

  @Test
  void dualsAreCarriedOverBySupplierIdSegmentIdAndGroupName() {
    RandomInstance r = RandomInstance.generate(7, RandomInstance.Shape.EVERYTHING, null);
    AllocationProblem original = r.problem();
    AllocationPlan plan = TIGHT.solve(original);
    // the same marketplace with suppliers listed in reverse order: rows differ, ids do not
    int n = r.suppliers();
    long[] reversed = new long[n];
    double[] merit = new double[n];
    for (int i = 0; i < n; i++) {
      reversed[i] = r.supplierIds[n - 1 - i];
      merit[i] = r.merit[n - 1 - i];
    }
    EligibilityGraph.Builder gb = EligibilityGraph.builder(reversed, r.segmentTable());
    for (int k = 0; k < r.edges(); k++) {
      gb.edge(r.supplierIds[r.edgeSupplier[k]], RandomInstance.segmentId(r.edgeSegment[k]));
    }
    AllocationProblem permuted = r.problem(gb.build(), merit); // the same promises, keyed by id
    AllocationPlan warm = TIGHT.solve(permuted, plan);
    assertTrue(warm.certificate().converged());
    assertEquals(1, warm.certificate().passes(), warm.certificate()::toString); // already optimal
    for (int i = 0; i < n; i++) {
      assertEquals(plan.supplierLevel(n - 1 - i), warm.supplierLevel(i),
          1e-6 * Math.max(1, Math.abs(plan.supplierLevel(n - 1 - i))));
    }
  }
}
