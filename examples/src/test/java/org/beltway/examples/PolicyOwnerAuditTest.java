package org.beltway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.fairness.Audit;
import org.beltway.fairness.AuditReport;
import org.beltway.fairness.Exposure;
import org.beltway.fairness.Rules;
import org.beltway.score.Scores;
import org.beltway.sim.AllocationInstances;
import org.beltway.sim.BeltwayStrategy;
import org.junit.jupiter.api.Test;

/**
 * The test a policy owner copies: declare the policy once as rules, generate marketplaces, plan them,
 * and assert the audit is clean. Any test framework works; the rules are plain Java. Replace the rules
 * and the instances with your own; keep the seed in the message so a failure can be replayed.
 */
class PolicyOwnerAuditTest {
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1).build();

  /** The 2025 policy, stated without the solver. */
  private static Audit<Exposure> policy(AllocationInstances.Instance instance) {
    Scores scores = instance.scores();
    AllocationProblem problem = instance.problem();
    return Audit.of(
        Rules.shareAtLeast("quality", scores::qualityTier, 0.8),
        Rules.topBuyersToGroup("quality", scores::qualityTier, 0.6),
        Rules.shareAtMost("head", scores::headTier, BeltwayStrategy.HEAD_CAP),
        Rules.edgeCap(0.2),
        Rules.optIn(instance.marketplace().suppliers()),
        Rules.guarantees(guarantees(problem)),
        Rules.proportionalExposure(problem, 1e-9),
        Rules.starvation(0.1, 0.5));
  }

  @Test
  void theAuditOfThePolicyIsCleanOnGeneratedMarketplaces() {
    for (long seed = 1; seed <= 3; seed++) {
      AllocationInstances.Instance instance = AllocationInstances.generate(seed, 0.001, 0.02, 0.2);
      AllocationPlan plan = SOLVER.solve(instance.problem());
      AuditReport report = policy(instance).run("seed " + seed,
          Exposure.of(plan));
      assertEquals(List.of(), plan.unmetPromises(), "seed " + seed);
      assertTrue(report.passed(), report.text());
    }
  }

  private static double[] guarantees(AllocationProblem problem) {
    double[] g = new double[problem.graph().supplierCount()];
    for (int r = 0; r < g.length; r++) {
      g[r] = problem.guarantee(r);
    }
    return g;
  }
}
