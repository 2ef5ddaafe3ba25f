package org.beltway.internal.dual;

import java.util.Arrays;
import org.beltway.internal.Workers;

/**
 * The dual variables of a solve, and the one place where duals become traffic. Per edge,
 *
 * <pre>  x_ij = clip(θ_ij · ((1 + t_i + γ_c(ij)) − β_j), 0, u_ij)</pre>
 *
 * where {@code t_i = α_i − κ_i} is the supplier's level (guarantee dual minus total-cap dual),
 * {@code β_j} the segment's supply dual, and {@code γ_c = Σ_{g ∈ c} (λ_g − ν_g)} the sum of the group
 * levels of the edge's combination {@code c}. {@link #level} and {@link #clip} evaluate it, in exactly
 * that order, wherever traffic is computed; the solver keeps {@code base_e = 1 + t_i + γ_c} per edge,
 * rebuilt (never incremented) whenever {@code t_i} or {@code γ_c} changes, and the plan recomputes it
 * from the duals, so both see bit-identical traffic.
 *
 * <p>The dual domain: {@code 0 ≤ α ≤} the guarantee penalty, {@code κ ≥ 0}, {@code β ≥ 0},
 * {@code 0 ≤ λ, ν ≤} the group penalty; a supplier without a guarantee has {@code t ≤ 0}, one without a
 * total cap {@code t ≥ 0}; a group without a floor has a level {@code ≤ 0}, one without a cap
 * {@code ≥ 0}. {@link #projectSupplier} and {@link #projectGroup} are its projection. The penalties are
 * the current bounds, raised in stages up to the problem's own (see {@link PenaltyStages}).
 */
public final class Duals {
  private final CompiledProblem p;
  /** Supplier levels by row (0 for suppliers without a promise). */
  final double[] supplierLevel;
  final double[] alpha;
  final double[] kappa;
  final double[] beta;
  final double[] groupLevel;
  final double[] lambda;
  final double[] nu;
  /** Per group combination: the sum of its groups' levels. */
  final double[] gamma;
  /** Per edge: {@code 1 + t_i + γ_c}. */
  final double[] base;
  double guaranteePenalty;
  double groupPenalty;

  Duals(CompiledProblem p) {
    this.p = p;
    supplierLevel = new double[p.suppliers];
    alpha = new double[p.constrained];
    kappa = new double[p.constrained];
    beta = new double[p.segments];
    groupLevel = new double[p.groups];
    lambda = new double[p.groups];
    nu = new double[p.groups];
    gamma = new double[p.comboGroups.length];
    base = new double[p.edges()];
    Arrays.fill(base, 1.0);
    guaranteePenalty = p.guaranteePenalty;
    groupPenalty = p.groupPenalty;
  }

  // ------------------------------------------------------------------ the traffic expression

  /** An edge's level before its segment's dual: {@code 1 + t + γ}. */
  public static double level(double supplierLevel, double comboLevel) {
    return 1.0 + supplierLevel + comboLevel;
  }

  /** An edge's traffic at a level {@code L} (its base less its segment's dual): clip(θL, 0, u). */
  public static double clip(double theta, double level, double cap) {
    double z = theta * level;
    if (z <= 0) {
      return 0.0;
    }
    return z < cap ? z : cap;
  }

  /** The planned traffic of an edge at the current duals. */
  double traffic(int e) {
    double th = p.theta[e];
    if (th <= 0) {
      return 0.0;
    }
    return clip(th, base[e] - beta[p.segOf[e]], p.capOf(e));
  }

  /** Whether an edge's traffic is strictly between zero and its cap. */
  boolean isFree(int e) {
    double th = p.theta[e];
    if (th <= 0) {
      return false;
    }
    double z = th * (base[e] - beta[p.segOf[e]]);
    return z > 0 && z < p.capOf(e);
  }

  /** Σ of the levels of a combination's groups, in increasing group order. */
  public static double comboLevel(long mask, double[] levels) {
    double sum = 0;
    for (long m = mask; m != 0; m &= m - 1) {
      sum += levels[Long.numberOfTrailingZeros(m)];
    }
    return sum;
  }

  // ------------------------------------------------------------------ setting duals

  /** Sets supplier {@code k}'s level and its α and κ at the current guarantee penalty. */
  void setSupplier(int k, double t) {
    supplierLevel[p.rows[k]] = t;
    alpha[k] = guaranteeDual(k, t, guaranteePenalty);
    kappa[k] = capDual(k, t, guaranteePenalty);
  }

  /**
   * α of constrained supplier {@code k} at level {@code t}: the positive part of t, or the penalty when
   * the guarantee exceeds the total cap (α then sits at its bound and t = α − κ moves with κ).
   */
  double guaranteeDual(int k, double t, double penalty) {
    return guaranteeDual(p.demand[k], p.totalCap[k], t, penalty);
  }

  /** κ of constrained supplier {@code k} at level {@code t}, so that t = α − κ. */
  double capDual(int k, double t, double penalty) {
    return capDual(p.demand[k], p.totalCap[k], t, penalty);
  }

  /** α of a supplier with guarantee {@code demand} and total cap {@code cap} at level {@code t}. */
  public static double guaranteeDual(double demand, double cap, double t, double penalty) {
    return demand > cap ? penalty : Math.max(0.0, t);
  }

  /** κ of a supplier with guarantee {@code demand} and total cap {@code cap} at level {@code t}. */
  public static double capDual(double demand, double cap, double t, double penalty) {
    return demand > cap ? penalty - t : Math.max(0.0, -t);
  }

  /** Sets group {@code g}'s level, λ and ν (not γ nor any base). */
  void setGroup(int g, double t) {
    groupLevel[g] = t;
    lambda[g] = floorDual(t);
    nu[g] = ceilingDual(t);
  }

  /** λ of a group at level {@code t}: its positive part. */
  static double floorDual(double t) {
    return Math.max(0.0, t);
  }

  /** ν of a group at level {@code t}: its negative part. */
  static double ceilingDual(double t) {
    return Math.max(0.0, -t);
  }

  /** Supplier {@code k}'s level projected onto its domain. */
  double projectSupplier(int k, double t) {
    return LevelDomain.supplier(t, p.demand[k], p.totalCap[k], guaranteePenalty);
  }

  /** Group {@code g}'s level projected onto its domain. */
  double projectGroup(int g, double t) {
    return LevelDomain.group(t, p.groupLower[g], p.groupUpper[g], groupPenalty);
  }

  /** Recomputes every combination's sum from the group levels. */
  void recomputeGamma() {
    for (int c = 0; c < gamma.length; c++) {
      gamma[c] = comboLevel(p.comboGroups[c], groupLevel);
    }
  }

  /** Recomputes the sums of the combinations holding group {@code g}. */
  void recomputeGamma(int g) {
    long bit = 1L << g;
    for (int c = 0; c < gamma.length; c++) {
      if ((p.comboGroups[c] & bit) != 0) {
        gamma[c] = comboLevel(p.comboGroups[c], groupLevel);
      }
    }
  }

  /** Rebuilds every edge's base, in parallel. */
  void rebuildBase(Workers workers) {
    int n = base.length;
    workers.forEach(EdgeLayout.chunkCount(n, EdgeLayout.SEGMENT_CHUNK_EDGES), (c, w) -> {
      int from = c * EdgeLayout.SEGMENT_CHUNK_EDGES;
      rebuildBase(from, Math.min(n, from + EdgeLayout.SEGMENT_CHUNK_EDGES));
    });
  }

  private void rebuildBase(int from, int to) {
    for (int e = from; e < to; e++) {
      base[e] = level(supplierLevel[p.supOf[e]], gamma[p.comboOf(e)]);
    }
  }

  /** Rebuilds the base of one supplier row's edges. */
  void rebuildSupplierBase(int row) {
    double t = supplierLevel[row];
    for (int q = p.supStart[row], end = p.supStart[row + 1]; q < end; q++) {
      int e = p.supEdges[q];
      base[e] = level(t, gamma[p.comboOf(e)]);
    }
  }

  /** Rebuilds the base of group {@code g}'s edges, in parallel. */
  void rebuildGroupBase(int g, Workers workers) {
    int[] list = p.groupEdges[g];
    int m = list.length;
    workers.forEach(EdgeLayout.chunkCount(m, EdgeLayout.GROUP_CHUNK_EDGES), (c, w) -> {
      int from = c * EdgeLayout.GROUP_CHUNK_EDGES;
      for (int k = from, to = Math.min(m, from + EdgeLayout.GROUP_CHUNK_EDGES); k < to; k++) {
        int e = list[k];
        base[e] = level(supplierLevel[p.supOf[e]], gamma[p.combo[e]]);
      }
    });
  }

  // ------------------------------------------------------------------ regimes

  /** Whether supplier {@code k}'s level is strictly inside its domain. */
  boolean supplierShiftable(int k) {
    double t = supplierLevel[p.rows[k]];
    if (p.demand[k] > p.totalCap[k]) {
      return t < guaranteePenalty; // α sits at its bound; t = α − κ moves with κ
    }
    return t > 0 ? t < guaranteePenalty : t < 0;
  }

  /**
   * The upper end of the interval in which supplier {@code k}'s level keeps its regime (answers to the
   * same constraint: its guarantee, or its total cap): the guarantee bound, or 0 in the cap regime.
   */
  double supplierRegimeHigh(int k) {
    return p.demand[k] > p.totalCap[k] || supplierLevel[p.rows[k]] > 0 ? guaranteePenalty : 0.0;
  }

  /** The lower end of that interval: 0 in the guarantee regime, unbounded in the cap regime. */
  double supplierRegimeLow(int k) {
    return !(p.demand[k] > p.totalCap[k]) && supplierLevel[p.rows[k]] > 0 ? 0.0
        : Double.NEGATIVE_INFINITY;
  }

  /** Whether group {@code g}'s level is nonzero and strictly inside its bounds. */
  boolean groupShiftable(int g) {
    double t = groupLevel[g];
    return t != 0 && Math.abs(t) < groupPenalty;
  }

  /** The upper end of the interval in which group {@code g}'s level keeps its sign. */
  double groupRegimeHigh(int g) {
    return groupLevel[g] > 0 ? groupPenalty : 0.0;
  }

  /** The lower end of that interval. */
  double groupRegimeLow(int g) {
    return groupLevel[g] > 0 ? 0.0 : -groupPenalty;
  }

  /**
   * The target of a promise in its current regime: node {@code v} is constrained supplier {@code v},
   * or group {@code v − constrained}.
   */
  double nodeTarget(int v) {
    if (v < p.constrained) {
      double t = supplierLevel[p.rows[v]];
      return p.demand[v] > p.totalCap[v] || t < 0 ? p.totalCap[v] : p.demand[v];
    }
    int g = v - p.constrained;
    return groupLevel[g] > 0 ? p.groupLower[g] : p.groupUpper[g];
  }

  /** An immutable copy of the duals, with the totals measured at them. */
  DualsSnapshot snapshot(Measurements m) {
    return new DualsSnapshot(supplierLevel.clone(), alpha.clone(), kappa.clone(), beta.clone(),
        groupLevel.clone(), lambda.clone(), nu.clone(), gamma.clone(), m.segmentAllocated.clone(),
        m.supplierTotal.clone(), m.groupTotal.clone(), guaranteePenalty, groupPenalty);
  }
}
