package org.beltway.guarantee;

import java.util.Locale;

/**
 * How many impressions a promise of {@code r} more new buyers needs to be kept with probability at
 * least {@code 1 − ε} (docs/design.md §5), not the expected need times a margin.
 *
 * <p>The model: each impression brings a new buyer with probability {@code q}, independently given
 * {@code q}; the supplier's {@code q} is unknown, with the posterior {@code Beta(a + won, b + seen −
 * won)} of its own record shrunk to its category's prior {@code Beta(a, b)} ({@link ConversionPrior}).
 * The buyers from {@code n} impressions are then beta-binomial, {@code BetaBin(n, α, β)}, and
 * {@code P(X ≥ r)} grows with {@code n}; the demand is the least {@code n} at which it reaches {@code 1 −
 * ε}. A supplier with little record gets a larger demand than its expected need, because the
 * posterior is wide; one with a long record gets little more than {@code r / q}.
 *
 * <p>The tail is summed exactly over {@code x < r} from {@code P(X = 0)} by the ratio of successive
 * terms, with {@code log Γ} by Lanczos' series; cost {@code O(r)} per evaluation and {@code O(r log n)}
 * per demand.
 */
public final class PromiseRisk {
  /** The default risk: a promise is planned to be kept with probability 99%. */
  public static final double DEFAULT_EPSILON = 0.01;
  /** Demands above this are reported as this: the promise cannot be kept at the given risk. */
  public static final long MAX_IMPRESSIONS = 1L << 50;

  private PromiseRisk() {}

  /**
   * The probability that {@code impressions} impressions bring at least {@code buyers} new buyers.
   *
   * @param alpha the posterior's first parameter, {@code > 0}
   * @param beta the posterior's second parameter, {@code > 0}
   */
  public static double probabilityOfReaching(long impressions, int buyers, double alpha, double beta) {
    check(buyers, alpha, beta);
    if (impressions < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "impressions (%d): expected at least 0", impressions));
    }
    if (buyers == 0) {
      return 1.0;
    }
    if (impressions < buyers) {
      return 0.0;
    }
    double n = impressions;
    // log P(X = 0) = log B(α, n + β) − log B(α, β)
    double logTerm = logGamma(n + beta) + logGamma(alpha + beta) - logGamma(alpha + n + beta)
        - logGamma(beta);
    double term = Math.exp(logTerm);
    double below = 0;
    for (int x = 0; x < buyers; x++) {
      below += term;
      // P(x + 1) / P(x) = (n − x)(x + α) / ((x + 1)(n − x − 1 + β))
      term *= (n - x) * (x + alpha) / ((x + 1.0) * (n - x - 1 + beta));
    }
    return Math.max(0.0, Math.min(1.0, 1.0 - below));
  }

  /**
   * The least number of impressions that brings at least {@code buyers} new buyers with probability
   * at least {@code 1 − epsilon}, or {@link #MAX_IMPRESSIONS} if none up to it does.
   *
   * @param epsilon the accepted risk of missing, in (0, 1)
   */
  public static long impressionsFor(int buyers, double alpha, double beta, double epsilon) {
    check(buyers, alpha, beta);
    if (!(epsilon > 0 && epsilon < 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "epsilon (%s): expected a probability of missing in (0, 1)", epsilon));
    }
    if (buyers == 0) {
      return 0;
    }
    double goal = 1 - epsilon;
    long lo = buyers - 1; // fails: fewer impressions than buyers
    long hi = Math.max(buyers, (long) Math.ceil(buyers * (alpha + beta) / alpha));
    while (probabilityOfReaching(hi, buyers, alpha, beta) < goal) {
      lo = hi;
      if (hi >= MAX_IMPRESSIONS / 2) {
        return MAX_IMPRESSIONS;
      }
      hi *= 2;
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (probabilityOfReaching(mid, buyers, alpha, beta) >= goal) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private static void check(int buyers, double alpha, double beta) {
    if (buyers < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "buyers (%d): expected at least 0", buyers));
    }
    if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "posterior Beta(%s, %s): expected finite parameters > 0", alpha, beta));
    }
  }

  private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851,
      -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
      -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};

  /** {@code log Γ(x)} for {@code x > 0}, by Lanczos' series (g = 7, about 15 digits). */
  static double logGamma(double x) {
    if (x < 0.5) {
      // reflection: Γ(x) Γ(1 − x) = π / sin(πx)
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
