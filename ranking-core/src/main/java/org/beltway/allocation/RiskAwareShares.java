package org.beltway.allocation;

import java.util.ArrayList;
import java.util.List;
import org.beltway.internal.Strict;

/**
 * Plans a problem so that its group shares hold on <em>delivery</em> with probability at least
 * {@code 1 − risk} (issue 33): solve with margins, measure the margins the plan needs
 * ({@link ShareMargins#of}), re-target and re-solve warm until the two agree within
 * {@link #TOLERANCE}, at most {@link #MAX_ROUNDS} solves. A share whose margin the policy cannot afford
 * (the planned floor cannot be reached beside the caps and guarantees) is not dropped: the solver meets
 * it as far as it can and the plan reports it with what binds ({@link Planned#unaffordable}).
 * Thread-safe: immutable.
 */
public final class RiskAwareShares {
  /** Margins within this of those the plan needs (a share of the scope's forecast) end the rounds. */
  public static final double TOLERANCE = 1e-4;
  /** The most solves one {@link #plan} makes. */
  public static final int MAX_ROUNDS = 4;

  private final AllocationSolver solver;
  private final double[] relativeSd;
  private final double risk;

  private RiskAwareShares(AllocationSolver solver, double[] relativeSd, double risk) {
    this.solver = solver;
    this.relativeSd = relativeSd;
    this.risk = risk;
  }

  /**
   * Risk-aware shares solved by {@code solver}, under a forecast whose delivered traffic in segment j
   * is its forecast times {@code 1 + e_j}, {@code e_j} of mean 0 and sd {@code relativeSd[j]},
   * independent per segment.
   *
   * @param relativeSd sd of delivered over forecast traffic by segment (checked against each problem)
   * @param risk ε, the accepted probability that a delivered share misses its bound, in (0, 0.5]
   * @throws IllegalArgumentException if the risk is out of range
   */
  public static RiskAwareShares of(AllocationSolver solver, double[] relativeSd, double risk) {
    Strict.nonNull(solver, "solver", AllocationSolver.class);
    Strict.nonNull(relativeSd, "relativeSd", double[].class);
    return new RiskAwareShares(solver, relativeSd.clone(), ShareMargins.checkRisk(risk));
  }

  /**
   * Plans {@code stated} (its shares as stated, without margins) with margins that its own plan
   * needs.
   *
   * @param start a plan to warm-start from (yesterday's, or one of a related problem), or null
   * @param initial margins to make the first solve with (yesterday's), or null for none
   * @throws IllegalArgumentException if {@code relativeSd} is not one finite value {@code >= 0} per
   *     segment of the problem, or {@code initial} is for another number of shares
   */
  public Planned plan(AllocationProblem stated, AllocationPlan start, ShareMargins initial) {
    Strict.nonNull(stated, "stated", AllocationProblem.class);
    ShareMargins used = initial != null ? initial : ShareMargins.none(stated.groupCount(), risk);
    AllocationPlan plan = start;
    ShareMargins needed = null;
    int solves = 0;
    long passes = 0;
    while (solves < MAX_ROUNDS) {
      AllocationProblem problem = stated.withShareMargins(used);
      plan = plan == null ? solver.solve(problem) : solver.solve(problem, plan);
      solves++;
      passes += plan.certificate().passes();
      needed = ShareMargins.of(plan, relativeSd, risk);
      if (needed.largestChange(used) <= TOLERANCE) {
        break;
      }
      used = needed;
    }
    return new Planned(plan, needed, solves, passes);
  }

  /**
   * A plan made with delivery margins.
   *
   * @param plan the plan; {@code plan.problem().shareMargins()} are the margins it was made with
   * @param needed the margins the plan itself needs: within {@link #TOLERANCE} of those it was made with
   *     unless the rounds ran out
   * @param solves the solves it took, in [1, {@link #MAX_ROUNDS}]
   * @param passes the solver passes of all of them
   */
  public record Planned(AllocationPlan plan, ShareMargins needed, int solves, long passes) {
    /** Checks the plan carries margins of as many shares as {@code needed}. */
    public Planned {
      Strict.nonNull(plan, "plan", AllocationPlan.class);
      Strict.nonNull(needed, "needed", ShareMargins.class);
      ShareMargins used = plan.problem().shareMargins();
      if (used == null || used.groupCount() != needed.groupCount()) {
        throw new IllegalArgumentException(
            "plan: expected a plan made with margins of " + needed.groupCount() + " shares");
      }
    }

    /** The margins the plan was made with. */
    public ShareMargins margins() {
      return plan.problem().shareMargins();
    }

    /** How far the margins planned with fall short of those needed (0 when they suffice). */
    public double shortOfNeeded() {
      double most = 0;
      ShareMargins used = margins();
      for (int g = 0; g < used.groupCount(); g++) {
        most = Math.max(most, needed.floorMargin(g) - used.floorMargin(g));
        most = Math.max(most, needed.capMargin(g) - used.capMargin(g));
      }
      return most;
    }

    /** The shares, with a margin, the plan does not meet: with the numbers and what binds. */
    public List<UnmetPromise> unaffordable() {
      List<UnmetPromise> out = new ArrayList<>();
      ShareMargins used = margins();
      AllocationProblem problem = plan.problem();
      for (UnmetPromise u : plan.unmetPromises()) {
        if (u.kind() == UnmetPromise.Kind.GUARANTEE) {
          continue;
        }
        int g = problem.groupIndex(u.group());
        double margin = u.kind() == UnmetPromise.Kind.SHARE_FLOOR ? used.floorMargin(g) : used.capMargin(g);
        if (margin > 0) {
          out.add(u);
        }
      }
      return out;
    }
  }
}
