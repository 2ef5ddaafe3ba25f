package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.supplier.Count;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

class SignalDriftTest {
  private static final Marketplace M = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.001, 9), 1);

  @Test
  void noNewBuyersLeavesEveryCountAsGenerated() {
    SupplierTable t = M.suppliers();
    SupplierTable same = new SignalDrift(M).after(new long[t.size()]);
    for (int r = 0; r < t.size(); r++) {
      assertEquals(t.signals(r), same.signals(r), "row " + r);
    }
  }

  @Test
  void newBuyersAddOrdersBuyersAndExpectedOutcomesAtTheLatentQuality() {
    SupplierTable t = M.suppliers();
    long[] won = new long[t.size()];
    java.util.Arrays.fill(won, 1000);
    SupplierTable later = new SignalDrift(M).after(won);
    for (int r = 0; r < t.size(); r++) {
      assertEquals(t.count(Count.ORDERS, r) + 1000, later.count(Count.ORDERS, r));
      assertEquals(t.count(Count.BUYERS, r) + 1000, later.count(Count.BUYERS, r));
      assertEquals(t.count(Count.REPEAT_BUYERS, r), later.count(Count.REPEAT_BUYERS, r));
      assertEquals(t.count(Count.DESCRIPTION_RATINGS, r) + 300, later.count(Count.DESCRIPTION_RATINGS, r));
      double q = M.quality(r);
      long shipped = later.count(Count.SHIPPED_IN_48H, r) - t.count(Count.SHIPPED_IN_48H, r);
      assertEquals(Math.floor(1000 * (M.isBadActor(r) ? 0.35 : 0.55 + 0.44 * q)), shipped, "row " + r);
      assertEquals(t.count(Count.CHATS, r), later.count(Count.CHATS, r));
      assertSame(t.supplier(r).tier(), later.supplier(r).tier());
      assertTrue(later.count(Count.QUALITY_REFUND_ORDERS, r) <= later.count(Count.ORDERS, r));
    }
  }
}
