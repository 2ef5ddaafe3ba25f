package org.beltway.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.supplier.Amount;
import org.beltway.supplier.Count;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

class ScorerTest {

  private static Supplier supplier(long id, int category) {
    return Supplier.builder(id).categories(category).build();
  }

  private static Signals orders(int orders) {
    return Signals.builder().count(Count.ORDERS, orders).build();
  }

  @Test
  void twoOrdersWithNoDefectDoNotBeatTwoThousandWithThree() {
    SupplierTable.Builder b = SupplierTable.builder(42);
    for (int i = 0; i < 40; i++) { // the category: defect rates 0.4% to 2% over 500 orders
      b.add(supplier(100 + i, 1), Signals.builder().count(Count.ORDERS, 500)
          .count(Count.QUALITY_REFUND_ORDERS, 2 + i % 9).build());
    }
    b.add(supplier(1, 1), Signals.builder().count(Count.ORDERS, 2).build());
    b.add(supplier(2, 1), Signals.builder().count(Count.ORDERS, 2000)
        .count(Count.QUALITY_REFUND_ORDERS, 3).build());
    Scores scores = Scorer.DEFAULT.score(b.build());
    SignalScore small = scores.cardById(1).signal(Signal.QUALITY_REFUND_RATE);
    SignalScore large = scores.cardById(2).signal(Signal.QUALITY_REFUND_RATE);
    assertTrue(small.categoryPrior());
    assertTrue(small.raw() < large.raw(), "raw rates: 0 < 0.0015");
    assertTrue(small.shrunk() > large.shrunk(), small + " vs " + large);
    assertTrue(small.percentile() < large.percentile());
    assertTrue(scores.dimensionById(1, Dimension.PRODUCT) < scores.dimensionById(2, Dimension.PRODUCT));
    assertTrue(scores.compositeById(1) < scores.compositeById(2));
  }

  @Test
  void afterSalesCountsOnlyCredibleNonMaliciousUnappealedClaimsCappedPerBuyer() {
    Signals claims = Signals.builder().count(Count.ORDERS, 100)
        .claimant(5, 1, 1, 0.5)  // 3 counted, capped at 3, weighed 0.5: 1.5
        .claimant(10, 0, 0, 1.0) // 10 counted, capped at 3: 3
        .claimant(2, 2, 0, 1.0)  // all malicious: 0
        .claimant(4, 0, 4, 0.9)  // all won on appeal by the supplier: 0
        .build();
    Signals plain = Signals.builder().count(Count.ORDERS, 100)
        .claimant(3, 0, 0, 0.5).claimant(3, 0, 0, 1.0).build();
    SupplierTable table = SupplierTable.builder(3).add(supplier(1, 5), claims)
        .add(supplier(2, 5), plain).add(supplier(3, 5), orders(100)).build();
    Scores scores = Scorer.DEFAULT.score(table);
    SignalScore refunds = scores.cardById(1).signal(Signal.SELLER_REFUND_RATE);
    assertEquals(4.5, refunds.part(), 0);
    assertEquals(100, refunds.whole(), 0);
    assertEquals(0.045, refunds.raw(), 1e-15);
    assertEquals(scores.dimensionById(2, Dimension.AFTER_SALES),
        scores.dimensionById(1, Dimension.AFTER_SALES), 0);
    assertTrue(scores.dimensionById(3, Dimension.AFTER_SALES)
        > scores.dimensionById(1, Dimension.AFTER_SALES));

    Scores capFive = Scorer.of(ScoringConfig.builder().claimCapPerBuyer(5).build()).score(table);
    assertEquals(1.5 + 5, capFive.cardById(1).signal(Signal.SELLER_REFUND_RATE).part(), 0);
  }

  @Test
  void priceScoresAreBandCreditPercentilesWithNoRewardBelowTheBand() {
    double[] prices = {0.5, 0.85, 1.0, 1.0, 1.5};
    SupplierTable.Builder b = SupplierTable.builder(5);
    for (int i = 0; i < prices.length; i++) {
      b.add(supplier(i + 1, 3), Signals.builder().amount(Amount.PRICE_INDEX, prices[i]).build());
    }
    Scores scores = Scorer.DEFAULT.score(b.build());
    // credits 1, 1, 0.875, 0.875, 0: percentiles (3 + 1/2)/4, (3 + 1/2)/4, (1 + 1/2)/4, (1 + 1/2)/4, 0
    double[] expected = {0.875, 0.875, 0.375, 0.375, 0.0};
    for (int i = 0; i < prices.length; i++) {
      assertEquals(expected[i], scores.dimensionById(i + 1, Dimension.PRICE), 0, "supplier " + (i + 1));
    }
    SignalScore line = scores.cardById(3).signal(Signal.PRICE_CREDIT);
    assertEquals(1.0, line.raw(), 0);
    assertEquals(0.875, line.shrunk(), 1e-12);
    assertTrue(Double.isNaN(line.part()) && Double.isNaN(line.priorMean()));
  }

  /** Ties share rank and tier, whatever the ids: renaming suppliers must change nothing. */
  @Test
  void tiedSuppliersShareRankAndTierWhateverTheirIds() {
    SupplierTable.Builder b = SupplierTable.builder(6);
    for (long id : new long[] {50, 10, 40, 20, 30}) {
      b.add(supplier(id, 7), orders(10));
    }
    b.add(supplier(60, 7), Signals.builder().count(Count.ORDERS, 10).count(Count.SHIPPED_IN_48H, 10)
        .build());
    Scores scores = Scorer.of(ScoringConfig.builder().qualityShare(0.4).build()).score(b.build());
    assertEquals(1, scores.rankById(60));
    assertTrue(scores.qualityTierById(60));
    for (long id : new long[] {10, 20, 30, 40, 50}) {
      assertEquals(2, scores.rankById(id), "supplier " + id);
      assertTrue(scores.qualityTierById(id), "supplier " + id + ", tied with the last of the top 40%");
      assertEquals(6, scores.categorySize(scores.row(id)));
    }
    assertEquals(6, scores.qualityTierSize());
  }

  @Test
  void idsOfEitherSignDoNotChangeRanks() {
    SupplierTable.Builder b = SupplierTable.builder(5);
    long[] ids = {3, -5, -1, Long.MIN_VALUE, Long.MAX_VALUE};
    for (int i = 0; i < ids.length; i++) { // shipped in 48 h: 40, 30, 20, 10, 0 of 50
      b.add(supplier(ids[i], 0), Signals.builder().count(Count.ORDERS, 50)
          .count(Count.SHIPPED_IN_48H, 40 - 10 * i).build());
    }
    Scores scores = Scorer.DEFAULT.score(b.build());
    for (int i = 0; i < ids.length; i++) {
      assertEquals(i + 1, scores.rankById(ids[i]), "supplier " + ids[i]);
    }
  }

  @Test
  void qualityTierIsTheTopShareOfEachCategoryByComposite() {
    SupplierTable.Builder b = SupplierTable.builder(12);
    for (int i = 0; i < 10; i++) { // shipped in 48 h: 0, 10, ..., 90 of 100
      b.add(supplier(i + 1, 1), Signals.builder().count(Count.ORDERS, 100)
          .count(Count.SHIPPED_IN_48H, 10 * i).build());
    }
    b.add(supplier(11, 2), orders(5));
    b.add(supplier(12, 2), orders(5));
    Scores scores = Scorer.DEFAULT.score(b.build());
    // category 1: ⌈0.2 · 10⌉ = 2, the two best shippers; category 2: at least one, and its tie
    for (int i = 0; i < 10; i++) {
      assertEquals(i >= 8, scores.qualityTierById(i + 1), "supplier " + (i + 1));
      assertEquals(10 - i, scores.rankById(i + 1));
    }
    assertTrue(scores.qualityTierById(11));
    assertTrue(scores.qualityTierById(12));
    assertEquals(4, scores.qualityTierSize());
    assertEquals(2, Scorer.qualityCount(0.2, 10));
    assertEquals(1, Scorer.qualityCount(0.2, 2));
    assertEquals(3, Scorer.qualityCount(0.1, 30));
    assertEquals(2, Scorer.qualityCount(0.2, 7));
  }

  @Test
  void headTierIsTheTopShareOfAllSuppliersByOrdersWithTheirTies() {
    int[] orders = {100, 300, 300, 50, 300};
    long[] ids = {5, 9, 3, 1, 7};
    SupplierTable.Builder b = SupplierTable.builder(5);
    for (int i = 0; i < ids.length; i++) {
      b.add(supplier(ids[i], i % 2), orders(orders[i])); // two categories: the tier is global
    }
    SupplierTable table = b.build();
    Scores scores = Scorer.of(ScoringConfig.builder().headShare(0.4).build()).score(table);
    assertTrue(scores.headTierById(3));
    assertTrue(scores.headTierById(7));
    assertTrue(scores.headTierById(9), "tied at 300 orders with the last of the top 40%");
    assertFalse(scores.headTierById(5));
    assertFalse(scores.headTierById(1));
    assertEquals(3, scores.headTierSize());
    Scores none = Scorer.of(ScoringConfig.builder().headShare(0).build()).score(table);
    assertEquals(0, none.headTierSize());
  }

  @Test
  void compositeIsTheWeightedSumOfDimensionScoresWithPerCategoryWeights() {
    SupplierTable table = RandomTables.table(11, 3, 40);
    Weights heavy = Weights.of(0.5, 0.1, 0.1, 0.1, 0.1, 0.1);
    ScoringConfig config = ScoringConfig.builder().weights(Weights.EQUAL).weights(1, heavy).build();
    Scores scores = Scorer.of(config).score(table);
    for (int row = 0; row < table.size(); row++) {
      Weights w = table.primaryCategory(row) == 1 ? heavy : Weights.EQUAL;
      double sum = 0;
      ScoreCard card = scores.card(row);
      for (Dimension d : Dimension.values()) {
        sum += w.weight(d) * scores.dimension(row, d);
        assertEquals(w.weight(d), card.dimension(d).weight(), 0);
        assertEquals(w.weight(d) * card.dimension(d).score(), card.dimension(d).contribution(), 0);
      }
      assertEquals(Math.min(1, sum), scores.composite(row), 0);
      assertEquals(scores.composite(row), card.composite(), 0);
    }
  }

  @Test
  void scoreCardExplainsTheStoredNumbers() {
    SupplierTable table = RandomTables.table(5, 2, 30);
    Scores scores = Scorer.DEFAULT.score(table);
    double[] composites = scores.composites();
    for (int row = 0; row < table.size(); row++) {
      ScoreCard card = scores.card(row);
      assertEquals(table.id(row), card.supplierId());
      assertEquals(row, card.row());
      assertEquals(table.primaryCategory(row), card.category());
      assertEquals(scores.categorySize(row), card.categorySize());
      assertEquals(composites[row], card.composite(), 0);
      assertEquals(scores.rank(row), card.rank());
      assertEquals(scores.qualityTier(row), card.qualityTier());
      assertEquals(scores.headTier(row), card.headTier());
      for (Dimension d : Dimension.values()) {
        DimensionScore line = card.dimension(d);
        assertEquals(scores.dimension(row, d), line.score(), 0);
        double sum = 0;
        for (SignalScore s : line.signals()) {
          sum += s.percentile();
          assertEquals(d, s.signal().dimension());
        }
        assertEquals(sum / line.signals().size(), line.score(), 0);
      }
      assertEquals(card, scores.cardById(table.id(row)));
    }
    String text = scores.card(0).format();
    assertTrue(text.startsWith("supplier " + table.id(0) + " (row 0), category "), text);
    assertTrue(text.contains("fulfilment.shippedIn48h"), text);
    assertTrue(text.contains("afterSales.sellerResponsibleRefunds"), text);
    assertTrue(text.contains("price.priceIndex"), text);
    assertEquals(text, scores.card(0).toString());
  }

  @Test
  void everyDimensionHasItsSignals() {
    assertEquals(3, Dimension.PRODUCT.signals().size());
    assertEquals(java.util.List.of(Signal.PRICE_CREDIT), Dimension.PRICE.signals());
    assertEquals(3, Dimension.SERVICE.signals().size());
    assertEquals(4, Dimension.FULFILMENT.signals().size());
    assertEquals(2, Dimension.AFTER_SALES.signals().size());
    assertEquals(4, Dimension.NEW_PRODUCT.signals().size());
    assertEquals("fulfilment.shippedIn48h", Signal.SHIPPED_IN_48H_RATE.field());
    assertEquals(Count.ORDERS, Signal.SHIPPED_IN_48H_RATE.whole());
    assertEquals(Count.SHIPPED_IN_48H, Signal.SHIPPED_IN_48H_RATE.part());
    assertEquals(Direction.LOWER_IS_BETTER, Signal.QUALITY_REFUND_RATE.direction());
    assertEquals("newProduct.newProductSales", Signal.NEW_PRODUCT_SALES_SHARE.field());
    assertFalse(Signal.PRICE_CREDIT.isRate());
  }

  @Test
  void newProductSalesShareUsesOrdersAsEffectiveTrials() {
    SupplierTable table = SupplierTable.builder(2)
        .add(supplier(1, 1), Signals.builder().count(Count.ORDERS, 40).amount(Amount.SALES, 1000)
            .amount(Amount.NEW_PRODUCT_SALES, 250).build())
        .add(supplier(2, 1), Signals.builder().count(Count.ORDERS, 40).build())
        .build();
    Scores scores = Scorer.DEFAULT.score(table);
    SignalScore share = scores.cardById(1).signal(Signal.NEW_PRODUCT_SALES_SHARE);
    assertEquals(10, share.part(), 1e-12);
    assertEquals(40, share.whole(), 0);
    SignalScore noSales = scores.cardById(2).signal(Signal.NEW_PRODUCT_SALES_SHARE);
    assertEquals(0, noSales.whole(), 0);
    assertTrue(Double.isNaN(noSales.raw()));
    assertEquals(noSales.priorMean(), noSales.shrunk(), 0);
  }

  @Test
  void priorsFromAnotherWindowApplyAndUnknownCategoriesUseTheGlobalPrior() {
    SupplierTable reference = RandomTables.table(3, 2, 40); // categories 0 and 1
    SupplierTable today = SupplierTable.builder(2).add(supplier(1, 0), orders(10))
        .add(supplier(2, 9), orders(10)).build();
    ScoringConfig config = ScoringConfig.builder().minCategorySize(2).build();
    Priors priors = Priors.fit(reference, config);
    Scores scores = Scorer.of(config).score(today, priors);
    assertTrue(scores.priors() == priors);
    SignalScore known = scores.cardById(1).signal(Signal.SHIPPED_IN_48H_RATE);
    SignalScore unknown = scores.cardById(2).signal(Signal.SHIPPED_IN_48H_RATE);
    assertTrue(known.categoryPrior());
    assertEquals(priors.prior(0, Signal.SHIPPED_IN_48H_RATE).alpha(), known.priorAlpha(), 0);
    assertFalse(unknown.categoryPrior());
    assertEquals(priors.global(Signal.SHIPPED_IN_48H_RATE).alpha(), unknown.priorAlpha(), 0);
    assertEquals(0.5, scores.dimensionById(2, Dimension.FULFILMENT), 0, "alone in its category");
  }

  @Test
  void rejectsUnknownSuppliersRowsAndNulls() {
    Scores scores = Scorer.DEFAULT.score(SupplierTable.builder(1).add(supplier(1, 0), orders(1)).build());
    assertEquals(1, scores.size());
    assertEquals("supplier 99: not in the scored table",
        assertThrows(IllegalArgumentException.class, () -> scores.compositeById(99)).getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> scores.composite(1));
    assertThrows(IndexOutOfBoundsException.class, () -> scores.card(-1));
    assertEquals("config: expected a non-null ScoringConfig",
        assertThrows(NullPointerException.class, () -> Scorer.of(null)).getMessage());
    assertEquals("table: expected a non-null SupplierTable",
        assertThrows(NullPointerException.class, () -> Scorer.DEFAULT.score(null)).getMessage());
    assertEquals("priors: expected a non-null Priors", assertThrows(NullPointerException.class,
        () -> Scorer.DEFAULT.score(scores.table(), null)).getMessage());
    Scores empty = Scorer.DEFAULT.score(SupplierTable.builder(0).build());
    assertEquals(0, empty.size());
    assertEquals(0, empty.qualityTierSize());
  }

  /** Regression (issue 14): priors fitted with one claim cap were accepted by a scorer with another. */
  @Test
  void priorsFittedWithOtherSettingsAreRefused() {
    SupplierTable table = RandomTables.table(5, 3, 200);
    Scorer three = Scorer.of(ScoringConfig.builder().claimCapPerBuyer(3).build());
    Scorer five = Scorer.of(ScoringConfig.builder().claimCapPerBuyer(5).build());
    Priors fitted = three.fitPriors(table);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> five.score(table, fitted));
    assertEquals("priors fitted with claimCapPerBuyer 3, this scorer uses 5: expected priors fitted with"
        + " this scorer's settings (Scorer.fitPriors)", e.getMessage());
    assertEquals(200, three.score(table, fitted).size());
  }
}
