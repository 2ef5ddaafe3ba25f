package org.beltway.internal.dual;

import java.util.Arrays;

/**
 * An allocation problem as the solver reads it, in primitive arrays: per edge its fair exposure θ and
 * cap, per segment its traffic, the constrained suppliers (a guarantee or a total cap) with their
 * demand and total cap, and the group shares as combinations: every edge belongs to one combination of
 * groups, a bit set of at most 64 groups, so its level needs one sum per combination. Built by
 * {@link ProblemCompiler}; immutable (no array is written after construction).
 */
public final class CompiledProblem {
  public final EdgeIndex index;
  public final int suppliers;
  public final int segments;
  public final int groups;
  /** The number of constrained suppliers. */
  public final int constrained;
  // the graph, by name, for the solver's loops
  public final int[] segStart;
  public final int[] supOf;
  public final int[] segOf;
  public final int[] supStart;
  public final int[] supEdges;
  /** Fair exposure θ by edge. */
  public final double[] theta;
  /** Cap by edge, or {@code null} when no edge is capped. */
  public final double[] cap;
  /** Forecast traffic by segment. */
  public final double[] traffic;
  public final double totalTraffic;
  /** The rows of the constrained suppliers, increasing. */
  public final int[] rows;
  /** The constrained index of each supplier row, or -1. */
  public final int[] constrainedOfRow;
  /** Guarantee by constrained index (0 = none). */
  public final double[] demand;
  /** Total cap by constrained index (+∞ = none). */
  public final double[] totalCap;
  /** The combination of groups of each edge, or {@code null} without groups (all in combination 0). */
  public final short[] combo;
  /** The groups of each combination, as a bit set; combination 0 holds none. */
  public final long[] comboGroups;
  /** The edges of each group, in edge order. */
  final int[][] groupEdges;
  /** Per group: the forecast traffic of its scope (the segments it constrains). */
  final double[] groupScope;
  /** Per group: its lower target in impressions (0 = none) and upper target (+∞ = none). */
  final double[] groupLower;
  final double[] groupUpper;
  /** The final penalties of the guarantee and group duals: the bounds of the dual domain. */
  public final double guaranteePenalty;
  public final double groupPenalty;

  CompiledProblem(EdgeIndex index, double[] traffic, double totalTraffic, double[] theta, double[] cap,
      int[] rows, double[] demand, double[] totalCap, short[] combo, long[] comboGroups,
      int[][] groupEdges, double[] groupScope, double[] groupLower, double[] groupUpper,
      double guaranteePenalty, double groupPenalty) {
    this.index = index;
    suppliers = index.suppliers();
    segments = index.segments();
    segStart = index.segmentStart();
    supOf = index.supplierOf();
    segOf = index.segmentOf();
    supStart = index.supplierStart();
    supEdges = index.supplierEdges();
    this.traffic = traffic;
    this.totalTraffic = totalTraffic;
    this.theta = theta;
    this.cap = cap;
    this.rows = rows;
    this.demand = demand;
    this.totalCap = totalCap;
    constrained = rows.length;
    constrainedOfRow = new int[suppliers];
    Arrays.fill(constrainedOfRow, -1);
    for (int k = 0; k < constrained; k++) {
      constrainedOfRow[rows[k]] = k;
    }
    this.combo = combo;
    this.comboGroups = comboGroups;
    this.groupEdges = groupEdges;
    this.groupScope = groupScope;
    this.groupLower = groupLower;
    this.groupUpper = groupUpper;
    groups = groupEdges.length;
    this.guaranteePenalty = guaranteePenalty;
    this.groupPenalty = groupPenalty;
  }

  /**
   * The same problem with other group targets, in impressions (0 = no floor, +∞ = no cap), one per
   * group; every other array is shared, so a re-target costs no recompilation.
   */
  public CompiledProblem withGroupTargets(double[] lower, double[] upper) {
    if (lower.length != groups || upper.length != groups) {
      throw new IllegalArgumentException("expected " + groups + " group targets: " + lower.length
          + " lower, " + upper.length + " upper");
    }
    return new CompiledProblem(index, traffic, totalTraffic, theta, cap, rows, demand, totalCap, combo,
        comboGroups, groupEdges, groupScope, lower.clone(), upper.clone(), guaranteePenalty, groupPenalty);
  }

  /** The number of edges. */
  public int edges() {
    return theta.length;
  }

  /** The combination of an edge's groups. */
  public int comboOf(int edge) {
    return combo == null ? 0 : combo[edge];
  }

  /** The cap of an edge ({@code +∞} when uncapped). */
  public double capOf(int edge) {
    return cap == null ? Double.POSITIVE_INFINITY : cap[edge];
  }

  /** The edges of group {@code g}, in edge order (shared: not to be written). */
  public int[] groupEdges(int g) {
    return groupEdges[g];
  }

  /** The forecast traffic of group {@code g}'s scope. */
  public double groupScope(int g) {
    return groupScope[g];
  }

  /** The lower target of group {@code g} in impressions, or 0 when it has none. */
  public double groupLower(int g) {
    return groupLower[g];
  }

  /** The upper target of group {@code g} in impressions, or +∞ when it has none. */
  public double groupUpper(int g) {
    return groupUpper[g];
  }
}
