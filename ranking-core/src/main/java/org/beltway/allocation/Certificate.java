package org.beltway.allocation;

import java.time.Duration;
import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * How close a plan is to optimal and to feasible, as proved by the solver's own duals (docs/design.md
 * §4, "certified").
 *
 * <p>The primal objective is the fair-exposure distance {@code Σ (x − θ)²/(2θ)} of the plan plus the
 * penalties of the promises the solver gave up on (those whose dual variable reached its penalty bound,
 * see {@link Priorities}). The dual bound is the Lagrangian dual function at the plan's duals, which
 * lie in their feasible region by construction, so it is a valid lower bound on the optimum of the
 * elastic program; it is computed in the complementary-slackness form {@code D = objective(x) + Σ dual ×
 * residual}, which is the same number as the textbook dual function but keeps its precision near the
 * optimum. The relative gap is {@code (primal − dual) / max(|primal|, |dual|, 1e-12 · total traffic)};
 * it can be slightly negative while the plan still violates a constraint by less than the tolerance.
 *
 * <p>Violations are relative to the bound violated (denominators floored at 1e-9 of total traffic):
 * supply, a segment's allocated traffic over its forecast; guarantees, a guarantee's shortfall when the
 * solver has not given up on it; caps, a supplier's total over its total cap (edge caps hold exactly
 * by construction); groups, a share's miss when not given up on. Promises given up on are listed by
 * {@link AllocationPlan#unmetPromises()} instead.
 *
 * @param primalObjective objective of the plan, in impressions
 * @param dualBound a lower bound on the optimal objective, in impressions
 * @param relativeGap {@code (primal − dual)} relative to the objective's size
 * @param supplyViolation largest relative excess of a segment's supply
 * @param guaranteeViolation largest relative shortfall of a guarantee not given up on
 * @param capViolation largest relative excess of a supplier's total cap
 * @param groupViolation largest relative miss of a group share not given up on
 * @param passes full passes of dual coordinate ascent run
 * @param wallTime wall-clock time of the solve
 * @param termination why the solver stopped
 */
public record Certificate(double primalObjective, double dualBound, double relativeGap,
    double supplyViolation, double guaranteeViolation, double capViolation, double groupViolation,
    int passes, Duration wallTime, Termination termination) {

  /** Rejects a null time or termination. */
  public Certificate {
    Strict.nonNull(wallTime, "wallTime", Duration.class);
    Strict.nonNull(termination, "termination", Termination.class);
  }

  /** Why a solve stopped. */
  public enum Termination {
    /** Gap and every violation within the solver's tolerances. */
    CONVERGED,
    /** The pass limit was reached first. */
    PASS_LIMIT,
    /** The time limit was reached first. */
    TIME_LIMIT,
    /** Duals given to {@link AllocationSolver#certify} that miss the solver's tolerances. */
    NOT_CONVERGED
  }

  /** Whether the solve met its tolerances. */
  public boolean converged() {
    return termination == Termination.CONVERGED;
  }

  /** The largest relative violation over all constraint families. */
  public double maxViolation() {
    return Math.max(Math.max(supplyViolation, guaranteeViolation), Math.max(capViolation, groupViolation));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "Certificate[%s after %d passes in %d ms: primal %.9g, dual %.9g, gap %.3g; violations supply"
            + " %.3g, guarantees %.3g, caps %.3g, groups %.3g]",
        termination, passes, wallTime.toMillis(), primalObjective, dualBound, relativeGap,
        supplyViolation, guaranteeViolation, capViolation, groupViolation);
  }
}
