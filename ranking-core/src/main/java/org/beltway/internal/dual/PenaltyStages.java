package org.beltway.internal.dual;

import org.beltway.internal.Workers;

/**
 * Penalty continuation: a cold start bounds the elastic duals low at first and raises the bounds stage
 * by stage up to the problem's penalties, while some dual sits at its stage bound (only then can raising
 * the bounds change the optimum). Promises that must be given up then reach their large penalty in a
 * few shifts instead of a long climb.
 */
final class PenaltyStages {
  private final CompiledProblem p;
  private final Duals duals;
  private final Measurements measured;
  private final Workers workers;

  PenaltyStages(CompiledProblem p, Duals duals, Measurements measured, Workers workers) {
    this.p = p;
    this.duals = duals;
    this.measured = measured;
    this.workers = workers;
  }

  /** Sets the dual bounds (before a cold start's first pass, or to certify against the final ones). */
  void start(double guarantee, double group) {
    measured.freshGroups = 0;
    duals.guaranteePenalty = guarantee;
    duals.groupPenalty = group;
  }

  /**
   * Whether some guarantee dual sits at a bound below {@code finalGuarantee}, or some group dual at a
   * bound below {@code finalGroup}: only then can raising the bounds change the optimum.
   */
  boolean atRaisableBound(double finalGuarantee, double finalGroup) {
    return StageBounds.raisable(duals.guaranteePenalty, finalGuarantee, duals.alpha, p.constrained,
        duals.groupPenalty, finalGroup, duals.groupLevel, p.groups);
  }

  /**
   * Raises the dual bounds. Duals at their old bound move up by the increment, and so does the supply
   * dual of every segment where they hold unclipped traffic, so the traffic they hold does not change:
   * a cluster of promises that cannot all be kept starts the next stage where it will end, instead of
   * climbing there in small steps.
   */
  void raise(double guarantee, double group) {
    measured.freshGroups = 0;
    double dg = guarantee - duals.guaranteePenalty;
    double dl = group - duals.groupPenalty;
    double[] shift = new double[p.segments];
    for (int k = 0; k < p.constrained; k++) {
      if (dg > 0 && p.demand[k] > 0 && duals.alpha[k] >= duals.guaranteePenalty) {
        int row = p.rows[k];
        boolean capBound = p.demand[k] > p.totalCap[k];
        for (int q = p.supStart[row], end = p.supStart[row + 1]; q < end; q++) {
          int e = p.supEdges[q];
          double x = duals.traffic(e);
          if (x > 0 && x < p.capOf(e)) {
            shift[p.segOf[e]] = Math.max(shift[p.segOf[e]], dg);
          }
        }
        double t = capBound ? duals.supplierLevel[row] : duals.supplierLevel[row] + dg;
        duals.guaranteePenalty = guarantee; // setSupplier reads it
        duals.setSupplier(k, t);
        duals.guaranteePenalty = guarantee - dg;
      }
    }
    for (int g = 0; g < p.groups; g++) {
      if (dl > 0 && duals.lambda[g] >= duals.groupPenalty) {
        for (int e : p.groupEdges(g)) {
          double x = duals.traffic(e);
          if (x > 0 && x < p.capOf(e)) {
            shift[p.segOf[e]] = Math.max(shift[p.segOf[e]], dl);
          }
        }
        duals.setGroup(g, duals.groupLevel[g] + dl);
      } else if (dl > 0 && duals.nu[g] >= duals.groupPenalty) {
        duals.setGroup(g, duals.groupLevel[g] - dl);
      } else {
        duals.setGroup(g, duals.groupLevel[g]);
      }
    }
    for (int j = 0; j < p.segments; j++) {
      duals.beta[j] += shift[j];
    }
    duals.guaranteePenalty = guarantee;
    duals.groupPenalty = group;
    for (int k = 0; k < p.constrained; k++) {
      duals.setSupplier(k, duals.supplierLevel[p.rows[k]]); // α, κ of the cap-bound case follow
    }
    duals.recomputeGamma();
    duals.rebuildBase(workers);
  }
}
