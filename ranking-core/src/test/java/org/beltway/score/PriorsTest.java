package org.beltway.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.supplier.Count;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

class PriorsTest {

  private static ScoringConfig minSize(int size) {
    return ScoringConfig.builder().minCategorySize(size).threads(1).build();
  }

  /** Suppliers with the given (shipped in 48 h, orders) in a category, ids from {@code firstId}. */
  private static void add(SupplierTable.Builder b, int category, long firstId, int[][] shippedOfOrders) {
    long id = firstId;
    for (int[] so : shippedOfOrders) {
      b.add(Supplier.builder(id++).categories(category).build(), Signals.builder()
          .count(Count.ORDERS, so[1]).count(Count.SHIPPED_IN_48H, so[0]).build());
    }
  }

  private static SupplierTable table(int category, int[][] shippedOfOrders) {
    SupplierTable.Builder b = SupplierTable.builder(4);
    add(b, category, 1, shippedOfOrders);
    return b.build();
  }

  @Test
  void methodOfMomentsFitOnATinyCategory() {
    // rates 0.8, 0.3, 0.5 over 10 orders each: T = 30, K = 16, m = 8/15, Σn² = 300, N = 3
    // W = 10 (16 + 49/4 + 1/4) / 225 = 19/15; m(1 - m) = 56/225; W / m(1 - m) = 285/56
    // ρ = (285/56 - 2) / (30 - 10 - 2) = 173/1008; strength = 1/ρ - 1 = 835/173
    // mean = (16 + 1/2) / (30 + 1) = 33/62
    Priors priors = Priors.fit(table(4, new int[][] {{8, 10}, {3, 10}, {5, 10}}), minSize(2));
    Prior p = priors.prior(4, Signal.SHIPPED_IN_48H_RATE);
    assertEquals(33.0 / 62 * 835 / 173, p.alpha(), 1e-12);
    assertEquals(29.0 / 62 * 835 / 173, p.beta(), 1e-12);
    assertTrue(priors.hasOwnPrior(4, Signal.SHIPPED_IN_48H_RATE));
    assertEquals(3, priors.suppliersWithEvidence(4, Signal.SHIPPED_IN_48H_RATE));
    assertEquals(2, priors.minCategorySize());
    assertEquals(3, priors.claimCapPerBuyer());
  }

  @Test
  void smallCategoriesFallBackToTheGlobalPrior() {
    SupplierTable.Builder b = SupplierTable.builder(8);
    add(b, 4, 1, new int[][] {{8, 10}, {3, 10}, {5, 10}});
    add(b, 9, 100, new int[][] {{1, 4}, {4, 4}});
    SupplierTable table = b.build();
    Priors priors = Priors.fit(table, minSize(3));
    assertTrue(priors.hasOwnPrior(4, Signal.SHIPPED_IN_48H_RATE));
    assertFalse(priors.hasOwnPrior(9, Signal.SHIPPED_IN_48H_RATE));
    assertFalse(priors.hasOwnPrior(77, Signal.SHIPPED_IN_48H_RATE), "a category not in the table");
    assertEquals(0, priors.suppliersWithEvidence(77, Signal.SHIPPED_IN_48H_RATE));
    Prior global = priors.global(Signal.SHIPPED_IN_48H_RATE);
    assertEquals(global, priors.prior(9, Signal.SHIPPED_IN_48H_RATE));
    assertEquals(global, priors.prior(77, Signal.SHIPPED_IN_48H_RATE));

    // The global fit over all five suppliers, computed directly.
    double[] k = {8, 3, 5, 1, 4};
    double[] n = {10, 10, 10, 4, 4};
    double t = 38;
    double kk = 21;
    double m = kk / t;
    double w = 0;
    double q = 0;
    for (int i = 0; i < 5; i++) {
      w += n[i] * (k[i] / n[i] - m) * (k[i] / n[i] - m);
      q += n[i] * n[i];
    }
    double rho = (w / (m * (1 - m)) - 4) / (t - q / t - 4);
    double strength = 1 / rho - 1;
    double mean = (kk + 0.5) / (t + 1);
    assertEquals(mean * strength, global.alpha(), 1e-9);
    assertEquals((1 - mean) * strength, global.beta(), 1e-9);
  }

  @Test
  void guardsClampTheStrength() {
    // identical rates: no over-dispersion, the strongest prior
    Prior same = Priors.fit(table(1, new int[][] {{5, 10}, {5, 10}, {5, 10}}), minSize(2))
        .prior(1, Signal.SHIPPED_IN_48H_RATE);
    assertEquals(Priors.MAX_STRENGTH * 15.5 / 31, same.alpha(), 1e-9);
    assertEquals(Priors.MAX_STRENGTH * 15.5 / 31, same.beta(), 1e-9);
    // one trial each: ρ cannot be identified, the weakest prior
    Prior single = Priors.fit(table(1, new int[][] {{1, 1}, {0, 1}, {1, 1}}), minSize(2))
        .prior(1, Signal.SHIPPED_IN_48H_RATE);
    assertEquals(Priors.MIN_STRENGTH * 2.5 / 4, single.alpha(), 1e-12);
    assertEquals(Priors.MIN_STRENGTH * 1.5 / 4, single.beta(), 1e-12);
    // never shipped in time: the pooled rate is 0, the mean is smoothed to 0.5 / 21
    Prior none = Priors.fit(table(1, new int[][] {{0, 10}, {0, 10}}), minSize(2))
        .prior(1, Signal.SHIPPED_IN_48H_RATE);
    assertEquals(Priors.MAX_STRENGTH * 0.5 / 21, none.alpha(), 1e-9);
    assertEquals(Priors.MAX_STRENGTH * 20.5 / 21, none.beta(), 1e-9);
    // extreme over-dispersion (all or nothing): the strength is at least MIN_STRENGTH
    Prior split = Priors.fit(table(1, new int[][] {{10, 10}, {0, 10}, {10, 10}, {0, 10}}), minSize(2))
        .prior(1, Signal.SHIPPED_IN_48H_RATE);
    assertEquals(Priors.MIN_STRENGTH, split.strength(), 1e-9);
    // no evidence at all: Beta(1, 1)
    Priors empty = Priors.fit(SupplierTable.builder(0).build(), minSize(2));
    assertEquals(Prior.of(1, 1), empty.global(Signal.DISPUTE_RATE));
    assertEquals(Prior.of(1, 1), empty.prior(3, Signal.DISPUTE_RATE));
  }

  @Test
  void priceHasNoPrior() {
    Priors priors = Priors.fit(table(1, new int[][] {{1, 2}}), minSize(2));
    assertEquals("PRICE_CREDIT is not a rate and has no prior", assertThrows(
        IllegalArgumentException.class, () -> priors.prior(1, Signal.PRICE_CREDIT)).getMessage());
    assertEquals("PRICE_CREDIT is not a rate and has no prior", assertThrows(
        IllegalArgumentException.class, () -> priors.global(Signal.PRICE_CREDIT)).getMessage());
    assertEquals("PRICE_CREDIT is not a rate and has no prior", assertThrows(
        IllegalArgumentException.class, () -> priors.hasOwnPrior(1, Signal.PRICE_CREDIT)).getMessage());
    assertEquals("signal: expected a non-null Signal", assertThrows(
        NullPointerException.class, () -> priors.prior(1, null)).getMessage());
    assertEquals("config: expected a non-null ScoringConfig", assertThrows(
        NullPointerException.class, () -> Priors.fit(SupplierTable.builder(0).build(), null))
        .getMessage());
    assertEquals("reference: expected a non-null SupplierTable", assertThrows(
        NullPointerException.class, () -> Priors.fit(null, ScoringConfig.DEFAULT)).getMessage());
  }

  @Test
  void fitDoesNotDependOnRowOrderOrThreads() {
    SupplierTable a = RandomTables.table(7, 3, 60);
    java.util.List<RandomTables.Row> rows = RandomTables.rows(7, 3, 60);
    java.util.Collections.reverse(rows);
    SupplierTable b = RandomTables.build(rows);
    Priors pa = Priors.fit(a, minSize(5));
    Priors pb = Priors.fit(b, ScoringConfig.builder().minCategorySize(5).threads(2).build());
    for (Signal s : Signal.values()) {
      if (!s.isRate()) {
        continue;
      }
      assertEquals(pa.global(s), pb.global(s));
      for (int c = 0; c < 4; c++) {
        assertEquals(pa.prior(c, s), pb.prior(c, s), s + " in category " + c);
      }
    }
  }
}
