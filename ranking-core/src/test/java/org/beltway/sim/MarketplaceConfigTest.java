package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MarketplaceConfigTest {

  private static String rejection(Class<? extends Throwable> type, Executable call) {
    return assertThrows(type, call).getMessage();
  }

  @Test
  void nationalHasTheNumbersOfDesignSectionOne() {
    MarketplaceConfig national = MarketplaceConfig.national(7);
    assertEquals(1.0, national.scale());
    assertEquals(7, national.seed());
    assertEquals(1_070_000, national.supplierCount());
    assertEquals(2_000, national.categories());
    assertEquals(1e9, national.dailyImpressions());
    assertEquals(0.015, national.badActorShare());
  }

  @Test
  void defaultsFollowTheScale() {
    MarketplaceConfig small = MarketplaceConfig.ofScale(0.01, 1);
    assertEquals(10_700, small.supplierCount());
    assertEquals(200, small.categories());
    assertEquals(1e7, small.dailyImpressions(), 1e-6);
    assertEquals(63, MarketplaceConfig.defaultCategories(0.001));
    assertEquals(20, MarketplaceConfig.defaultCategories(1e-6));
    assertEquals(2_000, MarketplaceConfig.defaultCategories(2.0));
    assertEquals(2_140_000, MarketplaceConfig.ofScale(2.0, 1).supplierCount());
    assertEquals(1, MarketplaceConfig.ofScale(1e-9, 1).supplierCount());
  }

  @Test
  void supplierCountIsTheRoundedScaledNationalCount() {
    qt().withFixedSeed(42L).withExamples(200).forAll(doubles().between(1e-6, 2.0))
        .checkAssert(scale -> assertEquals(Math.max(1, Math.round(1_070_000 * scale)),
            MarketplaceConfig.ofScale(scale, 3).supplierCount()));
  }

  @Test
  void builderTakesEveryKnob() {
    MarketplaceConfig c = MarketplaceConfig.builder().seed(5).scale(0.5).categories(300)
        .dailyImpressions(123.0).badActorShare(0.0).build();
    assertEquals(new MarketplaceConfig(0.5, 5, 300, 123.0, 0.0), c);
  }

  @Test
  void rejectsOutOfRangeSettingsAtOnce() {
    assertEquals("scale must be in (0, 2]: 0.0",
        rejection(IllegalArgumentException.class, () -> MarketplaceConfig.builder().scale(0)));
    assertEquals("scale must be in (0, 2]: 2.5",
        rejection(IllegalArgumentException.class, () -> MarketplaceConfig.builder().scale(2.5)));
    assertEquals("scale must be in (0, 2]: NaN",
        rejection(IllegalArgumentException.class, () -> MarketplaceConfig.defaultCategories(Double.NaN)));
    assertEquals("categories must be in [20, 100000]: 19",
        rejection(IllegalArgumentException.class, () -> MarketplaceConfig.builder().categories(19)));
    assertEquals("categories must be in [20, 100000]: 100001",
        rejection(IllegalArgumentException.class, () -> MarketplaceConfig.builder().categories(100_001)));
    assertEquals("dailyImpressions must be a finite number > 0: 0.0",
        rejection(IllegalArgumentException.class, () -> MarketplaceConfig.builder().dailyImpressions(0)));
    assertEquals("dailyImpressions must be a finite number > 0: Infinity", rejection(
        IllegalArgumentException.class, () -> MarketplaceConfig.builder().dailyImpressions(Double.POSITIVE_INFINITY)));
    assertEquals("badActorShare must be in [0, 0.5]: -0.1",
        rejection(IllegalArgumentException.class, () -> MarketplaceConfig.builder().badActorShare(-0.1)));
    assertEquals("badActorShare must be in [0, 0.5]: 0.6",
        rejection(IllegalArgumentException.class, () -> new MarketplaceConfig(1, 1, 2000, 1e9, 0.6)));
  }

  @Test
  void rejectsASettingGivenTwiceAndAMissingSeed() {
    assertEquals("scale was already set to 0.5", rejection(IllegalStateException.class,
        () -> MarketplaceConfig.builder().scale(0.5).scale(0.5)));
    assertEquals("seed was already set to 1", rejection(IllegalStateException.class,
        () -> MarketplaceConfig.builder().seed(1).seed(2)));
    assertEquals("categories was already set to 30", rejection(IllegalStateException.class,
        () -> MarketplaceConfig.builder().categories(30).categories(40)));
    assertEquals("dailyImpressions was already set to 5.0", rejection(IllegalStateException.class,
        () -> MarketplaceConfig.builder().dailyImpressions(5).dailyImpressions(6)));
    assertEquals("badActorShare was already set to 0.1", rejection(IllegalStateException.class,
        () -> MarketplaceConfig.builder().badActorShare(0.1).badActorShare(0.2)));
    assertEquals("seed was not set: a marketplace is always generated from an explicit seed",
        rejection(IllegalStateException.class, () -> MarketplaceConfig.builder().scale(0.1).build()));
  }
}
