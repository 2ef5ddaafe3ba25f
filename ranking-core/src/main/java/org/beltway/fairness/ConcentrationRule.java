package org.beltway.fairness;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.beltway.internal.Concentration;
import org.beltway.internal.Strict;

/**
 * A measure of how concentrated the suppliers' impressions are is at most a bound: the Gini
 * coefficient, the Herfindahl-Hirschman index (the sum of squared shares), or the share of the top 1%
 * of suppliers.
 */
final class ConcentrationRule implements Rule<Exposure> {
  /** The measures. */
  enum Measure {
    GINI("exposure Gini"), HHI("exposure HHI"), TOP_PERCENT("top 1% of suppliers' share of exposure");

    final String label;

    Measure(String label) {
      this.label = label;
    }
  }

  private final Measure measure;
  private final double max;
  private final String name;

  ConcentrationRule(Measure measure, double max) {
    Rules.checkShare(measure.label, max);
    this.measure = measure;
    this.max = max;
    this.name = String.format(Locale.ROOT, "%s <= %.4f", measure.label, max);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Violation> check(Exposure subject) {
    Strict.nonNull(subject, "subject", Exposure.class);
    double[] x = SupplierTotals.of(subject).impressions();
    double value = switch (measure) {
      case GINI -> gini(x);
      case HHI -> hhi(x);
      case TOP_PERCENT -> topPercentShare(x);
    };
    if (value <= max + Rules.TOLERANCE) {
      return List.of();
    }
    return List.of(new Violation(name, "all suppliers", max, value, String.format(Locale.ROOT,
        "the suppliers' impressions have %s %.4f: expected at most %.4f", measure.label, value, max)));
  }

  /** {@code Σ s_i²} of the suppliers' shares of all impressions; 0 when there are none. */
  static double hhi(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double h = 0;
    for (double v : values) {
      h += sum > 0 ? (v / sum) * (v / sum) : 0;
    }
    return h;
  }

  /** The share of all impressions held by the top {@code ceil(1%)} of suppliers. */
  static double topPercentShare(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int top = (int) Math.ceil(v.length / 100.0);
    double sum = 0;
    double head = 0;
    for (int i = 0; i < v.length; i++) {
      sum += v[i];
      if (i >= v.length - top) {
        head += v[i];
      }
    }
    return sum > 0 ? head / sum : 0.0;
  }

  /** Gini of non-negative values in any order ({@link Concentration#gini} of them sorted). */
  static double gini(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return Concentration.gini(v);
  }
}
