package org.beltway.spark;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.Serializable;
import org.beltway.internal.ClippedSum;
import org.beltway.internal.dual.BlockLevels;
import org.beltway.internal.dual.Duals;

/**
 * The edges of a partition's constrained suppliers (a guarantee or a total cap), in primitive arrays by
 * supplier. Given the segment and group duals, each supplier's level is an exact root of its own
 * traffic against its guarantee or its total cap ({@link ClippedSum}, as the single-machine
 * {@code SupplierRoots}). Suppliers without a promise have level 0 and need no block.
 */
final class SupplierBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Constrained index of each supplier of the block. */
  final int[] owner;
  final double[] demand;
  final double[] totalCap;
  /** Edges of the block's k-th supplier: {@code start[k] .. start[k+1]-1}. */
  final int[] start;
  /** Per edge: the dense index of its segment. */
  final int[] segment;
  final double[] theta;
  final double[] cap;
  final int[] combo;
  private transient double[] offset;
  private transient double[] out;

  SupplierBlock(int[] owner, double[] demand, double[] totalCap, int[] start, int[] segment,
      double[] theta, double[] cap, int[] combo) {
    this.owner = owner;
    this.demand = demand;
    this.totalCap = totalCap;
    this.start = start;
    this.segment = segment;
    this.theta = theta;
    this.cap = cap;
    this.combo = combo;
  }

  /**
   * Every supplier's level set exactly given β and γ, starting from its current level.
   *
   * @param level current levels by constrained index
   * @param penalty the current bound of the guarantee duals
   * @return the new levels, aligned with {@link #owner}
   */
  double[] solve(double[] level, double[] gamma, double[] beta, double penalty) {
    if (offset == null) {
      offset = new double[theta.length];
      out = new double[ClippedSum.OUTPUT];
    }
    double[] t = new double[owner.length];
    for (int k = 0; k < owner.length; k++) {
      int first = start[k];
      int end = start[k + 1];
      double maxBase = Double.NEGATIVE_INFINITY;
      for (int q = first; q < end; q++) {
        double b = 1.0 + gamma[combo[q]] - beta[segment[q]];
        offset[q] = b;
        if (theta[q] > 0 && b > maxBase) {
          maxBase = b;
        }
      }
      double allZero = maxBase == Double.NEGATIVE_INFINITY ? 0.0 : -maxBase;
      double[] localOffset = offset;
      ClippedSum.Evaluator f = (x, o) -> ClippedSum.evaluate(theta, localOffset, cap, first, end, x, o,
          0);
      t[k] = BlockLevels.supplier(f, demand[k], totalCap[k], allZero, level[owner[k]], penalty, out);
    }
    return t;
  }

  /**
   * The segments where one of the suppliers {@code atBound} (by constrained index) carries unclipped
   * traffic, which a raise of the guarantee bound shifts (as the single-machine {@code PenaltyStages}).
   */
  int[] unclippedIn(boolean[] atBound, double[] level, double[] gamma, double[] beta) {
    IntArrayList found = new IntArrayList();
    for (int k = 0; k < owner.length; k++) {
      if (!atBound[owner[k]]) {
        continue;
      }
      double t = level[owner[k]];
      for (int q = start[k]; q < start[k + 1]; q++) {
        double x = Duals.clip(theta[q], Duals.level(t, gamma[combo[q]]) - beta[segment[q]], cap[q]);
        if (x > 0 && x < cap[q]) {
          found.add(segment[q]);
        }
      }
    }
    return found.toIntArray();
  }

  /** Every supplier's planned traffic at the duals, aligned with {@link #owner}. */
  double[] totals(double[] level, double[] gamma, double[] beta) {
    double[] x = new double[owner.length];
    for (int k = 0; k < owner.length; k++) {
      double t = level[owner[k]];
      double sum = 0;
      for (int q = start[k]; q < start[k + 1]; q++) {
        sum += Duals.clip(theta[q], Duals.level(t, gamma[combo[q]]) - beta[segment[q]], cap[q]);
      }
      x[k] = sum;
    }
    return x;
  }
}
