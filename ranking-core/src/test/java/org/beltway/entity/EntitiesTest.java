package org.beltway.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Claimant;
import org.beltway.supplier.Count;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.PriorityClass;
import org.beltway.supplier.Program;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

class EntitiesTest {
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1)
      .gapTolerance(1e-12).violationTolerance(1e-11).build();

  private static Signals signals(int orders, int shipped, double sales, double price) {
    return Signals.builder().count(Count.ORDERS, orders).count(Count.SHIPPED_IN_48H, shipped)
        .amount(Amount.SALES, sales).amount(Amount.PRICE_INDEX, price).claimant(2, 1, 0, 0.5).build();
  }

  /** Two shops of entity 100 and a shop that is its own business. */
  private static SupplierTable table() {
    return SupplierTable.builder(3)
        .add(Supplier.builder(1).entity(100).categories(5, 6).city(3).join(Program.CROSS_BORDER).build(),
            signals(10, 4, 1_000, 1.0))
        .add(Supplier.builder(2).categories(6).city(1).build(), signals(8, 8, 500, 0.9))
        .add(Supplier.builder(3).entity(100).tier(MembershipTier.POWER_MERCHANT).categories(7, 5).city(9)
            .factory(true).priority(PriorityClass.values()[0]).daysOnPlatform(900).build(),
            signals(30, 20, 3_000, 2.0))
        .build();
  }

  @Test
  void shopsOfAnEntityMergeIntoOneRowAsDocumented() {
    Entities entities = Entities.of(table());
    assertEquals(2, entities.size());
    assertEquals(100, entities.id(0));
    assertEquals(2, entities.id(1));
    assertEquals(0, entities.entityOf(0));
    assertEquals(1, entities.entityOf(1));
    assertEquals(0, entities.entityOf(2));
    assertEquals(2, entities.shopCount(0));
    assertEquals(2, entities.shop(0, 1));
    SupplierTable merged = entities.merged();
    Supplier business = merged.supplier(0);
    assertEquals(100, business.id());
    assertArrayEquals(new int[] {7, 5, 6}, business.categories(), "the primary of the shop with most orders");
    assertEquals(9, business.city());
    assertEquals(MembershipTier.POWER_MERCHANT, business.tier());
    assertTrue(business.factory());
    assertEquals(900, business.daysOnPlatform());
    assertTrue(business.joined(Program.CROSS_BORDER));
    assertEquals(1, business.priorityClasses().size());
    Signals s = merged.signals(0);
    assertEquals(40, s.count(Count.ORDERS));
    assertEquals(24, s.count(Count.SHIPPED_IN_48H));
    assertEquals(4_000, s.amount(Amount.SALES), 0);
    assertEquals((1.0 * 10 + 2.0 * 30) / 40, s.amount(Amount.PRICE_INDEX), 1e-15);
    assertEquals(List.of(new Claimant(2, 1, 0, 0.5), new Claimant(2, 1, 0, 0.5)), s.claimants());
    assertEquals(table().signals(1), merged.signals(1), "a shop of its own merges into a copy");
    assertEquals(-1, entities.row(1), "shop ids are not entity ids");
  }

  @Test
  void aMergedCountAboveIntRangeIsRefusedNamingTheEntity() {
    Signals big = Signals.builder().count(Count.ORDERS, Integer.MAX_VALUE).build();
    SupplierTable t = SupplierTable.builder(2)
        .add(Supplier.builder(1).entity(7).categories(1).build(), big)
        .add(Supplier.builder(2).entity(7).categories(1).build(), big).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Entities.of(t));
    assertTrue(e.getMessage().startsWith("entity 7: product.orders (4294967294 over 2 shops)"),
        e.getMessage());
  }

  @Test
  void theEntityPlanIsSharedByRelevanceAndConserved() {
    SupplierTable shops = table();
    SegmentTable segments = SegmentTable.builder(2)
        .add(Segment.of(1, 5, BuyerTier.TOP, Channel.WHOLESALE, 1_000))
        .add(Segment.of(2, 6, BuyerTier.TOP, Channel.WHOLESALE, 600)).build();
    EligibilityGraph shopGraph = EligibilityGraph.builder(shops, segments).edge(1, 1).edge(3, 1)
        .edge(1, 2).edge(2, 2).build();
    double[] relevance = new double[shopGraph.edgeCount()];
    for (int e = 0; e < relevance.length; e++) {
      long shop = shopGraph.supplierId(shopGraph.supplierOf(e));
      relevance[e] = shop == 1 ? 1.0 : shop == 3 ? 3.0 : 2.0;
    }
    Entities entities = Entities.of(shops);
    EntityGraph graph = entities.graph(shopGraph, relevance);
    assertEquals(3, graph.graph().edgeCount(), "entity 100 in both segments, shop 2 in one");
    double[] entityRelevance = graph.relevance();
    int both = graph.graph().edge(0, 0);
    assertEquals(3.0, entityRelevance[both], 0, "the largest of its shops'");
    AllocationPlan plan = SOLVER.solve(AllocationProblem.builder(graph.graph()).relevance(entityRelevance)
        .merit(new double[] {1, 1}).build());
    ShopPlan shopPlan = graph.split(plan);
    double entityInFirst = plan.allocation(100, 1);
    assertEquals(entityInFirst * 0.25, shopPlan.allocation(1, 1), 1e-9);
    assertEquals(entityInFirst * 0.75, shopPlan.allocation(3, 1), 1e-9);
    assertEquals(plan.allocation(100, 2), shopPlan.allocation(1, 2), 1e-9, "its only shop there");
    assertEquals(0.0, shopPlan.allocation(3, 2), 0);
    double sum = 0;
    for (long shop : new long[] {1, 2, 3}) {
      sum += shopPlan.shopTotal(shop);
    }
    assertEquals(plan.segmentAllocated(0) + plan.segmentAllocated(1), sum, 1e-9);
    assertEquals(plan.boost(both), shopPlan.boost(shopGraph.edge(2, 0)), 0);
  }

  @Test
  void aGraphOverAnotherTableOrAnotherPlanIsRefused() {
    SupplierTable shops = table();
    SegmentTable segments = SegmentTable.builder(1)
        .add(Segment.of(1, 5, BuyerTier.TOP, Channel.WHOLESALE, 1_000)).build();
    Entities entities = Entities.of(shops);
    EligibilityGraph other = EligibilityGraph.builder(new long[] {1, 3, 2}, segments).build();
    IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
        () -> entities.graph(other));
    assertTrue(rows.getMessage().contains("row 1 is supplier 3: expected shop 2"), rows.getMessage());
    EntityGraph graph = entities.graph(EligibilityGraph.of(shops, segments));
    AllocationPlan foreign = SOLVER.solve(AllocationProblem.builder(
        EligibilityGraph.of(entities.merged(), segments)).merit(new double[] {1, 1}).build());
    assertThrows(IllegalArgumentException.class, () -> graph.split(foreign));
    assertFalse(graph.graph() == foreign.problem().graph());
    IllegalArgumentException relevance = assertThrows(IllegalArgumentException.class,
        () -> entities.graph(graph.shopGraph(), new double[] {1}));
    assertTrue(relevance.getMessage().contains("expected one per shop edge"), relevance.getMessage());
  }

  /** The README's snippet, as written there, conserves the business plan among the shops. */
  @Test
  void theReadmeSnippetRuns() {
    org.beltway.sim.Marketplace market = org.beltway.sim.MarketplaceGenerator.generate(
        org.beltway.sim.MarketplaceConfig.ofScale(0.001, 42));
    Entities businesses = Entities.of(market.suppliers());
    org.beltway.score.Scores scores = org.beltway.score.Scorer.DEFAULT.score(businesses.merged());
    EntityGraph graph = businesses.graph(EligibilityGraph.of(market.suppliers(), market.segments()));
    AllocationPlan plan = AllocationSolver.defaults().solve(AllocationProblem.builder(graph.graph())
        .scores(scores, org.beltway.allocation.Merit.DEFAULT).capShareOfSegment(0.05).build());
    ShopPlan shops = graph.split(plan);
    double shopSum = 0;
    for (int e = 0; e < graph.shopGraph().edgeCount(); e++) {
      shopSum += shops.x(e);
    }
    double planned = 0;
    for (int j = 0; j < graph.graph().segmentCount(); j++) {
      planned += plan.segmentAllocated(j);
    }
    assertEquals(planned, shopSum, 1e-9 * planned);
  }
}
