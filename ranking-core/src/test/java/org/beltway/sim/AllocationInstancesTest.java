package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.allocation.AllocationProblem;
import org.junit.jupiter.api.Test;

class AllocationInstancesTest {
  private static double[] guarantees(AllocationProblem p) {
    double[] g = new double[p.graph().supplierCount()];
    for (int r = 0; r < g.length; r++) {
      g[r] = p.guarantee(r);
    }
    return g;
  }

  @Test
  void theSameArgumentsGiveTheSameInstanceAndAnotherSeedAnother() {
    AllocationInstances.Instance a = AllocationInstances.generate(5, 0.0005, 0.2, 0.1);
    AllocationInstances.Instance b = AllocationInstances.generate(5, 0.0005, 0.2, 0.1);
    AllocationInstances.Instance c = AllocationInstances.generate(6, 0.0005, 0.2, 0.1);
    assertArrayEquals(guarantees(a.problem()), guarantees(b.problem()), 0);
    assertEquals(a.problem().fairExposure(7), b.problem().fairExposure(7), 0);
    assertNotEquals(a.problem().graph().edgeCount(), c.problem().graph().edgeCount());
  }

  @Test
  void aboutTheAskedShareIsGuaranteedWithinHalfOfWhatCapsAllow() {
    AllocationInstances.Instance i = AllocationInstances.generate(9, 0.001, 0.3, 0.1);
    AllocationProblem p = i.problem();
    int n = p.graph().supplierCount();
    int promised = 0;
    for (int r = 0; r < n; r++) {
      if (p.guarantee(r) > 0) {
        promised++;
        double capped = 0;
        for (int k = 0; k < p.graph().supplierDegree(r); k++) {
          capped += p.edgeCap(p.graph().supplierEdge(r, k));
        }
        assertTrue(p.guarantee(r) <= 0.5 * capped * (1 + 1e-12), "row " + r);
      }
    }
    assertEquals(0.3, (double) promised / n, 0.05);
    assertEquals(3, p.groupCount(), "quality, TOP buyers to quality, head");
    assertEquals(0, guarantees(AllocationInstances.generate(9, 0.0005, 0, 0.1).problem())[0]);
  }

  @Test
  void argumentsOutOfRangeAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AllocationInstances.generate(1, 0.001, 1.5, 0.1));
    assertEquals("guaranteedShare (1.5): expected a share in [0, 1]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AllocationInstances.generate(1, 0.001, 0.1, 0));
  }
}
