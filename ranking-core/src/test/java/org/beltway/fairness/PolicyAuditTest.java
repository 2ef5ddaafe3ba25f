package org.beltway.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Merit;
import org.beltway.policy.Policies;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.junit.jupiter.api.Test;

/**
 * The rules as a policy owner would use them: Beltway's plan under the 2025 policy passes an audit of
 * that policy, stated independently of the solver, on generated marketplaces; merit-proportional
 * exposure (the plan's own θ) breaks the quality share.
 */
class PolicyAuditTest {

  @Test
  void beltwaysPlanPassesThePolicyAuditAndFairExposureDoesNot() {
    for (long seed = 1; seed <= 3; seed++) {
      Marketplace m = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.001, seed));
      Scores scores = Scorer.DEFAULT.score(m.suppliers());
      EligibilityGraph graph = EligibilityGraph.of(m.suppliers(), m.segments());
      boolean[] quality = new boolean[graph.supplierCount()];
      for (int r = 0; r < quality.length; r++) {
        quality[r] = scores.qualityTier(r);
      }
      AllocationProblem problem = Policies.industrialBeltRecovery2025(graph.segments())
          .qualityTier(quality).build()
          .applyTo(AllocationProblem.builder(graph).scores(scores, Merit.DEFAULT).capShareOfSegment(0.05))
          .build();
      AllocationPlan plan = AllocationSolver.builder().threads(1).build().solve(problem);
      Audit<Exposure> policy = Audit.of(Rules.shareAtLeast("quality", scores::qualityTier, 0.8),
          Rules.topBuyersToGroup("quality", scores::qualityTier, 0.6), Rules.edgeCap(0.05),
          Rules.optIn(m.suppliers()));
      AuditReport report = policy.run("seed " + seed, Exposure.of(plan));
      assertTrue(report.passed() == plan.unmetPromises().isEmpty(), report.text() + plan.unmetPromises());
      assertTrue(Audit.of(Rules.conservation()).run("seed " + seed, plan).passed());
      // where no promise binds, the policy moves suppliers of a class alike
      assertEquals(java.util.List.of(), Rules.proportionalExposure(problem, 1e-9).check(Exposure.of(plan)));
      // the new-supplier floor reports the share new suppliers have, computed here by hand
      double all = 0;
      double fresh = 0;
      for (int e = 0; e < graph.edgeCount(); e++) {
        all += plan.x(e);
        fresh += m.suppliers().daysOnPlatform(graph.supplierOf(e)) < 90 ? plan.x(e) : 0;
      }
      double share = fresh / all;
      assertTrue(Rules.newSupplierFloor(m.suppliers(), 90, share).check(Exposure.of(plan)).isEmpty());
      assertEquals(share, Rules.newSupplierFloor(m.suppliers(), 90, Math.min(1, share + 0.01))
          .check(Exposure.of(plan)).get(0).actual(), 1e-12);
      double[] fair = new double[graph.edgeCount()];
      for (int e = 0; e < fair.length; e++) {
        fair[e] = problem.fairExposure(e);
      }
      AuditReport proportional = policy.run("x = θ", Exposure.delivered(graph, fair, fair));
      assertFalse(proportional.findings().get(0).held(), proportional.text());
    }
  }
}
