package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.beltway.internal.Workers;
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
        DualAscent state = new DualAscent(r.problem(), workers);
        for (int pass = 0; pass < 8; pass++) {
          state.pass(1e-9, false);
          double before = lagrangian(state);
          state.shiftClusters(1e-9);
          double after = lagrangian(state);
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
  private static double lagrangian(DualAscent s) {
    AllocationProblem p = s.problem;
    double value = 0;
    double[] allocated = new double[s.segments];
    double[] supplier = new double[p.graph().supplierCount()];
    double[] x = new double[s.theta.length];
    for (int e = 0; e < x.length; e++) {
      x[e] = s.traffic(e);
      double th = s.theta[e];
      if (th > 0) {
        value += (x[e] - th) * (x[e] - th) / (2 * th);
      }
      allocated[s.segOf[e]] += x[e];
      supplier[s.supOf[e]] += x[e];
    }
    for (int j = 0; j < s.segments; j++) {
      value += s.beta[j] * (allocated[j] - s.traffic[j]);
    }
    for (int k = 0; k < s.constrained; k++) {
      double total = supplier[s.rows[k]];
      if (s.demand[k] > 0) {
        value += s.alpha[k] * (s.demand[k] - total);
      }
      if (s.kappa[k] > 0) {
        value -= s.kappa[k] * (s.totalCap[k] - total);
      }
    }
    for (int g = 0; g < s.groups; g++) {
      double total = 0;
      for (int e : p.groupEdges(g)) {
        total += x[e];
      }
      if (s.lambda[g] > 0) {
        value += s.lambda[g] * (p.groupLowerTarget(g) - total);
      }
      if (s.nu[g] > 0) {
        value += s.nu[g] * (total - p.groupUpperTarget(g));
      }
    }
    return value;
  }

  @Test
  void passesWithShiftsNeverLowerTheDualAndKeepDualsInTheirDomain() {
    qt().withFixedSeed(7L).withExamples(40).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      RandomInstance r = RandomInstance.randomOrQualityConflict(seed);
      try (Workers workers = new Workers(2)) {
        DualAscent state = new DualAscent(r.problem(), workers);
        state.pass(1e-9, false);
        double dual = state.assess()[1];
        for (int pass = 0; pass < 8; pass++) {
          state.pass(1e-9, true);
          double after = state.assess()[1];
          assertTrue(after >= dual - 1e-12 * Math.abs(dual), r + ": dual fell from " + dual + " to " + after);
          dual = after;
          DualDomain.assertHolds(state, r);
        }
      }
    });
  }
}
