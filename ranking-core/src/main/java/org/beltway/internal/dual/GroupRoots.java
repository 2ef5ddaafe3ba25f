package org.beltway.internal.dual;

import org.beltway.internal.ClippedSum;
import org.beltway.internal.Workers;

/**
 * The group blocks: each group level maximised exactly jointly with the supply duals of every segment
 * the group touches. With the segment duals re-optimised, the group's traffic {@code H(t)} is still
 * continuous, nondecreasing and piecewise linear in the group level {@code t} (the partial maximum of a
 * concave function is concave), with slope {@code Σ_j a_j (1 − a_j / b_j)} over segments whose supply
 * binds ({@code a_j}, {@code b_j}: fair exposure of the group's and of all unclipped edges) and
 * {@code a_j} elsewhere. Newton on {@code H} therefore lands on the root in a few segment sweeps, where
 * updating {@code t} alone would see most of each step undone by the segments' response, pass after
 * pass.
 */
final class GroupRoots {
  private final CompiledProblem p;
  private final EdgeLayout layout;
  private final Duals duals;
  private final Measurements measured;
  private final SegmentRoots segmentRoots;
  private final Workers workers;
  private final double[] out = new double[ClippedSum.OUTPUT];

  GroupRoots(CompiledProblem p, EdgeLayout layout, Duals duals, Measurements measured,
      SegmentRoots segmentRoots, Workers workers) {
    this.p = p;
    this.layout = layout;
    this.duals = duals;
    this.measured = measured;
    this.segmentRoots = segmentRoots;
    this.workers = workers;
  }

  /** Maximises the dual exactly over the block (λ_g − ν_g, β of every segment the group touches). */
  void update(int g) {
    double low = p.groupLower[g];
    double high = p.groupUpper[g];
    boolean hasLow = low > 0;
    boolean hasHigh = high < Double.POSITIVE_INFINITY;
    double penalty = duals.groupPenalty;
    double old = duals.groupLevel[g];
    if (p.groupEdges[g].length == 0) {
      setLevel(g, hasLow ? penalty : 0.0); // no edge can carry it: given up at once
      return;
    }
    boolean fresh = (measured.freshGroups & (1L << g)) != 0;
    double total = measured.groupTotal[g];
    if (fresh && ((hasLow && old == penalty && total < low) || (hasHigh && old == -penalty
        && total > high))) {
      return; // H(old) is the measured total, beyond the target: the root is the bound it sits at
    }
    if (old == 0.0) {
      double now = measured.groupTrafficNow(g);
      if (now >= low && now <= high) {
        return; // (0, current β) already satisfies the block's optimality conditions
      }
    }
    JointEvaluator f = new JointEvaluator(g);
    double t = BlockLevels.group(f, low, high, penalty, old, out);
    f.at(t, out); // leave the block's state at the chosen point
    // the sweep re-solved every segment of g and measured each group there: the groups whose segments
    // all lie among g's are fresh, the others stale
    measured.freshGroups = layout.coveredBy[g];
    for (long m = layout.coveredBy[g]; m != 0; m &= m - 1) {
      int h = Long.numberOfTrailingZeros(m);
      double sum = 0;
      for (int j : layout.groupSegments[h]) {
        sum += measured.segmentGroupsTraffic[j * p.groups + h];
      }
      measured.groupTotal[h] = sum;
    }
  }

  /** The group's traffic {@code H(t)} with its segments' duals re-optimised, and its slopes. */
  private final class JointEvaluator implements BlockLevels.Joint {
    private final int g;
    private final JointSlopes slopes = new JointSlopes();
    private double last = Double.NaN;
    private double lastSum;

    JointEvaluator(int g) {
      this.g = g;
    }

    /** Evaluates at {@code t} unless that was the last point evaluated; returns {@code H(t)}. */
    @Override
    public double at(double t, double[] out) {
      if (t != last) {
        evaluate(t, out);
      }
      return lastSum;
    }

    @Override
    public void evaluate(double t, double[] out) {
      setLevel(g, t);
      int[] segs = layout.groupSegments[g];
      int[] bounds = layout.groupSegmentChunks[g];
      workers.forEach(bounds.length - 1, (c, w) -> {
        for (int k = bounds[c], end = bounds[c + 1]; k < end; k++) {
          segmentRoots.update(segs[k], w, g);
        }
      });
      slopes.clear();
      for (int j : segs) {
        boolean binding = duals.beta[j] > 0;
        slopes.add(measured.segmentGroupTraffic[j], measured.segmentGroupSlope[j],
            measured.segmentFreeSlope[j], binding,
            JointSlopes.tight(binding, measured.segmentAllocated[j], p.traffic[j]));
      }
      lastSum = slopes.write(t, out);
      last = t;
    }
  }

  /** Sets a group level and recomputes the combination sums and the base of the group's edges. */
  private void setLevel(int g, double t) {
    if (duals.groupLevel[g] == t) {
      return; // γ and every base_e stay as they are (a root that starts, or ends, where it was)
    }
    duals.setGroup(g, t);
    duals.recomputeGamma(g);
    duals.rebuildGroupBase(g, workers);
  }
}
