package org.beltway.fairness;

import java.util.List;
import java.util.Locale;
import org.beltway.internal.Strict;
import org.beltway.serving.PrefixFloor;

/**
 * FA*IR's ranked group fairness (Zehlike et al., CIKM 2017): every prefix of a page holds at least the
 * protected candidates the binomial test at the floor's significance asks for.
 */
final class PrefixFloorRule implements Rule<RankedPage> {
  private final PrefixFloor floor;
  private final String name;

  PrefixFloorRule(PrefixFloor floor) {
    Strict.nonNull(floor, "floor", PrefixFloor.class);
    this.floor = floor;
    this.name = String.format(Locale.ROOT, "FA*IR prefix floor p = %s, alpha = %s", floor.p(), floor.alpha());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Violation> check(RankedPage page) {
    Strict.nonNull(page, "subject", RankedPage.class);
    int seen = 0;
    for (int prefix = 1, n = Math.min(page.size(), floor.k()); prefix <= n; prefix++) {
      seen += page.isProtected(prefix - 1) ? 1 : 0;
      int needed = floor.minimum(prefix);
      if (seen < needed) {
        return List.of(new Violation(name, "page " + page.query() + " prefix " + prefix, needed, seen,
            String.format(Locale.ROOT, "page %s: the top %d hold %d protected candidates: expected at"
                + " least %d", page.query(), prefix, seen, needed)));
      }
    }
    return List.of();
  }
}
