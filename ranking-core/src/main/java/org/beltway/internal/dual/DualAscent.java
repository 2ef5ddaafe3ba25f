package org.beltway.internal.dual;

import org.beltway.internal.Workers;

/**
 * Dual coordinate ascent on one {@link CompiledProblem} (SHALE, Bharadwaj et al., KDD 2012; Vee et al.,
 * EC 2010): this class orchestrates the rooms of a pass and the moves between passes; the math lives in
 * them.
 *
 * <p>One pass: line searches along cluster shifts first ({@link ClusterShifts}), when the last pass
 * stagnated or the last shifts jumped; then every group block ({@link GroupRoots}), every supplier block
 * ({@link SupplierRoots}, in parallel) and every segment block ({@link SegmentRoots}, in parallel), each
 * set exactly; after a stagnating pass, joint roots for the suppliers furthest short
 * ({@link Rescues}); then totals at the new duals ({@link Measurements}). Segments come last so the hard
 * supply constraints hold to rounding after every pass. Between passes the solver may follow a Newton
 * direction ({@link NewtonStep}) or extrapolate ({@link Extrapolation}), each through a
 * {@link LineSearch}, and raise the penalty bounds ({@link PenaltyStages}).
 *
 * <p>All parallel work writes to per-block or per-chunk slots reduced in a fixed order, so the result is
 * the same whatever the thread count. Not thread-safe: one solve drives it.
 */
public final class DualAscent {
  private final CompiledProblem problem;
  private final Workers workers;
  private final EdgeLayout layout;
  private final Duals duals;
  private final Measurements measured;
  private final DualFunction dualFunction;
  private final SegmentRoots segmentRoots;
  private final SupplierRoots supplierRoots;
  private final GroupRoots groupRoots;
  private final Rescues rescues;
  private final ClusterShifts shifts;
  private final PenaltyStages stages;
  private final Extrapolation extrapolation;
  private final LineSearch lineSearch;
  /** The direction the line search follows: the last extrapolation step, or the last Newton step. */
  private final Direction direction;
  private NewtonStep newtonStep;

  /**
   * @param previousBins the bin order of an earlier solve on the same graph, to start the bins from, or
   *     {@code null}
   */
  public DualAscent(CompiledProblem problem, Workers workers, UnpromisedEdges.Order previousBins) {
    this.problem = problem;
    this.workers = workers;
    layout = new EdgeLayout(problem, workers, previousBins);
    duals = new Duals(problem);
    measured = new Measurements(problem, layout, duals, workers);
    dualFunction = new DualFunction(problem);
    segmentRoots = new SegmentRoots(problem, layout, duals, measured, workers);
    supplierRoots = new SupplierRoots(problem, layout, duals, workers);
    groupRoots = new GroupRoots(problem, layout, duals, measured, segmentRoots, workers);
    rescues = new Rescues(problem, layout, duals, measured, segmentRoots);
    shifts = new ClusterShifts(problem, layout, duals, measured, workers);
    stages = new PenaltyStages(problem, duals, measured, workers);
    extrapolation = new Extrapolation(problem, duals);
    lineSearch = new LineSearch(problem, layout, duals, measured, dualFunction, workers);
    direction = new Direction(problem);
  }

  /** Starts from an earlier plan's duals, matched by {@code map} (see {@link WarmStart#applyTo}). */
  public void warmStart(WarmStart previous, Correspondence map) {
    previous.applyTo(duals, problem, map, workers);
  }

  /**
   * Sets every dual to a given value and measures there without a pass, so that {@link #assess}
   * certifies duals computed elsewhere (the Spark runner). The values must lie in the dual domain at
   * the current penalties; the caller checks.
   *
   * @param levelByRow {@code t_i} by supplier row (read for the constrained suppliers only)
   * @param betaBySegment {@code β_j} by segment
   * @param levelByGroup {@code λ_g − ν_g} by group
   */
  public void adopt(double[] levelByRow, double[] betaBySegment, double[] levelByGroup) {
    for (int g = 0; g < problem.groups; g++) {
      duals.setGroup(g, levelByGroup[g]);
    }
    duals.recomputeGamma();
    for (int k = 0; k < problem.constrained; k++) {
      duals.setSupplier(k, levelByRow[problem.rows[k]]);
    }
    System.arraycopy(betaBySegment, 0, duals.beta, 0, problem.segments);
    duals.rebuildBase(workers);
    segmentRoots.measureAll();
    measured.measure();
    measured.freshGroups = layout.allGroups;
  }

  /** Sets the dual bounds (a cold start's first stage, or the final ones to certify against). */
  public void startPenalties(double guarantee, double group) {
    stages.start(guarantee, group);
  }

  /** The current bound of the guarantee duals. */
  public double guaranteePenalty() {
    return duals.guaranteePenalty;
  }

  /** The current bound of the group duals. */
  public double groupPenalty() {
    return duals.groupPenalty;
  }

  /** See {@link PenaltyStages#atRaisableBound}. */
  public boolean atRaisableBound(double finalGuarantee, double finalGroup) {
    return stages.atRaisableBound(finalGuarantee, finalGroup);
  }

  /** Raises the dual bounds (see {@link PenaltyStages#raise}); the next step starts afresh. */
  public void raisePenalties(double guarantee, double group) {
    stages.raise(guarantee, group);
    extrapolation.forget();
  }

  /** One full pass, with the cluster shifts and rescues of a stagnating pass. */
  public void pass(double tolerance, boolean stagnating) {
    if (stagnating || shifts.jumped()) {
      shifts.shiftClusters(tolerance);
      if (shifts.largestShift() != 0.0) {
        measured.freshGroups = 0;
      }
    } else {
      shifts.forget();
    }
    extrapolation.remember();
    for (int g = 0; g < problem.groups; g++) {
      groupRoots.update(g);
    }
    supplierRoots.updateAll();
    segmentRoots.updateAll();
    if (stagnating) {
      rescues.rescue(tolerance);
    }
    measured.measure();
    measured.freshGroups = layout.allGroups;
  }

  /** Only the cluster shifts' line searches (a part of {@link #pass}, for tests). */
  public void shiftClusters(double tolerance) {
    shifts.shiftClusters(tolerance);
  }

  /** Records the last pass's step; call after every pass. */
  public void recordStep() {
    extrapolation.recordStep(direction);
  }

  /**
   * Follows the semismooth Newton direction (see {@link LineSearch#followNewton}).
   *
   * @param dual the dual function at the current duals
   * @return whether the duals moved (totals are then measured at the new point)
   */
  public boolean newton(double dual) {
    return lineSearch.followNewton(direction, newtonStep().direction(direction), dual);
  }

  /**
   * How far the Newton direction at the current duals may be followed with every dual inside its
   * regime, 0 when there is none; moves no dual (for tests of the step).
   */
  public double newtonReach() {
    return newtonStep().direction(direction);
  }

  /** The Newton step, made at its first use (its arrays are sized to the problem). */
  private NewtonStep newtonStep() {
    if (newtonStep == null) {
      newtonStep = new NewtonStep(problem, layout, duals, measured, workers);
    }
    return newtonStep;
  }

  /**
   * Tries extrapolating along the last step when the last two steps point the same way.
   *
   * @param dual the dual function at the current duals
   * @return whether the duals moved (totals are then measured at the new point)
   */
  public boolean extrapolate(double dual) {
    return extrapolation.consistent() && lineSearch.moveAlong(direction, dual, 1, 1 << 24);
  }

  /** The dual function, primal objective and violations at the current duals (after a pass). */
  public DualValue assess() {
    return dualFunction.at(duals.guaranteePenalty, duals.groupPenalty, duals.alpha, duals.kappa,
        duals.beta, duals.lambda, duals.nu, measured.segmentCost, measured.segmentAllocated,
        measured.supplierTotal, measured.groupTotal);
  }

  /** An immutable copy of the duals and the totals measured at them. */
  public DualsSnapshot snapshot() {
    return duals.snapshot(measured);
  }

  /** The bin order of this solve, from which a later solve on the same graph builds its bins. */
  public UnpromisedEdges.Order binOrder() {
    return layout.binOrder();
  }
}
