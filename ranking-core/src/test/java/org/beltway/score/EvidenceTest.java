package org.beltway.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.EnumMap;
import java.util.Map;
import org.beltway.supplier.Count;
import org.beltway.supplier.Signals;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

/**
 * {@link Evidence}: absolute goodness that a thicker record of the same rates never lowers (so a
 * thinner one, a shop cut from a supplier, never raises), and a tier by volume checked against its
 * definition summed row by row.
 */
class EvidenceTest {

  /** Every count doubled: the same rates on twice the evidence. */
  private static SupplierTable doubled(SupplierTable table) {
    Map<Count, int[]> counts = new EnumMap<>(Count.class);
    for (Count c : Count.values()) {
      int[] values = new int[table.size()];
      for (int r = 0; r < values.length; r++) {
        values[r] = (int) (2 * table.count(c, r));
      }
      counts.put(c, values);
    }
    return table.withCounts(counts);
  }

  @Test
  void goodnessLiesInTheUnitIntervalAndTwiceTheEvidenceOfTheSameRatesNeverLowersIt() {
    qt().withExamples(40).withFixedSeed(71).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      SupplierTable table = RandomTables.table(seed, 3, 60);
      Priors priors = Scorer.DEFAULT.fitPriors(table);
      double[][] once = Evidence.goodness(Scorer.DEFAULT.score(table, priors));
      double[][] twice = Evidence.goodness(Scorer.DEFAULT.score(doubled(table), priors));
      for (Signal signal : Signal.values()) {
        for (int r = 0; r < table.size(); r++) {
          double a = once[signal.ordinal()][r];
          double b = twice[signal.ordinal()][r];
          assertTrue(a >= 0 && a <= 1, signal + ", row " + r + ": " + a);
          assertTrue(b >= a - 1e-12, "seed " + seed + ", " + signal + ", row " + r + ": " + a + " then " + b);
        }
      }
    });
  }

  @Test
  void aRecordWithoutEvidenceIsWorthNothingButItsPriceCredit() {
    SupplierTable table = RandomTables.table(5, 2, 30);
    SupplierTable.Builder b = SupplierTable.builder(table.size());
    for (int r = 0; r < table.size(); r++) {
      b.add(table.supplier(r), Signals.builder().build());
    }
    SupplierTable empty = b.build();
    double[][] goodness = Evidence.goodness(Scorer.DEFAULT.score(empty, Scorer.DEFAULT.fitPriors(table)));
    for (Signal signal : Signal.values()) {
      for (int r = 0; r < table.size(); r++) {
        if (signal.isRate()) {
          assertEquals(0.0, goodness[signal.ordinal()][r], signal + ", row " + r);
        }
      }
    }
    for (int r = 0; r < table.size(); r++) {
      assertEquals(0.0, Evidence.volume(empty, r));
    }
  }

  /** The definition, row by row: in the tier iff the category's volume of strictly better rows is below the share. */
  private static boolean[] tierByDefinition(SupplierTable table, double[] quality, double share) {
    boolean[] tier = new boolean[table.size()];
    for (int r = 0; r < tier.length; r++) {
      double above = 0;
      double total = 0;
      for (int s = 0; s < tier.length; s++) {
        if (table.primaryCategory(s) == table.primaryCategory(r)) {
          total += Evidence.volume(table, s);
          above += quality[s] > quality[r] ? Evidence.volume(table, s) : 0;
        }
      }
      tier[r] = above < share * total;
    }
    return tier;
  }

  @Test
  void theTierHoldsTheBestQualityUpToItsShareOfEachCategorysVolume() {
    qt().withExamples(40).withFixedSeed(72).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      SupplierTable table = RandomTables.table(seed, 4, 50);
      Scores scores = Scorer.DEFAULT.score(table);
      double[] quality = Evidence.goodness(scores)[Signal.ON_TIME_DELIVERY_RATE.ordinal()];
      for (double share : new double[] {0.2, 0.5, 1.0}) {
        assertArrayEquals(tierByDefinition(table, quality, share), Evidence.qualityTier(scores, quality, share),
            "seed " + seed + ", share " + share);
      }
    });
  }

  @Test
  void badTierArgumentsAreNamed() {
    Scores scores = Scorer.DEFAULT.score(RandomTables.table(3, 2, 10));
    double[] quality = new double[10];
    IllegalArgumentException share = assertThrows(IllegalArgumentException.class,
        () -> Evidence.qualityTier(scores, quality, 0));
    assertEquals("share (0.0): expected a number in (0, 1]", share.getMessage());
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> Evidence.qualityTier(scores, new double[3], 0.5));
    assertEquals("quality has 3 values: expected one per scored supplier (10)", length.getMessage());
  }
}
