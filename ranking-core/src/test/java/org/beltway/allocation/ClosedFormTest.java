package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** Small cases whose optimum is known in closed form (derived from the KKT conditions by hand). */
class ClosedFormTest {
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1)
      .gapTolerance(1e-10).violationTolerance(1e-10).build();

  private static void assertClose(double expected, double actual) {
    assertEquals(expected, actual, 1e-7 * Math.max(1, Math.abs(expected)));
  }

  @Test
  void noConstraintBindsSoEveryEdgeGetsItsFairExposure() {
    EligibilityGraph g = SmallGraphs.graph(new double[] {1000, 600}, 3, new int[][] {{1, 1}, {2, 1}, {3, 1}, {2, 2},
        {3, 2}});
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1, 2, 3}).build();
    AllocationPlan plan = SOLVER.solve(p);
    // θ = S_j μ_i / Σ μ: segment 10: 1000 · (1, 2, 3)/6; segment 20: 600 · (2, 3)/5
    assertClose(1000.0 / 6, plan.allocation(1, 10));
    assertClose(2000.0 / 6, plan.allocation(2, 10));
    assertClose(3000.0 / 6, plan.allocation(3, 10));
    assertClose(240, plan.allocation(2, 20));
    assertClose(360, plan.allocation(3, 20));
    assertEquals(0.0, plan.allocation(1, 20));
    assertTrue(plan.certificate().converged());
    assertEquals(0.0, plan.certificate().primalObjective(), 1e-9);
    assertEquals(1, plan.certificate().passes());
    assertTrue(plan.unmetPromises().isEmpty());
  }

  @Test
  void oneGuaranteeBindsAndTakesItsImpressionsFromTheSegment() {
    // θ_A = 250, θ_B = 750; A guaranteed 400: x_A = 400, x_B = S − 400 = 600 (α = 0.8, β = 0.2)
    EligibilityGraph g = SmallGraphs.graph(new double[] {1000}, 2, new int[][] {{1, 1}, {2, 1}});
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1, 3}).guarantee(1, 400)
        .build();
    AllocationPlan plan = SOLVER.solve(p);
    assertClose(400, plan.allocation(1, 10));
    assertClose(600, plan.allocation(2, 10));
    assertClose(0.8, plan.supplierLevel(0));
    assertClose(0.2, plan.segmentDual(0));
    // objective: 150²/500 + 150²/1500 = 45 + 15
    assertClose(60, plan.certificate().primalObjective());
    assertTrue(plan.unmetPromises().isEmpty());
  }

  @Test
  void aCapBindsAndTheTrafficItFreesStaysUnallocated() {
    // θ_A = 750 capped at 50% of 1000; B keeps θ_B = 250 (no one is pushed above fair exposure)
    EligibilityGraph g = SmallGraphs.graph(new double[] {1000}, 2, new int[][] {{1, 1}, {2, 1}});
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {3, 1}).capShareOfSegment(0.5)
        .build();
    AllocationPlan plan = SOLVER.solve(p);
    assertClose(500, plan.allocation(1, 10));
    assertClose(250, plan.allocation(2, 10));
    assertClose(750, plan.segmentAllocated(0));
    assertClose(250, plan.segmentUnallocated(0));
    assertEquals(0.0, plan.segmentDual(0));
  }

  @Test
  void aTotalCapBindsAcrossSegments() {
    // A alone in two segments of 300 and 100 (θ = 300, 100), total cap 200: x = θ(1 − κ) with κ = 0.5
    EligibilityGraph g = SmallGraphs.graph(new double[] {300, 100}, 1, new int[][] {{1, 1}, {1, 2}});
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1}).capTotal(1, 200).build();
    AllocationPlan plan = SOLVER.solve(p);
    assertClose(150, plan.allocation(1, 10));
    assertClose(50, plan.allocation(1, 20));
    assertClose(-0.5, plan.supplierLevel(0));
  }

  @Test
  void theQualityShareBindsOverTwoSegments() {
    // Segment 10 (1000): A (quality, θ 250), B (θ 750); segment 20 (1000): C (quality), D (θ 500 each).
    // Quality ≥ 80% of 2000. KKT: β_1 = λ/4, β_2 = λ/2, 750 + 437.5 λ = 1600, so λ = 1.942857…
    EligibilityGraph g = SmallGraphs.graph(new double[] {1000, 1000}, 4, new int[][] {{1, 1}, {2, 1}, {3, 2},
        {4, 2}});
    IntPredicate quality = row -> row == 0 || row == 2;
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1, 3, 1, 1})
        .share(GroupShare.builder("quality").suppliers(quality).atLeast(0.8).build()).build();
    AllocationPlan plan = SOLVER.solve(p);
    double lambda = 850.0 / 437.5;
    assertClose(lambda, plan.groupLevel(0));
    assertClose(250 * (1 + 0.75 * lambda), plan.allocation(1, 10));
    assertClose(750 * (1 - lambda / 4), plan.allocation(2, 10));
    assertClose(500 * (1 + lambda / 2), plan.allocation(3, 20));
    assertClose(500 * (1 - lambda / 2), plan.allocation(4, 20));
    assertClose(1600, plan.groupTotal("quality"));
    assertClose(0.8, plan.groupShare(0));
    assertTrue(plan.unmetPromises().isEmpty());
  }

  @Test
  void anEdgeWithZeroRelevanceGetsNothingAndDividesByNothing() {
    EligibilityGraph g = SmallGraphs.graph(new double[] {1000, 0}, 2, new int[][] {{1, 1}, {2, 1}, {1, 2}});
    double[] relevance = new double[g.edgeCount()];
    relevance[g.edge(0, 0)] = 1;
    relevance[g.edge(1, 0)] = 0;
    relevance[g.edge(0, 1)] = 1;
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1, 1}).relevance(relevance)
        .guarantee(2, 10).build();
    AllocationPlan plan = SOLVER.solve(p);
    assertClose(1000, plan.allocation(1, 10));
    assertEquals(0.0, plan.allocation(2, 10));
    assertEquals(0.0, plan.allocation(1, 20));
    assertEquals(0.0, plan.boost(g.edge(1, 0)));
    assertEquals(1, plan.unmetPromises().size());
    assertEquals(UnmetPromise.Binding.NO_ELIGIBLE_SEGMENT,
        plan.unmetPromises().get(0).binding().iterator().next());
  }
}
