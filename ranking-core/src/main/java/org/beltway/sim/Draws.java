package org.beltway.sim;

import java.util.SplittableRandom;

/**
 * The random draws of the generator, on a {@link SplittableRandom}: stream seeds derived from (seed,
 * key), binomial, log-normal and logistic-normal variates. Package-private machinery.
 */
final class Draws {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Draws() {}

  /**
   * The seed of the random stream {@code key} of a marketplace seeded with {@code seed}: two rounds of
   * the SplitMix64 finaliser, so that neighbouring keys give unrelated streams.
   */
  static long streamSeed(long seed, long key) {
    return mix64(mix64(seed) ^ mix64(key * GOLDEN_GAMMA + GOLDEN_GAMMA));
  }

  static SplittableRandom stream(long seed, long key) {
    return new SplittableRandom(streamSeed(seed, key));
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform draw in [lo, hi). */
  static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /** A log-normal draw with the given median and log-scale standard deviation. */
  static double logNormal(SplittableRandom r, double median, double sigma) {
    return median * Math.exp(sigma * r.nextGaussian());
  }

  /** {@code 1 / (1 + exp(-(mu + sigma Z)))}, a logit-normal draw in (0, 1). */
  static double logitNormal(SplittableRandom r, double mu, double sigma) {
    return 1.0 / (1.0 + Math.exp(-(mu + sigma * r.nextGaussian())));
  }

  /**
   * A binomial draw: the number of successes in {@code n} trials of probability {@code p}. Exact (by
   * geometric waiting times, about {@code n p + 1} steps) when {@code n min(p, 1 - p) < 20}, the
   * rounded normal approximation clamped to [0, n] otherwise.
   */
  static long binomial(SplittableRandom r, long n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(r, n, 1 - p);
    }
    double mean = n * p;
    if (mean < 20) {
      double logQ = Math.log1p(-p);
      long successes = 0;
      long position = 0;
      while (true) {
        double u = 1.0 - r.nextDouble(); // in (0, 1]
        position += (long) (Math.log(u) / logQ) + 1;
        if (position > n) {
          return successes;
        }
        successes++;
      }
    }
    long x = Math.round(mean + Math.sqrt(mean * (1 - p)) * r.nextGaussian());
    return Math.max(0, Math.min(n, x));
  }

  /** A binomial draw of an int count. */
  static int binomial(SplittableRandom r, int n, double p) {
    return (int) binomial(r, (long) n, p);
  }
}
