package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DrawsTest {

  @Test
  void binomialStaysWithinZeroAndN() {
    qt().withFixedSeed(42L).withExamples(300)
        .forAll(integers().between(0, 1_000_000), doubles().between(0, 1), longs().all())
        .checkAssert((n, p, seed) -> {
          long x = Draws.binomial(new SplittableRandom(seed), (long) n, p);
          assertTrue(x >= 0 && x <= n, () -> "Bin(" + n + ", " + p + ") = " + x);
        });
  }

  @Test
  void binomialHasTheRightMeanAndVarianceInEveryRegime() {
    long[] ns = {5, 60, 1_000, 100_000};
    double[] ps = {0.001, 0.05, 0.3, 0.5, 0.9};
    SplittableRandom r = new SplittableRandom(11);
    for (long n : ns) {
      for (double p : ps) {
        int draws = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
          double x = Draws.binomial(r, n, p);
          sum += x;
          squares += x * x;
        }
        double mean = sum / draws;
        double variance = squares / draws - mean * mean;
        double expectedVariance = n * p * (1 - p);
        // the sample mean is within 5 standard errors, the variance within 10%
        assertEquals(n * p, mean, 5 * Math.sqrt(expectedVariance / draws) + 1e-9, "mean of Bin(" + n + ", " + p + ")");
        assertEquals(expectedVariance, variance, 0.1 * expectedVariance + 0.01, "variance of Bin(" + n + ", " + p + ")");
      }
    }
  }

  @Test
  void binomialOfCertainOutcomesIsExact() {
    SplittableRandom r = new SplittableRandom(1);
    assertEquals(0, Draws.binomial(r, 100, 0.0));
    assertEquals(100, Draws.binomial(r, 100, 1.0));
    assertEquals(0, Draws.binomial(r, 0, 0.5));
    assertEquals(0, Draws.binomial(r, -3, 0.5));
  }

  @Test
  void aliasTableDrawsInProportionToWeight() {
    double[] weights = {0, 1, 2, 3, 4, 0, 10};
    AliasTable table = new AliasTable(weights);
    assertEquals(7, table.size());
    int[] seen = new int[weights.length];
    SplittableRandom r = new SplittableRandom(5);
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      seen[table.sample(r)]++;
    }
    for (int i = 0; i < weights.length; i++) {
      double p = weights[i] / 20;
      assertEquals(p * draws, seen[i], 5 * Math.sqrt(draws * p * (1 - p)) + 1e-9, "index " + i);
    }
  }

  @Test
  void aliasTableRejectsBadWeights() {
    assertEquals("weights must have a positive sum: 0.0",
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {0, 0})).getMessage());
    assertEquals("weights must be finite and >= 0: -1.0",
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, -1})).getMessage());
  }

  @Test
  void neighbouringStreamsDiffer() {
    assertNotEquals(Draws.streamSeed(1, 0), Draws.streamSeed(1, 1));
    assertNotEquals(Draws.streamSeed(1, 0), Draws.streamSeed(2, 0));
    assertNotEquals(Draws.streamSeed(0, 0), 0L);
    assertEquals(Draws.streamSeed(9, 123), Draws.streamSeed(9, 123));
  }
}
