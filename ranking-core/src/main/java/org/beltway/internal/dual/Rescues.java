package org.beltway.internal.dual;

import java.util.Arrays;
import org.beltway.internal.ClippedSum;

/**
 * Joint roots for the guaranteed suppliers furthest short of their guarantee, after a stagnating pass.
 * Such a supplier's edges sit at their caps or at zero in segments whose other edges are clipped too:
 * the supplier block raises t_i until it gets its guarantee at the current β, the segment block then
 * raises β until supply holds again, which takes the traffic back, and t_i climbs a few units a pass;
 * with no unclipped edge it is outside the Newton system and the cluster shifts. With the segments
 * re-optimised inside the block (t_i and β of every segment it reaches), its traffic {@code H(t)} is
 * continuous and nondecreasing in t, and one root finding lands where the climb would end.
 */
final class Rescues {
  /** Suppliers rescued after a stagnating pass, at most. */
  static final int STUCK_RESCUES = 32;
  private final CompiledProblem p;
  private final EdgeLayout layout;
  private final Duals duals;
  private final Measurements measured;
  private final SegmentRoots segmentRoots;
  private final double[] out = new double[ClippedSum.OUTPUT];

  Rescues(CompiledProblem p, EdgeLayout layout, Duals duals, Measurements measured,
      SegmentRoots segmentRoots) {
    this.p = p;
    this.layout = layout;
    this.duals = duals;
    this.measured = measured;
    this.segmentRoots = segmentRoots;
  }

  /**
   * Maximises the dual exactly over the block of each of the {@value #STUCK_RESCUES} guaranteed
   * suppliers furthest short of their guarantee (relative, by the last measurement, beyond
   * {@code tolerance}) while their dual is below the bound, one at a time in row order.
   */
  void rescue(double tolerance) {
    int[] worst = new int[STUCK_RESCUES];
    double[] worstShort = new double[STUCK_RESCUES];
    int found = 0;
    for (int k = 0; k < p.constrained; k++) {
      double d = p.demand[k];
      if (!(d > 0) || d > p.totalCap[k] || duals.supplierLevel[p.rows[k]] >= duals.guaranteePenalty) {
        continue;
      }
      double shortfall = (d - measured.supplierTotal[k]) / d;
      if (!(shortfall > tolerance) || (found == STUCK_RESCUES && shortfall <= worstShort[found - 1])) {
        continue;
      }
      int at = found < STUCK_RESCUES ? found++ : found - 1;
      while (at > 0 && worstShort[at - 1] < shortfall) {
        worst[at] = worst[at - 1];
        worstShort[at] = worstShort[at - 1];
        at--;
      }
      worst[at] = k;
      worstShort[at] = shortfall;
    }
    Arrays.sort(worst, 0, found);
    for (int n = 0; n < found; n++) {
      int k = worst[n];
      double old = Math.max(0.0, duals.supplierLevel[p.rows[k]]);
      SupplierJoint f = new SupplierJoint(k);
      double t = ClippedSum.root(f, p.demand[k], old, duals.guaranteePenalty, old, out);
      f.at(t, out);
    }
  }

  /** A supplier's traffic with the duals of the segments it reaches re-optimised, and its slopes. */
  private final class SupplierJoint implements ClippedSum.Evaluator {
    private final int k;
    private final int row;
    private final int[] segs;
    private final JointSlopes slopes = new JointSlopes();
    private double last = Double.NaN;
    private double lastSum;

    SupplierJoint(int k) {
      this.k = k;
      this.row = p.rows[k];
      int first = p.supStart[row];
      int degree = p.supStart[row + 1] - first;
      int[] list = new int[degree];
      int n = 0;
      for (int q = 0; q < degree; q++) {
        int j = p.segOf[p.supEdges[first + q]];
        boolean seen = false;
        for (int r = 0; r < n && !seen; r++) {
          seen = list[r] == j;
        }
        if (!seen) {
          list[n++] = j;
        }
      }
      Arrays.sort(list, 0, n);
      segs = Arrays.copyOf(list, n);
    }

    double at(double t, double[] out) {
      if (t != last) {
        evaluate(t, out);
      }
      return lastSum;
    }

    @Override
    public void evaluate(double t, double[] out) {
      duals.setSupplier(k, t);
      duals.rebuildSupplierBase(row);
      EdgeSlice promised = layout.promised;
      slopes.clear();
      for (int j : segs) {
        segmentRoots.update(j, 0, -1);
        double b = duals.beta[j];
        double own = 0;
        double a = 0;
        double free = measured.segmentFreeSlope[j];
        for (int q = promised.start[j], to = promised.start[j + 1]; q < to; q++) {
          int e = promised.edge[q];
          if (p.supOf[e] == row) {
            double th = p.theta[e];
            double u = p.capOf(e);
            double x = Duals.clip(th, duals.base[e] - b, u);
            own += x;
            if (x > 0 && x < u) {
              a += th;
            }
          }
        }
        boolean binding = b > 0;
        slopes.add(own, a, free, binding,
            JointSlopes.tight(binding, measured.segmentAllocated[j], p.traffic[j]));
      }
      lastSum = slopes.write(t, out);
      last = t;
    }
  }
}
