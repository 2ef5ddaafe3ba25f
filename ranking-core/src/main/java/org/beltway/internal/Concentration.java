package org.beltway.internal;

/**
 * Concentration of exposure over suppliers: the Gini coefficient and the Lorenz curve, on values sorted
 * ascending, shared by the simulation's reports and the fairness rules; sums run in index order, so
 * results are deterministic.
 */
public final class Concentration {
  private Concentration() {}

  /**
   * The Gini coefficient of non-negative values sorted ascending: {@code Σ_i (2i − n − 1) x_i / (n Σ x)}
   * with 1-based {@code i}; 0 when all are equal (or all zero), approaching 1 when one value holds all.
   */
  public static double gini(double[] sorted) {
    int n = sorted.length;
    double total = 0;
    double weightedSum = 0;
    for (int i = 0; i < n; i++) {
      total += sorted[i];
      weightedSum += (2.0 * (i + 1) - n - 1) * sorted[i];
    }
    return total > 0 ? weightedSum / (n * total) : 0.0;
  }

  /**
   * The Lorenz curve of non-negative values sorted ascending at {@code points} evenly spaced population
   * shares from 0 to 1: the share of the total held by the poorest fraction, interpolated linearly within
   * a value. All zero values give the line of equality.
   */
  public static double[] lorenz(double[] sorted, int points) {
    int n = sorted.length;
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + sorted[i];
    }
    double total = prefix[n];
    double[] curve = new double[points];
    for (int k = 0; k < points; k++) {
      double p = (double) k / (points - 1);
      if (!(total > 0) || n == 0) {
        curve[k] = p;
        continue;
      }
      double m = p * n;
      int whole = (int) Math.floor(m);
      double value = whole >= n ? total : prefix[whole] + (m - whole) * sorted[whole];
      curve[k] = Math.min(1.0, value / total);
    }
    return curve;
  }
}
