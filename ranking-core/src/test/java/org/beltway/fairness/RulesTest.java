package org.beltway.fairness;

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
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.beltway.serving.PrefixFloor;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

/** The built-in rules on plans and delivery logs worked by hand, and the audit's report. */
class RulesTest {
  /** Suppliers 1-4 in both segments (10: TOP buyers, 20: others) of 1 000 impressions each. */
  private static EligibilityGraph graph() {
    SegmentTable segments = SegmentTable.builder(2)
        .add(Segment.of(10, 0, BuyerTier.TOP, Channel.WHOLESALE, 1000))
        .add(Segment.of(20, 0, BuyerTier.OTHER, Channel.WHOLESALE, 1000)).build();
    EligibilityGraph.Builder b = EligibilityGraph.builder(new long[] {1, 2, 3, 4}, segments);
    for (long s = 1; s <= 4; s++) {
      b.edge(s, 10).edge(s, 20);
    }
    return b.build();
  }

  private static AllocationPlan plan(double qualityFloor) {
    return AllocationSolver.builder().threads(1).build().solve(AllocationProblem.builder(graph())
        .merit(new double[] {1, 1, 1, 1}).capShareOfSegment(0.5)
        .share(GroupShare.builder("quality").suppliers(r -> r < 2).atLeast(qualityFloor).build()).build());
  }

  @Test
  void aPlanAtItsFloorHoldsItAndAHigherFloorIsBrokenWithTheFacts() {
    Exposure plan = Exposure.of(plan(0.8));
    assertEquals(List.of(), Rules.shareAtLeast("quality", r -> r < 2, 0.8).check(plan));
    List<Violation> v = Rules.shareAtLeast("quality", r -> r < 2, 0.9).check(plan);
    assertEquals(1, v.size());
    assertEquals("group quality", v.get(0).subject());
    assertEquals(0.9, v.get(0).expected());
    assertEquals(0.8, v.get(0).actual(), 1e-6);
    assertEquals("group quality has 80.0000% of 2000.0 impressions (1600.0): expected at least 90.0000%",
        v.get(0).message());
    assertEquals(List.of(), Rules.topBuyersToGroup("quality", r -> r < 2, 0.8).check(plan));
    assertEquals(1, Rules.shareAtMost("quality", r -> r < 2, 0.5).check(plan).size());
  }

  /**
   * Quality share 80% over four equal suppliers: the two quality suppliers are raised alike and the
   * others lowered alike, so each class keeps one ratio to fair exposure; a log that favours one
   * supplier of a class is caught, naming it.
   */
  @Test
  void exposureIsProportionalToMeritWithinEachClassWhereNoPromiseBinds() {
    AllocationPlan plan = plan(0.8);
    Rule<Exposure> rule = Rules.proportionalExposure(plan.problem(), 1e-9);
    assertEquals(List.of(), rule.check(Exposure.of(plan)));
    assertEquals(1.6, plan.boost(0), 1e-6, "a quality supplier at 400 of a fair 250");
    EligibilityGraph g = graph();
    double[] fair = {250, 250, 250, 250, 250, 250, 250, 250};
    double[] favoured = {400, 400, 130, 70, 400, 400, 100, 100};
    List<Violation> v = rule.check(Exposure.delivered(g, favoured, fair));
    assertEquals(1, v.size());
    assertEquals("segment 10", v.get(0).subject());
    assertTrue(v.get(0).message().startsWith("segment 10, class 0: supplier 3 gets 0.520000 impressions per"
        + " unit of fair exposure, supplier 4 0.280000"), v.get(0).message());
    // a promised supplier may be moved: with supplier 3 promised, only 4 is left in its class
    Rule<Exposure> promised = Rules.proportionalExposure(r -> r != 2, (r, j) -> r < 2 ? 1 : 0,
        e -> Double.POSITIVE_INFINITY, 1e-9);
    assertEquals(List.of(), promised.check(Exposure.delivered(g, favoured, fair)));
    // at its cap an edge is bound too
    Rule<Exposure> capped = Rules.proportionalExposure(r -> true, (r, j) -> r < 2 ? 1 : 0,
        e -> e % 4 == 2 ? 130 : Double.POSITIVE_INFINITY, 1e-9);
    assertEquals(List.of(), capped.check(Exposure.delivered(g, favoured, fair)));
  }

  @Test
  void edgeCapsAndConservationOnAPlan() {
    AllocationPlan plan = plan(0.8);
    assertEquals(List.of(), Rules.edgeCap(0.5).check(Exposure.of(plan)));
    List<Violation> capped = Rules.edgeCap(0.3).check(Exposure.of(plan));
    // suppliers 1 and 2 have 400 of each segment's 1 000
    assertEquals(4, capped.size());
    assertEquals("supplier 1 has 400.0 impressions in segment 10: expected at most 300.0 (30% of 1000.0)",
        capped.get(0).message());
    assertEquals(List.of(), Rules.conservation().check(plan));
  }

  @Test
  void deliveryLogsGuaranteesStarvationAndConcentration() {
    EligibilityGraph g = graph();
    // edges are numbered segment by segment: 0-3 in segment 10, 4-7 in segment 20
    double[] delivered = {700, 200, 100, 0, 700, 200, 100, 0};
    double[] fair = {250, 250, 250, 250, 250, 250, 250, 250};
    Exposure log = Exposure.delivered(g, delivered, fair);
    List<Violation> short1 = Rules.guarantees(new double[] {0, 500, 0, 10}).check(log);
    assertEquals(List.of("supplier 2", "supplier 4"), short1.stream().map(Violation::subject).toList());
    assertEquals("supplier 2 has 400.0 impressions: expected at least its guarantee of 500.0",
        short1.get(0).message());
    // supplier 4 has nothing (below 10% of 500): 1 of 4 starved
    assertEquals(List.of(), Rules.starvation(0.1, 0.25).check(log));
    Violation starved = Rules.starvation(0.1, 0.2).check(log).get(0);
    assertEquals(0.25, starved.actual());
    // totals 1400, 400, 200, 0: Gini = Σ (2i − n − 1) v_(i) / (n Σ v) = (−3·0 − 1·200 + 1·400 + 3·1400) / (4 · 2000)
    double gini = (-200 + 400 + 3 * 1400) / (4.0 * 2000);
    assertEquals(gini, Rules.concentration(0.5).check(log).get(0).actual(), 1e-12);
    assertEquals(List.of(), Rules.concentration(0.6).check(log));
    // shares 0.7, 0.2, 0.1, 0: HHI 0.49 + 0.04 + 0.01; the top 1% of 4 suppliers is one, with 0.7
    assertEquals(0.54, Rules.hhi(0.5).check(log).get(0).actual(), 1e-12);
    assertEquals(List.of(), Rules.hhi(0.54).check(log));
    assertEquals(0.7, Rules.topPercentShare(0.5).check(log).get(0).actual(), 1e-12);
    assertEquals("the suppliers' impressions have top 1% of suppliers' share of exposure 0.7000: expected"
        + " at most 0.5000", Rules.topPercentShare(0.5).check(log).get(0).message());
    assertEquals("impressionsByEdge has 3 values: expected one per edge (8)", assertThrows(
        IllegalArgumentException.class, () -> Exposure.delivered(g, new double[3], fair)).getMessage());
  }

  @Test
  void optInNamesTheSupplierAndWhatItLacks() {
    SupplierTable table = SupplierTable.builder(4)
        .add(Supplier.builder(1).categories(0).build(), Signals.builder().build())
        .add(Supplier.builder(2).categories(0).build(), Signals.builder().build())
        .add(Supplier.builder(3).categories(5).build(), Signals.builder().build())
        .add(Supplier.builder(4).categories(0).build(), Signals.builder().build()).build();
    List<Violation> v = Rules.optIn(table).check(Exposure.of(plan(0.5)));
    assertEquals(2, v.size(), v.toString());
    assertEquals("supplier 3 has 250.0 impressions in segment 10 but does not sell in category 0: expected"
        + " none", v.get(0).message());
  }

  @Test
  void prefixFloorOnRankedPages() {
    PrefixFloor floor = PrefixFloor.of(10, 0.5, 0.1);
    Rule<RankedPage> rule = Rules.prefixFloor(floor);
    boolean[] alternating = new boolean[10];
    for (int i = 0; i < 10; i += 2) {
      alternating[i] = true;
    }
    assertEquals(List.of(), rule.check(new RankedPage("shoes", alternating)));
    List<Violation> none = rule.check(new RankedPage("bags", new boolean[10]));
    assertEquals(1, none.size());
    int prefix = 1;
    while (floor.minimum(prefix) == 0) {
      prefix++;
    }
    assertEquals("page bags prefix " + prefix, none.get(0).subject());
  }

  @Test
  void anAuditReportsEveryRuleInTextAndHtml() {
    AllocationPlan plan = plan(0.8);
    Audit<Exposure> audit = Audit.of(Rules.shareAtLeast("quality", r -> r < 2, 0.8), Rules.edgeCap(0.3),
        Rules.concentration(0.9));
    AuditReport report = audit.run("plan <day 1>", Exposure.of(plan));
    assertFalse(report.passed());
    assertEquals(4, report.violations().size());
    String text = report.text();
    assertTrue(text.startsWith("Audit of plan <day 1>: 1 of 3 rules broken\n"), text);
    assertTrue(text.contains("  holds   quality share of all traffic >= 80%\n"), text);
    assertTrue(text.contains("  holds   exposure Gini <= 0.9000\n"), text);
    assertTrue(text.contains("  BROKEN  no supplier above 30% of a segment (4 violations)\n"), text);
    String html = report.html();
    assertTrue(html.startsWith("<h2>Audit of plan &lt;day 1&gt;</h2>"), html);
    assertTrue(Audit.of(Rules.conservation()).run("plan", plan).passed());
    assertThrows(IllegalArgumentException.class, () -> Audit.<Exposure>of());
  }
}
