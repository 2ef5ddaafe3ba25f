package org.beltway.score;

import java.util.Locale;

/**
 * The band of reasonable prices within a category, relative to the category's reference price (price
 * index 1.0). It scores the PRICE dimension by the principle 不以低价论英雄 ("don't crown the lowest
 * price", docs/design.md §1): a price index at or below {@link #low()} earns full credit and going
 * lower earns nothing more, so a supplier is never scored lower for refusing to cut below the band
 * (China's 2026 platform price-conduct rules forbid down-ranking a seller to force price cuts). Above the
 * low edge the credit falls slowly across the band and faster above it:
 *
 * <pre>
 *   credit(p) = 1                                      p ≤ low
 *             = 1 − ¼ · (p − low) / (high − low)        low &lt; p ≤ high    (1 → ¾ across the band)
 *             = max(0, ¾ · (1 − (p − high) / (high − low)))   p > high     (¾ → 0 at the cut-off)
 * </pre>
 *
 * The credit is continuous and non-increasing in p, exactly also in floating point (¼ and ¾ are exact
 * binary fractions, so both pieces give exactly ¾ at {@code high}). It reaches 0 at the
 * {@link #cutoff()} {@code 2·high − low}, falling three times as fast above the band as inside it.
 *
 * <p>The {@link #DEFAULT} band is [0.85, 1.15]: ±15% around the reference price covers the usual spread
 * of specification, material and minimum-order differences between comparable wholesale offers, so
 * prices within it are all "reasonable value"; 15% below the reference is already a thin wholesale
 * margin, below which the marketplace does not want to reward cutting; more than 15% above it must be
 * justified by the other five dimensions, and at 45% above (the cut-off 1.45) the price earns no credit.
 *
 * @param low the price index of full credit, finite and {@code > 0}
 * @param high the upper edge of the band, finite and {@code > low}
 */
public record PriceBand(double low, double high) {

  /** The band [0.85, 1.15]; see the class doc for the reasons. */
  public static final PriceBand DEFAULT = new PriceBand(0.85, 1.15);

  /** The credit at the band's upper edge. */
  static final double HIGH_EDGE_CREDIT = 0.75;

  /**
   * Validates the band.
   *
   * @throws IllegalArgumentException if {@code low} is not a finite number {@code > 0} or {@code high}
   *     is not a finite number {@code > low}
   */
  public PriceBand {
    if (!(low > 0 && low < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "priceBand.low must be a finite number > 0: %s", low));
    }
    if (!(high > low && high < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "priceBand.high must be a finite number > low (%s): %s", low, high));
    }
  }

  /** The band [low, high]; see the record doc. */
  public static PriceBand of(double low, double high) {
    return new PriceBand(low, high);
  }

  /** The price index at which the credit reaches 0: {@code 2·high − low}. */
  public double cutoff() {
    return high + (high - low);
  }

  /**
   * The credit of a price index, in [0, 1]; see the class doc.
   *
   * @param priceIndex the supplier's price over the category reference price, {@code > 0}
   * @throws IllegalArgumentException if the price index is not a finite number {@code > 0}
   */
  public double credit(double priceIndex) {
    if (!(priceIndex > 0 && priceIndex < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "priceIndex must be a finite number > 0: %s", priceIndex));
    }
    return credit(priceIndex, low, high);
  }

  /** The unchecked hot-path form of {@link #credit(double)}. */
  static double credit(double p, double low, double high) {
    if (p <= low) {
      return 1.0;
    }
    double width = high - low;
    if (p <= high) {
      return 1.0 - (1.0 - HIGH_EDGE_CREDIT) * ((p - low) / width);
    }
    double c = HIGH_EDGE_CREDIT * (1.0 - (p - high) / width);
    return c > 0 ? c : 0.0;
  }
}
