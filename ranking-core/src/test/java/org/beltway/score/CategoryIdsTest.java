package org.beltway.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.beltway.guarantee.ConversionPrior;
import org.beltway.supplier.Count;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 14): memory grew with the largest category id (one supplier with id 100,000,000
 * exhausted a 512 MB heap) and {@code Integer.MAX_VALUE} failed with ArrayIndexOutOfBoundsException,
 * in scoring, the eligibility graph and the conversion prior alike. Arrays are now indexed by dense
 * category index (the table's distinct categories); {@code Integer.MAX_VALUE} is the reproduction
 * that fails without that (the test's module cannot read the allocation counters of java.management).
 */
class CategoryIdsTest {
  private static final int[] IDS = {3, 100_000_000, Integer.MAX_VALUE};

  @Test
  void memoryFollowsTheNumberOfCategoriesNotTheLargestId() {
    SupplierTable.Builder b = SupplierTable.builder(30);
    for (int i = 0; i < 30; i++) {
      b.add(Supplier.builder(i + 1).categories(IDS[i % 3]).build(),
          Signals.builder().count(Count.ORDERS, 10 + i).count(Count.BUYERS, 5 + i).build());
    }
    SupplierTable table = b.build();
    SegmentTable segments = SegmentTable.builder(3)
        .add(Segment.of(1, IDS[0], BuyerTier.TOP, Channel.WHOLESALE, 100))
        .add(Segment.of(2, IDS[1], BuyerTier.TOP, Channel.WHOLESALE, 100))
        .add(Segment.of(3, IDS[2], BuyerTier.TOP, Channel.WHOLESALE, 100)).build();
    Scores scores = Scorer.DEFAULT.score(table);
    EligibilityGraph graph = EligibilityGraph.of(table, segments);
    long[] won = new long[30];
    long[] seen = new long[30];
    for (int r = 0; r < 30; r++) {
      won[r] = 1 + r % 4;
      seen[r] = 100 + 7 * r;
    }
    ConversionPrior prior = ConversionPrior.fit(table, won, seen, 2);
    assertEquals(3, table.distinctCategories());
    assertEquals(30, graph.edgeCount(), "each supplier in its category's one segment");
    assertEquals(10, scores.categorySize(0));
    for (int id : IDS) {
      assertTrue(prior.hasOwnPrior(id), "category " + id);
    }
    assertEquals(2, table.denseCategoryOf(Integer.MAX_VALUE));
    assertEquals(-1, table.denseCategoryOf(4));
  }
}
