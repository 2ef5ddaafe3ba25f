package org.beltway.sim;

import org.beltway.allocation.EvidenceMerit;
import org.beltway.allocation.Merit;
import org.beltway.score.Evidence;
import org.beltway.score.Scores;

/**
 * How the simulated marketplace turns scores into merit and the quality tier (docs/design.md §7,
 * "Split-proof merit"): by the composite score, which a business gains from by opening unlinked
 * shops, or by the supplier's own evidence, which it cannot.
 */
public enum MeritRule {
  /**
   * {@link Merit#DEFAULT} of the composite; the quality tier is the top 20% of each category by
   * composite ({@link Scores#qualityTier}).
   */
  COMPOSITE,
  /**
   * {@link EvidenceMerit}, calibrated on the day-0 scores: catalogue times the merit of a quality
   * read on per-signal percentiles of absolute goodness; the quality tier is the best quality holding {@link #EVIDENCE_TIER_SHARE} of
   * each category's catalogue ({@link Evidence#qualityTier}).
   */
  EVIDENCE;

  /** The share of each category's catalogue in the evidence quality tier. */
  public static final double EVIDENCE_TIER_SHARE = 0.3;

  /** The scale later scores are read on: the day-0 scores' ({@link #EVIDENCE}), or null. */
  EvidenceMerit calibrate(Scores reference) {
    return this == EVIDENCE ? EvidenceMerit.calibrate(reference) : null;
  }

  /** A table's merit and quality tier by row. */
  record Scored(double[] merit, boolean[] qualityTier) {}

  /**
   * The merit and quality tier of every row of the scores' table, on the scale {@link #calibrate}
   * gave; the evidence quality is computed once for both.
   */
  Scored score(Scores scores, EvidenceMerit scale) {
    if (this == COMPOSITE) {
      return new Scored(Merit.DEFAULT.apply(scores.composites()), qualityTier(scores, scale));
    }
    double[] quality = scale.quality(scores);
    return new Scored(scale.apply(scores, quality),
        Evidence.qualityTier(scores, quality, EVIDENCE_TIER_SHARE));
  }

  /** The quality tier of every row of the scores' table, on the scale {@link #calibrate} gave. */
  boolean[] qualityTier(Scores scores, EvidenceMerit scale) {
    if (this == EVIDENCE) {
      return Evidence.qualityTier(scores, scale.quality(scores), EVIDENCE_TIER_SHARE);
    }
    boolean[] tier = new boolean[scores.size()];
    for (int r = 0; r < tier.length; r++) {
      tier[r] = scores.qualityTier(r);
    }
    return tier;
  }
}
