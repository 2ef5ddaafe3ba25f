package org.beltway.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Merit;
import org.beltway.policy.Policies;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.SnapshotFormat;
import org.beltway.serving.SnapshotHeader;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.SupplierTable;

/**
 * Two plans of one generated marketplace day (0.1% scale, seed 42: about a thousand suppliers) under
 * the 2025 policy with its channel programs (no guarantees), as ranking-core's serving tests plan theirs: {@code A}
 * with a 5% segment cap and a 15% head cap, {@code B} with 2% and 5%, so the boosts and the reranked
 * orders differ.
 */
final class TestPlans {
  static final String MARKETPLACE = "solr-test";
  final SupplierTable suppliers;
  final AllocationPlan a;
  final AllocationPlan b;

  private TestPlans(double scale, long seed) {
    Marketplace market = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(scale, seed));
    suppliers = market.suppliers();
    EligibilityGraph graph = EligibilityGraph.of(suppliers, market.segments());
    Scores scores = Scorer.DEFAULT.score(suppliers);
    boolean[] quality = new boolean[scores.size()];
    boolean[] head = new boolean[scores.size()];
    for (int row = 0; row < quality.length; row++) {
      quality[row] = scores.qualityTier(row);
      head[row] = scores.headTier(row);
    }
    a = solve(graph, scores, quality, head, 0.05, 0.15);
    b = solve(graph, scores, quality, head, 0.02, 0.05);
  }

  private static AllocationPlan solve(EligibilityGraph graph, Scores scores, boolean[] quality,
      boolean[] head, double segmentCap, double headCap) {
    AllocationProblem.Builder builder = AllocationProblem.builder(graph)
        .scores(scores, Merit.DEFAULT).capShareOfSegment(segmentCap);
    AllocationProblem problem = Policies.industrialBeltRecovery2025(graph.segments())
        .qualityTier(quality).headCap(head, headCap).build().applyTo(builder)
        .build();
    return AllocationSolver.defaults().solve(problem);
  }

  private static TestPlans shared;

  /** The plans, solved once per test run. */
  static synchronized TestPlans get() {
    if (shared == null) {
      shared = new TestPlans(0.001, 42);
    }
    return shared;
  }

  PlanSnapshot snapshot(AllocationPlan plan, long version) {
    return PlanSnapshot.of(plan, suppliers, new SnapshotHeader(MARKETPLACE, version,
        1_700_000_000_000L + version));
  }

  /** Writes a plan as {@code plan-<version>.snap} into the directory. */
  Path write(AllocationPlan plan, long version, Path dir) throws IOException {
    Path file = dir.resolve(String.format(Locale.ROOT, "plan-%06d.snap", version));
    SnapshotFormat.write(snapshot(plan, version), file);
    return file;
  }
}
