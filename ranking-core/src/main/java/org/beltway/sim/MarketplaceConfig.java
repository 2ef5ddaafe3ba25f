package org.beltway.sim;

import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * What {@link MarketplaceGenerator} builds: the fraction of national scale, the seed, and the few
 * knobs that are worth turning. Everything else about the marketplace's shape is fixed and documented
 * on {@link MarketplaceGenerator}.
 *
 * <p>Scale 1.0 is the national marketplace of docs/design.md §1: {@value #NATIONAL_SUPPLIERS}
 * suppliers. The scale multiplies the supplier count and the daily traffic; the catalogue keeps its 177
 * belts in 40 cities at every scale, while the number of leaf categories shrinks with the square root of
 * the scale below 1.0 (so a 1% marketplace still has about 53 suppliers per category rather than 5).
 *
 * @param scale fraction of national scale, in (0, 2]
 * @param seed the seed every random draw derives from
 * @param categories number of leaf categories, in [{@value #MIN_CATEGORIES}, {@value #MAX_CATEGORIES}]
 * @param dailyImpressions forecast search impressions per day over all segments, finite and {@code > 0}
 * @param badActorShare share of suppliers that are bad actors with terrible rates, in [0, 0.5]
 */
public record MarketplaceConfig(double scale, long seed, int categories, double dailyImpressions,
    double badActorShare) {

  /** Suppliers at scale 1.0 (docs/design.md §1: 1.07 M suppliers). */
  public static final int NATIONAL_SUPPLIERS = 1_070_000;
  /**
   * Leaf categories at scale 1.0 (assumed: "a few thousand", giving 2 000 × 2 buyer tiers × 5 channels
   * = 20 000 segments, the ≈ 20 k segments of docs/design.md §9).
   */
  public static final int NATIONAL_CATEGORIES = 2_000;
  /**
   * Search impressions per day at scale 1.0 (assumed: on the order of ten a day for each of the 96 M
   * buyers of docs/design.md §1).
   */
  public static final double NATIONAL_DAILY_IMPRESSIONS = 1e9;
  /** Share of bad actors unless set (assumed). */
  public static final double DEFAULT_BAD_ACTOR_SHARE = 0.015;
  /** The fewest categories: one per top-level sector of the {@link Catalogue}. */
  public static final int MIN_CATEGORIES = Catalogue.SECTOR_COUNT;
  /** The most categories (segment ids pack the category into the upper bits of a long). */
  public static final int MAX_CATEGORIES = 100_000;

  /**
   * Validates every setting.
   *
   * @throws IllegalArgumentException naming the setting, the value and the expectation
   */
  public MarketplaceConfig {
    checkScale(scale);
    checkCategories(categories);
    checkDailyImpressions(dailyImpressions);
    checkBadActorShare(badActorShare);
  }

  /** The national marketplace (scale 1.0) with every default. */
  public static MarketplaceConfig national(long seed) {
    return builder().seed(seed).build();
  }

  /** A marketplace at the given scale with every other default. */
  public static MarketplaceConfig ofScale(double scale, long seed) {
    return builder().scale(scale).seed(seed).build();
  }

  /** A strict builder: the seed must be set; every setting may be given once. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The number of suppliers: {@code max(1, round(1 070 000 × scale))}, e.g. 10 700 at scale 0.01.
   */
  public int supplierCount() {
    return (int) Math.max(1, Math.round(NATIONAL_SUPPLIERS * scale));
  }

  /**
   * The default number of categories at a scale: {@code round(2 000 × sqrt(min(scale, 1)))}, at least
   * {@value #MIN_CATEGORIES}; 2 000 at scale 1.0 and above, 200 at 0.01, 63 at 0.001.
   *
   * @throws IllegalArgumentException if the scale is not in (0, 2]
   */
  public static int defaultCategories(double scale) {
    checkScale(scale);
    return (int) Math.max(MIN_CATEGORIES,
        Math.round(NATIONAL_CATEGORIES * Math.sqrt(Math.min(scale, 1.0))));
  }

  private static void checkScale(double scale) {
    if (!(scale > 0 && scale <= 2)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "scale must be in (0, 2]: %s", scale));
    }
  }

  private static void checkCategories(int categories) {
    if (categories < MIN_CATEGORIES || categories > MAX_CATEGORIES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "categories must be in [%d, %d]: %d", MIN_CATEGORIES, MAX_CATEGORIES, categories));
    }
  }

  private static void checkDailyImpressions(double dailyImpressions) {
    if (!(Double.isFinite(dailyImpressions) && dailyImpressions > 0)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "dailyImpressions must be a finite number > 0: %s", dailyImpressions));
    }
  }

  private static void checkBadActorShare(double share) {
    if (!(share >= 0 && share <= 0.5)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "badActorShare must be in [0, 0.5]: %s", share));
    }
  }

  /**
   * Builds a {@link MarketplaceConfig}. Defaults: scale 1.0, categories {@link #defaultCategories}
   * of the scale, daily impressions {@code 1e9 × scale}, bad-actor share 0.015. The seed has no
   * default. A setting given twice, or out of range, fails at once.
   */
  public static final class Builder {
    private Double scale;
    private Long seed;
    private Integer categories;
    private Double dailyImpressions;
    private Double badActorShare;

    private Builder() {}

    /**
     * Sets the fraction of national scale.
     *
     * @throws IllegalArgumentException if not in (0, 2]
     * @throws IllegalStateException if already set
     */
    public Builder scale(double scale) {
      Strict.requireUnset("scale", this.scale);
      checkScale(scale);
      this.scale = scale;
      return this;
    }

    /**
     * Sets the seed.
     *
     * @throws IllegalStateException if already set
     */
    public Builder seed(long seed) {
      Strict.requireUnset("seed", this.seed);
      this.seed = seed;
      return this;
    }

    /**
     * Sets the number of leaf categories.
     *
     * @throws IllegalArgumentException if not in [20, 100 000]
     * @throws IllegalStateException if already set
     */
    public Builder categories(int categories) {
      Strict.requireUnset("categories", this.categories);
      checkCategories(categories);
      this.categories = categories;
      return this;
    }

    /**
     * Sets the forecast impressions per day over all segments.
     *
     * @throws IllegalArgumentException if not finite and {@code > 0}
     * @throws IllegalStateException if already set
     */
    public Builder dailyImpressions(double dailyImpressions) {
      Strict.requireUnset("dailyImpressions", this.dailyImpressions);
      checkDailyImpressions(dailyImpressions);
      this.dailyImpressions = dailyImpressions;
      return this;
    }

    /**
     * Sets the share of bad actors.
     *
     * @throws IllegalArgumentException if not in [0, 0.5]
     * @throws IllegalStateException if already set
     */
    public Builder badActorShare(double badActorShare) {
      Strict.requireUnset("badActorShare", this.badActorShare);
      checkBadActorShare(badActorShare);
      this.badActorShare = badActorShare;
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @throws IllegalStateException if the seed was not set
     */
    public MarketplaceConfig build() {
      if (seed == null) {
        throw new IllegalStateException("seed was not set: a marketplace is always generated from an explicit seed");
      }
      double s = scale == null ? 1.0 : scale;
      return new MarketplaceConfig(s, seed, categories == null ? defaultCategories(s) : categories,
          dailyImpressions == null ? NATIONAL_DAILY_IMPRESSIONS * s : dailyImpressions,
          badActorShare == null ? DEFAULT_BAD_ACTOR_SHARE : badActorShare);
    }
  }
}
