package org.beltway.sim;

/**
 * Counter-based random numbers for the simulation: every draw is a pure function of (seed, stream, day,
 * index), so that every strategy sees the same traffic shock in a segment on a day and the same
 * conversion luck for a supplier on a day (common random numbers), whatever order the work runs in, and
 * no random-generator object is created per supplier or per day. The hash is three rounds of the
 * SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014). Package-private machinery.
 */
final class Noise {
  /** Stream of the daily traffic shock of each segment. */
  static final long TRAFFIC = 1;
  /** Stream of the daily new-buyer draw of each supplier. */
  static final long CONVERSION = 2;
  /** Stream of the pilot month the planner fits its conversion prior on. */
  static final long PILOT = 3;
  /** Stream of the buyers won before day 0 by TrustPass suppliers enrolled before it. */
  static final long PREHISTORY = 4;
  /** Stream of the planner's per-category error on conversion rates. */
  static final long CONVERSION_FORECAST = 5;
  /** Stream of the order in which TrustPass suppliers sign up. */
  static final long ARRIVALS = 6;
  /** Stream of each supplier's decision to take up its program's promise on day 0. */
  static final long PARTICIPATION = 7;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final double TWO_POW_53 = 0x1.0p-53;

  private Noise() {}

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A 64-bit hash of (seed, stream, day, index). */
  static long hash(long seed, long stream, long day, long index) {
    long h = mix64(seed + GOLDEN_GAMMA * (stream + 1));
    h = mix64(h ^ (GOLDEN_GAMMA * (day + 0x5bd1e995L)));
    return mix64(h ^ (GOLDEN_GAMMA * (index + 0x27d4eb2dL)));
  }

  /** A uniform number in the open interval (0, 1). */
  static double uniform(long seed, long stream, long day, long index) {
    return ((hash(seed, stream, day, index) >>> 11) + 0.5) * TWO_POW_53;
  }

  /** A uniform number in [-1, 1]. */
  static double symmetric(long seed, long stream, long day, long index) {
    return 2 * uniform(seed, stream, day, index) - 1;
  }

  /**
   * The Poisson variate of a mean at the uniform {@code u}, by inversion: exact (sequential search of
   * the distribution function) for a mean below 30, the normal approximation with continuity correction
   * above. Monotone in both {@code u} and the mean, so a larger mean never draws fewer events from the
   * same {@code u}: two strategies that give a supplier different traffic see coupled luck.
   *
   * @param mean the mean, {@code >= 0}
   * @param u a uniform number in (0, 1)
   */
  static long poisson(double mean, double u) {
    if (!(mean > 0)) {
      return 0;
    }
    if (mean < 30) {
      double p = Math.exp(-mean);
      double cumulative = p;
      long k = 0;
      while (u > cumulative && k < 200) {
        k++;
        p *= mean / k;
        cumulative += p;
      }
      return k;
    }
    return Math.max(0L, (long) Math.floor(mean + Math.sqrt(mean) * inverseNormal(u) + 0.5));
  }

  /**
   * The standard normal quantile of {@code u} in (0, 1), by Acklam's rational approximation (relative
   * error below 1.2e-9), "An algorithm for computing the inverse normal cumulative distribution
   * function", 2003.
   */
  static double inverseNormal(double u) {
    final double a1 = -3.969683028665376e+01;
    final double a2 = 2.209460984245205e+02;
    final double a3 = -2.759285104469687e+02;
    final double a4 = 1.383577518672690e+02;
    final double a5 = -3.066479806614716e+01;
    final double a6 = 2.506628277459239e+00;
    final double b1 = -5.447609879822406e+01;
    final double b2 = 1.615858368580409e+02;
    final double b3 = -1.556989798598866e+02;
    final double b4 = 6.680131188771972e+01;
    final double b5 = -1.328068155288572e+01;
    final double c1 = -7.784894002430293e-03;
    final double c2 = -3.223964580411365e-01;
    final double c3 = -2.400758277161838e+00;
    final double c4 = -2.549732539343734e+00;
    final double c5 = 4.374664141464968e+00;
    final double c6 = 2.938163982698783e+00;
    final double d1 = 7.784695709041462e-03;
    final double d2 = 3.224671290700398e-01;
    final double d3 = 2.445134137142996e+00;
    final double d4 = 3.754408661907416e+00;
    final double low = 0.02425;
    if (u < low) {
      double q = Math.sqrt(-2 * Math.log(u));
      return (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6)
          / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
    }
    if (u > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(1 - u));
      return -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6)
          / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
    }
    double q = u - 0.5;
    double r = q * q;
    return (((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q
        / (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1);
  }
}
