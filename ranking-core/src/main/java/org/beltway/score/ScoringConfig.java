package org.beltway.score;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.beltway.internal.Strict;

/**
 * The settings of the scoring engine: dimension weights (a default and per category), the price band,
 * the per-buyer claim cap, the minimum evidence for a category's own prior, the quality and head tier
 * shares, and the number of threads. Immutable; built with the strict {@link #builder()}, where a setting
 * given twice or out of range fails at once. Unset settings take the defaults listed on the builder.
 * Results never depend on {@link #threads()}.
 */
public final class ScoringConfig {
  /** Default cap on the claims one buyer can count against a supplier. */
  public static final int DEFAULT_CLAIM_CAP_PER_BUYER = 3;
  /** Default minimum number of suppliers with evidence for a category to get its own prior. */
  public static final int DEFAULT_MIN_CATEGORY_SIZE = 30;
  /** Default share of each category's suppliers in the quality tier: the top 20%. */
  public static final double DEFAULT_QUALITY_SHARE = 0.2;
  /** Default share of all suppliers in the head tier: the top 1% by orders. */
  public static final double DEFAULT_HEAD_SHARE = 0.01;

  /** Every setting at its default; threads = the available processors when this class loaded. */
  public static final ScoringConfig DEFAULT = builder().build();

  private final Weights weights;
  private final Int2ObjectOpenHashMap<Weights> categoryWeights;
  private final PriceBand priceBand;
  private final int claimCapPerBuyer;
  private final int minCategorySize;
  private final double qualityShare;
  private final double headShare;
  private final int threads;

  private ScoringConfig(Builder b) {
    weights = b.weights == null ? Weights.DEFAULT : b.weights;
    categoryWeights = new Int2ObjectOpenHashMap<>(b.categoryWeights);
    priceBand = b.priceBand == null ? PriceBand.DEFAULT : b.priceBand;
    claimCapPerBuyer = b.claimCapPerBuyer == null ? DEFAULT_CLAIM_CAP_PER_BUYER : b.claimCapPerBuyer;
    minCategorySize = b.minCategorySize == null ? DEFAULT_MIN_CATEGORY_SIZE : b.minCategorySize;
    qualityShare = b.qualityShare == null ? DEFAULT_QUALITY_SHARE : b.qualityShare;
    headShare = b.headShare == null ? DEFAULT_HEAD_SHARE : b.headShare;
    threads = b.threads == null ? Runtime.getRuntime().availableProcessors() : b.threads;
  }

  /** A strict builder; see the class doc. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default weights, used by every category without its own. */
  public Weights weights() {
    return weights;
  }

  /** The weights of a category: its own if set, else {@link #weights()}. */
  public Weights weights(int category) {
    Weights w = categoryWeights.get(category);
    return w == null ? weights : w;
  }

  /** The categories with their own weights, sorted by category; read-only. */
  public Map<Integer, Weights> categoryWeights() {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(categoryWeights));
  }

  /** The price band of the PRICE dimension. */
  public PriceBand priceBand() {
    return priceBand;
  }

  /** The most claims one buyer counts for against a supplier's after-sales score, {@code >= 1}. */
  public int claimCapPerBuyer() {
    return claimCapPerBuyer;
  }

  /**
   * The minimum number of a category's suppliers with evidence for a signal (whole {@code > 0}) for the
   * category to get its own prior for that signal; below it the global prior is used. {@code >= 2}.
   */
  public int minCategorySize() {
    return minCategorySize;
  }

  /** The share of each category's suppliers in the quality tier, in (0, 1]. */
  public double qualityShare() {
    return qualityShare;
  }

  /** The share of all suppliers in the head tier (by orders), in [0, 1]. */
  public double headShare() {
    return headShare;
  }

  /** The number of threads scoring uses, {@code >= 1}; results do not depend on it. */
  public int threads() {
    return threads;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoringConfig c && weights.equals(c.weights)
        && categoryWeights.equals(c.categoryWeights) && priceBand.equals(c.priceBand)
        && claimCapPerBuyer == c.claimCapPerBuyer && minCategorySize == c.minCategorySize
        && Double.compare(qualityShare, c.qualityShare) == 0
        && Double.compare(headShare, c.headShare) == 0 && threads == c.threads;
  }

  @Override
  public int hashCode() {
    return Objects.hash(weights, categoryWeights, priceBand, claimCapPerBuyer, minCategorySize,
        qualityShare, headShare, threads);
  }

  @Override
  public String toString() {
    return "ScoringConfig{weights=" + weights + ", categoryWeights=" + categoryWeights()
        + ", priceBand=" + priceBand + ", claimCapPerBuyer=" + claimCapPerBuyer + ", minCategorySize="
        + minCategorySize + ", qualityShare=" + qualityShare + ", headShare=" + headShare
        + ", threads=" + threads + '}';
  }

  /**
   * Builds a {@link ScoringConfig}. Each setting may be given once; a second time throws
   * {@link IllegalStateException}, a value out of range {@link IllegalArgumentException}, both with a
   * message naming the setting and the value. Defaults: {@link Weights#DEFAULT}, {@link PriceBand#DEFAULT},
   * claim cap 3, minimum category size 30, quality share 0.2, head share 0.01, threads = available
   * processors.
   */
  public static final class Builder {
    private Weights weights;
    private final Int2ObjectOpenHashMap<Weights> categoryWeights = new Int2ObjectOpenHashMap<>();
    private PriceBand priceBand;
    private Integer claimCapPerBuyer;
    private Integer minCategorySize;
    private Double qualityShare;
    private Double headShare;
    private Integer threads;

    private Builder() {}

    /** The default weights of every category without its own. */
    public Builder weights(Weights weights) {
      Strict.nonNull(weights, "weights", Weights.class);
      Strict.requireUnset("weights", this.weights);
      this.weights = weights;
      return this;
    }

    /**
     * The weights of one category.
     *
     * @throws IllegalArgumentException if {@code category < 0}
     * @throws IllegalStateException if the category's weights were already set
     */
    public Builder weights(int category, Weights weights) {
      Strict.nonNull(weights, "weights", Weights.class);
      if (category < 0) {
        throw new IllegalArgumentException("category must be >= 0: " + category);
      }
      Strict.requireUnset("weights of category " + category, categoryWeights.get(category));
      categoryWeights.put(category, weights);
      return this;
    }

    /** The price band of the PRICE dimension. */
    public Builder priceBand(PriceBand priceBand) {
      Strict.nonNull(priceBand, "priceBand", PriceBand.class);
      Strict.requireUnset("priceBand", this.priceBand);
      this.priceBand = priceBand;
      return this;
    }

    /**
     * The most claims one buyer counts for.
     *
     * @throws IllegalArgumentException if {@code cap < 1}
     */
    public Builder claimCapPerBuyer(int cap) {
      Strict.requireUnset("claimCapPerBuyer", claimCapPerBuyer);
      if (cap < 1) {
        throw new IllegalArgumentException("claimCapPerBuyer must be >= 1: " + cap);
      }
      claimCapPerBuyer = cap;
      return this;
    }

    /**
     * The minimum number of suppliers with evidence for a category's own prior.
     *
     * @throws IllegalArgumentException if {@code size < 2} (a variance needs two suppliers)
     */
    public Builder minCategorySize(int size) {
      Strict.requireUnset("minCategorySize", minCategorySize);
      if (size < 2) {
        throw new IllegalArgumentException("minCategorySize must be >= 2: " + size);
      }
      minCategorySize = size;
      return this;
    }

    /**
     * The share of each category in the quality tier.
     *
     * @throws IllegalArgumentException if not in (0, 1]
     */
    public Builder qualityShare(double share) {
      Strict.requireUnset("qualityShare", qualityShare);
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "qualityShare must be in (0, 1]: %s", share));
      }
      qualityShare = share;
      return this;
    }

    /**
     * The share of all suppliers in the head tier; 0 for none.
     *
     * @throws IllegalArgumentException if not in [0, 1]
     */
    public Builder headShare(double share) {
      Strict.requireUnset("headShare", headShare);
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "headShare must be in [0, 1]: %s", share));
      }
      headShare = share;
      return this;
    }

    /**
     * The number of threads.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Builder threads(int threads) {
      Strict.requireUnset("threads", this.threads);
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Returns the immutable configuration. */
    public ScoringConfig build() {
      return new ScoringConfig(this);
    }
  }
}
