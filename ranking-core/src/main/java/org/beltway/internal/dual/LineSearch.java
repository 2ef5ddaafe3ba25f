package org.beltway.internal.dual;

import org.beltway.internal.Workers;

/**
 * Safeguarded moves along a {@link Direction}: the dual function is evaluated at {@code y + ωΔ},
 * projected onto the dual domain, and the duals move to the best point only if the dual strictly
 * increases there. The dual sequence stays monotone and every point dual feasible, so the certificate
 * is unaffected; a poor direction costs a few evaluations and is dropped.
 */
final class LineSearch {
  private final CompiledProblem p;
  private final EdgeLayout layout;
  private final Duals duals;
  private final Measurements measured;
  private final DualFunction dualFunction;
  private final Workers workers;
  /** The point {@link #trialDual} fills, and the best point of the search so far. */
  private TrialPoint trial;
  private TrialPoint kept;

  LineSearch(CompiledProblem p, EdgeLayout layout, Duals duals, Measurements measured,
      DualFunction dualFunction, Workers workers) {
    this.p = p;
    this.layout = layout;
    this.duals = duals;
    this.measured = measured;
    this.dualFunction = dualFunction;
    this.workers = workers;
    trial = new TrialPoint();
    kept = new TrialPoint();
  }

  /**
   * Follows a Newton direction: tries the step to where the first dual leaves its regime
   * ({@code reach}), or the full step if that is nearer, doubles it while the dual increases up to the
   * farther of the two, else halves it, and moves only if the dual strictly increases.
   *
   * @param dual the dual function at the current duals
   * @return whether the duals moved (totals are then measured at the new point)
   */
  boolean followNewton(Direction direction, double reach, double dual) {
    if (!(reach > 0)) {
      return false;
    }
    double first = Math.min(1.0, reach);
    if (moveAlong(direction, dual, first, Math.max(1.0, reach))) {
      return true;
    }
    for (double omega = first / 2; omega >= first / 1024; omega /= 2) {
      if (moveAlong(direction, dual, omega, omega)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Maximises the dual along the direction over {@code y + ωΔ}, {@code ω = first, 2·first, …} up to
   * {@code last}, projected onto the dual domain: moves to the best point only if the dual strictly
   * increases there.
   */
  boolean moveAlong(Direction direction, double dual, double first, double last) {
    double best = dual;
    double bestOmega = 0;
    double margin = 1e-15 * Math.max(Math.abs(dual), 1e-12 * p.totalTraffic);
    for (double omega = first; omega <= last; omega *= 2) {
      double value = trialDual(direction, omega);
      if (value > best + margin) {
        best = value;
        bestOmega = omega;
        TrialPoint filled = trial; // keep it; the next trial fills the other point
        trial = kept;
        kept = filled;
      } else {
        break;
      }
    }
    if (bestOmega == 0) {
      return false;
    }
    moveTo(kept);
    return true;
  }

  private void moveTo(TrialPoint t) {
    measured.freshGroups = 0;
    System.arraycopy(t.supplierLevel, 0, duals.supplierLevel, 0, p.suppliers);
    for (int k = 0; k < p.constrained; k++) {
      duals.setSupplier(k, t.level[k]);
    }
    System.arraycopy(t.beta, 0, duals.beta, 0, p.segments);
    for (int g = 0; g < p.groups; g++) {
      duals.setGroup(g, t.group[g]);
    }
    System.arraycopy(t.gamma, 0, duals.gamma, 0, duals.gamma.length);
    System.arraycopy(t.allocated, 0, measured.segmentAllocated, 0, p.segments);
    System.arraycopy(t.cost, 0, measured.segmentCost, 0, p.segments);
    System.arraycopy(t.supplierTotal, 0, measured.supplierTotal, 0, p.constrained);
    System.arraycopy(t.groupTotal, 0, measured.groupTotal, 0, p.groups);
    duals.rebuildBase(workers);
  }

  /** Duals along a line-search direction, and the totals and measurements there. */
  private final class TrialPoint {
    /** Supplier levels by row (zero for suppliers without a promise). */
    final double[] supplierLevel = new double[p.suppliers];
    final double[] level = new double[p.constrained];
    final double[] alpha = new double[p.constrained];
    final double[] kappa = new double[p.constrained];
    final double[] beta = new double[p.segments];
    final double[] group = new double[p.groups];
    final double[] lambda = new double[p.groups];
    final double[] nu = new double[p.groups];
    final double[] gamma = new double[p.comboGroups.length];
    final double[] allocated = new double[p.segments];
    final double[] cost = new double[p.segments];
    final double[] supplierTotal = new double[p.constrained];
    final double[] groupTotal = new double[p.groups];
    /** Traffic of each unpromised bin. */
    final double[] binTraffic = new double[layout.unpromised.bins()];
  }

  /** The dual function at {@code y + ωΔ} projected onto the dual domain; fills {@link #trial}. */
  private double trialDual(Direction direction, double omega) {
    TrialPoint t = trial;
    double penalty = duals.guaranteePenalty;
    for (int k = 0; k < p.constrained; k++) {
      double level = duals.projectSupplier(k, duals.supplierLevel[p.rows[k]] + omega * direction.level[k]);
      t.level[k] = level;
      t.supplierLevel[p.rows[k]] = level;
      t.alpha[k] = duals.guaranteeDual(k, level, penalty);
      t.kappa[k] = duals.capDual(k, level, penalty);
    }
    for (int j = 0; j < p.segments; j++) {
      t.beta[j] = Math.max(0.0, duals.beta[j] + omega * direction.beta[j]);
    }
    for (int g = 0; g < p.groups; g++) {
      double level = duals.projectGroup(g, duals.groupLevel[g] + omega * direction.group[g]);
      t.group[g] = level;
      t.lambda[g] = Duals.floorDual(level);
      t.nu[g] = Duals.ceilingDual(level);
    }
    for (int c = 0; c < p.comboGroups.length; c++) {
      t.gamma[c] = Duals.comboLevel(p.comboGroups[c], t.group);
    }
    sweepSegments(t);
    measured.supplierTotals(t.supplierLevel, t.gamma, t.beta, t.supplierTotal);
    UnpromisedEdges bins = layout.unpromised;
    for (int g = 0; g < p.groups; g++) {
      double total = measured.promisedGroupTraffic(g);
      long bit = 1L << g;
      for (int bin = 0, count = bins.bins(); bin < count; bin++) {
        if ((p.comboGroups[bins.binCombo[bin]] & bit) != 0) {
          total += t.binTraffic[bin];
        }
      }
      t.groupTotal[g] = total;
    }
    return dualFunction.at(penalty, duals.groupPenalty, t.alpha, t.kappa, t.beta, t.lambda, t.nu,
        t.cost, t.allocated, t.supplierTotal, t.groupTotal).dualByBlock();
  }

  /** Every segment's traffic and fair-exposure distance at the trial point, in parallel. */
  private void sweepSegments(TrialPoint t) {
    EdgeSlice promised = layout.promised;
    UnpromisedEdges bins = layout.unpromised;
    int[] chunks = layout.segmentChunks;
    workers.forEach(chunks.length - 1, (c, w) -> {
      for (int j = chunks[c], end = chunks[c + 1]; j < end; j++) {
        double b = t.beta[j];
        double allocated = 0;
        double cost = 0;
        for (int q = promised.start[j], to = promised.start[j + 1]; q < to; q++) {
          double th = promised.theta[q];
          double level = Duals.level(t.supplierLevel[promised.other[q]], t.gamma[promised.combo[q]]) - b;
          double u = promised.capAt(q);
          cost += DualFunction.distance(th, level, u);
          allocated += Duals.clip(th, level, u);
        }
        for (int bin = bins.firstBin(j), to = bins.endBin(j); bin < to; bin++) {
          double level = Duals.level(0.0, t.gamma[bins.binCombo[bin]]) - b;
          int capped = bins.capped(bin, level);
          double x = bins.traffic(bin, level, capped);
          t.binTraffic[bin] = x;
          allocated += x;
          cost += bins.cost(bin, level, capped);
        }
        t.allocated[j] = allocated;
        t.cost[j] = cost;
      }
    });
  }
}
