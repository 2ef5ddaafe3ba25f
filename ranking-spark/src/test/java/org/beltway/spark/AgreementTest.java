package org.beltway.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.Certificate;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.Merit;
import org.beltway.sim.AllocationInstances;
import org.junit.jupiter.api.Test;

/**
 * The Spark solver agrees with the single-machine solver: objective within 1e-6 relative, every edge's
 * traffic within 1e-4 of its segment's, on generated marketplaces of the 2025 policy with binding
 * guarantees, caps and shares.
 */
class AgreementTest {
  private static final AllocationSolver SINGLE = AllocationSolver.builder().threads(1)
      .gapTolerance(1e-9).violationTolerance(1e-9).build();
  private static final SparkSolver SPARK = SparkSolver.builder().gapTolerance(1e-9)
      .violationTolerance(1e-9).build();

  static void assertAgree(AllocationProblem problem, SparkPlan spark, String what) {
    AllocationPlan single = SINGLE.solve(problem);
    Certificate a = single.certificate();
    Certificate b = spark.certificate();
    assertTrue(a.converged(), what + ": single machine " + a);
    assertTrue(b.converged(), what + ": spark " + b);
    assertEquals(a.primalObjective(), b.primalObjective(), 1e-6 * Math.abs(a.primalObjective()),
        what + ": objective");
    AllocationPlan loaded = SINGLE.certify(problem, spark.duals());
    double worst = 0;
    for (int e = 0; e < problem.graph().edgeCount(); e++) {
      double s = problem.segments().traffic(problem.graph().segmentOf(e));
      worst = Math.max(worst, Math.abs(loaded.x(e) - single.x(e)) / Math.max(s, 1e-300));
    }
    assertTrue(worst <= 1e-4, what + ": largest |Δx| / S_j " + worst);
    assertEquals(b.primalObjective(), loaded.certificate().primalObjective(),
        1e-9 * Math.abs(b.primalObjective()), what + ": the loaded plan's objective");
  }

  @Test
  void generatedMarketplacesWithBindingGuaranteesCapsAndSharesAgree() {
    SparkSession spark = LocalSpark.get();
    double[][] cases = {{1, 0.02}, {2, 0.05}};
    for (double[] c : cases) {
      AllocationProblem problem = AllocationInstances.generate((long) c[0], 0.0005, c[1], 0.1)
          .problem();
      SparkPlan plan = SPARK.solve(spark, SparkProblem.of(spark, problem));
      assertAgree(problem, plan, "seed " + (long) c[0] + ", guaranteed share " + c[1]);
    }
  }

  @Test
  void anInfeasibleGuaranteeIsGivenUpAndReportedAlike() {
    SparkSession spark = LocalSpark.get();
    AllocationInstances.Instance base = AllocationInstances.generate(3, 0.0005, 0.0, 0.1);
    EligibilityGraph graph = base.graph();
    long supplier = graph.supplierId(0);
    double reachable = 0;
    for (int k = 0; k < graph.supplierDegree(0); k++) {
      reachable += graph.segments().traffic(graph.segmentOf(graph.supplierEdge(0, k)));
    }
    AllocationProblem problem = AllocationProblem.builder(graph).scores(base.scores(), Merit.DEFAULT)
        .capShareOfSegment(0.1).guarantee(supplier, 2 * reachable)
        .share(GroupShare.builder("quality").suppliers(base.scores()::qualityTier).atLeast(0.8)
            .build()).build();
    SparkPlan plan = SPARK.solve(spark, SparkProblem.of(spark, problem));
    assertAgree(problem, plan, "infeasible guarantee");
    Shortfall miss = plan.unmetPromises().stream().filter(s -> s.kind().equals("guarantee"))
        .findFirst().orElseThrow();
    assertEquals("supplier " + supplier, miss.who());
    assertTrue(miss.givenUp(), miss.toString());
    assertEquals(2 * reachable, miss.target(), 0.0);
    assertTrue(SINGLE.certify(problem, plan.duals()).unmetPromises().stream()
        .anyMatch(u -> u.toString().contains(Long.toString(supplier))));
  }
}
