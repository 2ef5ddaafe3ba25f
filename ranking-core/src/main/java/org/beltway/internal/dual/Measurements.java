package org.beltway.internal.dual;

import java.util.Arrays;
import org.beltway.internal.Workers;

/**
 * What the duals give, measured: per segment its allocated traffic, fair-exposure distance and
 * unclipped fair exposure (written by the segment roots), per constrained supplier and per group its
 * traffic. Every sum runs per chunk in a fixed order and is reduced in chunk order, so the totals do not
 * depend on the thread count.
 */
final class Measurements {
  private final CompiledProblem p;
  private final EdgeLayout layout;
  private final Duals duals;
  private final Workers workers;
  final double[] segmentAllocated;
  final double[] segmentCost;
  /** Per segment: Σ θ of its unclipped edges. */
  final double[] segmentFreeSlope;
  /** Per segment, after a group's joint sweep: that group's traffic and unclipped fair exposure. */
  final double[] segmentGroupTraffic;
  final double[] segmentGroupSlope;
  /** Per segment and group ({@code j * groups + h}): the group's traffic there, after a joint sweep. */
  final double[] segmentGroupsTraffic;
  final double[] supplierTotal;
  final double[] groupTotal;
  /** Per chunk of constrained suppliers: the traffic of their edges in each group. */
  private final double[] supplierGroupParts;
  private final double[] groupPartials;
  /**
   * The groups whose segment duals are all optimal for the other duals and whose total was measured
   * there (all of them at the end of a pass, until a move or a shift; those a joint root's sweep covered,
   * after it): a fresh group's traffic {@code H} at its current level is its measured total, so a fresh
   * group held at its bound by a target it still misses needs no joint evaluation (one sweep of every
   * segment it touches: a third of a pass on a national day, where the quality share and the head cap
   * give way to the guarantees).
   */
  long freshGroups;

  Measurements(CompiledProblem p, EdgeLayout layout, Duals duals, Workers workers) {
    this.p = p;
    this.layout = layout;
    this.duals = duals;
    this.workers = workers;
    segmentAllocated = new double[p.segments];
    segmentCost = new double[p.segments];
    segmentFreeSlope = new double[p.segments];
    segmentGroupTraffic = new double[p.segments];
    segmentGroupSlope = new double[p.segments];
    segmentGroupsTraffic = new double[p.segments * p.groups];
    supplierTotal = new double[p.constrained];
    groupTotal = new double[p.groups];
    supplierGroupParts = new double[supplierChunks() * Math.max(1, p.groups)];
    groupPartials = new double[layout.mostGroupChunks];
  }

  private int supplierChunks() {
    return EdgeLayout.chunkCount(p.constrained, EdgeLayout.SUPPLIER_CHUNK);
  }

  /** Totals of the constrained suppliers and of the groups at the current duals. */
  void measure() {
    supplierTotals(duals.supplierLevel, duals.gamma, duals.beta, supplierTotal);
    for (int g = 0; g < p.groups; g++) {
      groupTotal[g] = promisedGroupTraffic(g) + groupBinTraffic(g);
    }
  }

  /**
   * The totals of the constrained suppliers at the given duals ({@code level} by supplier row), and
   * the traffic of their edges in each group per chunk of suppliers (see {@link
   * #promisedGroupTraffic}).
   */
  void supplierTotals(double[] level, double[] gam, double[] bet, double[] totals) {
    int stride = Math.max(1, p.groups);
    EdgeSlice own = layout.own;
    workers.forEach(supplierChunks(), (c, w) -> {
      int offset = c * stride;
      Arrays.fill(supplierGroupParts, offset, offset + stride, 0.0);
      int first = c * EdgeLayout.SUPPLIER_CHUNK;
      for (int k = first, end = Math.min(p.constrained, first + EdgeLayout.SUPPLIER_CHUNK); k < end;
          k++) {
        double t = level[p.rows[k]];
        double sum = 0;
        for (int q = own.start[k], to = own.start[k + 1]; q < to; q++) {
          double th = own.theta[q];
          int combination = own.combo[q];
          double x = Duals.clip(th, Duals.level(t, gam[combination]) - bet[own.other[q]], own.capAt(q));
          if (th <= 0 || x == 0) {
            continue;
          }
          sum += x;
          for (long m = p.comboGroups[combination]; m != 0; m &= m - 1) {
            supplierGroupParts[offset + Long.numberOfTrailingZeros(m)] += x;
          }
        }
        totals[k] = sum;
      }
    });
  }

  /** Group {@code g}'s traffic on promised edges, from the last {@link #supplierTotals}. */
  double promisedGroupTraffic(int g) {
    double total = 0;
    for (int c = 0, chunks = supplierChunks(); c < chunks; c++) {
      total += supplierGroupParts[c * Math.max(1, p.groups) + g];
    }
    return total;
  }

  /** The traffic of group {@code g}'s unpromised bins at the current duals, in bin order. */
  double groupBinTraffic(int g) {
    UnpromisedEdges bins = layout.unpromised;
    double total = 0;
    long bit = 1L << g;
    for (int j : layout.groupSegments[g]) {
      for (int bin = bins.firstBin(j), end = bins.endBin(j); bin < end; bin++) {
        int c = bins.binCombo[bin];
        if ((p.comboGroups[c] & bit) != 0) {
          total += bins.traffic(bin, 1.0 + duals.gamma[c] - duals.beta[j]);
        }
      }
    }
    return total;
  }

  /**
   * The group's traffic at the current duals: its promised edges summed per chunk of its segments in a
   * fixed order, then its unpromised bins in bin order.
   */
  double groupTrafficNow(int g) {
    int[] segs = layout.groupSegments[g];
    int[] bounds = layout.groupSegmentChunks[g];
    EdgeSlice promised = layout.promised;
    long bit = 1L << g;
    workers.forEach(bounds.length - 1, (c, w) -> {
      double sum = 0;
      for (int k = bounds[c], end = bounds[c + 1]; k < end; k++) {
        int j = segs[k];
        for (int q = promised.start[j], to = promised.start[j + 1]; q < to; q++) {
          int e = promised.edge[q];
          if ((p.comboGroups[p.combo[e]] & bit) != 0) {
            sum += duals.traffic(e);
          }
        }
      }
      groupPartials[c] = sum;
    });
    double total = 0;
    for (int c = 0; c < bounds.length - 1; c++) {
      total += groupPartials[c];
    }
    return total + groupBinTraffic(g);
  }
}
