package org.beltway.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.beltway.internal.ClippedSum;
import org.beltway.internal.dual.DualFunction;
import org.beltway.internal.dual.Duals;
import org.beltway.internal.dual.JointSlopes;

/**
 * The edges of a partition's segments, in primitive arrays by segment: what one Spark task holds in
 * memory between passes (DuaLip's per-entity blocks). Given the supplier and group levels, each
 * segment's supply dual is an exact root of its traffic against its supply ({@link ClippedSum}, as the
 * single-machine {@code SegmentRoots}); segments are independent, so the block solves its own and
 * reports their measurements. Immutable but for scratch, which is rebuilt after deserialisation.
 */
final class SegmentBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Dense index of each segment of the block, increasing. */
  final int[] segment;
  final double[] traffic;
  /** Edges of the block's k-th segment: {@code start[k] .. start[k+1]-1}. */
  final int[] start;
  /** Per edge: the constrained index of its supplier, or -1 (level 0). */
  final int[] owner;
  final double[] theta;
  final double[] cap;
  final int[] combo;
  /** Per segment: the groups its edges belong to. */
  final long[] groupsOfSegment;
  private transient double[] base;
  private transient double[] out;

  SegmentBlock(int[] segment, double[] traffic, int[] start, int[] owner, double[] theta, double[] cap,
      int[] combo, long[] comboGroups) {
    this.segment = segment;
    this.traffic = traffic;
    this.start = start;
    this.owner = owner;
    this.theta = theta;
    this.cap = cap;
    this.combo = combo;
    groupsOfSegment = new long[segment.length];
    for (int k = 0; k < segment.length; k++) {
      for (int e = start[k]; e < start[k + 1]; e++) {
        groupsOfSegment[k] |= comboGroups[combo[e]];
      }
    }
  }

  int edges() {
    return theta.length;
  }

  /** What a pass over the block measured, segment by segment (aligned with {@link #segment}). */
  record Pass(int[] segment, double[] beta, double[] allocated, double[] cost, double[] groupTraffic)
      implements Serializable {}

  /**
   * Solves every segment's dual given the levels, and measures there: allocated traffic, fair-exposure
   * distance, and the block's traffic in each group.
   */
  Pass solve(double[] level, double[] gamma, double[] beta, long[] comboGroups, int groups) {
    return sweep(level, gamma, beta, comboGroups, groups, true);
  }

  /** Measures every segment at the given duals, solving none (a trial point of an extrapolation). */
  Pass measure(double[] level, double[] gamma, double[] beta, long[] comboGroups, int groups) {
    return sweep(level, gamma, beta, comboGroups, groups, false);
  }

  /**
   * The segments where an edge of one of the groups {@code atBound} carries unclipped traffic, which a
   * raise of the group bound shifts (as the single-machine {@code PenaltyStages}).
   */
  int[] unclippedIn(long atBound, double[] level, double[] gamma, double[] beta, long[] comboGroups) {
    int[] found = new int[segment.length];
    int count = 0;
    for (int k = 0; k < segment.length; k++) {
      if ((groupsOfSegment[k] & atBound) == 0) {
        continue;
      }
      double b = beta[segment[k]];
      for (int e = start[k]; e < start[k + 1]; e++) {
        if ((comboGroups[combo[e]] & atBound) == 0) {
          continue;
        }
        double x = Duals.clip(theta[e], Duals.level(owner[e] < 0 ? 0.0 : level[owner[e]],
            gamma[combo[e]]) - b, cap[e]);
        if (x > 0 && x < cap[e]) {
          found[count++] = segment[k];
          break;
        }
      }
    }
    return Arrays.copyOf(found, count);
  }

  private Pass sweep(double[] level, double[] gamma, double[] beta, long[] comboGroups, int groups,
      boolean solve) {
    int n = segment.length;
    double[] b = new double[n];
    double[] allocated = new double[n];
    double[] cost = new double[n];
    double[] groupTraffic = new double[groups];
    double[] m = new double[MEASURES];
    for (int k = 0; k < n; k++) {
      double r = root(k, level, gamma, beta[segment[k]]);
      b[k] = solve ? r : beta[segment[k]];
      measure(k, b[k], comboGroups, -1, m, groupTraffic);
      allocated[k] = m[ALLOCATED];
      cost[k] = m[COST];
    }
    return new Pass(segment, b, allocated, cost, groupTraffic);
  }

  /**
   * Group {@code g}'s traffic with the duals of the segments it touches re-solved, and its one-sided
   * slopes ({@link JointSlopes}), over this block's segments: one part of the group's joint root.
   *
   * @return {traffic, right slope, left slope}
   */
  double[] joint(int g, double[] level, double[] gamma, double[] beta, long[] comboGroups) {
    JointSlopes slopes = new JointSlopes();
    double[] m = new double[MEASURES];
    long bit = 1L << g;
    for (int k = 0; k < segment.length; k++) {
      if ((groupsOfSegment[k] & bit) == 0) {
        continue;
      }
      int j = segment[k];
      double b = root(k, level, gamma, beta[j]);
      measure(k, b, comboGroups, g, m, null);
      boolean binding = b > 0;
      slopes.add(m[GROUP_TRAFFIC], m[GROUP_SLOPE], m[FREE_SLOPE], binding,
          JointSlopes.tight(binding, m[ALLOCATED], traffic[k]));
    }
    return new double[] {slopes.sum(), slopes.right(), slopes.left()};
  }

  /**
   * The re-solved duals of the segments group {@code g} touches.
   *
   * @return {segment index, β} pairs, flattened
   */
  double[] scopeDuals(int g, double[] level, double[] gamma, double[] beta) {
    long bit = 1L << g;
    int count = 0;
    for (long groups : groupsOfSegment) {
      if ((groups & bit) != 0) {
        count++;
      }
    }
    double[] pairs = new double[2 * count];
    for (int k = 0, at = 0; k < segment.length; k++) {
      if ((groupsOfSegment[k] & bit) != 0) {
        pairs[at++] = segment[k];
        pairs[at++] = root(k, level, gamma, beta[segment[k]]);
      }
    }
    return pairs;
  }

  /** Segment k's supply dual, set exactly: the root of its traffic against its supply. */
  private double root(int k, double[] level, double[] gamma, double oldBeta) {
    if (base == null) {
      base = new double[theta.length];
      out = new double[ClippedSum.OUTPUT];
    }
    int from = start[k];
    int to = start[k + 1];
    double maxBase = Double.NEGATIVE_INFINITY;
    for (int e = from; e < to; e++) {
      double b = Duals.level(owner[e] < 0 ? 0.0 : level[owner[e]], gamma[combo[e]]);
      base[e] = b;
      maxBase = Math.max(maxBase, b);
    }
    double s = traffic[k];
    if (!(s > 0) || to == from) {
      return 0.0;
    }
    double[] localBase = base;
    ClippedSum.Evaluator f = (x, o) -> ClippedSum.evaluate(theta, localBase, cap, from, to, x, o, 0);
    double t = ClippedSum.root(f, s, Math.min(-maxBase, 0.0), 0.0, -oldBeta, out);
    return t < 0 ? -t : 0.0;
  }

  private static final int ALLOCATED = 0;
  private static final int COST = 1;
  private static final int FREE_SLOPE = 2;
  private static final int GROUP_TRAFFIC = 3;
  private static final int GROUP_SLOPE = 4;
  private static final int MEASURES = 5;

  /** Measures segment k at dual {@code b} (its edges' base as the last {@link #root} left it). */
  private void measure(int k, double b, long[] comboGroups, int g, double[] m, double[] perGroup) {
    double allocated = 0;
    double cost = 0;
    double freeSlope = 0;
    double groupTraffic = 0;
    double groupSlope = 0;
    long bit = g >= 0 ? 1L << g : 0L;
    for (int e = start[k], to = start[k + 1]; e < to; e++) {
      double th = theta[e];
      double level = base[e] - b;
      double u = cap[e];
      double x = Duals.clip(th, level, u);
      boolean free = x > 0 && x < u;
      cost += DualFunction.distance(th, level, u);
      allocated += x;
      if (free) {
        freeSlope += th;
      }
      long member = comboGroups[combo[e]];
      if ((member & bit) != 0) {
        groupTraffic += x;
        if (free) {
          groupSlope += th;
        }
      }
      if (perGroup != null) {
        for (; member != 0; member &= member - 1) {
          perGroup[Long.numberOfTrailingZeros(member)] += x;
        }
      }
    }
    m[ALLOCATED] = allocated;
    m[COST] = cost;
    m[FREE_SLOPE] = freeSlope;
    m[GROUP_TRAFFIC] = groupTraffic;
    m[GROUP_SLOPE] = groupSlope;
  }
}
