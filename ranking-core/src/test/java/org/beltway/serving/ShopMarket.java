package org.beltway.serving;

import java.util.SplittableRandom;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Merit;
import org.beltway.entity.Entities;
import org.beltway.entity.EntityGraph;
import org.beltway.entity.ShopPlan;
import org.beltway.guarantee.DayZeroGuarantees;
import org.beltway.policy.Policies;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;

/**
 * A generated day (0.3% scale, seed 11) whose shops are grouped into businesses of 1 to 4 shops, planned
 * by entity under the 2025 policy with guarantees, per-shop relevance and some tighter edge caps, and
 * shared among the shops: the entity plan the shop-snapshot tests serve.
 */
final class ShopMarket {
  final SupplierTable shops;
  final Entities entities;
  final EntityGraph graph;
  final ShopPlan plan;

  private ShopMarket() {
    Marketplace market = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.003, 11));
    SplittableRandom random = new SplittableRandom(11);
    shops = withEntities(market.suppliers(), random);
    entities = Entities.of(shops);
    EligibilityGraph shopGraph = EligibilityGraph.of(shops, market.segments());
    double[] relevance = new double[shopGraph.edgeCount()];
    for (int e = 0; e < relevance.length; e++) {
      relevance[e] = random.nextInt(4) == 0 ? 1.0 : 0.25 + random.nextDouble();
    }
    graph = entities.graph(shopGraph, relevance);
    EligibilityGraph g = graph.graph();
    SupplierTable merged = entities.merged();
    Scores scores = Scorer.DEFAULT.score(merged);
    boolean[] quality = new boolean[scores.size()];
    boolean[] head = new boolean[scores.size()];
    for (int row = 0; row < quality.length; row++) {
      quality[row] = scores.qualityTier(row);
      head[row] = scores.headTier(row);
    }
    AllocationProblem.Builder b = AllocationProblem.builder(g).scores(scores, Merit.DEFAULT)
        .relevance(graph.relevance()).capShareOfSegment(0.05);
    for (int e = 0; e < g.edgeCount(); e += 41) {
      int j = g.segmentOf(e);
      b.capEdge(g.supplierId(g.supplierOf(e)), g.segments().id(j), 0.002 * g.segments().traffic(j));
    }
    AllocationProblem problem = Policies.industrialBeltRecovery2025(g.segments()).qualityTier(quality)
        .headCap(head, 0.15).guarantees(DayZeroGuarantees.impressionsByRow(merged)).build()
        .applyTo(b).build();
    AllocationPlan entityPlan = AllocationSolver.defaults().solve(problem);
    plan = graph.split(entityPlan);
  }

  /** The table with consecutive shops grouped into businesses of 1 to 4, each named by its first. */
  private static SupplierTable withEntities(SupplierTable table, SplittableRandom random) {
    SupplierTable.Builder b = SupplierTable.builder(table.size());
    int left = 0;
    long entity = 0;
    for (int row = 0; row < table.size(); row++) {
      Supplier s = table.supplier(row);
      if (left == 0) {
        left = 1 + random.nextInt(4);
        entity = 1_000_000_000L + s.id();
      }
      left--;
      b.add(new Supplier(s.id(), entity, s.tier(), s.factory(), s.belt(), s.city(), s.categories(),
          s.programs(), s.priorityClasses(), s.daysOnPlatform()), table.signals(row));
    }
    return b.build();
  }

  private static ShopMarket day;

  /** The day, planned once per test run. */
  static synchronized ShopMarket day() {
    if (day == null) {
      day = new ShopMarket();
    }
    return day;
  }

  PlanSnapshot snapshot(long version) {
    return PlanSnapshot.of(plan, new SnapshotHeader(ServingMarket.NAME, version, 1_700_000_000_000L));
  }
}
