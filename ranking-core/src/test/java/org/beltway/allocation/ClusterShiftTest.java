package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.beltway.internal.Workers;
import org.beltway.internal.dual.DualAscent;
import org.beltway.internal.dual.DualsSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The cluster shifts (with floating and anchored segments) and the joint rescues run in every pass here,
 * as they do after a stagnating pass or a jump: each is an exact maximisation along a fixed direction
 * or over a block, so no pass may lower the dual or leave a dual outside its domain.
 */
class ClusterShiftTest {

  @Test
  void eachRoundOfShiftsRaisesTheDualComputedIndependently() {
    int[] moved = {0};
    qt().withFixedSeed(11L).withExamples(40).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      RandomInstance r = RandomInstance.randomOrQualityConflict(seed);
      try (Workers workers = new Workers(2)) {
        AllocationProblem problem = r.problem();
        DualAscent state = new DualAscent(problem.compiled(), workers, null);
        for (int pass = 0; pass < 8; pass++) {
          state.pass(1e-9, false);
          double before = lagrangian(problem, state);
          state.shiftClusters(1e-9);
          double after = lagrangian(problem, state);
          assertTrue(after >= before - 1e-9 * Math.abs(before), r + ": dual fell from " + before + " to "
              + after);
          if (after > before + 1e-9 * Math.abs(before)) {
            moved[0]++;
          }
        }
      }
    });
    assertTrue(moved[0] >= 20, "shifts raised the dual only " + moved[0] + " times");
  }

  /** The dual function at the state's duals, from the edges' traffic alone (not the solver's totals). */
  private static double lagrangian(AllocationProblem p, DualAscent state) {
    DualsSnapshot s = state.snapshot();
    EligibilityGraph graph = p.graph();
    double value = 0;
    double[] allocated = new double[graph.segmentCount()];
    double[] supplier = new double[graph.supplierCount()];
    double[] x = new double[graph.edgeCount()];
    for (int e = 0; e < x.length; e++) {
      x[e] = s.traffic(p.compiled(), e);
      double th = p.fairExposure(e);
      if (th > 0) {
        value += (x[e] - th) * (x[e] - th) / (2 * th);
      }
      allocated[graph.segmentOf(e)] += x[e];
      supplier[graph.supplierOf(e)] += x[e];
    }
    for (int j = 0; j < allocated.length; j++) {
      value += s.beta()[j] * (allocated[j] - p.segments().traffic(j));
    }
    int[] rows = p.compiled().rows;
    for (int k = 0; k < rows.length; k++) {
      double total = supplier[rows[k]];
      if (p.guarantee(rows[k]) > 0) {
        value += s.alpha()[k] * (p.guarantee(rows[k]) - total);
      }
      if (s.kappa()[k] > 0) {
        value -= s.kappa()[k] * (p.totalCap(rows[k]) - total);
      }
    }
    for (int g = 0; g < p.groupCount(); g++) {
      double total = 0;
      for (int e : p.groupEdges(g)) {
        total += x[e];
      }
      if (s.lambda()[g] > 0) {
        value += s.lambda()[g] * (p.groupLowerTarget(g) - total);
      }
      if (s.nu()[g] > 0) {
        value += s.nu()[g] * (total - p.groupUpperTarget(g));
      }
    }
    return value;
  }

  @Test
  void passesWithShiftsNeverLowerTheDualAndKeepDualsInTheirDomain() {
    qt().withFixedSeed(7L).withExamples(40).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      RandomInstance r = RandomInstance.randomOrQualityConflict(seed);
      try (Workers workers = new Workers(2)) {
        DualAscent state = new DualAscent(r.problem().compiled(), workers, null);
        state.pass(1e-9, false);
        double dual = state.assess().dual();
        for (int pass = 0; pass < 8; pass++) {
          state.pass(1e-9, true);
          double after = state.assess().dual();
          assertTrue(after >= dual - 1e-12 * Math.abs(dual), r + ": dual fell from " + dual + " to " + after);
          dual = after;
          DualDomain.assertHolds(state, r);
        }
      }
    });
  }
}
