package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import java.util.Random;
import org.beltway.internal.Workers;
import org.beltway.internal.dual.DualAscent;
import org.beltway.internal.dual.DualValue;
import org.junit.jupiter.api.Test;

/**
 * The solver's Newton step ({@code NewtonStep}): where no edge changes regime it lands on the optimum in one
 * step (the dual is quadratic there), and wherever it is taken the dual never decreases and every dual
 * stays in its domain.
 */
class NewtonStepTest {

  /**
   * Half the suppliers are guaranteed 1.2 times their fair exposure, no edge is capped and the boosts
   * are small enough that no edge falls to zero: after one pass every guaranteed supplier and every
   * segment it reaches is active, the free set is every edge, and Newton's linear system is the
   * problem's own optimality conditions, solved up to the conjugate-gradient tolerance.
   */
  private static AllocationProblem interior(long seed) {
    Random rnd = new Random(seed);
    int suppliers = 24;
    int segmentCount = 6;
    double[] traffic = new double[segmentCount];
    for (int j = 0; j < segmentCount; j++) {
      traffic[j] = 1000 + 4000 * rnd.nextDouble();
    }
    int[][] edges = new int[suppliers * segmentCount][];
    int n = 0;
    for (int i = 1; i <= suppliers; i++) {
      for (int j = 1; j <= segmentCount; j++) {
        edges[n++] = new int[] {i, j}; // every segment holds guaranteed suppliers, so every one binds
      }
    }
    EligibilityGraph graph = SmallGraphs.graph(traffic, suppliers, edges);
    double[] merit = new double[suppliers];
    for (int i = 0; i < suppliers; i++) {
      merit[i] = 0.5 + rnd.nextDouble();
    }
    AllocationProblem plain = AllocationProblem.builder(graph).merit(merit).build();
    AllocationProblem.Builder b = AllocationProblem.builder(graph).merit(merit);
    for (int i = 0; i < suppliers; i += 2) {
      double exposure = 0;
      for (int k = 0; k < graph.supplierDegree(i); k++) {
        exposure += plain.fairExposure(graph.supplierEdge(i, k));
      }
      b.guarantee(i + 1, 1.2 * exposure);
    }
    return b.build();
  }

  @Test
  void newtonLandsOnTheOptimumWhenNoEdgeChangesRegime() {
    int exact = 0;
    for (long seed = 1; seed <= 20; seed++) {
      AllocationProblem problem = interior(seed);
      try (Workers workers = new Workers(1)) {
        DualAscent state = new DualAscent(problem.compiled(), workers, null);
        state.pass(1e-12, false);
        DualValue before = state.assess();
        assertTrue(before.guaranteeViolation() > 1e-3, "seed " + seed + ": one pass already meets the guarantees");
        if (state.newtonReach() < 1) {
          continue; // some dual leaves its regime on the way: the step is not exact there
        }
        exact++;
        assertTrue(state.newton(before.dual()), "seed " + seed + ": no Newton step");
        DualValue after = state.assess();
        String label = String.format(Locale.ROOT, "seed %d: gap %.3e, guarantee violation %.3e, "
            + "supply violation %.3e", seed, after.gap(), after.guaranteeViolation(), after.supplyViolation());
        // exact up to the conjugate-gradient tolerance (residual reduced by 1e-4 from above 1e-3)
        assertTrue(Math.abs(after.gap()) < 1e-7, label);
        assertTrue(after.guaranteeViolation() < 1e-7, label);
        assertTrue(after.supplyViolation() < 1e-7, label);
      }
    }
    assertTrue(exact >= 10, exact + " of 20 instances keep every dual in its regime");
  }

  @Test
  void newtonNeverLowersTheDualAndKeepsDualsInTheirDomain() {
    qt().withFixedSeed(42L).withExamples(40).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      RandomInstance r = RandomInstance.randomOrQualityConflict(seed);
      AllocationProblem problem = r.problem();
      try (Workers workers = new Workers(1)) {
        DualAscent state = new DualAscent(problem.compiled(), workers, null);
        for (int pass = 0; pass < 6; pass++) {
          state.pass(1e-9, false);
          double dual = state.assess().dual();
          state.newton(dual);
          double after = state.assess().dual();
          assertTrue(after >= dual - 1e-12 * Math.abs(dual), r + ": dual fell from " + dual + " to " + after);
          DualDomain.assertHolds(state, r);
        }
      }
    });
  }
}
