package org.beltway.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.beltway.score.RandomTables.Row;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Claimant;
import org.beltway.supplier.Count;
import org.beltway.supplier.Signals;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The laws of scoring, as properties over seeded random tables of 2–5 categories and 5–60 suppliers.
 * QuickTheories prints the falsifying seed, category count, supplier count and pick.
 */
class ScoringLawsTest {
  private static final int EXAMPLES = 100;
  private static final ScoringConfig CONFIG =
      ScoringConfig.builder().minCategorySize(5).headShare(0.1).threads(2).build();
  private static final Scorer SCORER = Scorer.of(CONFIG);

  private static Gen<Long> seeds() {
    return longs().all();
  }

  private static Gen<Integer> categories() {
    return integers().between(2, 5);
  }

  private static Gen<Integer> suppliers() {
    return integers().between(5, 60);
  }

  private static Gen<Integer> picks() {
    return integers().between(0, 1 << 20);
  }

  private static boolean same(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
  }

  /** Every supplier of {@code a} has bit-for-bit the same scores in {@code b}. */
  private static void assertSameScores(Scores a, Scores b) {
    assertEquals(a.size(), b.size());
    for (int row = 0; row < a.size(); row++) {
      long id = a.table().id(row);
      int other = b.row(id);
      String who = "supplier " + id;
      assertTrue(same(a.composite(row), b.composite(other)),
          who + ": composite " + a.composite(row) + " vs " + b.composite(other));
      for (Dimension d : Dimension.values()) {
        assertTrue(same(a.dimension(row, d), b.dimension(other, d)),
            who + ": " + d + " " + a.dimension(row, d) + " vs " + b.dimension(other, d));
      }
      assertEquals(a.rank(row), b.rank(other), who + ": rank");
      assertEquals(a.qualityTier(row), b.qualityTier(other), who + ": quality tier");
      assertEquals(a.headTier(row), b.headTier(other), who + ": head tier");
    }
  }

  private static List<Row> replace(List<Row> rows, int index, Signals signals) {
    List<Row> copy = new ArrayList<>(rows);
    copy.set(index, new Row(rows.get(index).supplier(), signals));
    return copy;
  }

  private static Signals withClaimants(Signals s, List<Claimant> claimants) {
    Signals.Builder b = Signals.builder();
    for (Count c : Count.values()) {
      b.count(c, s.count(c));
    }
    for (Amount a : Amount.values()) {
      b.amount(a, s.amount(a));
    }
    for (Claimant c : claimants) {
      b.claimant(c.claims(), c.malicious(), c.appealsWon(), c.credibility());
    }
    return b.build();
  }

  /** The signals with one signal made better (or no worse), or null if it cannot be. */
  static Signals improve(Signals s, Signal signal) {
    if (signal.part() != null) {
      long part = s.count(signal.part());
      if (signal.direction() == Direction.HIGHER_IS_BETTER) {
        return part < s.count(signal.whole())
            ? s.toBuilder().count(signal.part(), part + 1).build() : null;
      }
      return part > 0 ? s.toBuilder().count(signal.part(), part - 1).build() : null;
    }
    switch (signal) {
      case PRICE_CREDIT:
        return s.toBuilder().amount(Amount.PRICE_INDEX, s.amount(Amount.PRICE_INDEX) * 0.9).build();
      case NEW_PRODUCT_SALES_SHARE: {
        double sales = s.amount(Amount.SALES);
        double share = s.amount(Amount.NEW_PRODUCT_SALES);
        return sales > 0 && share < sales ? s.toBuilder()
            .amount(Amount.NEW_PRODUCT_SALES, Math.min(sales, share + sales / 10)).build() : null;
      }
      case SELLER_REFUND_RATE: {
        List<Claimant> claimants = new ArrayList<>(s.claimants());
        for (int i = 0; i < claimants.size(); i++) {
          Claimant c = claimants.get(i);
          if (c.countedClaims() > 0) { // one counted claim fewer
            claimants.set(i, new Claimant(c.claims() - 1, c.malicious(), c.appealsWon(),
                c.credibility()));
            return withClaimants(s, claimants);
          }
        }
        return null;
      }
      default:
        throw new AssertionError(signal);
    }
  }

  @Test
  void scoresLieInZeroOne() {
    qt().withFixedSeed(42L).withExamples(EXAMPLES).forAll(seeds(), categories(), suppliers())
        .checkAssert((seed, categories, suppliers) -> {
          Scores scores = SCORER.score(RandomTables.table(seed, categories, suppliers));
          for (int row = 0; row < scores.size(); row++) {
            double c = scores.composite(row);
            assertTrue(c >= 0 && c <= 1, "composite " + c);
            for (Dimension d : Dimension.values()) {
              double v = scores.dimension(row, d);
              assertTrue(v >= 0 && v <= 1, d + " " + v);
            }
            for (DimensionScore line : scores.card(row).dimensions()) {
              for (SignalScore s : line.signals()) {
                assertTrue(s.percentile() >= 0 && s.percentile() <= 1, s.toString());
                assertTrue(s.shrunk() >= 0 && s.shrunk() <= 1, s.toString());
              }
            }
          }
        });
  }

  @Test
  void shufflingRowsGivesIdenticalScoresPerSupplier() {
    qt().withFixedSeed(42L).withExamples(EXAMPLES).forAll(seeds(), categories(), suppliers())
        .checkAssert((seed, categories, suppliers) -> {
          List<Row> rows = RandomTables.rows(seed, categories, suppliers);
          Scores original = SCORER.score(RandomTables.build(rows));
          Collections.shuffle(rows, new Random(seed + 1));
          Scores shuffled = SCORER.score(RandomTables.build(rows));
          assertSameScores(original, shuffled);
          assertEquals(original.priors().global(Signal.DISPUTE_RATE),
              shuffled.priors().global(Signal.DISPUTE_RATE));
        });
  }

  @Test
  void resultsDoNotDependOnThreadCount() {
    qt().withFixedSeed(42L).withExamples(EXAMPLES).forAll(seeds(), categories(), suppliers())
        .checkAssert((seed, categories, suppliers) -> {
          SupplierTable table = RandomTables.table(seed, categories, suppliers);
          Scores two = SCORER.score(table);
          for (int threads : new int[] {1, 3}) {
            ScoringConfig config = ScoringConfig.builder().minCategorySize(5).headShare(0.1)
                .threads(threads).build();
            assertSameScores(two, Scorer.of(config).score(table));
          }
        });
  }

  @Test
  void improvingOneSignalNeverLowersDimensionCompositeOrRankWithFixedPriors() {
    qt().withFixedSeed(42L).withExamples(EXAMPLES * 3)
        .forAll(seeds(), categories(), suppliers(), picks())
        .checkAssert((seed, categories, suppliers, pick) -> {
          List<Row> rows = RandomTables.rows(seed, categories, suppliers);
          SupplierTable before = RandomTables.build(rows);
          Priors priors = SCORER.fitPriors(before);
          int index = pick % suppliers;
          Signals improved = null;
          Signal signal = null;
          for (int k = 0; k < Signal.values().length && improved == null; k++) {
            signal = Signal.values()[(pick / suppliers + k) % Signal.values().length];
            improved = improve(rows.get(index).signals(), signal);
          }
          if (improved == null) {
            return;
          }
          SupplierTable after = RandomTables.build(replace(rows, index, improved));
          Scores s0 = SCORER.score(before, priors);
          Scores s1 = SCORER.score(after, priors);
          long id = rows.get(index).supplier().id();
          String what = "supplier " + id + ", " + signal;
          for (Dimension d : Dimension.values()) {
            if (d == signal.dimension()) {
              assertTrue(s1.dimensionById(id, d) >= s0.dimensionById(id, d),
                  what + ": " + s0.dimensionById(id, d) + " -> " + s1.dimensionById(id, d));
            } else {
              assertTrue(same(s1.dimensionById(id, d), s0.dimensionById(id, d)), what + ": " + d);
            }
          }
          assertTrue(s1.compositeById(id) >= s0.compositeById(id),
              what + ": composite " + s0.compositeById(id) + " -> " + s1.compositeById(id));
          assertTrue(s1.rankById(id) <= s0.rankById(id),
              what + ": rank " + s0.rankById(id) + " -> " + s1.rankById(id));
          assertTrue(s1.qualityTierById(id) || !s0.qualityTierById(id), what + ": left the tier");
        });
  }

  @Test
  void maliciousClaimsAndAppealsWonNeverChangeAnyScore() {
    qt().withFixedSeed(42L).withExamples(EXAMPLES)
        .forAll(seeds(), categories(), suppliers(), picks())
        .checkAssert((seed, categories, suppliers, pick) -> {
          List<Row> rows = RandomTables.rows(seed, categories, suppliers);
          int index = -1;
          for (int k = 0; k < suppliers && index < 0; k++) {
            Signals s = rows.get((pick + k) % suppliers).signals();
            long claims = s.claimants().stream().mapToLong(Claimant::claims).sum();
            if (claims < s.count(Count.ORDERS)) {
              index = (pick + k) % suppliers;
            }
          }
          if (index < 0) {
            return;
          }
          Signals s = rows.get(index).signals();
          List<Claimant> claimants = new ArrayList<>(s.claimants());
          double credibility = (pick % 5) / 4.0;
          boolean malicious = pick % 2 == 0;
          if (pick % 3 == 0 && !claimants.isEmpty()) { // one more excluded claim by a known buyer
            Claimant c = claimants.get(0);
            claimants.set(0, new Claimant(c.claims() + 1, c.malicious() + (malicious ? 1 : 0),
                c.appealsWon() + (malicious ? 0 : 1), c.credibility()));
          } else { // a new buyer whose only claim is excluded
            claimants.add(new Claimant(1, malicious ? 1 : 0, malicious ? 0 : 1, credibility));
          }
          SupplierTable before = RandomTables.build(rows);
          SupplierTable after = RandomTables.build(replace(rows, index, withClaimants(s, claimants)));
          assertSameScores(SCORER.score(before), SCORER.score(after));
          Priors priors = SCORER.fitPriors(before);
          assertSameScores(SCORER.score(before, priors), SCORER.score(after, priors));
        });
  }

  @Test
  void pricingFurtherBelowTheBandNeverChangesAnyScore() {
    qt().withFixedSeed(42L).withExamples(EXAMPLES)
        .forAll(seeds(), categories(), suppliers(), picks())
        .checkAssert((seed, categories, suppliers, pick) -> {
          List<Row> rows = RandomTables.rows(seed, categories, suppliers);
          int index = pick % suppliers;
          double low = CONFIG.priceBand().low();
          double atOrBelow = low * (1 - (pick % 50) / 100.0); // in (0.5 low, low]
          double further = atOrBelow * (0.3 + (pick % 7) / 10.0); // in [0.3, 0.9] of that
          Signals s = rows.get(index).signals();
          Scores at = SCORER.score(RandomTables.build(replace(rows, index,
              s.toBuilder().amount(Amount.PRICE_INDEX, atOrBelow).build())));
          Scores below = SCORER.score(RandomTables.build(replace(rows, index,
              s.toBuilder().amount(Amount.PRICE_INDEX, further).build())));
          assertSameScores(at, below);
        });
  }

  @Test
  void shrunkRatesLieBetweenThePriorMeanAndTheRawRate() {
    qt().withFixedSeed(42L).withExamples(EXAMPLES).forAll(seeds(), categories(), suppliers())
        .checkAssert((seed, categories, suppliers) -> {
          Scores scores = SCORER.score(RandomTables.table(seed, categories, suppliers));
          for (int row = 0; row < scores.size(); row++) {
            for (DimensionScore line : scores.card(row).dimensions()) {
              for (SignalScore s : line.signals()) {
                if (!s.signal().isRate()) {
                  continue;
                }
                if (s.whole() == 0) {
                  assertTrue(Double.isNaN(s.raw()), s.toString());
                  assertTrue(same(s.priorMean(), s.shrunk()), s.toString());
                } else {
                  double lo = Math.min(s.priorMean(), s.raw());
                  double hi = Math.max(s.priorMean(), s.raw());
                  assertTrue(s.shrunk() >= lo - 1e-12 && s.shrunk() <= hi + 1e-12, s.toString());
                  // the more evidence, the closer to the raw rate: weight whole / (whole + α + β)
                  double w = s.whole() / (s.whole() + s.priorAlpha() + s.priorBeta());
                  assertEquals(s.priorMean() + w * (s.raw() - s.priorMean()), s.shrunk(), 1e-12);
                }
              }
            }
          }
        });
  }

  @Test
  void ranksFollowCompositeTiesShareAndTiersTakeTheirSharesWithTheirTies() {
    qt().withFixedSeed(42L).withExamples(EXAMPLES).forAll(seeds(), categories(), suppliers())
        .checkAssert((seed, categories, suppliers) -> {
          SupplierTable table = RandomTables.table(seed, categories, suppliers);
          Scores scores = SCORER.score(table);
          int n = table.size();
          int head = 0;
          for (int a = 0; a < n; a++) {
            int category = table.primaryCategory(a);
            int size = 0;
            for (int b = 0; b < n; b++) {
              if (table.primaryCategory(b) != category) {
                continue;
              }
              size++;
              assertEquals(Double.compare(scores.composite(b), scores.composite(a)),
                  Integer.compare(scores.rank(a), scores.rank(b)), table.id(a) + " vs " + table.id(b));
            }
            assertEquals(size, scores.categorySize(a));
            assertEquals(scores.rank(a) <= Scorer.qualityCount(0.2, size), scores.qualityTier(a));
            head += scores.headTier(a) ? 1 : 0;
            for (int b = 0; b < n; b++) {
              if (scores.headTier(a) && !scores.headTier(b)) {
                long oa = table.count(Count.ORDERS, a);
                long ob = table.count(Count.ORDERS, b);
                assertTrue(oa > ob, table.id(a) + " in the head tier, " + table.id(b) + " not");
              }
            }
          }
          int withOrders = 0;
          for (int a = 0; a < n; a++) {
            withOrders += table.count(Count.ORDERS, a) > 0 ? 1 : 0;
          }
          assertTrue(head >= Math.min(Scorer.headCount(0.1, n), withOrders), head + " head suppliers");
          assertEquals(head, scores.headTierSize());
        });
  }
}
