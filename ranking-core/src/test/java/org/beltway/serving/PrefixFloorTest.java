package org.beltway.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * FA*IR tables against the reference implementation's published tests (fairsearch, Zehlike et al.),
 * commons-math's binomial quantiles, and brute-force enumeration of every page.
 */
class PrefixFloorTest {

  @Test
  void unadjustedTablesAreThePublishedOnes() {
    assertArrayEquals(table("0000000011"), PrefixFloor.unadjusted(10, 0.2, 0.15).minimums());
    assertArrayEquals(table("00000000111111222223"),
        PrefixFloor.unadjusted(20, 0.25, 0.1).minimums());
    assertArrayEquals(table("000000001111122222333334444555"),
        PrefixFloor.unadjusted(30, 0.3, 0.05).minimums());
  }

  @Test
  void adjustedTablesAreThePublishedOnes() {
    assertArrayEquals(table("0000000011"), PrefixFloor.of(10, 0.2, 0.15).minimums());
    assertArrayEquals(table("00000000111111122222"), PrefixFloor.of(20, 0.25, 0.1).minimums());
    assertArrayEquals(table("000000000011111122222333344444"),
        PrefixFloor.of(30, 0.3, 0.05).minimums());
  }

  @Test
  void failureProbabilitiesOfAdjustedTablesAreThePublishedOnes() {
    assertEquals(0.134217728, PrefixFloor.of(10, 0.2, 0.15).failureProbability(), 1e-12);
    assertEquals(0.10515247355215251, PrefixFloor.of(20, 0.25, 0.1).failureProbability(), 1e-12);
    assertEquals(0.04877730797178359, PrefixFloor.of(30, 0.3, 0.05).failureProbability(), 1e-12);
  }

  @Test
  void adjustedAlphasAreThePublishedOnes() {
    assertEquals(0.15, PrefixFloor.of(10, 0.2, 0.15).adjustedAlpha(), 1e-4);
    assertEquals(0.078125, PrefixFloor.of(20, 0.25, 0.1).adjustedAlpha(), 1e-4);
    assertEquals(0.1, PrefixFloor.unadjusted(20, 0.25, 0.1).adjustedAlpha());
  }

  /**
   * fairsearch's Python tests give 0.0796875 for (30, 0.3, 0.15): a table of mass 70 whose exact
   * failure probability is 0.1663. The table at 0.075 (mass 68) fails a fair page with exact
   * probability 0.1467, nearer 0.15, and the adjustment is defined as the nearest; the reference's
   * figure comes from its approximate recursion. We keep the exact rule and pin the difference.
   */
  @Test
  void adjustmentPicksTheTableNearestAlphaByExactProbability() {
    PrefixFloor floor = PrefixFloor.of(30, 0.3, 0.15);
    assertEquals(0.075, floor.adjustedAlpha(), 1e-4);
    assertEquals(0.1467401379916178, floor.failureProbability(), 1e-12);
    PrefixFloor reference = PrefixFloor.unadjusted(30, 0.3, 0.0796875);
    assertEquals(0.1663496911265978, reference.failureProbability(), 1e-12);
    assertTrue(Math.abs(floor.failureProbability() - 0.15)
        < Math.abs(reference.failureProbability() - 0.15));
  }

  @Test
  void adjustedTableIsTheUnadjustedTableOfTheAdjustedAlpha() {
    qt().withExamples(40).forAll(integers().between(1, 120), doubles().between(0.02, 0.9),
        doubles().between(0.01, 0.2)).checkAssert((k, p, alpha) -> {
          PrefixFloor adjusted = PrefixFloor.of(k, p, alpha);
          assertArrayEquals(adjusted.minimums(),
              PrefixFloor.unadjusted(k, p, adjusted.adjustedAlpha()).minimums());
          assertTrue(adjusted.adjustedAlpha() > 0 && adjusted.adjustedAlpha() <= alpha,
              adjusted::toString);
        });
  }

  @Test
  void tablesAgreeWithCommonsMathQuantiles() {
    qt().withExamples(60).forAll(integers().between(1, 400), doubles().between(0.01, 0.99),
        doubles().between(0.001, 0.5)).checkAssert((k, p, alpha) -> {
          int[] m = PrefixFloor.unadjusted(k, p, alpha).minimums();
          for (int i = 1; i <= k; i++) {
            int expected = new BinomialDistribution(null, i, p).inverseCumulativeProbability(alpha);
            int prefix = i;
            assertEquals(expected, m[i - 1],
                () -> "m(" + prefix + ") for k=" + k + " p=" + p + " alpha=" + alpha);
          }
        });
  }

  @Test
  void failureProbabilityIsTheMassOfEveryFailingPage() {
    qt().withExamples(30).forAll(integers().between(1, 12), doubles().between(0.05, 0.95),
        doubles().between(0.01, 0.3)).checkAssert((k, p, alpha) -> {
          PrefixFloor floor = PrefixFloor.unadjusted(k, p, alpha);
          double failing = 0;
          boolean[] page = new boolean[k];
          for (int bits = 0; bits < 1 << k; bits++) {
            int protectedCount = Integer.bitCount(bits);
            for (int i = 0; i < k; i++) {
              page[i] = (bits >> i & 1) == 1;
            }
            if (!floor.admits(page)) {
              failing += Math.pow(p, protectedCount) * Math.pow(1 - p, k - protectedCount);
            }
          }
          assertEquals(failing, floor.failureProbability(), 1e-12);
        });
  }

  @Test
  void tablesStartAtZeroAndRiseByAtMostOne() {
    PrefixFloor floor = PrefixFloor.of(2_000, 0.6, 0.1);
    assertEquals(0, floor.minimum(0));
    for (int i = 1; i <= floor.k(); i++) {
      int step = floor.minimum(i) - floor.minimum(i - 1);
      assertTrue(step == 0 || step == 1, "step at " + i + ": " + step);
    }
    assertTrue(floor.minimum(2_000) > 1_100 && floor.minimum(2_000) < 1_200, floor::toString);
    assertEquals(0.1, floor.failureProbability(), 0.05);
  }

  @Test
  void extremeSharesOnLongPagesKeepTheirMass() {
    // (1 - 0.99)^1000 underflows a double: the table must still ask for most of the page.
    int nearlyAll = PrefixFloor.unadjusted(1_000, 0.99, 0.1).minimum(1_000);
    assertTrue(nearlyAll >= 980 && nearlyAll <= 990, "m(1000) = " + nearlyAll);
    assertEquals(0, PrefixFloor.unadjusted(1_000, 0.001, 0.1).minimum(1_000));
  }

  @Test
  void invalidParametersAreRejectedWithTheirValue() {
    rejects(() -> PrefixFloor.of(0, 0.2, 0.1), "k 0");
    rejects(() -> PrefixFloor.of(2_001, 0.2, 0.1), "k 2001");
    rejects(() -> PrefixFloor.of(10, 0, 0.1), "p 0.0");
    rejects(() -> PrefixFloor.of(10, 1.0, 0.1), "p 1.0");
    rejects(() -> PrefixFloor.of(10, Double.NaN, 0.1), "p NaN");
    rejects(() -> PrefixFloor.unadjusted(10, 0.2, 0), "alpha 0.0");
    rejects(() -> PrefixFloor.unadjusted(10, 0.2, 1.5), "alpha 1.5");
    rejects(() -> PrefixFloor.of(10, 0.2, 0.1).minimum(11), "prefixLength 11");
  }

  /** A published table written one digit per prefix. */
  private static int[] table(String digits) {
    return digits.chars().map(c -> c - '0').toArray();
  }

  private static void rejects(Runnable call, String fragment) {
    String message = assertThrows(IllegalArgumentException.class, call::run).getMessage();
    assertTrue(message.contains(fragment), message);
  }
}
