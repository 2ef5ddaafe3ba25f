package org.beltway.serving;

/**
 * The binomial distribution's inverse CDF, for FA*IR's tables. Probabilities are summed from
 * log-space terms so that long pages with an extreme share (where {@code (1 - p)^n} underflows)
 * keep their mass.
 */
final class Binomial {
  private Binomial() {}

  /** Smallest {@code m} in [0, n] with {@code P(X ≤ m) ≥ level} for X ~ Binomial(n, p); n if none. */
  static int inverseCdf(double level, int n, double p) {
    double logOdds = Math.log(p) - Math.log1p(-p);
    double logTerm = n * Math.log1p(-p);
    double cdf = 0;
    for (int m = 0; m < n; m++) {
      cdf += Math.exp(logTerm);
      if (cdf >= level) {
        return m;
      }
      logTerm += Math.log((double) (n - m) / (m + 1)) + logOdds;
    }
    return n;
  }
}
