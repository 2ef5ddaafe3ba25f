package org.beltway.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PriorTest {

  @Test
  void shrinksByTheBetaBinomialPosteriorMean() {
    Prior prior = Prior.of(2, 98); // mean 2%, worth 100 trials
    assertEquals(0.02, prior.mean(), 1e-15);
    assertEquals(100, prior.strength(), 0);
    // 0 defects in 2 orders: (0 + 2) / (2 + 100)
    assertEquals(2.0 / 102, prior.shrink(0, 2), 1e-15);
    // 3 defects in 2000 orders: (3 + 2) / (2000 + 100)
    assertEquals(5.0 / 2100, prior.shrink(3, 2000), 1e-15);
    // no evidence: the prior mean, exactly
    assertEquals(prior.mean(), prior.shrink(0, 0), 0);
    // fractional parts (credibility-weighted claims) are fine
    assertEquals(6.5 / 200, prior.shrink(4.5, 100), 1e-15);
  }

  @Test
  void twoOrdersWithNoDefectDoNotBeatTwoThousandWithThree() {
    Prior prior = Prior.of(2, 98);
    assertEquals(true, prior.shrink(0, 2) > prior.shrink(3, 2000),
        "the small sample's shrunk defect rate stays near the prior mean");
  }

  @Test
  void rejectsInvalidParameters() {
    assertEquals("prior.alpha must be a finite number > 0: 0.0",
        assertThrows(IllegalArgumentException.class, () -> Prior.of(0, 1)).getMessage());
    assertEquals("prior.beta must be a finite number > 0: Infinity",
        assertThrows(IllegalArgumentException.class,
            () -> Prior.of(1, Double.POSITIVE_INFINITY)).getMessage());
    assertEquals("prior.alpha must be a finite number > 0: NaN",
        assertThrows(IllegalArgumentException.class, () -> Prior.of(Double.NaN, 1)).getMessage());
    Prior prior = Prior.of(1, 1);
    assertEquals("whole must be a finite number >= 0: -1.0",
        assertThrows(IllegalArgumentException.class, () -> prior.shrink(0, -1)).getMessage());
    assertEquals("part must be in [0, whole (10.0)]: 11.0",
        assertThrows(IllegalArgumentException.class, () -> prior.shrink(11, 10)).getMessage());
    assertEquals("part must be in [0, whole (10.0)]: -1.0",
        assertThrows(IllegalArgumentException.class, () -> prior.shrink(-1, 10)).getMessage());
  }
}
