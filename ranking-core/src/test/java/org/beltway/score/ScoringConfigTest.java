package org.beltway.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ScoringConfigTest {

  private static String rejected(Class<? extends Throwable> type, Executable e) {
    return assertThrows(type, e).getMessage();
  }

  @Test
  void defaultsAreDocumented() {
    ScoringConfig c = ScoringConfig.DEFAULT;
    assertEquals(Weights.DEFAULT, c.weights());
    assertEquals(Weights.DEFAULT, c.weights(12345));
    assertEquals(PriceBand.DEFAULT, c.priceBand());
    assertEquals(3, c.claimCapPerBuyer());
    assertEquals(30, c.minCategorySize());
    assertEquals(0.2, c.qualityShare(), 0);
    assertEquals(0.01, c.headShare(), 0);
    assertEquals(Runtime.getRuntime().availableProcessors(), c.threads());
    assertTrue(c.categoryWeights().isEmpty());
    assertEquals(ScoringConfig.builder().build(), c);
  }

  @Test
  void keepsEverySetting() {
    Weights seven = Weights.of(0.5, 0.1, 0.1, 0.1, 0.1, 0.1);
    ScoringConfig c = ScoringConfig.builder().weights(Weights.EQUAL).weights(7, seven)
        .priceBand(PriceBand.of(0.9, 1.1)).claimCapPerBuyer(5).minCategorySize(2).qualityShare(1)
        .headShare(0).threads(3).build();
    assertEquals(Weights.EQUAL, c.weights());
    assertEquals(seven, c.weights(7));
    assertEquals(Weights.EQUAL, c.weights(8));
    assertEquals(Map.of(7, seven), c.categoryWeights());
    assertEquals(PriceBand.of(0.9, 1.1), c.priceBand());
    assertEquals(5, c.claimCapPerBuyer());
    assertEquals(2, c.minCategorySize());
    assertEquals(1.0, c.qualityShare(), 0);
    assertEquals(0.0, c.headShare(), 0);
    assertEquals(3, c.threads());
    assertNotEquals(ScoringConfig.DEFAULT, c);
    assertTrue(c.toString().contains("qualityShare=1.0"), c.toString());
    assertThrows(UnsupportedOperationException.class, () -> c.categoryWeights().put(1, seven));
  }

  @Test
  void rejectsOutOfRangeSettings() {
    assertEquals("qualityShare must be in (0, 1]: 1.2", rejected(IllegalArgumentException.class,
        () -> ScoringConfig.builder().qualityShare(1.2)));
    assertEquals("qualityShare must be in (0, 1]: 0.0", rejected(IllegalArgumentException.class,
        () -> ScoringConfig.builder().qualityShare(0)));
    assertEquals("qualityShare must be in (0, 1]: NaN", rejected(IllegalArgumentException.class,
        () -> ScoringConfig.builder().qualityShare(Double.NaN)));
    assertEquals("headShare must be in [0, 1]: -0.1", rejected(IllegalArgumentException.class,
        () -> ScoringConfig.builder().headShare(-0.1)));
    assertEquals("headShare must be in [0, 1]: 1.5", rejected(IllegalArgumentException.class,
        () -> ScoringConfig.builder().headShare(1.5)));
    assertEquals("claimCapPerBuyer must be >= 1: 0", rejected(IllegalArgumentException.class,
        () -> ScoringConfig.builder().claimCapPerBuyer(0)));
    assertEquals("minCategorySize must be >= 2: 1", rejected(IllegalArgumentException.class,
        () -> ScoringConfig.builder().minCategorySize(1)));
    assertEquals("threads must be >= 1: 0", rejected(IllegalArgumentException.class,
        () -> ScoringConfig.builder().threads(0)));
    assertEquals("category must be >= 0: -1", rejected(IllegalArgumentException.class,
        () -> ScoringConfig.builder().weights(-1, Weights.EQUAL)));
    assertEquals("weights: expected a non-null Weights", rejected(NullPointerException.class,
        () -> ScoringConfig.builder().weights(null)));
    assertEquals("weights: expected a non-null Weights", rejected(NullPointerException.class,
        () -> ScoringConfig.builder().weights(3, null)));
    assertEquals("priceBand: expected a non-null PriceBand", rejected(NullPointerException.class,
        () -> ScoringConfig.builder().priceBand(null)));
  }

  @Test
  void rejectsASettingGivenTwice() {
    assertEquals("qualityShare was already set to 0.2", rejected(IllegalStateException.class,
        () -> ScoringConfig.builder().qualityShare(0.2).qualityShare(0.3)));
    assertEquals("headShare was already set to 0.01", rejected(IllegalStateException.class,
        () -> ScoringConfig.builder().headShare(0.01).headShare(0.02)));
    assertEquals("claimCapPerBuyer was already set to 3", rejected(IllegalStateException.class,
        () -> ScoringConfig.builder().claimCapPerBuyer(3).claimCapPerBuyer(4)));
    assertEquals("minCategorySize was already set to 30", rejected(IllegalStateException.class,
        () -> ScoringConfig.builder().minCategorySize(30).minCategorySize(40)));
    assertEquals("threads was already set to 2", rejected(IllegalStateException.class,
        () -> ScoringConfig.builder().threads(2).threads(1)));
    assertEquals("priceBand was already set to PriceBand[low=0.85, high=1.15]",
        rejected(IllegalStateException.class,
            () -> ScoringConfig.builder().priceBand(PriceBand.DEFAULT).priceBand(PriceBand.DEFAULT)));
    assertEquals("weights was already set to Weights[product=0.25, price=0.1, service=0.15,"
        + " fulfilment=0.2, afterSales=0.2, newProduct=0.1]", rejected(IllegalStateException.class,
            () -> ScoringConfig.builder().weights(Weights.DEFAULT).weights(Weights.EQUAL)));
    assertEquals("weights of category 7 was already set to Weights[product=0.25, price=0.1,"
        + " service=0.15, fulfilment=0.2, afterSales=0.2, newProduct=0.1]",
        rejected(IllegalStateException.class,
            () -> ScoringConfig.builder().weights(7, Weights.DEFAULT).weights(7, Weights.EQUAL)));
  }
}
