package org.beltway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.SegmentTable;
import org.beltway.internal.Strict;

/**
 * Ready policies built from the allocation primitives.
 *
 * <p>{@link #industrialBeltRecovery2025(SegmentTable)} states the 2025 industrial-belt recovery plan
 * (docs/design.md §1) as promises: at least 80% of all traffic to the quality tier (抢生意, the plan's
 * number); the TOP-buyer segments mostly to the quality tier ("top 20% matched to top 20%": the plan
 * gives no share, so 60% is assumed and can be changed); the commercial (paid) share capped (减负担);
 * head suppliers capped (the plan's focus on mid-sized factories); and the guarantee ledger's impression
 * demand (保生意). The plan states no number for the commercial and head caps, so the caller gives them.
 */
public final class Policies {
  /** The quality tier's share of all traffic in the 2025 plan. */
  public static final double QUALITY_SHARE = 0.8;
  /** The quality tier's share of TOP-buyer traffic: an assumption, the plan gives none. */
  public static final double TOP_BUYER_QUALITY_SHARE = 0.6;

  private Policies() {}

  /** A builder for the 2025 industrial-belt recovery policy on the given segments. */
  public static IndustrialBeltRecovery industrialBeltRecovery2025(SegmentTable segments) {
    Strict.nonNull(segments, "segments", SegmentTable.class);
    return new IndustrialBeltRecovery(segments);
  }

  /**
   * Builds the 2025 industrial-belt recovery policy. The quality tier is required; every other part
   * is optional; every setting may be given once and is checked at once: a second time throws
   * {@link IllegalStateException} naming the setting and its value, a share out of [0, 1]
   * {@link IllegalArgumentException}.
   */
  public static final class IndustrialBeltRecovery {
    private static final String NAME = "industrialBeltRecovery2025";
    private final SegmentTable segments;
    private boolean[] quality;
    private double qualityShare = Double.NaN;
    private double topBuyerShare = Double.NaN;
    private boolean[] commercial;
    private double commercialCap;
    private boolean[] head;
    private double headCap;
    private double[] guarantees;

    private IndustrialBeltRecovery(SegmentTable segments) {
      this.segments = segments;
    }

    /** The quality tier (top 20% per category by composite score), one entry per supplier row. */
    public IndustrialBeltRecovery qualityTier(boolean[] byRow) {
      Strict.nonNull(byRow, NAME + ": qualityTier", boolean[].class);
      Strict.requireUnset(NAME + ": qualityTier", quality);
      quality = byRow.clone();
      return this;
    }

    /** The quality tier's share of all traffic (default 0.8, the plan's number). */
    public IndustrialBeltRecovery qualityShare(double share) {
      Strict.requireUnset(NAME + ": qualityShare", !Double.isNaN(qualityShare), qualityShare);
      qualityShare = share(share, "qualityShare");
      return this;
    }

    /** The quality tier's share of TOP-buyer traffic (default 0.6, an assumption). */
    public IndustrialBeltRecovery topBuyerQualityShare(double share) {
      Strict.requireUnset(NAME + ": topBuyerQualityShare", !Double.isNaN(topBuyerShare), topBuyerShare);
      topBuyerShare = share(share, "topBuyerQualityShare");
      return this;
    }

    /** Caps the share of all traffic going to commercial (paid) suppliers. */
    public IndustrialBeltRecovery commercialCap(boolean[] commercialByRow, double cap) {
      Strict.nonNull(commercialByRow, NAME + ": commercialCap", boolean[].class);
      Strict.requireUnset(NAME + ": commercialCap", commercial != null, commercialCap);
      commercialCap = share(cap, "commercialCap");
      commercial = commercialByRow.clone();
      return this;
    }

    /** Caps the share of all traffic going to head suppliers. */
    public IndustrialBeltRecovery headCap(boolean[] headByRow, double cap) {
      Strict.nonNull(headByRow, NAME + ": headCap", boolean[].class);
      Strict.requireUnset(NAME + ": headCap", head != null, headCap);
      headCap = share(cap, "headCap");
      head = headByRow.clone();
      return this;
    }

    /** Impression guarantees by supplier row (0 = none), e.g. from the guarantee ledger's demand. */
    public IndustrialBeltRecovery guarantees(double[] impressionsByRow) {
      Strict.nonNull(impressionsByRow, NAME + ": guarantees", double[].class);
      Strict.requireUnset(NAME + ": guarantees", guarantees);
      guarantees = impressionsByRow.clone();
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws IllegalArgumentException if the quality tier is not set, or if the masks and guarantees
     *     do not all have the same length
     */
    public Policy build() {
      if (quality == null) {
        throw error("qualityTier is not set");
      }
      checkLength("commercialCap", commercial);
      checkLength("headCap", head);
      if (guarantees != null && guarantees.length != quality.length) {
        throw error(String.format(Locale.ROOT, "guarantees has %d values: expected one per supplier (%d)",
            guarantees.length, quality.length));
      }
      List<GroupShare> shares = new ArrayList<>();
      shares.add(GroupShare.builder("quality").suppliers(quality)
          .atLeast(Double.isNaN(qualityShare) ? QUALITY_SHARE : qualityShare).build());
      SegmentTable segs = segments;
      shares.add(GroupShare.builder("topBuyersToQuality").suppliers(quality)
          .segments(j -> segs.buyerTier(j) == BuyerTier.TOP)
          .atLeast(Double.isNaN(topBuyerShare) ? TOP_BUYER_QUALITY_SHARE : topBuyerShare).build());
      if (commercial != null) {
        shares.add(GroupShare.builder("commercial").suppliers(commercial).atMost(commercialCap).build());
      }
      if (head != null) {
        shares.add(GroupShare.builder("head").suppliers(head).atMost(headCap).build());
      }
      return new Policy(NAME, shares, guarantees);
    }

    private void checkLength(String what, boolean[] mask) {
      if (mask != null && mask.length != quality.length) {
        throw error(String.format(Locale.ROOT, "%s mask has %d values: expected one per supplier (%d)",
            what, mask.length, quality.length));
      }
    }

    private static double share(double value, String what) {
      if (!(value >= 0 && value <= 1)) {
        throw error(String.format(Locale.ROOT, "%s must be in [0, 1]: %s", what, value));
      }
      return value;
    }

    private static IllegalArgumentException error(String message) {
      return new IllegalArgumentException(NAME + ": " + message);
    }
  }
}
