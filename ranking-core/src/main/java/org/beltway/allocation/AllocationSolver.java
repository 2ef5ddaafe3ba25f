package org.beltway.allocation;

import java.time.Duration;
import java.util.Locale;
import org.beltway.allocation.Certificate.Termination;
import org.beltway.internal.SolverSettings;
import org.beltway.internal.Strict;
import org.beltway.internal.Workers;
import org.beltway.internal.dual.DualAscent;
import org.beltway.internal.dual.DualValue;

/**
 * Solves an {@link AllocationProblem} by dual coordinate ascent and returns a certified
 * {@link AllocationPlan} (docs/design.md §4; SHALE, Bharadwaj et al., KDD 2012; Vee et al., EC 2010).
 *
 * <p><b>Passes.</b> Each pass maximises the dual function exactly over one block of dual variables at a
 * time: each group share jointly with the supply duals of the segments it touches (a Newton search on
 * the group's traffic with the segments re-solved, see {@code DualAscent}), then every supplier with a
 * guarantee or total cap (in parallel), then every segment (in parallel). Every block update is an exact
 * 1-D piecewise-linear root, so the dual bound never decreases and no step size is tuned. Segments come
 * last, so supply holds to rounding after every pass.
 *
 * <p><b>Where plain passes stall.</b> Promises that compete for the same impressions couple their duals
 * along nearly flat directions, where block updates crawl: a day's warm start of the national plan
 * with every guarantee enrolled took hundreds of passes. Safeguarded moves run only after a pass that
 * failed to halve the largest violation (so a pass costs no more where passes converge well): a
 * semismooth Newton step on the supplier, segment and group duals together (conjugate gradients on the
 * optimality conditions with the unclipped edges held fixed, see {@code NewtonStep}), or, when it gives
 * nothing, extrapolation along the last step (ω = 1, 2, 4, …); then, in the next pass, exact line
 * searches along the uniform shift of each cluster of coupled duals (again in the pass after, while a
 * shift jumps by more than a unit) and a joint root for the suppliers furthest short of their
 * guarantee. Each move is kept only if the dual strictly increases, so every dual stays feasible, the
 * dual monotone and the certificate unaffected.
 *
 * <p><b>Stages.</b> A cold start also bounds the elastic duals by 10 at first and raises the bounds ×10 per
 * stage up to the {@link Priorities} only while some dual sits at its stage bound: the optimality
 * conditions of a stage whose duals are all inside their bounds are those of the problem, so feasible
 * problems finish in the first stage, and promises that must be given up reach their large penalty in a
 * few shifts instead of a long climb.
 *
 * <p><b>Stopping.</b> After each pass the solver computes the plan's {@link Certificate}; it stops when
 * the relative duality gap is at most {@code gapTolerance} and every relative violation at most
 * {@code violationTolerance}, or at the pass or time limit, which the certificate then names. The result
 * does not depend on the number of threads. Immutable and thread-safe; a solve creates and ends its own
 * worker threads.
 */
public final class AllocationSolver {
  private final int threads;
  private final double gapTolerance;
  private final double violationTolerance;
  private final int maxPasses;
  private final Duration timeLimit;

  private AllocationSolver(Builder b) {
    threads = b.threads;
    gapTolerance = b.gapTolerance;
    violationTolerance = b.violationTolerance;
    maxPasses = b.maxPasses;
    timeLimit = b.timeLimit;
  }

  /** A solver with the defaults of {@link Builder}. */
  public static AllocationSolver defaults() {
    return builder().build();
  }

  /** A builder with the defaults: all processors, gap 1e-4, violation 1e-6, 5 000 passes, 10 minutes. */
  public static Builder builder() {
    return new Builder();
  }

  public int threads() {
    return threads;
  }

  public double gapTolerance() {
    return gapTolerance;
  }

  public double violationTolerance() {
    return violationTolerance;
  }

  public int maxPasses() {
    return maxPasses;
  }

  public Duration timeLimit() {
    return timeLimit;
  }

  /** Solves from zero duals. */
  public AllocationPlan solve(AllocationProblem problem) {
    Strict.nonNull(problem, "problem", AllocationProblem.class);
    return run(problem, null);
  }

  /**
   * Solves starting from a previous plan's duals (a warm start), e.g. tomorrow's problem with drifted
   * traffic and scores after today's plan. Duals are matched by supplier id, segment id and group name;
   * suppliers, segments and groups that are new start at zero. A supplier whose groups changed (a
   * re-score moved it into or out of a tier) has its level moved by the change in its group levels, so
   * its traffic starts where the previous plan left it. The optimum is the same as from a cold start;
   * only the number of passes differs.
   */
  public AllocationPlan solve(AllocationProblem problem, AllocationPlan previous) {
    Strict.nonNull(problem, "problem", AllocationProblem.class);
    Strict.nonNull(previous, "previous", AllocationPlan.class);
    return run(problem, previous);
  }

  /**
   * A plan from duals computed elsewhere (the Spark runner, or an earlier plan's {@link
   * AllocationPlan#duals()}), certified on this problem without a pass: the traffic, the certificate,
   * the unmet promises and the conservation are this library's own, measured at the given duals against
   * the problem's final penalties. The certificate reports 0 passes and terminates {@code CONVERGED}
   * when the gap and violations meet this solver's tolerances, {@code NOT_CONVERGED} otherwise.
   *
   * @throws IllegalArgumentException naming the supplier, segment or group whose id is not the
   *     problem's, or whose dual lies outside its domain
   */
  public AllocationPlan certify(AllocationProblem problem, PlanDuals duals) {
    Strict.nonNull(problem, "problem", AllocationProblem.class);
    Strict.nonNull(duals, "duals", PlanDuals.class);
    long start = System.nanoTime();
    GivenDuals given = GivenDuals.of(problem, duals);
    try (Workers workers = new Workers(threads)) {
      DualAscent state = new DualAscent(problem.compiled(), workers, null);
      state.startPenalties(problem.priorities().guaranteePenalty(),
          problem.priorities().groupPenalty());
      state.adopt(given.levelByRow, given.betaBySegment, given.levelByGroup);
      DualValue a = state.assess();
      requireFinite(a, 0);
      Termination termination = a.gap() <= gapTolerance && a.maxViolation() <= violationTolerance
          ? Termination.CONVERGED : Termination.NOT_CONVERGED;
      Certificate certificate = new Certificate(a.primal(), a.dual(), a.gap(), a.supplyViolation(),
          a.guaranteeViolation(), a.capViolation(), a.groupViolation(), 0,
          Duration.ofNanos(System.nanoTime() - start), termination);
      return new AllocationPlan(problem, state.snapshot(), state.binOrder(), certificate,
          violationTolerance);
    }
  }

  private AllocationPlan run(AllocationProblem problem, AllocationPlan previous) {
    long start = System.nanoTime();
    long deadline = start + timeLimit.toNanos();
    try (Workers workers = new Workers(threads)) {
      boolean sameGraph = previous != null && previous.problem().graph() == problem.graph();
      DualAscent state = new DualAscent(problem.compiled(), workers,
          sameGraph ? previous.warmStart().bins() : null);
      double finalGuarantee = problem.priorities().guaranteePenalty();
      double finalGroup = problem.priorities().groupPenalty();
      if (previous != null) {
        state.warmStart(previous.warmStart(), new MatchById(previous.problem(), problem));
      } else {
        state.startPenalties(Math.min(finalGuarantee, SolverSettings.FIRST_STAGE_PENALTY),
            Math.min(finalGroup, SolverSettings.FIRST_STAGE_PENALTY));
      }
      DualValue assessment;
      int passes = 0;
      Termination termination;
      boolean stagnating = false;
      double lastProgress = Double.POSITIVE_INFINITY;
      while (true) {
        state.pass(violationTolerance, stagnating);
        passes++;
        assessment = state.assess();
        requireFinite(assessment, passes);
        double maxViolation = assessment.maxViolation();
        boolean finalStage = state.guaranteePenalty() >= finalGuarantee
            && state.groupPenalty() >= finalGroup;
        if (assessment.gap() <= gapTolerance && maxViolation <= violationTolerance) {
          if (finalStage || !state.atRaisableBound(finalGuarantee, finalGroup)) {
            termination = Termination.CONVERGED;
            break;
          }
          state.raisePenalties(Math.min(finalGuarantee, state.guaranteePenalty() * SolverSettings.STAGE_FACTOR),
              Math.min(finalGroup, state.groupPenalty() * SolverSettings.STAGE_FACTOR));
          stagnating = false;
          lastProgress = Double.POSITIVE_INFINITY;
          continue;
        }
        if (passes >= maxPasses) {
          termination = Termination.PASS_LIMIT;
          break;
        }
        if (System.nanoTime() - deadline >= 0) {
          termination = Termination.TIME_LIMIT;
          break;
        }
        // accelerate only where plain passes stall: a pass that does not halve the largest violation
        // (or the gap, once violations are within tolerance)
        double progress = maxViolation > violationTolerance ? maxViolation : Math.abs(assessment.gap());
        stagnating = progress > 0.5 * lastProgress;
        lastProgress = progress;
        state.recordStep();
        if (stagnating && !state.newton(assessment.dual())) {
          state.extrapolate(assessment.dual());
        }
      }
      if (state.guaranteePenalty() < finalGuarantee || state.groupPenalty() < finalGroup) {
        // Stopped in an early stage: either no dual sits at a stage bound (then the stage's optimum
        // is the problem's, as the optimality conditions are the same) or a limit was hit. Certify
        // against the problem's own penalties; a dual left at an early bound is then merely interior,
        // and the promise it holds counts as a violation, not as given up.
        state.startPenalties(finalGuarantee, finalGroup);
        assessment = state.assess();
      }
      requireFinite(assessment, passes);
      Certificate certificate = new Certificate(assessment.primal(), assessment.dual(),
          assessment.gap(), assessment.supplyViolation(), assessment.guaranteeViolation(),
          assessment.capViolation(), assessment.groupViolation(), passes,
          Duration.ofNanos(System.nanoTime() - start), termination);
      return new AllocationPlan(problem, state.snapshot(), state.binOrder(), certificate,
          violationTolerance);
    }
  }

  /**
   * Fails a solve whose measures stopped being numbers: a non-finite primal, dual bound, gap or
   * violation means the arithmetic overflowed, and no certificate may claim anything about it.
   */
  private static void requireFinite(DualValue a, int passes) {
    double[] values = {a.primal(), a.dual(), a.gap(), a.supplyViolation(), a.guaranteeViolation(),
      a.capViolation(), a.groupViolation()};
    String[] names = {"primal", "dual bound", "gap", "supply violation", "guarantee violation",
      "cap violation", "group violation"};
    for (int k = 0; k < values.length; k++) {
      if (!Double.isFinite(values[k])) {
        throw new ArithmeticException(String.format(Locale.ROOT,
            "solve stopped at pass %d: the %s is %s: expected a finite number; the inputs' magnitudes"
                + " (traffic, merit, relevance, guarantees, caps) overflow the solver's arithmetic",
            passes, names[k], values[k]));
      }
    }
  }

  /** Builds an {@link AllocationSolver}; every setting may be given once and is checked at once. */
  public static final class Builder {
    private int threads = -1;
    private double gapTolerance = Double.NaN;
    private double violationTolerance = Double.NaN;
    private int maxPasses = -1;
    private Duration timeLimit;

    private Builder() {}

    /**
     * Worker threads, the calling thread included (default: available processors). Results do not
     * depend on it.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws IllegalStateException if already set
     */
    public Builder threads(int threads) {
      Strict.requireUnset("threads", this.threads != -1, this.threads);
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * The relative duality gap at which to stop (default 1e-4).
     *
     * @throws IllegalArgumentException unless in (0, 1)
     * @throws IllegalStateException if already set
     */
    public Builder gapTolerance(double tolerance) {
      Strict.requireUnset("gapTolerance", !Double.isNaN(gapTolerance), gapTolerance);
      gapTolerance = SolverSettings.tolerance("gapTolerance", tolerance);
      return this;
    }

    /**
     * The largest relative constraint violation at which to stop (default 1e-6).
     *
     * @throws IllegalArgumentException unless in (0, 1)
     * @throws IllegalStateException if already set
     */
    public Builder violationTolerance(double tolerance) {
      Strict.requireUnset("violationTolerance", !Double.isNaN(violationTolerance),
          violationTolerance);
      violationTolerance = SolverSettings.tolerance("violationTolerance", tolerance);
      return this;
    }

    /**
     * The most passes to run (default 5 000).
     *
     * @throws IllegalArgumentException if {@code passes < 1}
     * @throws IllegalStateException if already set
     */
    public Builder maxPasses(int passes) {
      Strict.requireUnset("maxPasses", maxPasses != -1, maxPasses);
      maxPasses = SolverSettings.maxPasses(passes);
      return this;
    }

    /**
     * The longest a solve may run (default 10 minutes); checked after each pass.
     *
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if already set
     */
    public Builder timeLimit(Duration limit) {
      Strict.nonNull(limit, "timeLimit", Duration.class);
      Strict.requireUnset("timeLimit", timeLimit);
      timeLimit = SolverSettings.timeLimit(limit);
      return this;
    }

    /** Returns the solver. */
    public AllocationSolver build() {
      if (threads == -1) {
        threads = Runtime.getRuntime().availableProcessors();
      }
      if (Double.isNaN(gapTolerance)) {
        gapTolerance = 1e-4;
      }
      if (Double.isNaN(violationTolerance)) {
        violationTolerance = 1e-6;
      }
      if (maxPasses == -1) {
        maxPasses = 5000;
      }
      if (timeLimit == null) {
        timeLimit = Duration.ofMinutes(10);
      }
      return new AllocationSolver(this);
    }

  }
}
