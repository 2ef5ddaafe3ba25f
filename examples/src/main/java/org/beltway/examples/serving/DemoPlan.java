package org.beltway.examples.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.Merit;
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
 * What {@code --demo} serves: a generated marketplace's plan, solved as in the quick start (quality tier
 * at 80% or more, no supplier above 5% of a segment), written as snapshots of any plan version. In
 * production the planner writes the snapshots and the search node only reads them.
 */
final class DemoPlan {
  /** The demo's marketplace name. */
  static final String MARKETPLACE = "demo";
  private final AllocationPlan plan;
  private final SupplierTable suppliers;

  private DemoPlan(AllocationPlan plan, SupplierTable suppliers) {
    this.plan = plan;
    this.suppliers = suppliers;
  }

  /** Generates and plans a marketplace at {@code scale} of the national one (0.001: 1070 suppliers). */
  static DemoPlan solve(double scale, long seed) {
    Marketplace market = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(scale, seed));
    Scores scores = Scorer.DEFAULT.score(market.suppliers());
    EligibilityGraph graph = EligibilityGraph.of(market.suppliers(), market.segments());
    AllocationPlan plan = AllocationSolver.defaults().solve(AllocationProblem.builder(graph)
        .scores(scores, Merit.DEFAULT).capShareOfSegment(0.05)
        .share(GroupShare.builder("quality").suppliers(scores::qualityTier).atLeast(0.8).build()).build());
    return new DemoPlan(plan, market.suppliers());
  }

  /** The plan's snapshot, as plan version {@code version}. */
  PlanSnapshot snapshot(long version) {
    return PlanSnapshot.of(plan, suppliers, new SnapshotHeader(MARKETPLACE, version,
        System.currentTimeMillis()));
  }

  /** Writes the snapshot of plan version {@code version} into {@code dir} as {@code plan-<version>.snap}. */
  Path write(Path dir, long version) throws IOException {
    Path file = dir.resolve(String.format(Locale.ROOT, "plan-%06d.snap", version));
    SnapshotFormat.write(snapshot(version), file);
    return file;
  }
}
