package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A quality share and supplier guarantees that cannot all hold, with the share's edges at their caps
 * (the shape of the simulation's daily problem, where block coordinate ascent used to crawl): the
 * solver converges in a modest number of passes and agrees with ojAlgo's elastic QP.
 */
class InfeasibleShareTest {
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1).build();
  private static final AllocationSolver TIGHT = AllocationSolver.builder().threads(1)
      .gapTolerance(1e-11).violationTolerance(1e-10).maxPasses(100_000).build();

  @Test
  void conflictingShareAndGuaranteesConvergeInFewPasses() {
    for (double factor : new double[] {1.2, 3.0}) {
      for (double capShare : new double[] {0.05, 0.2}) {
        RandomInstance r = RandomInstance.qualityShareConflict(7, 600, 60, 0.8, factor, capShare,
            Priorities.GUARANTEES_FIRST);
        AllocationPlan plan = SOLVER.solve(r.problem());
        Certificate c = plan.certificate();
        String label = String.format(Locale.ROOT, "%s, guarantees %.1f x fair, cap share %.2f: %s", r,
            factor, capShare, c);
        assertTrue(c.converged(), label);
        assertTrue(c.passes() <= 200, label);
        // the share cannot hold: it is reported, never silently dropped
        assertTrue(plan.unmetPromises().stream()
            .anyMatch(u -> u.kind() == UnmetPromise.Kind.SHARE_FLOOR), label);
      }
    }
  }

  @Test
  void conflictingShareAndGuaranteesAgreeWithOjAlgo() {
    Priorities penalties = new Priorities(50.0, 5.0);
    for (long seed = 1; seed <= 5; seed++) {
      RandomInstance r = RandomInstance.qualityShareConflict(seed, 16, 4, 0.8, 2.0, 0.3, penalties);
      ReferenceQp.Solution reference = ReferenceQp.solve(r);
      assertTrue(reference.state().isOptimal(), () -> r + ": ojAlgo state " + reference.state());
      AllocationProblem problem = r.problem();
      AllocationPlan plan = TIGHT.solve(problem);
      Certificate c = plan.certificate();
      assertTrue(c.converged(), () -> r + ": " + c);
      double[] mine = ReferenceQp.planned(r, plan);
      assertTrue(ReferenceQp.feasible(r, mine), () -> r + ": plan breaks a hard constraint");
      double objective = ReferenceQp.objective(r, mine);
      assertEquals(reference.objective(), objective,
          1e-6 * Math.max(1.0, Math.abs(reference.objective())), r::toString);
      for (int k = 0; k < r.edges(); k++) {
        double theirs = reference.x()[k];
        assertEquals(theirs, mine[k], 1e-4 * Math.max(1.0, Math.abs(theirs)), r + ": edge " + k);
      }
    }
  }
}
