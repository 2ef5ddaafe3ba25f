package org.beltway.sim;

import org.beltway.internal.Strict;

/**
 * A strategy's shares of traffic day by day, the ones the policy bounds: the quality tier's share of
 * delivered and of planned impressions (at least {@value BeltwayStrategy#QUALITY_SHARE}), the head
 * tier's share of delivered impressions (at most {@value BeltwayStrategy#HEAD_CAP}), and the quality
 * tier's share of TOP-buyer segments' delivered impressions (at least
 * {@value org.beltway.policy.Policies#TOP_BUYER_QUALITY_SHARE}: top suppliers to top buyers). Planned
 * shares are of the forecast day; delivered ones carry the day's traffic error. Immutable.
 */
public final class DailyShares {
  /** Shares within this of a bound count as keeping it (solver tolerance and rounding). */
  public static final double TOLERANCE = 1e-6;

  private final double[] quality;
  private final double[] qualityPlanned;
  private final double[] head;
  private final double[] topBuyerQuality;

  DailyShares(double[] quality, double[] qualityPlanned, double[] head, double[] topBuyerQuality) {
    this.quality = quality.clone();
    this.qualityPlanned = qualityPlanned.clone();
    this.head = head.clone();
    this.topBuyerQuality = topBuyerQuality.clone();
  }

  /** The quality tier's share of delivered impressions, by day. */
  public double[] quality() {
    return quality.clone();
  }

  /** The quality tier's share of the plan on the forecast, by day. */
  public double[] qualityPlanned() {
    return qualityPlanned.clone();
  }

  /** The head tier's share of delivered impressions, by day. */
  public double[] head() {
    return head.clone();
  }

  /** The quality tier's share of TOP-buyer segments' delivered impressions, by day. */
  public double[] topBuyerQuality() {
    return topBuyerQuality.clone();
  }

  /** The smallest value of a series, NaN when empty. */
  public static double min(double[] series) {
    Strict.nonNull(series, "series", double[].class);
    double m = Double.POSITIVE_INFINITY;
    for (double v : series) {
      m = Math.min(m, v);
    }
    return series.length == 0 ? Double.NaN : m;
  }

  /** The largest value of a series, NaN when empty. */
  public static double max(double[] series) {
    Strict.nonNull(series, "series", double[].class);
    return series.length == 0 ? Double.NaN : -min(negate(series));
  }

  /** The mean of a series, NaN when empty. */
  public static double mean(double[] series) {
    Strict.nonNull(series, "series", double[].class);
    double sum = 0;
    for (double v : series) {
      sum += v;
    }
    return series.length == 0 ? Double.NaN : sum / series.length;
  }

  /** Days a series is below a floor by more than {@link #TOLERANCE}. */
  public static int daysBelow(double[] series, double floor) {
    Strict.nonNull(series, "series", double[].class);
    int k = 0;
    for (double v : series) {
      k += v < floor - TOLERANCE ? 1 : 0;
    }
    return k;
  }

  /** Days a series is above a cap by more than {@link #TOLERANCE}. */
  public static int daysAbove(double[] series, double cap) {
    Strict.nonNull(series, "series", double[].class);
    return daysBelow(negate(series), -cap);
  }

  private static double[] negate(double[] series) {
    double[] out = new double[series.length];
    for (int i = 0; i < series.length; i++) {
      out[i] = -series[i];
    }
    return out;
  }
}
