package org.beltway.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConcentrationTest {

  @Test
  void giniIsZeroForEqualExposureAndNearOneWhenOneHoldsAll() {
    assertEquals(0.0, Concentration.gini(new double[] {5, 5, 5, 5}), 1e-12);
    assertEquals(0.0, Concentration.gini(new double[] {0, 0, 0}), 1e-12);
    // one of n holds everything: (n - 1) / n
    assertEquals(0.75, Concentration.gini(new double[] {0, 0, 0, 8}), 1e-12);
    // 1, 2, 3, 4: sum_i (2i - 5) x_i / (4 * 10) = (-3 - 2 + 3 + 12) / 40
    assertEquals(0.25, Concentration.gini(new double[] {1, 2, 3, 4}), 1e-12);
  }

  @Test
  void lorenzCurveIsTheCumulativeShareOfThePoorest() {
    assertArrayEquals(new double[] {0, 0.1, 0.3, 0.6, 1.0},
        Concentration.lorenz(new double[] {1, 2, 3, 4}, 5), 1e-12);
    assertArrayEquals(new double[] {0, 0.5, 1.0}, Concentration.lorenz(new double[] {0, 0}, 3), 1e-12);
    // interpolation inside a value: half of the first of two equal values
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1},
        Concentration.lorenz(new double[] {3, 3}, 5), 1e-12);
  }
}
