package org.beltway.allocation;

import java.util.Locale;
import org.beltway.internal.dual.LevelDomain;

/**
 * {@link PlanDuals} laid out by the rows, segments and groups of one problem, checked against its dual
 * domain at the final penalties: a level above 0 only with a guarantee (at most the guarantee penalty),
 * below 0 only with a total cap; a group level above 0 only with a floor, below 0 only with a cap, at
 * most the group penalty either way. Each id may appear once and must be the problem's.
 */
final class GivenDuals {
  final double[] levelByRow;
  final double[] betaBySegment;
  final double[] levelByGroup;

  private GivenDuals(double[] levelByRow, double[] betaBySegment, double[] levelByGroup) {
    this.levelByRow = levelByRow;
    this.betaBySegment = betaBySegment;
    this.levelByGroup = levelByGroup;
  }

  static GivenDuals of(AllocationProblem problem, PlanDuals duals) {
    EligibilityGraph graph = problem.graph();
    SegmentTable segments = problem.segments();
    double guaranteePenalty = problem.priorities().guaranteePenalty();
    double groupPenalty = problem.priorities().groupPenalty();
    double[] levels = new double[graph.supplierCount()];
    boolean[] seen = new boolean[levels.length];
    for (int k = 0; k < duals.supplierIds().length; k++) {
      long id = duals.supplierIds()[k];
      int row = graph.row(id);
      if (row < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier %d: has a level but is not in the problem's graph", id));
      }
      once(seen, row, "supplier", Long.toString(id));
      double t = duals.supplierLevels()[k];
      double hi = LevelDomain.supplierHigh(problem.guarantee(row), guaranteePenalty);
      double lo = LevelDomain.supplierLow(problem.totalCap(row));
      inDomain("supplier " + id, t, lo, hi, "its guarantee and total cap allow");
      levels[row] = t;
    }
    double[] beta = new double[segments.size()];
    boolean[] seenSegment = new boolean[beta.length];
    for (int k = 0; k < duals.segmentIds().length; k++) {
      long id = duals.segmentIds()[k];
      int j = segments.index(id);
      if (j < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "segment %d: has a supply dual but is not in the problem's segment table", id));
      }
      once(seenSegment, j, "segment", Long.toString(id));
      beta[j] = duals.segmentDuals()[k];
    }
    double[] groupLevels = new double[problem.groupCount()];
    boolean[] seenGroup = new boolean[groupLevels.length];
    for (int k = 0; k < duals.groupNames().length; k++) {
      String name = duals.groupNames()[k];
      int g = problem.groupIndex(name);
      if (g < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "group '%s': has a level but the problem has no such group share", name));
      }
      once(seenGroup, g, "group", "'" + name + "'");
      double t = duals.groupLevels()[k];
      double hi = LevelDomain.groupHigh(problem.groupLowerTarget(g), groupPenalty);
      double lo = LevelDomain.groupLow(problem.groupUpperTarget(g), groupPenalty);
      inDomain("group '" + name + "'", t, lo, hi, "its floor and cap allow");
      groupLevels[g] = t;
    }
    return new GivenDuals(levels, beta, groupLevels);
  }

  private static void once(boolean[] seen, int index, String what, String id) {
    if (seen[index]) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s %s: listed twice in the duals: expected once", what, id));
    }
    seen[index] = true;
  }

  private static void inDomain(String who, double t, double lo, double hi, String allowed) {
    if (t < lo || t > hi) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: level is %s: expected within [%s, %s], what %s at the problem's penalties", who, t, lo,
          hi, allowed));
    }
  }
}
