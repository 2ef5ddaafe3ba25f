package org.beltway.serving;

import java.util.Arrays;
import org.beltway.internal.Strict;

/**
 * FA*IR's ranked group fairness floor (Zehlike et al., CIKM 2017): the minimum number of protected
 * candidates in every prefix of a top-{@code k} page.
 *
 * <p>A page of length {@code k} is read as {@code k} independent draws that are protected with
 * probability {@code p}. The prefix of length {@code i} passes when it holds at least {@code m(i)}
 * protected candidates, where {@code m(i)} is the smallest count whose binomial cumulative
 * probability {@code P(X ≤ m; i, p)} reaches the significance {@code α}: a page drawn fairly fails
 * one prefix test with probability about {@code α}. A page is {@code k} tests, so a fair page fails
 * some prefix far more often than {@code α}; {@link #of} therefore corrects {@code α} for multiple
 * testing: it bisects on the significance level in {@code (0, α]} for the table whose exact
 * probability of failing a fair page (the {@linkplain #failureProbability() failure probability})
 * is closest to {@code α}, as the paper and its reference implementation (fairsearch) do.
 * {@link #unadjusted} keeps the table of {@code α} itself.
 *
 * <p>Tables are computed once, in O(k²) per bisection step, and are immutable: share one per
 * {@code (k, p, α)} across threads.
 */
public final class PrefixFloor {
  /** Longest page a floor is built for; the bisection is O(k²) per step. */
  public static final int MAX_K = 2_000;

  /**
   * Slack added to the significance before inverting the binomial CDF, as the reference
   * implementation does, so that a CDF equal to {@code α} up to rounding counts as reaching it.
   */
  static final double TIE = 1e-16;

  private final int k;
  private final double p;
  private final double alpha;
  private final double adjustedAlpha;
  private final int[] minimum;
  private final double failureProbability;

  private PrefixFloor(int k, double p, double alpha, double adjustedAlpha, int[] minimum) {
    this.k = k;
    this.p = p;
    this.alpha = alpha;
    this.adjustedAlpha = adjustedAlpha;
    this.minimum = minimum;
    this.failureProbability = failureProbability(minimum, p);
  }

  /**
   * The floor for pages of {@code k} with protected share {@code p} and significance {@code alpha},
   * adjusted for testing every prefix.
   *
   * @throws IllegalArgumentException if {@code k} is not in [1, {@value #MAX_K}], or {@code p} or
   *     {@code alpha} is not strictly between 0 and 1
   */
  public static PrefixFloor of(int k, double p, double alpha) {
    check(k, p, alpha);
    return AlphaBisection.closest(k, p, alpha);
  }

  /** The floor of {@code alpha} itself, without the multiple-testing adjustment. */
  public static PrefixFloor unadjusted(int k, double p, double alpha) {
    check(k, p, alpha);
    return at(k, p, alpha, alpha);
  }

  /** The unadjusted table at significance {@code level}, reported against the target {@code alpha}. */
  static PrefixFloor at(int k, double p, double alpha, double level) {
    return new PrefixFloor(k, p, alpha, level, table(k, p, level + TIE));
  }

  /** The page length this floor covers. */
  public int k() {
    return k;
  }

  /** The protected share the floor tests against. */
  public double p() {
    return p;
  }

  /** The significance asked for. */
  public double alpha() {
    return alpha;
  }

  /** The significance the table was built with: {@code alpha} itself when unadjusted. */
  public double adjustedAlpha() {
    return adjustedAlpha;
  }

  /** The exact probability that a page drawn with protected share {@code p} fails some prefix. */
  public double failureProbability() {
    return failureProbability;
  }

  /**
   * The minimum number of protected candidates among the top {@code prefixLength}.
   *
   * @throws IllegalArgumentException if {@code prefixLength} is not in [0, k]
   */
  public int minimum(int prefixLength) {
    if (prefixLength < 0 || prefixLength > k) {
      throw new IllegalArgumentException(
          "prefixLength " + prefixLength + " is outside [0, " + k + "]");
    }
    return minimum[prefixLength];
  }

  /** The table {@code m(1..k)}, as the paper and fairsearch print it. */
  public int[] minimums() {
    return Arrays.copyOfRange(minimum, 1, k + 1);
  }

  /** Whether a page, given as protected flags in rank order, meets the floor on every prefix. */
  public boolean admits(boolean[] protectedInRankOrder) {
    Strict.nonNull(protectedInRankOrder, "protectedInRankOrder", boolean[].class);
    int seen = 0;
    int n = Math.min(protectedInRankOrder.length, k);
    for (int i = 0; i < n; i++) {
      if (protectedInRankOrder[i]) {
        seen++;
      }
      if (seen < minimum[i + 1]) {
        return false;
      }
    }
    return true;
  }

  /** Sum of the table, the bisection's measure of how demanding a table is. */
  long mass() {
    long sum = 0;
    for (int m : minimum) {
      sum += m;
    }
    return sum;
  }

  @Override
  public String toString() {
    return "PrefixFloor[k=" + k + ", p=" + p + ", alpha=" + alpha + ", adjusted=" + adjustedAlpha
        + ", failure=" + failureProbability + "]";
  }

  private static void check(int k, double p, double alpha) {
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k " + k + " is outside [1, " + MAX_K + "]");
    }
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException(
          "protected share p " + p + " must be strictly between 0 and 1");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(
          "significance alpha " + alpha + " must be strictly between 0 and 1");
    }
  }

  /** {@code m[i]} = smallest m with {@code P(X ≤ m; i, p) ≥ level}, for i = 0..k. */
  static int[] table(int k, double p, double level) {
    int[] m = new int[k + 1];
    for (int i = 1; i <= k; i++) {
      m[i] = Binomial.inverseCdf(level, i, p);
    }
    return m;
  }

  /**
   * Probability that k independent draws, each protected with probability p, fall below the table
   * on some prefix: the mass of the prefix counts that are cut off, carried forward exactly.
   */
  static double failureProbability(int[] minimum, double p) {
    int k = minimum.length - 1;
    double[] alive = new double[k + 1];
    double[] next = new double[k + 1];
    alive[0] = 1;
    double failed = 0;
    for (int i = 1; i <= k; i++) {
      next[0] = alive[0] * (1 - p);
      for (int c = 1; c <= i; c++) {
        next[c] = alive[c] * (1 - p) + alive[c - 1] * p;
      }
      for (int c = 0; c < minimum[i]; c++) {
        failed += next[c];
        next[c] = 0;
      }
      double[] swap = alive;
      alive = next;
      next = swap;
    }
    return failed;
  }
}
