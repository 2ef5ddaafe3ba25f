package org.beltway.sim;

import java.util.SplittableRandom;

/**
 * Draws an index with probability proportional to its weight in constant time (Vose's alias method,
 * "A linear algorithm for generating random numbers with a given distribution", IEEE TSE 1991).
 * Immutable; package-private machinery.
 */
final class AliasTable {
  private final double[] probability;
  private final int[] alias;

  /**
   * @param weights non-negative weights with a positive sum
   * @throws IllegalArgumentException if a weight is negative or not finite, or all are zero
   */
  AliasTable(double[] weights) {
    int n = weights.length;
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0 && Double.isFinite(w))) {
        throw new IllegalArgumentException("weights must be finite and >= 0: " + w);
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights must have a positive sum: " + sum);
    }
    probability = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / sum;
      if (scaled[i] < 1) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int s = small[--smallCount];
      int l = large[--largeCount];
      probability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        small[smallCount++] = l;
      } else {
        large[largeCount++] = l;
      }
    }
    while (largeCount > 0) {
      int l = large[--largeCount];
      probability[l] = 1;
      alias[l] = l;
    }
    while (smallCount > 0) { // rounding leftovers
      int s = small[--smallCount];
      probability[s] = 1;
      alias[s] = s;
    }
  }

  int size() {
    return probability.length;
  }

  /** An index in [0, size()) drawn with probability proportional to its weight. */
  int sample(SplittableRandom r) {
    int i = r.nextInt(probability.length);
    return r.nextDouble() < probability[i] ? i : alias[i];
  }
}
