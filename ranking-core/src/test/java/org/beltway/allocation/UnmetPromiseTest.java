package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.beltway.allocation.UnmetPromise.Binding;
import org.beltway.allocation.UnmetPromise.Kind;
import org.junit.jupiter.api.Test;

/** Promises that cannot be kept are met as far as possible and reported with what binds. */
class UnmetPromiseTest {
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1).build();
  private static final AllocationSolver TIGHT = AllocationSolver.builder().threads(1)
      .gapTolerance(1e-10).violationTolerance(1e-10).build();

  private static void assertNoNaN(AllocationPlan plan) {
    EligibilityGraph g = plan.problem().graph();
    for (int e = 0; e < g.edgeCount(); e++) {
      assertTrue(Double.isFinite(plan.x(e)), "edge " + e);
    }
    Certificate c = plan.certificate();
    assertTrue(Double.isFinite(c.primalObjective()) && Double.isFinite(c.dualBound())
        && Double.isFinite(c.relativeGap()), c::toString);
  }

  @Test
  void aGuaranteeLargerThanItsEligibleSupplyIsReportedWithItsShortfall() {
    EligibilityGraph g = SmallGraphs.graph(new double[] {100, 50, 400}, 2, new int[][] {{1, 1}, {1, 2}, {2, 1},
        {2, 2}, {2, 3}});
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1, 1}).guarantee(1, 500)
        .build();
    AllocationPlan plan = SOLVER.solve(p);
    assertTrue(plan.certificate().converged(), plan.certificate()::toString);
    assertEquals(150, plan.supplierTotal(1), 1e-6); // all of its two segments
    assertEquals(400, plan.allocation(2, 30), 1e-6); // the other supplier keeps its own segment
    List<UnmetPromise> unmet = plan.unmetPromises();
    assertEquals(1, unmet.size());
    UnmetPromise u = unmet.get(0);
    assertEquals(Kind.GUARANTEE, u.kind());
    assertEquals(1, u.supplierId());
    assertEquals(500, u.target());
    assertEquals(150, u.planned(), 1e-6);
    assertEquals(350, u.shortfall(), 1e-6);
    assertEquals(Set.of(Binding.SEGMENT_SUPPLY), u.binding());
    assertEquals("supplier 1: guarantee of 500.0 impressions, planned 150.0, short by 350.0: segment"
        + " supply exhausted in 2 of 2 eligible segments", u.explanation());
    assertNoNaN(plan);
  }

  @Test
  void aSupplierWithNoEligibleSegmentIsReportedNotRejected() {
    EligibilityGraph g = SmallGraphs.graph(new double[] {100}, 2, new int[][] {{1, 1}});
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1, 1}).guarantee(2, 30)
        .build();
    AllocationPlan plan = SOLVER.solve(p);
    assertTrue(plan.certificate().converged());
    UnmetPromise u = plan.unmetPromises().get(0);
    assertEquals(2, u.supplierId());
    assertEquals(30, u.shortfall(), 1e-12);
    assertEquals(Set.of(Binding.NO_ELIGIBLE_SEGMENT), u.binding());
    assertEquals("supplier 2: guarantee of 30.0 impressions, planned 0.0, short by 30.0: no eligible"
        + " segment", u.explanation());
    assertEquals(100, plan.allocation(1, 10), 1e-9); // the guarantee costs the others nothing
    assertNoNaN(plan);
  }

  @Test
  void aGuaranteeBlockedByCapsNamesTheCaps() {
    EligibilityGraph g = SmallGraphs.graph(new double[] {1000, 1000}, 3, new int[][] {{1, 1}, {1, 2}, {2, 1},
        {3, 2}});
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1, 1, 1})
        .capShareOfSegment(0.1).guarantee(1, 300).build();
    AllocationPlan plan = SOLVER.solve(p);
    UnmetPromise u = plan.unmetPromises().get(0);
    assertEquals(200, u.planned(), 1e-6);
    assertEquals(Set.of(Binding.EDGE_CAP), u.binding());
    assertTrue(u.explanation().endsWith("capped in 2 of 2 eligible segments"), u.explanation());
  }

  @Test
  void aGuaranteeAboveTheSuppliersOwnTotalCapNamesTheCap() {
    EligibilityGraph g = SmallGraphs.graph(new double[] {1000}, 2, new int[][] {{1, 1}, {2, 1}});
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1, 1}).guarantee(1, 300)
        .capTotal(1, 200).build();
    AllocationPlan plan = SOLVER.solve(p);
    assertEquals(200, plan.supplierTotal(1), 1e-6);
    UnmetPromise u = plan.unmetPromises().get(0);
    assertTrue(u.binding().contains(Binding.SUPPLIER_CAP), u::toString);
    assertTrue(u.explanation().contains("its total cap (200.0) is reached"), u.explanation());
    assertTrue(plan.certificate().converged(), plan.certificate()::toString);
  }

  @Test
  void conflictingSharesAreBothReportedAndMetAsFarAsPossible() {
    EligibilityGraph g = SmallGraphs.graph(new double[] {1000}, 2, new int[][] {{1, 1}, {2, 1}});
    boolean[] first = {true, false};
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1, 1})
        .share(GroupShare.builder("floor").suppliers(first).atLeast(0.8).build())
        .share(GroupShare.builder("cap").suppliers(first).atMost(0.5).build()).build();
    AllocationPlan plan = SOLVER.solve(p);
    assertTrue(plan.certificate().converged(), plan.certificate()::toString);
    List<UnmetPromise> unmet = plan.unmetPromises();
    assertEquals(1, unmet.size(), unmet::toString); // equal penalties: one of the two gives way
    UnmetPromise u = unmet.get(0);
    assertTrue(u.binding().contains(Binding.COMPETING_SHARE), u::toString);
    double x = plan.allocation(1, 10);
    assertTrue(x >= 500 - 1e-6 && x <= 800 + 1e-6, "between the two bounds: " + x);
    assertNoNaN(plan);
  }

  @Test
  void guaranteesWinOverSharesByDefaultAndLoseWhenGroupsComeFirst() {
    // One segment of 1000; supplier 1 guaranteed 600; the group {2} wants at least 80%.
    EligibilityGraph g = SmallGraphs.graph(new double[] {1000}, 2, new int[][] {{1, 1}, {2, 1}});
    boolean[] second = {false, true};
    GroupShare share = GroupShare.builder("quality").suppliers(second).atLeast(0.8).build();
    AllocationPlan guaranteesFirst = TIGHT.solve(AllocationProblem.builder(g)
        .merit(new double[] {1, 1}).guarantee(1, 600).share(share).build());
    assertEquals(600, guaranteesFirst.allocation(1, 10), 1e-6);
    assertEquals(Kind.SHARE_FLOOR, guaranteesFirst.unmetPromises().get(0).kind());
    assertEquals(Set.of(Binding.SEGMENT_SUPPLY), guaranteesFirst.unmetPromises().get(0).binding());

    AllocationPlan groupsFirst = TIGHT.solve(AllocationProblem.builder(g).merit(new double[] {1, 1})
        .guarantee(1, 600).share(share).priorities(Priorities.GROUPS_FIRST).build());
    assertEquals(800, groupsFirst.allocation(2, 10), 1e-6);
    assertEquals(Kind.GUARANTEE, groupsFirst.unmetPromises().get(0).kind());
    assertEquals(400, groupsFirst.unmetPromises().get(0).shortfall(), 1e-6);
  }

  @Test
  void aShareWithNoEligibleEdgeIsReported() {
    EligibilityGraph g = SmallGraphs.graph(new double[] {1000, 500}, 2, new int[][] {{1, 1}, {2, 2}});
    AllocationProblem p = AllocationProblem.builder(g).merit(new double[] {1, 1})
        .share(GroupShare.builder("belt").suppliers(row -> row == 1).segments(j -> j == 0).atLeast(0.1)
            .build()).build();
    AllocationPlan plan = SOLVER.solve(p);
    UnmetPromise u = plan.unmetPromises().get(0);
    assertEquals("belt", u.group());
    assertEquals(100, u.shortfall(), 1e-9);
    assertEquals(Set.of(Binding.NO_ELIGIBLE_SEGMENT), u.binding());
    assertEquals("group share \"belt\": at least 0.1 of 1000.0 impressions (100.0), planned 0.0, short"
        + " by 100.0: no supplier of the group is eligible in its segments", u.explanation());
    assertFalse(plan.certificate().primalObjective() < 0);
  }

  @Test
  void aPassLimitIsReportedInTheCertificateNotThrown() {
    RandomInstance r = RandomInstance.generate(4, RandomInstance.Shape.EVERYTHING, null);
    AllocationPlan plan = AllocationSolver.builder().threads(1).maxPasses(1).gapTolerance(1e-12)
        .violationTolerance(1e-12).build().solve(r.problem());
    assertEquals(Certificate.Termination.PASS_LIMIT, plan.certificate().termination());
    assertFalse(plan.certificate().converged());
    assertNoNaN(plan);
  }
}
