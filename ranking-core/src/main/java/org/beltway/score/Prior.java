package org.beltway.score;

import java.util.Locale;

/**
 * A beta prior Beta(α, β) over a rate: the empirical-Bayes belief about a supplier's rate before its
 * own evidence is seen, fitted on its category's suppliers by {@link Priors#fit}. Shrinking a rate of
 * {@code part} successes in {@code whole} trials gives the posterior mean
 * {@code (part + α) / (whole + α + β)}, a weighted average of the raw rate {@code part / whole} and the
 * prior mean {@code α / (α + β)} with weights {@code whole} and {@code α + β}: the more evidence, the
 * closer to the raw rate. So 2 orders with 0 defects does not beat 2 000 orders with 3 (docs/design.md
 * §3; the beta-binomial model as in Efron and Morris, "Data analysis using Stein's estimator and
 * its generalizations", JASA 1975).
 *
 * @param alpha pseudo-successes, finite and {@code > 0}
 * @param beta pseudo-failures, finite and {@code > 0}
 */
public record Prior(double alpha, double beta) {

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException if a parameter is not a finite number {@code > 0}
   */
  public Prior {
    check("alpha", alpha);
    check("beta", beta);
  }

  /** The prior with these parameters; see the record doc. */
  public static Prior of(double alpha, double beta) {
    return new Prior(alpha, beta);
  }

  private static void check(String name, double value) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "prior.%s must be a finite number > 0: %s", name, value));
    }
  }

  /** The prior mean {@code α / (α + β)}, in (0, 1). */
  public double mean() {
    return alpha / (alpha + beta);
  }

  /** The prior's strength {@code α + β}: how many trials of evidence it is worth. */
  public double strength() {
    return alpha + beta;
  }

  /**
   * The shrunk rate {@code (part + α) / (whole + α + β)}. It lies between the prior mean and the raw rate
   * {@code part / whole} (up to rounding) and equals the prior mean when {@code whole = 0}.
   *
   * @param part successes, in [0, whole]; fractional values are allowed (weighted claims)
   * @param whole trials, finite and {@code >= 0}
   * @throws IllegalArgumentException if {@code whole} or {@code part} is out of range
   */
  public double shrink(double part, double whole) {
    if (!(whole >= 0 && whole < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "whole must be a finite number >= 0: %s", whole));
    }
    if (!(part >= 0 && part <= whole)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "part must be in [0, whole (%s)]: %s", whole, part));
    }
    return shrink(part, whole, alpha, beta);
  }

  /** The unchecked hot-path form of {@link #shrink(double, double)}. */
  static double shrink(double part, double whole, double alpha, double beta) {
    return (part + alpha) / (whole + alpha + beta);
  }
}
