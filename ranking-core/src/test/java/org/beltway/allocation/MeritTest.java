package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class MeritTest {

  @Test
  void theDefaultMapGivesTheBestSupplierTwentyOneTimesTheWorst() {
    assertEquals(0.05, Merit.DEFAULT.of(0), 1e-15);
    assertEquals(1.05, Merit.DEFAULT.of(1), 1e-15);
    assertEquals(0.3, Merit.DEFAULT.of(0.5), 1e-15);
    assertArrayEquals(new double[] {0.1, 0.6, 1.1}, Merit.power(0.1, 1).apply(new double[] {0, 0.5, 1}),
        1e-15);
    assertEquals(0.1 + Math.pow(0.5, 3), Merit.power(0.1, 3).of(0.5), 1e-15);
  }

  @Test
  void meritIsPositiveAndIncreasingInTheScore() {
    qt().withFixedSeed(42L).withExamples(500)
        .forAll(doubles().between(0, 1), doubles().between(0, 1), doubles().between(0.01, 5))
        .checkAssert((a, b, exponent) -> {
          Merit m = Merit.power(0.05, exponent);
          assertTrue(m.of(Math.min(a, b)) <= m.of(Math.max(a, b)));
          assertTrue(m.of(a) > 0);
        });
  }
}
