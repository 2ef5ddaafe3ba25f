package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.SegmentTable;
import org.beltway.supplier.Program;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

class BuyerModelTest {
  private static final Marketplace M = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.002, 5), 1);
  private static final BuyerModel B = BuyerModel.of(M);

  @Test
  void scalesTheNationalBuyersAndPaidMembers() {
    assertEquals(192_000, B.buyers());
    assertEquals(20_000, B.paidMembers());
    assertEquals(1 + 0.5 * 20_000 / (0.2 * 192_000), B.topTierFactor(), 1e-12);
  }

  @Test
  void segmentPoolsSumToTheBuyersTimesCategoriesSearched() {
    double sum = 0;
    for (int j = 0; j < B.segmentCount(); j++) {
      sum += B.segmentPool(j);
    }
    assertEquals(B.buyers() * BuyerModel.CATEGORIES_PER_BUYER, sum, 1e-6 * sum);
    SegmentTable segments = M.segments();
    int top = segments.index(Marketplace.segmentId(3, BuyerTier.TOP, Channel.OFFLINE));
    int other = segments.index(Marketplace.segmentId(3, BuyerTier.OTHER, Channel.OFFLINE));
    assertEquals(0.25, B.segmentPool(top) / B.segmentPool(other), 1e-12, "TOP is 20% of buyers, OTHER 80%");
    assertEquals(1.5 * B.topTierFactor(), B.segmentFactor(top), 1e-12);
    assertEquals(1.5, B.segmentFactor(other), 1e-12);
  }

  @Test
  void reachablePoolIsTheSumOverEligibleSegments() {
    SupplierTable t = M.suppliers();
    SegmentTable segments = M.segments();
    for (int row = 0; row < 50; row++) {
      double expected = 0;
      for (int j = 0; j < segments.size(); j++) {
        Program p = segments.channel(j).program();
        if (t.sellsIn(row, segments.category(j)) && (p == null || t.joined(row, p))) {
          expected += B.segmentPool(j);
        }
      }
      assertEquals(expected, B.reachablePool(row), 1e-9 * expected, "row " + row);
    }
  }

  @Test
  void newBuyersRiseWithQualityAndFallAsThePoolIsWon() {
    assertTrue(BuyerModel.clickRate(0.9) > BuyerModel.clickRate(0.1));
    assertTrue(BuyerModel.conversionPerClick(0.9) > BuyerModel.conversionPerClick(0.1));
    assertEquals(0.031 * 0.0248, BuyerModel.clickRate(0.7) * BuyerModel.conversionPerClick(0.7), 1e-12);
    int row = 0;
    double pool = B.reachablePool(row);
    double free = pool - B.existingBuyers(row);
    double fresh = B.expectedNewBuyers(row, 1000, 0);
    assertEquals(B.newBuyerRate(row) * 1000 * free / pool, fresh, 1e-12);
    assertTrue(B.expectedNewBuyers(row, 1000, (long) (free / 2)) < fresh);
    assertEquals(0.0, B.expectedNewBuyers(row, 1000, (long) Math.ceil(free)));
    assertEquals(0.0, B.headroom(row, (long) Math.ceil(free)));
    assertTrue(B.expectedNewBuyers(row, 1e12, 0) <= free, "never more than the pool has left");
  }

  @Test
  void rejectsNegativeImpressionsWithTheRowInTheMessage() {
    assertEquals("supplier row 3: weightedImpressions (-1.0) and won (0): expected finite impressions >= 0"
        + " and won >= 0", assertThrows(IllegalArgumentException.class,
            () -> B.expectedNewBuyers(3, -1, 0)).getMessage());
    assertThrows(NullPointerException.class, () -> BuyerModel.of(null));
  }
}
