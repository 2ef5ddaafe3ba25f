package org.beltway.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightsTest {

  @Test
  void namedWeightsSumToOne() {
    for (Weights w : new Weights[] {Weights.EQUAL, Weights.DEFAULT}) {
      double sum = 0;
      for (Dimension d : Dimension.values()) {
        sum += w.weight(d);
      }
      assertEquals(1.0, sum, 1e-12);
    }
    assertEquals(1.0 / 6, Weights.EQUAL.weight(Dimension.AFTER_SALES), 0);
    assertEquals(0.10, Weights.DEFAULT.weight(Dimension.PRICE), 0);
    assertEquals(0.25, Weights.DEFAULT.weight(Dimension.PRODUCT), 0);
    Weights w = Weights.of(0.1, 0.2, 0.3, 0.15, 0.05, 0.2);
    assertEquals(0.1, w.weight(Dimension.PRODUCT), 0);
    assertEquals(0.2, w.weight(Dimension.PRICE), 0);
    assertEquals(0.3, w.weight(Dimension.SERVICE), 0);
    assertEquals(0.15, w.weight(Dimension.FULFILMENT), 0);
    assertEquals(0.05, w.weight(Dimension.AFTER_SALES), 0);
    assertEquals(0.2, w.weight(Dimension.NEW_PRODUCT), 0);
  }

  @Test
  void compositeIsTheWeightedSumClampedToOne() {
    double[] w = Weights.of(0.5, 0.1, 0.1, 0.1, 0.1, 0.1).toArray();
    assertEquals(0.5 * 0.8 + 0.1 * 0.4 + 0.1 * 1.0 + 0.1 * 0.0 + 0.1 * 0.5 + 0.1 * 0.25,
        Weights.composite(w, new double[] {0.8, 0.4, 1.0, 0.0, 0.5, 0.25}), 1e-15);
    double[] heavy = {0.5 + 5e-10, 0.1, 0.1, 0.1, 0.1, 0.1}; // sums to 1 + 5e-10, still accepted
    Weights.of(heavy[0], heavy[1], heavy[2], heavy[3], heavy[4], heavy[5]);
    assertEquals(1.0, Weights.composite(heavy, new double[] {1, 1, 1, 1, 1, 1}), 0);
  }

  @Test
  void rejectsNegativeNonFiniteAndUnnormalisedWeights() {
    assertEquals("weights.price must be a finite number >= 0: -0.1",
        assertThrows(IllegalArgumentException.class,
            () -> Weights.of(0.5, -0.1, 0.2, 0.2, 0.1, 0.1)).getMessage());
    assertEquals("weights.newProduct must be a finite number >= 0: NaN",
        assertThrows(IllegalArgumentException.class,
            () -> Weights.of(0.5, 0.1, 0.1, 0.1, 0.2, Double.NaN)).getMessage());
    assertEquals("weights.product must be a finite number >= 0: Infinity",
        assertThrows(IllegalArgumentException.class,
            () -> Weights.of(Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0)).getMessage());
    assertEquals("weights.service must be a finite number >= 0: -1.0",
        assertThrows(IllegalArgumentException.class, () -> Weights.of(1, 0, -1, 1, 0, 0)).getMessage());
    assertEquals("weights.fulfilment must be a finite number >= 0: -1.0",
        assertThrows(IllegalArgumentException.class, () -> Weights.of(1, 0, 1, -1, 0, 0)).getMessage());
    assertEquals("weights.afterSales must be a finite number >= 0: -1.0",
        assertThrows(IllegalArgumentException.class, () -> Weights.of(1, 0, 0, 1, -1, 0)).getMessage());
    assertEquals("weights must sum to 1 (within 1e-9): 0.875",
        assertThrows(IllegalArgumentException.class,
            () -> Weights.of(0.5, 0.25, 0.125, 0, 0, 0)).getMessage());
    assertEquals("weights must sum to 1 (within 1e-9): 1.0625",
        assertThrows(IllegalArgumentException.class,
            () -> Weights.of(0.5, 0.25, 0.25, 0.0625, 0, 0)).getMessage());
  }
}
