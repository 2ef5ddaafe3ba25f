package org.beltway.fairness;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The Gini coefficient of the suppliers' impressions is at most a bound. */
final class ConcentrationRule implements Rule<Exposure> {
  private final double maxGini;
  private final String name;

  ConcentrationRule(double maxGini) {
    Rules.checkShare("Gini", maxGini);
    this.maxGini = maxGini;
    this.name = String.format(Locale.ROOT, "exposure Gini <= %.3f", maxGini);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Violation> check(Exposure subject) {
    double gini = gini(SupplierTotals.of(subject).impressions());
    if (gini <= maxGini + Rules.TOLERANCE) {
      return List.of();
    }
    return List.of(new Violation(name, "all suppliers", maxGini, gini, String.format(Locale.ROOT,
        "the suppliers' impressions have Gini %.4f: expected at most %.4f", gini, maxGini)));
  }

  /** Gini of non-negative values: {@code Σ (2i − n − 1) v_(i) / (n Σ v)} over the sorted values. */
  static double gini(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    double sum = 0;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      sum += v[i];
      weighted += (2.0 * (i + 1) - n - 1) * v[i];
    }
    return n == 0 || sum == 0 ? 0.0 : weighted / (n * sum);
  }
}
