package org.beltway.allocation;

import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * The map from a supplier's composite score in [0, 1] to its merit {@code μ > 0}, the weight of its
 * fair exposure {@code θ_ij = S_j μ_i ρ_ij / Σ_k μ_k ρ_kj} (docs/design.md §4).
 *
 * <p>Merit is {@code floor + score^exponent}: increasing in the score, so a better supplier never gets a
 * smaller fair share, and never zero, so a supplier with the lowest score still gets some exposure (the
 * floor keeps new and small suppliers visible, the 2025 plan's focus on mid-sized factories). The
 * {@link #DEFAULT} map, {@code 0.05 + score^2}, gives the best possible supplier 21 times the exposure
 * of the worst and a median (score 0.5) supplier 0.3/1.05 ≈ 29% of the best: convex enough to reward
 * quality, flat enough not to be winner-take-all.
 *
 * @param floor the merit of a supplier with score 0, finite and {@code > 0}
 * @param exponent the curvature, finite and {@code > 0}; 1 is linear
 */
public record Merit(double floor, double exponent) {

  /** {@code 0.05 + score^2}. */
  public static final Merit DEFAULT = new Merit(0.05, 2.0);

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException naming the parameter and its value
   */
  public Merit {
    if (!(floor > 0) || !Double.isFinite(floor)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "merit floor must be a finite number > 0: %s", floor));
    }
    if (!(exponent > 0) || !Double.isFinite(exponent)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "merit exponent must be a finite number > 0: %s", exponent));
    }
  }

  /** {@code floor + score^exponent}; see {@link Merit}. */
  public static Merit power(double floor, double exponent) {
    return new Merit(floor, exponent);
  }

  /**
   * The merit of one score.
   *
   * @throws IllegalArgumentException if the score is not in [0, 1]
   */
  public double of(double score) {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "score (%s): expected a number in [0, 1]", score));
    }
    return meritOf(score);
  }

  /**
   * The merit of every supplier, by row.
   *
   * @param scores composite scores by supplier row, each in [0, 1] (not modified)
   * @return a new array of merits, each {@code > 0}
   * @throws IllegalArgumentException naming the first row whose score is not in [0, 1]
   */
  public double[] apply(double[] scores) {
    Strict.nonNull(scores, "scores", double[].class);
    double[] merit = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      double s = scores[i];
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d: score (%s): expected a number in [0, 1]", i, s));
      }
      merit[i] = meritOf(s);
    }
    return merit;
  }

  private double meritOf(double score) {
    return floor + (exponent == 2.0 ? score * score : exponent == 1.0 ? score : Math.pow(score, exponent));
  }
}
