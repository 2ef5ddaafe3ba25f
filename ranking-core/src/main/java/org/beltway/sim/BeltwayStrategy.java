package org.beltway.sim;

import java.util.Arrays;
import java.util.List;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.Certificate;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Priorities;
import org.beltway.allocation.RiskAwareShares;
import org.beltway.allocation.ShareMargins;
import org.beltway.allocation.UnmetPromise;
import org.beltway.guarantee.Admission;
import org.beltway.guarantee.DemandConversion;
import org.beltway.internal.Strict;
import org.beltway.policy.Policies;

/**
 * Beltway: each day, the certified allocation program of docs/design.md §4 under the 2025
 * industrial-belt recovery policy ({@link Policies#industrialBeltRecovery2025}), solved by dual
 * coordinate ascent warm-started from yesterday's duals: fair exposure {@code θ} from merit, the day's
 * guarantees {@code d_i} from the demand conversion, the quality tier at least {@value #QUALITY_SHARE} of
 * all traffic and at least {@value Policies#TOP_BUYER_QUALITY_SHARE} of TOP-buyer traffic, the head tier
 * at most {@value #HEAD_CAP} of all traffic, and every edge capped at {@link TrafficDay#segmentCapShare()}
 * of its segment (the caps of the allocation benchmarks; the 2025 plan names no number for them). There
 * is no commercial-share cap: the generated marketplace has no paid-placement flag. By default promises
 * are booked through {@link Admission} on the day's forecast, so only those the policy leaves room for
 * are planned. Promises the solver cannot keep are met as far as possible, in the order of the given
 * {@link Priorities} (by default {@link Priorities#GUARANTEES_FIRST}: booked guarantees before shares),
 * and reported ({@link #unmetPromises()}).
 *
 * <p>Shares are planned to hold on delivery ({@link RiskAwareShares}): each floor is planned at its
 * stated share plus the margin that keeps the delivered share above it with probability
 * {@code 1 − risk} under the day's error model ({@link TrafficDay#trafficRelativeSd()},
 * {@link TrafficDay#risk()}), each cap at its share less its margin; a day with no forecast error gets
 * no margin. {@link #statedShares} plans the shares as stated, the reference for the margins' price.
 *
 * <p>Serving cannot show more impressions than a segment has: where the solver's plan exceeds a segment's
 * forecast by its tolerance (a relative 1e-6 at most), the segment's edges are scaled down to it, so the
 * plan handed on conserves traffic to rounding.
 */
public final class BeltwayStrategy implements TrafficStrategy {
  /** The quality tier's least share of all traffic (docs/design.md §1: 80% to good suppliers). */
  public static final double QUALITY_SHARE = Policies.QUALITY_SHARE;
  /** The head tier's largest share of all traffic (assumed, as in the allocation benchmarks). */
  public static final double HEAD_CAP = 0.15;
  /** The name the demos give {@link #statedShares}. */
  public static final String STATED_SHARES = "beltway-stated";
  /** The name of {@link #policyOnly}. */
  public static final String POLICY_ONLY = "policy-only";

  private final String name;
  private final AllocationSolver solver;
  private final Priorities priorities;
  private final boolean admits;
  private final boolean promises;
  private final double qualityShare;
  private final boolean shareMargins;
  private double[] none;
  private RiskAwareShares riskAware;
  private ShareMargins margins;
  private RiskAwareShares.Planned lastPlanned;
  private int unaffordableDays;
  private Admission admission;
  private AllocationPlan previous;
  private long passes;
  private int solves;
  private int unconverged;
  private double largestGap;

  /** Beltway with the solver's defaults, booked guarantees before shares, and admission. */
  public BeltwayStrategy() {
    this("beltway", AllocationSolver.defaults(), Priorities.GUARANTEES_FIRST, true);
  }

  /**
   * Beltway with a given name, solver (threads, tolerances, limits), order in which promises give way,
   * and whether promises are booked through {@link Admission} (otherwise every promise is planned).
   *
   * @throws NullPointerException if an argument is null
   */
  public BeltwayStrategy(String name, AllocationSolver solver, Priorities priorities, boolean admission) {
    this(name, solver, priorities, admission, true, QUALITY_SHARE, true);
  }

  private BeltwayStrategy(String name, AllocationSolver solver, Priorities priorities, boolean admission,
      boolean promises, double qualityShare, boolean shareMargins) {
    Strict.nonNull(name, "name", String.class);
    Strict.nonNull(solver, "solver", AllocationSolver.class);
    Strict.nonNull(priorities, "priorities", Priorities.class);
    this.name = name;
    this.solver = solver;
    this.priorities = priorities;
    this.admits = admission;
    this.promises = promises;
    this.qualityShare = qualityShare;
    this.shareMargins = shareMargins;
  }

  /**
   * Beltway with admission that plans every share at its stated bound, without a delivery margin: the
   * reference against which the price of the margins is measured.
   */
  public static BeltwayStrategy statedShares(String name, AllocationSolver solver, Priorities priorities) {
    Strict.nonNull(name, "name", String.class);
    Strict.nonNull(solver, "solver", AllocationSolver.class);
    Strict.nonNull(priorities, "priorities", Priorities.class);
    return new BeltwayStrategy(name, solver, priorities, true, true, QUALITY_SHARE, false);
  }

  /**
   * The same policy without the guarantees ({@value #POLICY_ONLY}): every share and cap, no promise.
   * The reference against which the price of the guarantees is measured.
   */
  public static BeltwayStrategy policyOnly(AllocationSolver solver) {
    return new BeltwayStrategy(POLICY_ONLY, solver, Priorities.GUARANTEES_FIRST, false, false, QUALITY_SHARE,
        true);
  }

  /**
   * Beltway with admission and another quality-share target, for the trade-off between the quality
   * share and the promises a policy owner decides.
   *
   * @throws IllegalArgumentException if the share is not in [0, 1]
   */
  public static BeltwayStrategy withQualityShare(String name, AllocationSolver solver, Priorities priorities,
      double qualityShare) {
    Strict.nonNull(name, "name", String.class);
    Strict.nonNull(solver, "solver", AllocationSolver.class);
    Strict.nonNull(priorities, "priorities", Priorities.class);
    if (!(qualityShare >= 0 && qualityShare <= 1)) {
      throw new IllegalArgumentException("qualityShare must be in [0, 1]: " + qualityShare);
    }
    return new BeltwayStrategy(name, solver, priorities, true, true, qualityShare, true);
  }

  @Override
  public String ignores() {
    return promises ? "" : "promises";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void plan(TrafficDay day, DayPlan out) {
    Strict.nonNull(day, "day", TrafficDay.class);
    Strict.nonNull(out, "out", DayPlan.class);
    EligibilityGraph graph = day.graph();
    AllocationProblem problem = problem(day, promises ? day.guaranteeByRow() : none(day), priorities);
    // the first day starts from admission's last check, which kept what was booked on the same graph
    AllocationPlan start = previous != null ? previous : admission == null ? null : admission.lastCheck();
    AllocationPlan plan;
    if (withMargins(day)) {
      RiskAwareShares.Planned planned = riskAware(day).plan(problem, start, margins);
      plan = planned.plan();
      margins = planned.needed();
      lastPlanned = planned;
      passes += planned.passes();
      solves += planned.solves();
      unaffordableDays += planned.unaffordable().isEmpty() ? 0 : 1;
    } else {
      plan = start == null ? solver.solve(problem) : solver.solve(problem, start);
      passes += plan.certificate().passes();
      solves++;
    }
    previous = plan;
    if (admission != null) {
      admission.warmStartFrom(plan);
    }
    Certificate certificate = plan.certificate();
    largestGap = Math.max(largestGap, certificate.relativeGap());
    if (!certificate.converged()) {
      unconverged++;
    }
    double[] x = out.x;
    for (int j = 0, segments = graph.segmentCount(); j < segments; j++) {
      int from = graph.segmentStart(j);
      int to = from + graph.segmentDegree(j);
      double sum = 0;
      for (int e = from; e < to; e++) {
        x[e] = plan.x(e);
        sum += x[e];
      }
      double s = day.forecast(j);
      if (sum > s) {
        double scale = s / sum;
        sum = 0;
        for (int e = from; e < to; e++) {
          x[e] *= scale;
          sum += x[e];
        }
      }
      out.unallocated[j] = sum > 0 ? Math.max(0.0, s - sum) : s;
    }
  }

  /** The day's program under the policy, with given guarantees and priorities. */
  private AllocationProblem problem(TrafficDay day, double[] guarantees, Priorities priorities) {
    EligibilityGraph graph = day.graph();
    AllocationProblem.Builder builder = AllocationProblem.builder(graph)
        .merit(day.meritByRow())
        .capShareOfSegment(day.segmentCapShare())
        .priorities(priorities);
    return Policies.industrialBeltRecovery2025(graph.segments())
        .qualityTier(day.qualityTierByRow())
        .qualityShare(qualityShare)
        .headCap(day.headTierByRow(), HEAD_CAP)
        .guarantees(guarantees)
        .build()
        .applyTo(builder)
        .build();
  }

  /**
   * Books a promise only when the day's program on the forecast keeps it beside the policy and the
   * promises already booked ({@link Admission}), with this strategy's solver; off when built with
   * {@code admission = false}.
   */
  @Override
  public Admission admission(TrafficDay day, DemandConversion conversion) {
    Strict.nonNull(day, "day", TrafficDay.class);
    Strict.nonNull(conversion, "conversion", DemandConversion.class);
    if (!admits) {
      return null;
    }
    admission = Admission.of(conversion, solver, (g, p) -> margined(day, problem(day, g, p)));
    return admission;
  }

  /** No guarantee for any supplier: the policy alone. */
  private double[] none(TrafficDay day) {
    if (none == null) {
      none = new double[day.supplierCount()];
    }
    return none;
  }

  private boolean withMargins(TrafficDay day) {
    return shareMargins && day.trafficRelativeSd() > 0;
  }

  private RiskAwareShares riskAware(TrafficDay day) {
    if (riskAware == null) {
      double[] sd = new double[day.graph().segmentCount()];
      Arrays.fill(sd, day.trafficRelativeSd());
      riskAware = RiskAwareShares.of(solver, sd, day.risk());
    }
    return riskAware;
  }

  /**
   * The problem with the margins of the latest plan, so that admission books only what the margined
   * shares leave room for; before the first plan, the margins of the day's policy without promises.
   */
  private AllocationProblem margined(TrafficDay day, AllocationProblem stated) {
    if (!withMargins(day)) {
      return stated;
    }
    if (margins == null) {
      margins = riskAware(day).plan(problem(day, none(day), priorities), null, null).needed();
    }
    return stated.withShareMargins(margins);
  }

  /**
   * The margins the last plan needed, the ones the next is first solved with; null before the first
   * plan or when shares are planned as stated.
   */
  public ShareMargins shareMargins() {
    return margins;
  }

  /**
   * One line per share of the last plan: its stated bound, the delivery margin it was planned with
   * and the planned bound; empty before the first plan or when shares are planned as stated.
   */
  public String describeShares() {
    return lastPlanned == null ? "" : lastPlanned.margins().describe(lastPlanned.plan().problem());
  }

  /**
   * Days on which a share's margin could not be afforded beside the rest of the program: the plan
   * missed a margined bound and reported what binds ({@link #unmetPromises()}).
   */
  public int daysMarginUnaffordable() {
    return unaffordableDays;
  }

  @Override
  public List<UnmetPromise> unmetPromises() {
    return previous == null ? List.of() : previous.unmetPromises();
  }

  /** The certificate of the last solve, or {@code null} before the first. */
  public Certificate lastCertificate() {
    return previous == null ? null : previous.certificate();
  }

  @Override
  public SolverStatistics solverStatistics() {
    return new SolverStatistics(solves, passes, unconverged, largestGap);
  }
}
