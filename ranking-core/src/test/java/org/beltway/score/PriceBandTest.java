package org.beltway.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class PriceBandTest {

  @Test
  void creditIsFullAtOrBelowTheLowEdgeAndFallsAboveIt() {
    PriceBand band = PriceBand.DEFAULT;
    assertEquals(0.85, band.low(), 0);
    assertEquals(1.15, band.high(), 0);
    assertEquals(1.45, band.cutoff(), 1e-12);
    assertEquals(1.0, band.credit(0.01), 0);
    assertEquals(1.0, band.credit(0.5), 0);
    assertEquals(1.0, band.credit(0.85), 0);
    // inside the band: 1 - 0.25 * (p - low) / (high - low)
    assertEquals(0.875, band.credit(1.0), 1e-12);
    assertEquals(0.75, band.credit(1.15), 0);
    // above the band: 0.75 * (1 - (p - high) / (high - low))
    assertEquals(0.375, band.credit(1.3), 1e-12);
    assertEquals(0.0, band.credit(1.45), 1e-12);
    assertEquals(0.0, band.credit(2.0), 0);
    assertEquals(0.0, band.credit(1e9), 0);
  }

  @Test
  void creditIsNonIncreasingAndWithinZeroAndOne() {
    qt().withFixedSeed(42L).withExamples(1000)
        .forAll(doubles().between(0.001, 3.0), doubles().between(0.0, 1.0))
        .checkAssert((p, step) -> {
          PriceBand band = PriceBand.of(0.9, 1.2);
          double q = p + step;
          double c = band.credit(p);
          assertTrue(c >= 0 && c <= 1, "credit in [0, 1]: " + c);
          assertTrue(band.credit(q) <= c, "credit(" + q + ") > credit(" + p + ")");
        });
  }

  @Test
  void creditIsContinuousAtBothEdges() {
    PriceBand band = PriceBand.of(0.8, 1.2);
    assertEquals(1.0, band.credit(Math.nextUp(0.8)), 1e-12);
    assertEquals(0.75, band.credit(Math.nextUp(1.2)), 1e-12);
    assertTrue(band.credit(Math.nextUp(1.2)) <= band.credit(1.2));
  }

  @Test
  void rejectsInvalidBandsAndPrices() {
    assertEquals("priceBand.low must be a finite number > 0: 0.0",
        assertThrows(IllegalArgumentException.class, () -> PriceBand.of(0, 1)).getMessage());
    assertEquals("priceBand.low must be a finite number > 0: NaN",
        assertThrows(IllegalArgumentException.class, () -> PriceBand.of(Double.NaN, 1)).getMessage());
    assertEquals("priceBand.high must be a finite number > low (0.85): 0.85",
        assertThrows(IllegalArgumentException.class, () -> PriceBand.of(0.85, 0.85)).getMessage());
    assertEquals("priceBand.high must be a finite number > low (0.85): Infinity",
        assertThrows(IllegalArgumentException.class,
            () -> PriceBand.of(0.85, Double.POSITIVE_INFINITY)).getMessage());
    assertEquals("priceIndex must be a finite number > 0: -1.0",
        assertThrows(IllegalArgumentException.class, () -> PriceBand.DEFAULT.credit(-1)).getMessage());
  }
}
