package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.supplier.Amount;
import org.beltway.supplier.Program;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

class EligibilityGraphTest {

  @Test
  void aSupplierIsEligibleWhereItSellsAndInTheChannelsItJoined() {
    Signals signals = Signals.builder().amount(Amount.PRICE_INDEX, 1.0).build();
    SupplierTable suppliers = SupplierTable.builder(3)
        .add(Supplier.builder(100).categories(1).join(Program.CROSS_BORDER).build(), signals)
        .add(Supplier.builder(200).categories(2, 1).build(), signals)
        .add(Supplier.builder(300).categories(3).join(Program.DISTRIBUTION).build(), signals).build();
    SegmentTable segments = SegmentTable.builder(5)
        .add(Segment.of(11, 1, BuyerTier.TOP, Channel.WHOLESALE, 100))
        .add(Segment.of(12, 1, BuyerTier.OTHER, Channel.CROSS_BORDER, 100))
        .add(Segment.of(13, 1, BuyerTier.OTHER, Channel.DISTRIBUTION, 100))
        .add(new Segment(21, 2, BuyerTier.TOP, Channel.WHOLESALE, 4, 100))
        .add(Segment.of(41, 4, BuyerTier.TOP, Channel.WHOLESALE, 100)).build();
    EligibilityGraph g = EligibilityGraph.of(suppliers, segments);
    // 100: wholesale and cross-border of category 1; 200: wholesale of 1 and of 2 (any region)
    assertEquals(4, g.edgeCount());
    assertEquals(2, g.supplierDegree(0));
    assertEquals(2, g.supplierDegree(1));
    assertEquals(0, g.supplierDegree(2)); // sells in category 3: no segment
    assertTrue(g.edge(0, 0) >= 0 && g.edge(0, 1) >= 0);
    assertEquals(-1, g.edge(0, 2)); // distribution not joined
    assertTrue(g.edge(1, 0) >= 0 && g.edge(1, 3) >= 0);
    assertEquals(-1, g.edge(1, 1)); // cross-border not joined
    assertEquals(2, g.segmentDegree(0));
    assertEquals(0, g.segmentDegree(4));
    // edges numbered segment by segment, suppliers in row order within a segment
    assertEquals(0, g.segmentOf(g.edge(0, 0)));
    assertEquals(g.edge(0, 0) + 1, g.edge(1, 0));
    for (int e = 0; e < g.edgeCount(); e++) {
      assertEquals(e, g.edge(g.supplierOf(e), g.segmentOf(e)));
    }
    assertEquals(1, g.row(200));
    assertEquals(-1, g.row(999));
    assertTrue(g.arrayBytes() > 0);
  }

  @Test
  void theExplicitBuilderAcceptsEdgesInAnyOrder() {
    SegmentTable segments = SegmentTable.builder(2).add(Segment.of(5, 0, BuyerTier.TOP, Channel.WHOLESALE, 1))
        .add(Segment.of(6, 0, BuyerTier.OTHER, Channel.WHOLESALE, 1)).build();
    EligibilityGraph a = EligibilityGraph.builder(new long[] {1, 2}, segments).edge(2, 6).edge(1, 5)
        .edge(2, 5).build();
    EligibilityGraph b = EligibilityGraph.builder(new long[] {1, 2}, segments).edge(1, 5).edge(2, 5)
        .edge(2, 6).build();
    for (int e = 0; e < 3; e++) {
      assertEquals(a.supplierOf(e), b.supplierOf(e));
      assertEquals(a.segmentOf(e), b.segmentOf(e));
    }
  }

  /**
   * Regression (issue 14): the explicit builder took an edge from a supplier that never joined a
   * channel's program into that channel's segment, and the plan gave it traffic there.
   */
  @Test
  void theBuilderEnforcesOptIn() {
    Signals signals = Signals.builder().build();
    SupplierTable suppliers = SupplierTable.builder(2)
        .add(Supplier.builder(1).categories(0).join(Program.CROSS_BORDER).build(), signals)
        .add(Supplier.builder(2).categories(0).build(), signals).build();
    SegmentTable segments = SegmentTable.builder(2)
        .add(Segment.of(10, 0, BuyerTier.TOP, Channel.CROSS_BORDER, 100))
        .add(Segment.of(20, 0, BuyerTier.TOP, Channel.WHOLESALE, 100)).build();
    EligibilityGraph.Builder b = EligibilityGraph.builder(suppliers, segments).edge(1, 10).edge(2, 20);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.edge(2, 10));
    assertEquals("edge (supplier 2, segment 10): supplier 2 did not join program " + Program.CROSS_BORDER
        + " of channel CROSS_BORDER: a supplier never receives traffic from a program it did not join",
        e.getMessage());
    EligibilityGraph graph = b.build();
    assertEquals(2, graph.edgeCount());
    assertEquals(-1, graph.edge(1, 0), "supplier 2 (row 1) has no edge into the cross-border segment");
    // by ids alone opt-in cannot be checked: only wholesale segments are taken
    EligibilityGraph.Builder byId = EligibilityGraph.builder(new long[] {1, 2}, segments).edge(2, 20);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> byId.edge(1, 10)).getMessage()
        .startsWith("edge (supplier 1, segment 10): segment 10 is on channel CROSS_BORDER, which needs"));
  }
}
