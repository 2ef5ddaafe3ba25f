package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beltway.supplier.Count;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

/** The report's outcome measures on inputs worked by hand. */
class OutcomeMeasuresTest {

  @Test
  void dailySharesCountTheDaysABoundIsMissed() {
    double[] quality = {0.81, 0.8, 0.7999999, 0.79, 0.5};
    assertEquals(2, DailyShares.daysBelow(quality, 0.8), "0.7999999 is within the tolerance");
    assertEquals(0.5, DailyShares.min(quality));
    assertEquals(0.81, DailyShares.max(quality));
    assertEquals((0.81 + 0.8 + 0.7999999 + 0.79 + 0.5) / 5, DailyShares.mean(quality), 1e-15);
    assertEquals(1, DailyShares.daysAbove(new double[] {0.1, 0.15, 0.2}, 0.15));
    assertTrue(Double.isNaN(DailyShares.min(new double[0])));
  }

  @Test
  void starvationIsBelowATenthOfFairExposureByCell() {
    double[] exposure = {0.5, 20, 0.9, 5, 0, 1};
    double[] fair = {10, 10, 10, 10, 0, 10};
    boolean[] quality = {true, true, false, false, false, false};
    boolean[] promised = {true, false, false, false, false, true};
    Starvation s = Starvation.of(exposure, fair, quality, promised);
    assertEquals(1.0, s.share(true, true));
    assertEquals(0.0, s.share(true, false));
    // other, unpromised: rows 2 (0.9 < 1: starved), 3 (5: not), 4 (no fair exposure: not)
    assertEquals(1.0 / 3, s.share(false, false), 1e-15);
    assertEquals(3, s.suppliers(false, false));
    assertEquals(0.0, s.share(false, true), "1 is not below a tenth of 10");
    assertEquals(2.0 / 6, s.overall(), 1e-15);
  }

  @Test
  void groupsShareExposureFairExposureAndBuyers() {
    SupplierTable.Builder b = SupplierTable.builder(3);
    b.add(Supplier.builder(1).tier(MembershipTier.TRUSTPASS).categories(0).build(), Signals.builder().build());
    b.add(Supplier.builder(2).tier(MembershipTier.SUPER_FACTORY).categories(0).build(), Signals.builder().build());
    b.add(Supplier.builder(3).tier(MembershipTier.TRUSTPASS).categories(0).build(), Signals.builder().build());
    List<ExposureGroups> all = ExposureGroups.of(b.build(), new double[] {1, 2, 1}, new double[] {2, 1, 1},
        new long[] {0, 3, 1});
    ExposureGroups tiers = all.get(0);
    assertEquals("tier", tiers.dimension());
    ExposureGroups.Group trustPass = tiers.groups().get(MembershipTier.TRUSTPASS.ordinal());
    assertEquals(2, trustPass.suppliers());
    assertEquals(0.5, trustPass.exposureShare());
    assertEquals(0.75, trustPass.fairShare());
    assertEquals(0.25, trustPass.buyersShare());
    assertEquals(List.of("tier", "priority class", "belt", "city", ExposureGroups.SIZE_DECILE),
        all.stream().map(ExposureGroups::dimension).toList());
  }

  /** Tenths by orders, smallest first: twenty suppliers, two a tenth, whatever the row order. */
  @Test
  void sizeDecilesGroupTenthsOfSuppliersByOrders() {
    SupplierTable.Builder b = SupplierTable.builder(20);
    double[] exposure = new double[20];
    for (int r = 0; r < 20; r++) {
      int orders = (7 * r) % 20; // every count 0..19 once, out of order
      b.add(Supplier.builder(r + 1).categories(0).build(), Signals.builder().count(Count.ORDERS, orders).build());
      exposure[r] = orders;
    }
    ExposureGroups deciles = ExposureGroups.of(b.build(), exposure, new double[20], new long[20]).get(4);
    assertEquals(10, deciles.groups().size());
    for (int d = 0; d < 10; d++) {
      ExposureGroups.Group g = deciles.groups().get(d);
      assertEquals("d" + (d + 1), g.name());
      assertEquals(2, g.suppliers());
      assertEquals((2 * d + 2 * d + 1) / 190.0, g.exposureShare(), 1e-15, g.name());
    }
  }
}
