package org.beltway.serving;

import java.util.function.BiFunction;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Merit;
import org.beltway.guarantee.DayZeroGuarantees;
import org.beltway.policy.Policies;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.SupplierTable;

/**
 * A generated marketplace day planned under the 2025 policy (quality tier, head cap, channel
 * programs, 5% segment cap) with every eligible promise enrolled: the plan the serving tests serve.
 */
final class ServingMarket {
  static final String NAME = "test-market";
  final Marketplace market;
  final Scores scores;
  final EligibilityGraph graph;
  final double[] guarantees;
  final AllocationPlan plan;

  private ServingMarket(double scale, long seed, BiFunction<AllocationProblem.Builder, EligibilityGraph, AllocationProblem.Builder> extra) {
    market = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(scale, seed));
    SupplierTable table = market.suppliers();
    graph = EligibilityGraph.of(table, market.segments());
    scores = Scorer.DEFAULT.score(table);
    guarantees = DayZeroGuarantees.impressionsByRow(table);
    boolean[] quality = new boolean[scores.size()];
    boolean[] head = new boolean[scores.size()];
    for (int row = 0; row < quality.length; row++) {
      quality[row] = scores.qualityTier(row);
      head[row] = scores.headTier(row);
    }
    AllocationProblem.Builder builder = extra.apply(AllocationProblem.builder(graph)
        .scores(scores, Merit.DEFAULT).capShareOfSegment(0.05), graph);
    AllocationProblem problem = Policies.industrialBeltRecovery2025(graph.segments())
        .qualityTier(quality).headCap(head, 0.15).guarantees(guarantees).build().applyTo(builder)
        .build();
    plan = AllocationSolver.defaults().solve(problem);
  }

  private static ServingMarket onePercent;

  /** The 1%-scale day (seed 42), planned once per test run. */
  static synchronized ServingMarket onePercent() {
    if (onePercent == null) {
      onePercent = new ServingMarket(0.01, 42, (b, g) -> b);
    }
    return onePercent;
  }

  private static ServingMarket withExceptions;

  /**
   * A small day (0.3% scale, seed 7) with relevance on every edge, tighter caps on every 37th edge
   * and per-segment caps on every 53rd supplier: a plan whose snapshot lists edge exceptions.
   */
  static synchronized ServingMarket withExceptions() {
    if (withExceptions == null) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(5);
      withExceptions = new ServingMarket(0.003, 7, (b, graph) -> {
        double[] relevance = new double[graph.edgeCount()];
        for (int e = 0; e < relevance.length; e++) {
          relevance[e] = 0.5 + random.nextDouble();
        }
        b.relevance(relevance);
        for (int e = 0; e < graph.edgeCount(); e += 37) {
          int j = graph.segmentOf(e);
          b.capEdge(graph.supplierId(graph.supplierOf(e)), graph.segments().id(j),
              0.001 * graph.segments().traffic(j));
        }
        for (int row = 0; row < graph.supplierCount(); row += 53) {
          b.capPerSegment(graph.supplierId(row), 5.0);
        }
        return b;
      });
    }
    return withExceptions;
  }

  /** A day at {@code scale} with extra terms on the problem (relevance, caps). */
  static ServingMarket of(double scale, long seed, BiFunction<AllocationProblem.Builder, EligibilityGraph, AllocationProblem.Builder> extra) {
    return new ServingMarket(scale, seed, extra);
  }

  PlanSnapshot snapshot(long version) {
    return PlanSnapshot.of(plan, market.suppliers(), new SnapshotHeader(NAME, version, 1_700_000_000_000L));
  }
}
