package org.beltway.serving;

/**
 * FA*IR's multiple-testing adjustment: bisection on the significance level in {@code (0, α]} for
 * the prefix table whose exact failure probability is closest to {@code α}.
 *
 * <p>Tables grow with the level one entry at a time, and their failure probability grows with
 * them, so the search keeps a lower table (failing a fair page less often than {@code α}) and an
 * upper one, and stops when they are one table entry apart, or when one table lies between them;
 * of the candidates it returns the closest to {@code α}, the lower on a tie. The steps, bounds and
 * tie rules are those of the paper's reference implementation (fairsearch), so the adjusted
 * levels it reports are reproduced; the failure probabilities are exact here (see {@link
 * PrefixFloor#failureProbability(int[], double)}).
 */
final class AlphaBisection {
  /** Width of the level interval below which the two tables are taken as neighbours. */
  private static final double RESOLUTION = 1e-16;

  private AlphaBisection() {}

  static PrefixFloor closest(int k, double p, double alpha) {
    double low = RESOLUTION;
    double high = alpha;
    PrefixFloor lower = PrefixFloor.at(k, p, alpha, low);
    PrefixFloor upper = PrefixFloor.at(k, p, alpha, high);
    PrefixFloor mid = PrefixFloor.at(k, p, alpha, (low + high) / 2);
    while (lower.mass() < upper.mass() && mid.failureProbability() != alpha) {
      if (mid.failureProbability() < alpha) {
        low = mid.adjustedAlpha();
        lower = mid;
      } else {
        high = mid.adjustedAlpha();
        upper = mid;
      }
      mid = PrefixFloor.at(k, p, alpha, (low + high) / 2);
      if (upper.mass() - lower.mass() == 1 || high - low <= RESOLUTION) {
        return closer(lower, upper, alpha);
      }
      if (upper.mass() - mid.mass() == 1 && mid.mass() - lower.mass() == 1) {
        return closer(closer(mid, lower, alpha), upper, alpha);
      }
    }
    return mid;
  }

  /** The floor whose failure probability is nearer {@code alpha}; {@code first} on a tie. */
  private static PrefixFloor closer(PrefixFloor first, PrefixFloor second, double alpha) {
    double a = Math.abs(first.failureProbability() - alpha);
    double b = Math.abs(second.failureProbability() - alpha);
    return a <= b ? first : second;
  }
}
