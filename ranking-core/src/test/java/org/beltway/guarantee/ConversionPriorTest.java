package org.beltway.guarantee;

import static org.beltway.guarantee.TestTables.supplier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ConversionPriorTest {

  private static String rejection(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @Test
  void shrinksARateTowardItsCategoryPrior() {
    ConversionPrior prior = ConversionPrior.global(3, 997).withCategory(4, 10, 9990);
    assertEquals(0.003, prior.mean(0), 1e-15);
    assertEquals(0.001, prior.mean(4), 1e-15);
    assertTrue(prior.hasOwnPrior(4));
    assertFalse(prior.hasOwnPrior(3));
    assertFalse(prior.hasOwnPrior(400));
    assertEquals(3, prior.alpha(2));
    assertEquals(9990, prior.beta(4));
    // 12 new buyers in 12 000 impressions (raw 0.001) with Beta(3, 997): (12 + 3) / (12 000 + 1 000)
    assertEquals(15.0 / 13_000, prior.rate(0, 12, 12_000), 1e-18);
    // no evidence: the prior mean
    assertEquals(0.001, prior.rate(4, 0, 0), 1e-18);
  }

  @Test
  void rejectsInvalidPriors() {
    assertEquals("global prior Beta(0.0, 1.0): expected finite alpha > 0 and beta > 0",
        rejection(() -> ConversionPrior.global(0, 1)));
    assertEquals("global prior Beta(1.0, Infinity): expected finite alpha > 0 and beta > 0",
        rejection(() -> ConversionPrior.global(1, Double.POSITIVE_INFINITY)));
    assertEquals("category 2 prior Beta(1.0, NaN): expected finite alpha > 0 and beta > 0",
        rejection(() -> ConversionPrior.global(1, 1).withCategory(2, 1, Double.NaN)));
    assertEquals("category (-1): expected >= 0", rejection(() -> ConversionPrior.global(1, 1).withCategory(-1, 1, 1)));
    assertEquals("category (-1): expected >= 0", rejection(() -> ConversionPrior.global(1, 1).rate(-1, 0, 0)));
    assertEquals("newBuyers (-1) and impressions (5): expected counts >= 0",
        rejection(() -> ConversionPrior.global(1, 1).rate(0, -1, 5)));
  }

  @Test
  void fitsTheBetaBinomialByMomentsAsComputedByHand() {
    // category 0: (1, 100), (3, 100), (10, 200); category 1: a single supplier (5, 1000); category 2: no impressions
    int[] categories = {0, 0, 0, 1, 2};
    long[] buyers = {1, 3, 10, 5, 0};
    long[] impressions = {100, 100, 200, 1000, 0};
    ConversionPrior prior = ConversionPrior.fit(categories, buyers, impressions, 2);

    // category 0: K = 14, N = 400, mean 0.035, sum n^2 / N = 150, sum n (p - mean)^2 = 0.11
    double rho0 = (0.11 / (0.035 * 0.965) - 2) / (400 - 150 - 2);
    double strength0 = 1 / rho0 - 1;
    assertTrue(prior.hasOwnPrior(0));
    assertEquals(0.035 * strength0, prior.alpha(0), 1e-9);
    assertEquals(0.965 * strength0, prior.beta(0), 1e-9);
    assertEquals(196.31919905771525, strength0, 1e-9);

    // global: K = 19, N = 1400, sum n^2 / N = 1 060 000 / 1400, sum n (p - mean)^2 = 0.6 + 0.025 - 19 * 19 / 1400
    double mean = 19.0 / 1400;
    double squares = 0.625 - 19.0 * 19 / 1400;
    double rho = (squares / (mean * (1 - mean)) - 3) / (1400 - 1_060_000.0 / 1400 - 3);
    assertEquals(mean * (1 / rho - 1), prior.globalAlpha(), 1e-9);
    assertEquals((1 - mean) * (1 / rho - 1), prior.globalBeta(), 1e-9);

    // too small or empty categories fall back to the global prior
    assertFalse(prior.hasOwnPrior(1));
    assertFalse(prior.hasOwnPrior(2));
    assertEquals(prior.globalAlpha(), prior.alpha(1));
    assertEquals(prior.globalBeta(), prior.beta(2));
  }

  @Test
  void aCategoryWithoutExtraVarianceGetsAPriorAsStrongAsItsEvidence() {
    // identical rates: no variation beyond binomial noise, so a + b = N = 300
    ConversionPrior prior = ConversionPrior.fit(new int[] {0, 0, 0}, new long[] {1, 1, 1},
        new long[] {100, 100, 100}, 2);
    assertEquals(3, prior.alpha(0), 1e-9);
    assertEquals(297, prior.beta(0), 1e-9);
  }

  @Test
  void fitRecoversTheBetaItWasDrawnFrom() {
    Well19937c random = new Well19937c(42);
    BetaDistribution truth = new BetaDistribution(random, 4, 3996);
    int n = 3000;
    int[] categories = new int[n];
    long[] buyers = new long[n];
    long[] impressions = new long[n];
    for (int i = 0; i < n; i++) {
      impressions[i] = 1000 + random.nextInt(49_000);
      buyers[i] = new BinomialDistribution(random, (int) impressions[i], truth.sample()).sample();
    }
    ConversionPrior prior = ConversionPrior.fit(categories, buyers, impressions, 30);
    assertEquals(0.001, prior.mean(0), 0.0001);
    double strength = prior.alpha(0) + prior.beta(0);
    assertTrue(strength > 3000 && strength < 5300, "fitted a + b = " + strength + ", drawn from 4000");
  }

  @Test
  void fitsFromASupplierTableByPrimaryCategory() {
    SupplierTable table = TestTables.of(supplier(1, MembershipTier.TRUSTPASS, 0),
        supplier(2, MembershipTier.TRUSTPASS, 0), supplier(3, MembershipTier.TRUSTPASS, 0),
        supplier(4, MembershipTier.TRUSTPASS, 1));
    ConversionPrior fromTable = ConversionPrior.fit(table, new long[] {1, 3, 10, 5},
        new long[] {100, 100, 200, 1000}, 2);
    ConversionPrior fromArrays = ConversionPrior.fit(new int[] {0, 0, 0, 1}, new long[] {1, 3, 10, 5},
        new long[] {100, 100, 200, 1000}, 2);
    assertEquals(fromArrays.alpha(0), fromTable.alpha(0));
    assertEquals(fromArrays.globalBeta(), fromTable.globalBeta());
  }

  @Test
  void rejectsInvalidObservations() {
    assertEquals("minSuppliers must be >= 2: 1",
        rejection(() -> ConversionPrior.fit(new int[1], new long[1], new long[1], 1)));
    assertEquals("newBuyers has 2 values and impressions 1: expected one per supplier (1)",
        rejection(() -> ConversionPrior.fit(new int[1], new long[2], new long[1], 2)));
    assertEquals("supplier row 1: category (-2): expected >= 0",
        rejection(() -> ConversionPrior.fit(new int[] {0, -2}, new long[2], new long[2], 2)));
    assertEquals("supplier row 0: newBuyers (-1): expected >= 0",
        rejection(() -> ConversionPrior.fit(new int[2], new long[] {-1, 0}, new long[2], 2)));
    assertEquals("supplier row 1: impressions (-7): expected >= 0",
        rejection(() -> ConversionPrior.fit(new int[2], new long[2], new long[] {0, -7}, 2)));
    assertEquals("supplier row 1: newBuyers (8) exceeds impressions (7)",
        rejection(() -> ConversionPrior.fit(new int[2], new long[] {0, 8}, new long[] {0, 7}, 2)));
    assertEquals("cannot fit the global new-buyer prior from 2 suppliers with impressions, 0 new buyers in 30 "
            + "impressions: expected at least 2 suppliers with impressions and 0 < new buyers < impressions",
        rejection(() -> ConversionPrior.fit(new int[3], new long[3], new long[] {10, 20, 0}, 2)));
  }

  @Test
  void shrunkRateLiesBetweenPriorMeanAndRawRate() {
    qt().withFixedSeed(42L).withExamples(200)
        .forAll(doubles().between(0.01, 1000), doubles().between(1, 1e6), longs().between(1, 10_000_000),
            doubles().between(0, 1))
        .checkAssert((a, b, n, share) -> {
          long k = (long) Math.floor(share * n);
          ConversionPrior prior = ConversionPrior.global(a, b);
          double q = prior.rate(0, k, n);
          double mean = prior.mean(0);
          double raw = (double) k / n;
          double slack = 1e-12 * Math.max(mean, raw);
          assertTrue(q >= Math.min(mean, raw) - slack && q <= Math.max(mean, raw) + slack,
              "q " + q + " outside [" + Math.min(mean, raw) + ", " + Math.max(mean, raw) + "]");
        });
  }
}
