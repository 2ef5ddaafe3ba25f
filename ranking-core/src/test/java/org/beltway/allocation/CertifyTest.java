package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.allocation.Certificate.Termination;
import org.junit.jupiter.api.Test;

/** Duals computed elsewhere come back as the same plan, certified here; bad duals are refused. */
class CertifyTest {
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1)
      .gapTolerance(1e-9).violationTolerance(1e-9).build();

  @Test
  void aPlansOwnDualsCertifyToTheSamePlanBitForBit() {
    for (long seed = 1; seed <= 12; seed++) {
      RandomInstance instance = RandomInstance.generate(seed, RandomInstance.Shape.EVERYTHING, null);
      AllocationPlan solved = SOLVER.solve(instance.problem());
      AllocationPlan loaded = SOLVER.certify(instance.problem(), solved.duals());
      for (int e = 0; e < instance.problem().graph().edgeCount(); e++) {
        assertEquals(solved.x(e), loaded.x(e), 0.0, "seed " + seed + ", edge " + e);
      }
      Certificate a = solved.certificate();
      Certificate b = loaded.certificate();
      assertEquals(a.primalObjective(), b.primalObjective(), 1e-12 * Math.abs(a.primalObjective()));
      assertEquals(a.dualBound(), b.dualBound(), 1e-12 * Math.abs(a.dualBound()), "seed " + seed);
      assertEquals(a.converged(), b.converged(), "seed " + seed + ": " + b);
      assertEquals(0, b.passes());
      assertEquals(solved.unmetPromises().size(), loaded.unmetPromises().size(), "seed " + seed);
      for (int j = 0; j < instance.problem().segments().size(); j++) {
        assertEquals(instance.problem().segments().traffic(j),
            loaded.segmentAllocated(j) + loaded.segmentUnallocated(j), 0.0);
      }
    }
  }

  @Test
  void zeroDualsCertifyOnlyWhereClippedFairExposureIsItselfOptimal() {
    int unconverged = 0;
    for (long seed = 1; seed <= 12; seed++) {
      RandomInstance instance = RandomInstance.generate(seed, RandomInstance.Shape.EVERYTHING, null);
      Certificate optimum = SOLVER.solve(instance.problem()).certificate();
      Certificate zero = SOLVER.certify(instance.problem(), new PlanDuals(new long[0], new double[0],
          new long[0], new double[0], new String[0], new double[0])).certificate();
      // weak duality holds at any point of the domain
      assertTrue(zero.dualBound() <= optimum.primalObjective() * (1 + 1e-9) + 1e-9, "seed " + seed);
      // x = clip(θ, 0, u) is the optimum where no promise binds
      boolean fairIsOptimal = zero.maxViolation() <= 1e-9 && Math.abs(zero.primalObjective()
          - optimum.primalObjective()) <= 1e-6 * Math.abs(optimum.primalObjective());
      assertEquals(fairIsOptimal, zero.converged(), "seed " + seed + ": " + zero);
      if (!zero.converged()) {
        assertEquals(Termination.NOT_CONVERGED, zero.termination());
        unconverged++;
      }
    }
    assertTrue(unconverged > 0, "no instance needed its duals");
  }

  @Test
  void dualsOutsideTheDomainOrOfAnotherProblemAreRefusedByName() {
    RandomInstance instance = RandomInstance.generate(5, RandomInstance.Shape.EVERYTHING, null);
    AllocationProblem problem = instance.problem();
    long supplier = problem.graph().supplierId(0);
    int unconstrained = -1;
    for (int r = 0; r < problem.graph().supplierCount() && unconstrained < 0; r++) {
      if (problem.guarantee(r) == 0 && problem.totalCap(r) == Double.POSITIVE_INFINITY) {
        unconstrained = r;
      }
    }
    long free = problem.graph().supplierId(unconstrained);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SOLVER.certify(
        problem, new PlanDuals(new long[] {free}, new double[] {0.5}, new long[0], new double[0],
            new String[0], new double[0])));
    assertTrue(e.getMessage().startsWith("supplier " + free + ": level is 0.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SOLVER.certify(problem, new PlanDuals(
        new long[] {-77}, new double[] {0}, new long[0], new double[0], new String[0], new double[0])));
    assertTrue(e.getMessage().startsWith("supplier -77: has a level but is not in"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SOLVER.certify(problem, new PlanDuals(
        new long[] {supplier, supplier}, new double[] {0, 0}, new long[0], new double[0],
        new String[0], new double[0])));
    assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PlanDuals(new long[0], new double[0],
        new long[] {4}, new double[] {-1}, new String[0], new double[0]));
    assertEquals("segment 4: supply dual is -1.0: expected a finite number >= 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SOLVER.certify(problem, new PlanDuals(
        new long[0], new double[0], new long[0], new double[0], new String[] {"nope"},
        new double[] {0})));
    assertTrue(e.getMessage().startsWith("group 'nope': has a level but"), e.getMessage());
  }
}
