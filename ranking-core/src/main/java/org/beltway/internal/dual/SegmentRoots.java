package org.beltway.internal.dual;

import java.util.Arrays;
import org.beltway.internal.ClippedSum;
import org.beltway.internal.Workers;

/**
 * The segment blocks: each supply dual {@code β_j} set exactly (a 1-D piecewise-linear root of the
 * segment's traffic against its supply, {@link ClippedSum}), given every other dual, and the segment's
 * measurements at the new dual. Segments are independent given the supplier and group levels, so they
 * are solved in parallel by chunk.
 */
final class SegmentRoots {
  private final CompiledProblem p;
  private final EdgeLayout layout;
  private final Duals duals;
  private final Measurements measured;
  private final Workers workers;
  /** Per worker: the output of the roots. */
  private final double[][] scratch;
  /** Scratch of the roots: {@code base_e} of each promised edge. */
  private final double[] promisedBase;

  SegmentRoots(CompiledProblem p, EdgeLayout layout, Duals duals, Measurements measured,
      Workers workers) {
    this.p = p;
    this.layout = layout;
    this.duals = duals;
    this.measured = measured;
    this.workers = workers;
    scratch = new double[workers.threads()][ClippedSum.OUTPUT];
    promisedBase = new double[layout.promised.size()];
  }

  /** Solves every segment's dual, in parallel. */
  void updateAll() {
    int[] chunks = layout.segmentChunks;
    workers.forEach(chunks.length - 1, (c, w) -> {
      for (int j = chunks[c], end = chunks[c + 1]; j < end; j++) {
        update(j, w, -1);
      }
    });
  }

  /**
   * Solves one segment's supply dual exactly and records its allocated traffic, fair-exposure distance
   * and unclipped fair exposure; with {@code g >= 0}, also the traffic and unclipped fair exposure of
   * group {@code g}'s edges. Promised edges are summed one by one, the others by bin.
   */
  void update(int j, int worker, int g) {
    update(j, worker, g, true);
  }

  /** Measures every segment at its current dual, solving none (duals adopted from elsewhere). */
  void measureAll() {
    int[] chunks = layout.segmentChunks;
    workers.forEach(chunks.length - 1, (c, w) -> {
      for (int j = chunks[c], end = chunks[c + 1]; j < end; j++) {
        update(j, w, -1, false);
      }
    });
  }

  private void update(int j, int worker, int g, boolean solve) {
    EdgeSlice promised = layout.promised;
    UnpromisedEdges unpromised = layout.unpromised;
    double[] gamma = duals.gamma;
    int from = promised.start[j];
    int n = promised.start[j + 1] - from;
    int firstBin = unpromised.firstBin(j);
    int endBin = unpromised.endBin(j);
    double s = p.traffic[j];
    double b = 0.0;
    // the promised edges' base_e, evaluated as it is kept, so that the root reads its terms in a row
    double maxBase = Double.NEGATIVE_INFINITY;
    for (int q = from, to = from + n; q < to; q++) {
      double level = Duals.level(duals.supplierLevel[promised.other[q]], gamma[promised.combo[q]]);
      promisedBase[q] = level;
      maxBase = Math.max(maxBase, level);
    }
    if (!solve) {
      b = duals.beta[j];
    } else if (s > 0 && (n > 0 || endBin > firstBin)) {
      for (int bin = firstBin; bin < endBin; bin++) {
        maxBase = Math.max(maxBase, Duals.level(0.0, gamma[unpromised.binCombo[bin]]));
      }
      ClippedSum.Evaluator f = (x, o) -> {
        ClippedSum.evaluate(promised.theta, promisedBase, promised.cap, from, from + n, x, o, 0);
        for (int bin = firstBin; bin < endBin; bin++) {
          unpromised.addTo(bin, Duals.level(0.0, gamma[unpromised.binCombo[bin]]), x, o);
        }
      };
      double lo = Math.min(-maxBase, 0.0);
      double t = ClippedSum.root(f, s, lo, 0.0, -duals.beta[j], scratch[worker]);
      b = t < 0 ? -t : 0.0;
    }
    duals.beta[j] = b;
    // allocated traffic and fair-exposure distance at the new dual
    double allocated = 0;
    double cost = 0;
    double groupTraffic = 0;
    double groupSlope = 0;
    double freeSlope = 0;
    long bit = g >= 0 ? 1L << g : 0L;
    int groups = p.groups;
    double[] perGroup = measured.segmentGroupsTraffic;
    int row = j * groups;
    if (g >= 0) {
      Arrays.fill(perGroup, row, row + groups, 0.0);
    }
    for (int q = from, to = from + n; q < to; q++) {
      double th = promised.theta[q];
      double level = promisedBase[q] - b;
      double u = promised.capAt(q);
      double x = Duals.clip(th, level, u);
      boolean free = x > 0 && x < u;
      cost += DualFunction.distance(th, level, u);
      if (free) {
        freeSlope += th;
      }
      allocated += x;
      if (g >= 0) {
        long member = p.comboGroups[promised.combo[q]];
        if ((member & bit) != 0) {
          groupTraffic += x;
          if (free) {
            groupSlope += th;
          }
        }
        for (; member != 0; member &= member - 1) {
          perGroup[row + Long.numberOfTrailingZeros(member)] += x;
        }
      }
    }
    for (int bin = firstBin; bin < endBin; bin++) {
      int c = unpromised.binCombo[bin];
      double level = Duals.level(0.0, gamma[c]) - b;
      int capped = unpromised.capped(bin, level);
      double x = unpromised.traffic(bin, level, capped);
      double free = unpromised.freeTheta(bin, level, capped);
      allocated += x;
      cost += unpromised.cost(bin, level, capped);
      freeSlope += free;
      if (g >= 0) {
        if ((p.comboGroups[c] & bit) != 0) {
          groupTraffic += x;
          groupSlope += free;
        }
        for (long member = p.comboGroups[c]; member != 0; member &= member - 1) {
          perGroup[row + Long.numberOfTrailingZeros(member)] += x;
        }
      }
    }
    measured.segmentAllocated[j] = allocated;
    measured.segmentCost[j] = cost;
    measured.segmentFreeSlope[j] = freeSlope;
    if (g >= 0) {
      measured.segmentGroupTraffic[j] = groupTraffic;
      measured.segmentGroupSlope[j] = groupSlope;
    }
  }
}
