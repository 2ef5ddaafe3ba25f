package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beltway.internal.Workers;
import org.beltway.internal.dual.DualAscent;
import org.beltway.internal.dual.DualsSnapshot;
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
  void aSupplierThatChangesTierKeepsItsEdgeLevelsAndTheWarmStartReachesTheColdOptimum() {
    int moved = 0;
    for (long seed = 1; seed <= 10; seed++) {
      RandomInstance today = RandomInstance.qualityShareConflict(seed, 60, 8, 0.8, 2.0, 0.1,
          Priorities.GUARANTEES_FIRST);
      AllocationPlan plan = TIGHT.solve(today.problem());
      int quality = plan.problem().groupIndex("quality");
      double lambda = plan.groupLevel(quality);
      // a re-score: every third supplier changes tier
      RandomInstance.Group before = today.groups.get(0);
      boolean[] tier = before.suppliers().clone();
      for (int i = 0; i < tier.length; i += 3) {
        tier[i] = !tier[i];
      }
      RandomInstance tomorrow = today.withGroups(List.of(new RandomInstance.Group("quality", tier,
          before.segments(), before.atLeast(), before.atMost())));
      AllocationProblem next = tomorrow.problem();
      try (Workers workers = new Workers(1)) {
        DualAscent state = new DualAscent(next.compiled(), workers, null);
        state.warmStart(plan.warmStart(), new MatchById(plan.problem(), next));
        DualsSnapshot started = state.snapshot();
        assertEquals(lambda, started.groupLevel()[0], 0.0);
        int[] rows = next.compiled().rows;
        for (int k = 0; k < rows.length; k++) {
          int row = rows[k];
          int i = row; // the instance lists suppliers in row order
          double was = plan.supplierLevel(row);
          double shift = (before.suppliers()[i] ? lambda : 0.0) - (tier[i] ? lambda : 0.0);
          double expected = Math.max(0.0, Math.min(state.guaranteePenalty(), was + shift));
          assertEquals(expected, started.supplierLevel()[row], 1e-9 * Math.max(1, Math.abs(expected)),
              "seed " + seed + ", supplier " + i);
          if (shift != 0 && expected == was + shift) {
            moved++;
          }
        }
      }
      AllocationPlan warm = TIGHT.solve(next, plan);
      AllocationPlan cold = TIGHT.solve(next);
      assertTrue(warm.certificate().converged(), "seed " + seed + ": " + warm.certificate());
      for (int e = 0; e < next.graph().edgeCount(); e++) {
        assertEquals(cold.x(e), warm.x(e), 1e-4 * Math.max(1, cold.x(e)), "seed " + seed + ", edge " + e);
      }
    }
    assertTrue(moved >= 10, moved + " suppliers carried their level across a tier change");
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
