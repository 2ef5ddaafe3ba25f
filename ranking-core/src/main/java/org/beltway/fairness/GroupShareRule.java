package org.beltway.fairness;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;

/**
 * A group's share of the impressions of a scope of segments is at least a floor or at most a cap (the
 * quality tier's share, the head tier's or the commercial share, the TOP-buyer share).
 */
final class GroupShareRule implements Rule<Exposure> {
  private final String name;
  private final String group;
  private final IntPredicate suppliers;
  private final Function<EligibilityGraph, IntPredicate> segments;
  private final double bound;
  private final boolean floor;

  /**
   * @param name the rule's name, which names the group and scope, e.g. {@code quality share of
   *     TOP-buyer traffic >= 60%}
   * @param group the group as violations name it
   * @param segments the scope: the segment indexes of a subject's graph that count
   */
  GroupShareRule(String name, String group, IntPredicate suppliers,
      Function<EligibilityGraph, IntPredicate> segments, double bound, boolean floor) {
    Rules.checkShare(group, bound);
    this.name = name;
    this.group = group;
    this.suppliers = suppliers;
    this.segments = segments;
    this.bound = bound;
    this.floor = floor;
  }

  /** The name of a share rule over a scope: {@code group share of scope >= bound}. */
  static String name(String group, String scope, double bound, boolean floor) {
    return String.format(Locale.ROOT, "%s share of %s %s %s", group, scope, floor ? ">=" : "<=",
        Rules.percent(bound));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Violation> check(Exposure subject) {
    Strict.nonNull(subject, "subject", Exposure.class);
    EligibilityGraph graph = subject.graph();
    IntPredicate inScope = segments.apply(graph);
    double all = 0;
    double in = 0;
    for (int j = 0, n = graph.segmentCount(); j < n; j++) {
      if (!inScope.test(j)) {
        continue;
      }
      for (int e = graph.segmentStart(j), end = e + graph.segmentDegree(j); e < end; e++) {
        double x = subject.impressions(e);
        all += x;
        if (suppliers.test(graph.supplierOf(e))) {
          in += x;
        }
      }
    }
    double share = all > 0 ? in / all : 0.0;
    boolean breached = floor ? share < bound - Rules.TOLERANCE : share > bound + Rules.TOLERANCE;
    if (!breached || all == 0) {
      return List.of();
    }
    return List.of(new Violation(name, "group " + group, bound, share, String.format(Locale.ROOT,
        "group %s has %.4f%% of %.1f impressions (%.1f): expected %s %.4f%%", group, 100 * share, all, in,
        floor ? "at least" : "at most", 100 * bound)));
  }
}
