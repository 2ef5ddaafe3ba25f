package org.beltway.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.EligibilityGraph;
import org.junit.jupiter.api.Test;

/**
 * A simulated day of at least a million queries over the 1%-scale marketplace, through the reranker
 * and the pacer, measured against the plan. Each query's candidates are the segment's eligible
 * suppliers (95% present, lognormal relevance) and ten organic listings outside the plan: the results
 * the plan's unallocated traffic (4.2% of it, almost all in segments of fewer than 20 eligible
 * suppliers) goes to. Without them a page must fill its places with planned suppliers that already
 * have their plan, and about a quarter of the guaranteed suppliers end more than 2% over.
 *
 * <p>The targets: the quality tier's share of delivered exposure within 0.5 points of the plan's, and
 * 99% of the guaranteed suppliers within 2% of plan. The last holds for suppliers planned at least 30
 * units of exposure; below that the smallest step of exposure (one listing at rank 10, 0.29 units) is
 * a large part of 2% of the plan, and 48 guaranteed suppliers are planned under 10 units. The test
 * asserts both figures and the overall one (about 96.5% today).
 */
class ReplayTest {

  @Test
  void aPacedDayIsMeasuredAgainstThePlan() {
    ServingMarket market = ServingMarket.onePercent();
    PlanSnapshot snapshot = market.snapshot(1);
    EligibilityGraph graph = market.graph;
    AllocationPlan plan = market.plan;
    int k = 10;
    ReplayDay day = ReplayDay.run(snapshot, graph, k, 0.95, 0.5, 10, Pacer.Settings.DEFAULT, 1_000, 9);
    int guaranteed = 0;
    int within = 0;
    int sizable = 0;
    int sizableWithin = 0;
    double plannedQuality = 0;
    double plannedAll = 0;
    double deliveredQuality = 0;
    double deliveredAll = 0;
    double worst = 0;
    for (int row = 0; row < graph.supplierCount(); row++) {
      int r = snapshot.row(graph.supplierId(row));
      double planned = plan.supplierTotalOfRow(row);
      double delivered = day.deliveredByRow[r];
      plannedAll += planned;
      deliveredAll += delivered;
      if (market.scores.qualityTier(row)) {
        plannedQuality += planned;
        deliveredQuality += delivered;
      }
      if (plan.problem().guarantee(row) > 0) {
        guaranteed++;
        double error = Math.abs(delivered - planned) / planned;
        worst = Math.max(worst, error);
        if (error <= 0.02) {
          within++;
        }
        if (planned >= 30) {
          sizable++;
          sizableWithin += error <= 0.02 ? 1 : 0;
        }
      }
    }
    double qualityPlanned = plannedQuality / plannedAll;
    double qualityDelivered = deliveredQuality / deliveredAll;
    System.out.printf(Locale.ROOT, "replay: %d queries, k %d; %d of %d guaranteed within 2%%"
        + " (worst %.3f), %d of %d planned >= 30 units; quality share planned %.4f delivered %.4f;"
        + " delivered %.0f of planned %.0f%n", day.queries, k, within, guaranteed, worst,
        sizableWithin, sizable, qualityPlanned, qualityDelivered, deliveredAll, plannedAll);
    assertTrue(day.queries >= 1_000_000, "queries: " + day.queries);
    assertTrue(sizableWithin >= 0.99 * sizable,
        sizableWithin + " of " + sizable + " guaranteed suppliers planned >= 30 units within 2%");
    assertTrue(within >= 0.96 * guaranteed, within + " of " + guaranteed + " guaranteed within 2%");
    assertEquals(qualityPlanned, qualityDelivered, 0.005, "quality tier's share of exposure");
    assertEquals(day.live.stats().exposure(), deliveredAll, 1e-6 * deliveredAll,
        "every page's exposure is counted on a supplier of the plan");
  }
}
