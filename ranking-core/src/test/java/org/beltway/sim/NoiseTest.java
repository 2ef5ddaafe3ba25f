package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class NoiseTest {

  @Test
  void uniformIsAPureFunctionOfItsKeysInTheOpenUnitInterval() {
    qt().withFixedSeed(42L).withExamples(200)
        .forAll(longs().all(), longs().between(0, 1000), longs().between(0, 1_000_000))
        .checkAssert((seed, day, index) -> {
          double u = Noise.uniform(seed, Noise.CONVERSION, day, index);
          assertTrue(u > 0 && u < 1, "u = " + u);
          assertEquals(u, Noise.uniform(seed, Noise.CONVERSION, day, index));
        });
    assertNotEquals(Noise.uniform(1, Noise.TRAFFIC, 3, 4), Noise.uniform(1, Noise.CONVERSION, 3, 4));
    assertNotEquals(Noise.uniform(1, Noise.TRAFFIC, 3, 4), Noise.uniform(1, Noise.TRAFFIC, 4, 3));
  }

  @Test
  void uniformsHaveTheMomentsOfAUniform() {
    int n = 200_000;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double u = Noise.uniform(7, Noise.TRAFFIC, i / 1000, i % 1000);
      sum += u;
      squares += u * u;
    }
    assertEquals(0.5, sum / n, 0.005);
    assertEquals(1.0 / 12, squares / n - (sum / n) * (sum / n), 0.002);
  }

  @Test
  void poissonDrawsHaveThePoissonMeanAndVarianceOnBothSidesOfTheSwitch() {
    for (double mean : new double[] {0.3, 4, 25, 40, 500}) {
      int n = 100_000;
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        long k = Noise.poisson(mean, Noise.uniform(11, Noise.CONVERSION, 0, i));
        sum += k;
        squares += (double) k * k;
      }
      double m = sum / n;
      double v = squares / n - m * m;
      assertEquals(mean, m, 4 * Math.sqrt(mean / n) + 0.01, "mean of Poisson(" + mean + ")");
      assertEquals(mean, v, 0.05 * mean + 0.02, "variance of Poisson(" + mean + ")");
    }
    assertEquals(0, Noise.poisson(0, 0.999));
    assertEquals(0, Noise.poisson(-1, 0.5));
  }

  @Test
  void poissonIsMonotoneInTheMeanForTheSameUniform() {
    qt().withFixedSeed(42L).withExamples(500)
        .forAll(doubles().between(0, 200), doubles().between(0, 200), doubles().between(1e-9, 1 - 1e-9))
        .checkAssert((a, b, u) -> {
          double lo = Math.min(a, b);
          double hi = Math.max(a, b);
          assertTrue(Noise.poisson(lo, u) <= Noise.poisson(hi, u), lo + " vs " + hi + " at " + u);
        });
  }

  @Test
  void inverseNormalMatchesKnownQuantiles() {
    assertEquals(0.0, Noise.inverseNormal(0.5), 1e-9);
    assertEquals(1.959963985, Noise.inverseNormal(0.975), 1e-8);
    assertEquals(-2.326347874, Noise.inverseNormal(0.01), 1e-8);
    assertEquals(3.719016485, Noise.inverseNormal(0.9999), 1e-7);
  }
}
