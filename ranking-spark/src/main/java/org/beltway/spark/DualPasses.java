package org.beltway.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.beltway.internal.ClippedSum;
import org.beltway.internal.dual.BlockLevels;
import org.beltway.internal.dual.DualFunction;
import org.beltway.internal.dual.DualValue;
import org.beltway.internal.dual.Duals;
import org.beltway.internal.dual.JointSlopes;
import org.beltway.internal.dual.LevelDomain;
import org.beltway.internal.dual.StageBounds;

/**
 * The duals of one Spark solve, held on the driver, and the passes that update them from the blocks
 * (docs/design.md §4.4): every group level jointly with the segments it touches (a root whose every
 * evaluation is one job over the segment blocks), every constrained supplier's level (one job over the
 * supplier blocks), every segment's dual (one job over the segment blocks), then the suppliers' totals
 * (one job). The driver holds one number per constrained supplier, segment and group; the edges stay in
 * the tasks. Each job's results are combined in partition order, so a solve does not depend on which
 * executor ran what.
 */
final class DualPasses {
  private final JavaSparkContext sc;
  private final JavaRDD<SegmentBlock> segmentBlocks;
  private final JavaRDD<SupplierBlock> supplierBlocks;
  private final List<int[]> owners;
  private final long[] comboGroups;
  private final int groups;
  final double[] traffic;
  final double[] demand;
  final double[] totalCap;
  final double[] groupLower;
  final double[] groupUpper;
  private final long[] groupEdges;
  private final boolean[] hasEdges;
  private final DualFunction dualFunction;
  // the duals
  final double[] level;
  final double[] beta;
  final double[] groupLevel;
  final double[] gamma;
  double guaranteePenalty;
  double groupPenalty;
  // measured at the end of the last pass
  final double[] segmentAllocated;
  final double[] segmentCost;
  final double[] supplierTotal;
  final double[] groupTotal;
  /** Whether the totals were measured at the current duals (no group moved since). */
  private boolean fresh;
  private final double[] out = new double[ClippedSum.OUTPUT];
  /** Spark jobs run so far. */
  int jobs;

  DualPasses(JavaSparkContext sc, JavaRDD<SegmentBlock> segmentBlocks,
      JavaRDD<SupplierBlock> supplierBlocks, BlockIndex index, double[] demand, double[] totalCap,
      double[] groupLower, double[] groupUpper, long[] groupEdges) {
    this.sc = sc;
    this.segmentBlocks = segmentBlocks;
    this.supplierBlocks = supplierBlocks;
    owners = supplierBlocks.map(b -> b.owner).collect();
    comboGroups = index.comboGroups;
    groups = groupLower.length;
    traffic = index.traffic;
    this.demand = demand;
    this.totalCap = totalCap;
    this.groupLower = groupLower;
    this.groupUpper = groupUpper;
    this.groupEdges = groupEdges;
    hasEdges = new boolean[demand.length];
    for (int[] block : owners) {
      for (int k : block) {
        hasEdges[k] = true;
      }
    }
    double total = 0;
    for (double s : traffic) {
      total += s;
    }
    dualFunction = new DualFunction(traffic, total, demand, totalCap, groupLower, groupUpper);
    level = new double[demand.length];
    beta = new double[traffic.length];
    groupLevel = new double[groups];
    gamma = new double[comboGroups.length];
    segmentAllocated = new double[traffic.length];
    segmentCost = new double[traffic.length];
    supplierTotal = new double[demand.length];
    groupTotal = new double[groups];
  }

  /** One pass: groups, suppliers, segments, then the totals at the new duals. */
  void pass() {
    for (int g = 0; g < groups; g++) {
      updateGroup(g);
    }
    updateSuppliers();
    updateSegments();
    measureSuppliers();
  }

  /** Recomputes every combination's level from the group levels. */
  void recomputeGamma() {
    for (int c = 0; c < gamma.length; c++) {
      gamma[c] = Duals.comboLevel(comboGroups[c], groupLevel);
    }
  }

  private void updateSuppliers() {
    Broadcast<double[]> betaNow = sc.broadcast(beta);
    Broadcast<double[]> levelNow = sc.broadcast(level);
    double[] gam = gamma.clone();
    double penalty = guaranteePenalty;
    List<double[]> parts = supplierBlocks.map(b -> b.solve(levelNow.value(), gam, betaNow.value(),
        penalty)).collect();
    jobs++;
    scatter(parts, level);
    for (int k = 0; k < level.length; k++) {
      if (!hasEdges[k]) {
        level[k] = demand[k] > 0 ? penalty : 0.0; // no edge can carry its guarantee: given up
      }
    }
    betaNow.destroy();
    levelNow.destroy();
  }

  private void updateSegments() {
    Broadcast<double[]> betaNow = sc.broadcast(beta);
    Broadcast<double[]> levelNow = sc.broadcast(level);
    double[] gam = gamma.clone();
    long[] masks = comboGroups;
    int count = groups;
    List<SegmentBlock.Pass> parts = segmentBlocks.map(b -> b.solve(levelNow.value(), gam,
        betaNow.value(), masks, count)).collect();
    jobs++;
    record(parts);
    fresh = true;
    betaNow.destroy();
    levelNow.destroy();
  }

  private void record(List<SegmentBlock.Pass> parts) {
    Arrays.fill(groupTotal, 0.0);
    for (SegmentBlock.Pass p : parts) {
      for (int k = 0; k < p.segment().length; k++) {
        int j = p.segment()[k];
        beta[j] = p.beta()[k];
        segmentAllocated[j] = p.allocated()[k];
        segmentCost[j] = p.cost()[k];
      }
      for (int g = 0; g < groups; g++) {
        groupTotal[g] += p.groupTraffic()[g];
      }
    }
  }

  /** The constrained suppliers' totals at the current duals. */
  private void measureSuppliers() {
    Broadcast<double[]> betaNow = sc.broadcast(beta);
    Broadcast<double[]> levelNow = sc.broadcast(level);
    double[] gam = gamma.clone();
    List<double[]> parts = supplierBlocks.map(b -> b.totals(levelNow.value(), gam, betaNow.value()))
        .collect();
    jobs++;
    scatter(parts, supplierTotal);
    betaNow.destroy();
    levelNow.destroy();
  }

  private void scatter(List<double[]> parts, double[] into) {
    for (int p = 0; p < parts.size(); p++) {
      int[] block = owners.get(p);
      double[] values = parts.get(p);
      for (int k = 0; k < block.length; k++) {
        into[block[k]] = values[k];
      }
    }
  }

  /**
   * Group {@code g}'s level maximised exactly jointly with the duals of every segment it touches (as
   * the single-machine {@code GroupRoots}).
   */
  private void updateGroup(int g) {
    double low = groupLower[g];
    double high = groupUpper[g];
    boolean hasLow = low > 0;
    boolean hasHigh = high < Double.POSITIVE_INFINITY;
    double penalty = groupPenalty;
    double old = groupLevel[g];
    if (groupEdges[g] == 0) {
      setGroup(g, hasLow ? penalty : 0.0); // no edge can carry it: given up at once
      return;
    }
    double total = groupTotal[g];
    if (fresh && ((hasLow && old == penalty && total < low) || (hasHigh && old == -penalty
        && total > high))) {
      return; // at its bound, beyond its target: the root is the bound it sits at
    }
    if (fresh && old == 0.0 && total >= low && total <= high) {
      return;
    }
    Broadcast<double[]> betaNow = sc.broadcast(beta);
    Broadcast<double[]> levelNow = sc.broadcast(level);
    JointEvaluator f = new JointEvaluator(g, betaNow, levelNow);
    double t = BlockLevels.group(f, low, high, penalty, old, out);
    if (t != old) {
      setGroup(g, t);
      // the segments it touches take their duals at the chosen level
      double[] gam = gamma.clone();
      List<double[]> pairs = segmentBlocks.map(b -> b.scopeDuals(g, levelNow.value(), gam,
          betaNow.value())).collect();
      jobs++;
      for (double[] block : pairs) {
        for (int k = 0; k < block.length; k += 2) {
          beta[(int) block[k]] = block[k + 1];
        }
      }
      fresh = false;
    }
    betaNow.destroy();
    levelNow.destroy();
  }

  private void setGroup(int g, double t) {
    if (groupLevel[g] != t) {
      groupLevel[g] = t;
      recomputeGamma();
      fresh = false;
    }
  }

  /** {@code H(t)}: group g's traffic with its segments re-solved, one job per evaluation. */
  private final class JointEvaluator implements BlockLevels.Joint {
    private final int g;
    private final Broadcast<double[]> betaNow;
    private final Broadcast<double[]> levelNow;
    private final JointSlopes slopes = new JointSlopes();
    private double last = Double.NaN;
    private double lastSum;

    JointEvaluator(int g, Broadcast<double[]> betaNow, Broadcast<double[]> levelNow) {
      this.g = g;
      this.betaNow = betaNow;
      this.levelNow = levelNow;
    }

    @Override
    public double at(double t, double[] o) {
      if (t != last) {
        evaluate(t, o);
      }
      return lastSum;
    }

    @Override
    public void evaluate(double t, double[] o) {
      double[] levels = groupLevel.clone();
      levels[g] = t;
      double[] gam = new double[comboGroups.length];
      for (int c = 0; c < gam.length; c++) {
        gam[c] = Duals.comboLevel(comboGroups[c], levels);
      }
      long[] masks = comboGroups;
      int group = g;
      Broadcast<double[]> levels0 = levelNow;
      Broadcast<double[]> beta0 = betaNow;
      List<double[]> parts = segmentBlocks.map(b -> b.joint(group, levels0.value(), gam,
          beta0.value(), masks)).collect();
      jobs++;
      slopes.clear();
      for (double[] p : parts) {
        slopes.addPart(p[0], p[1], p[2]);
      }
      lastSum = slopes.write(t, o);
      last = t;
    }
  }

  /** The dual function, primal objective and violations at the current duals and totals. */
  DualValue assess() {
    double[] alpha = new double[level.length];
    double[] kappa = new double[level.length];
    for (int k = 0; k < level.length; k++) {
      alpha[k] = Duals.guaranteeDual(demand[k], totalCap[k], level[k], guaranteePenalty);
      kappa[k] = Duals.capDual(demand[k], totalCap[k], level[k], guaranteePenalty);
    }
    double[] lambda = new double[groups];
    double[] nu = new double[groups];
    for (int g = 0; g < groups; g++) {
      lambda[g] = Math.max(0.0, groupLevel[g]);
      nu[g] = Math.max(0.0, -groupLevel[g]);
    }
    return dualFunction.at(guaranteePenalty, groupPenalty, alpha, kappa, beta, lambda, nu, segmentCost,
        segmentAllocated, supplierTotal, groupTotal);
  }

  // ------------------------------------------------------------------ moves between passes

  private double[] lastLevel;
  private double[] lastBeta;
  private double[] lastGroupLevel;

  /** Remembers the duals before a pass, so that {@link #extrapolate} can follow the pass's step. */
  void remember() {
    lastLevel = level.clone();
    lastBeta = beta.clone();
    lastGroupLevel = groupLevel.clone();
  }

  /**
   * Follows the last pass's step {@code y − y_prev} from the current duals {@code y} to {@code y + ω
   * step}, ω = 1, 2, 4, … projected onto the dual domain, while the dual function rises (two jobs per
   * trial); keeps the best point, or stays where it was. Where plain passes converge linearly along one
   * direction, this covers many passes at once, and the dual never decreases.
   *
   * @param dual the dual function at the current duals
   * @return whether the duals moved
   */
  boolean extrapolate(double dual) {
    if (lastLevel == null) {
      return false;
    }
    double[][] start = {level.clone(), beta.clone(), groupLevel.clone()};
    double[][] step = {minus(start[0], lastLevel), minus(start[1], lastBeta),
      minus(start[2], lastGroupLevel)};
    double best = dual;
    double bestOmega = 0;
    double[][] measuredAtBest = null;
    for (double omega = 1; omega <= 1 << 12; omega *= 2) {
      moveTo(start, step, omega);
      measureSegments();
      measureSuppliers();
      double d = assess().dual();
      if (!(d > best)) {
        break;
      }
      best = d;
      bestOmega = omega;
      measuredAtBest = new double[][] {segmentAllocated.clone(), segmentCost.clone(),
        supplierTotal.clone(), groupTotal.clone()};
    }
    moveTo(start, step, bestOmega);
    if (measuredAtBest == null) {
      fresh = false;
      return false;
    }
    System.arraycopy(measuredAtBest[0], 0, segmentAllocated, 0, segmentAllocated.length);
    System.arraycopy(measuredAtBest[1], 0, segmentCost, 0, segmentCost.length);
    System.arraycopy(measuredAtBest[2], 0, supplierTotal, 0, supplierTotal.length);
    System.arraycopy(measuredAtBest[3], 0, groupTotal, 0, groupTotal.length);
    fresh = true;
    return true;
  }

  private static double[] minus(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      d[k] = a[k] - b[k];
    }
    return d;
  }

  private void moveTo(double[][] start, double[][] step, double omega) {
    for (int k = 0; k < level.length; k++) {
      level[k] = LevelDomain.supplier(start[0][k] + omega * step[0][k], demand[k], totalCap[k],
          guaranteePenalty);
    }
    for (int j = 0; j < beta.length; j++) {
      beta[j] = Math.max(0.0, start[1][j] + omega * step[1][j]);
    }
    for (int g = 0; g < groups; g++) {
      groupLevel[g] = LevelDomain.group(start[2][g] + omega * step[2][g], groupLower[g], groupUpper[g],
          groupPenalty);
    }
    recomputeGamma();
  }

  /** Measures every segment at the current duals, solving none. */
  private void measureSegments() {
    Broadcast<double[]> betaNow = sc.broadcast(beta);
    Broadcast<double[]> levelNow = sc.broadcast(level);
    double[] gam = gamma.clone();
    long[] masks = comboGroups;
    int count = groups;
    List<SegmentBlock.Pass> parts = segmentBlocks.map(b -> b.measure(levelNow.value(), gam,
        betaNow.value(), masks, count)).collect();
    jobs++;
    record(parts);
    betaNow.destroy();
    levelNow.destroy();
  }

  /**
   * Raises the dual bounds (as the single-machine {@code PenaltyStages}): duals at their old bound move
   * up by the increment, and so does the supply dual of every segment where they hold unclipped
   * traffic, so the traffic they hold does not change.
   */
  void raisePenalties(double guarantee, double group) {
    double dg = guarantee - guaranteePenalty;
    double dl = group - groupPenalty;
    double[] shift = new double[beta.length];
    boolean[] atBound = new boolean[level.length];
    boolean anySupplier = false;
    for (int k = 0; k < level.length; k++) {
      if (dg > 0 && demand[k] > 0
          && Duals.guaranteeDual(demand[k], totalCap[k], level[k], guaranteePenalty) >= guaranteePenalty) {
        atBound[k] = true;
        anySupplier = true;
      }
    }
    long groupsAtBound = 0;
    for (int g = 0; g < groups; g++) {
      if (dl > 0 && groupLevel[g] >= groupPenalty) {
        groupsAtBound |= 1L << g;
      }
    }
    Broadcast<double[]> betaNow = sc.broadcast(beta);
    Broadcast<double[]> levelNow = sc.broadcast(level);
    double[] gam = gamma.clone();
    if (anySupplier) {
      for (int[] segs : supplierBlocks.map(b -> b.unclippedIn(atBound, levelNow.value(), gam,
          betaNow.value())).collect()) {
        for (int j : segs) {
          shift[j] = Math.max(shift[j], dg);
        }
      }
      jobs++;
    }
    if (groupsAtBound != 0) {
      long mask = groupsAtBound;
      long[] masks = comboGroups;
      for (int[] segs : segmentBlocks.map(b -> b.unclippedIn(mask, levelNow.value(), gam,
          betaNow.value(), masks)).collect()) {
        for (int j : segs) {
          shift[j] = Math.max(shift[j], dl);
        }
      }
      jobs++;
    }
    betaNow.destroy();
    levelNow.destroy();
    for (int k = 0; k < level.length; k++) {
      if (atBound[k] && demand[k] <= totalCap[k]) {
        level[k] += dg;
      }
    }
    for (int g = 0; g < groups; g++) {
      if ((groupsAtBound & (1L << g)) != 0) {
        groupLevel[g] += dl;
      } else if (dl > 0 && groupLevel[g] <= -groupPenalty) {
        groupLevel[g] -= dl;
      }
    }
    for (int j = 0; j < beta.length; j++) {
      beta[j] += shift[j];
    }
    guaranteePenalty = guarantee;
    groupPenalty = group;
    recomputeGamma();
    fresh = false;
    lastLevel = null;
  }

  /** Whether some elastic dual sits at a stage bound below its final penalty. */
  boolean atRaisableBound(double finalGuarantee, double finalGroup) {
    double[] alpha = new double[level.length];
    for (int k = 0; k < level.length; k++) {
      alpha[k] = Duals.guaranteeDual(demand[k], totalCap[k], level[k], guaranteePenalty);
    }
    return StageBounds.raisable(guaranteePenalty, finalGuarantee, alpha, alpha.length, groupPenalty,
        finalGroup, groupLevel, groupLevel.length);
  }
}
