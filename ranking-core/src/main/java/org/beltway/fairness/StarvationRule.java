package org.beltway.fairness;

import java.util.List;
import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * At most a share of the suppliers with fair exposure get less than a fraction of it: exposure may move
 * toward promises and policy, but not away from whole swathes of suppliers.
 */
final class StarvationRule implements Rule<Exposure> {
  private final double fraction;
  private final double maxShare;
  private final String name;

  StarvationRule(double fraction, double maxShare) {
    Rules.checkShare("starvation fraction", fraction);
    Rules.checkShare("starved share", maxShare);
    this.fraction = fraction;
    this.maxShare = maxShare;
    this.name = String.format(Locale.ROOT, "at most %s of suppliers below %s of fair exposure",
        Rules.percent(maxShare), Rules.percent(fraction));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Violation> check(Exposure subject) {
    Strict.nonNull(subject, "subject", Exposure.class);
    SupplierTotals t = SupplierTotals.of(subject);
    int counted = 0;
    int starved = 0;
    for (int r = 0; r < t.fair().length; r++) {
      if (t.fair()[r] > 0) {
        counted++;
        starved += t.impressions()[r] < fraction * t.fair()[r] ? 1 : 0;
      }
    }
    double share = counted == 0 ? 0.0 : (double) starved / counted;
    if (share <= maxShare + Rules.TOLERANCE) {
      return List.of();
    }
    return List.of(new Violation(name, "all suppliers", maxShare, share, String.format(Locale.ROOT,
        "%d of %d suppliers (%.2f%%) get under %s of their fair exposure: expected at most %s",
        starved, counted, 100 * share, Rules.percent(fraction), Rules.percent(maxShare))));
  }
}
