package org.beltway.allocation;

import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * The margins that make a plan's share floors and caps hold on <em>delivery</em>, not only on the plan
 * (issue 33). Delivery scales segment j's plan by {@code 1 + e_j}, e_j the forecast's relative error
 * with mean 0 and sd σ_j, independent per segment. A floor f on group G holds iff
 * {@code Σ_j (1 + e_j) d_j ≥ 0} with {@code d_j = x_Gj − f·T_j} (x_Gj the plan's impressions to G in
 * segment j, T_j the segment's forecast traffic); by the CLT its shortfall probability is at most ε when
 * {@code Σ d_j ≥ z_{1−ε}·sqrt(Σ σ_j² d_j²)}. The margin, as a share of the scope's forecast, is
 * {@code m = z_{1−ε}·sqrt(Σ σ_j² d_j²) / Σ_j T_j}; a cap is symmetric ({@code d_j = c·T_j − x_Gj}).
 * Planning at {@code f + m} (cap {@code c − m}) and recomputing m from the new plan converges in a few
 * rounds (docs/design.md, "Shares on delivery"). A share with zero error gets zero margin.
 */
public final class ShareMargins {
  private final double risk;
  private final double z;
  private final double[] floorMargin;
  private final double[] capMargin;

  private ShareMargins(double risk, double z, double[] floorMargin, double[] capMargin) {
    this.risk = risk;
    this.z = z;
    this.floorMargin = floorMargin;
    this.capMargin = capMargin;
  }

  /**
   * The margins of every group share of the plan's problem, each computed at the share's stated target
   * ({@link AllocationProblem#group}, not the margined one it may have been planned at) against the
   * plan's own exposure per segment.
   *
   * @param relativeSd per segment, the sd of delivered over forecast traffic (error/√3 for traffic
   *     uniform in ±error); finite and ≥ 0, one per segment of the problem
   * @param risk ε, the accepted probability that the delivered share misses, in (0, 0.5]
   * @throws IllegalArgumentException naming the field, value and what was expected
   */
  public static ShareMargins of(AllocationPlan plan, double[] relativeSd, double risk) {
    Strict.nonNull(plan, "plan", AllocationPlan.class);
    Strict.nonNull(relativeSd, "relativeSd", double[].class);
    AllocationProblem problem = plan.problem();
    EligibilityGraph graph = problem.graph();
    int segments = graph.segmentCount();
    if (relativeSd.length != segments) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "relativeSd has %d entries, expected one per segment: %d", relativeSd.length, segments));
    }
    for (int j = 0; j < segments; j++) {
      if (!(relativeSd[j] >= 0) || Double.isInfinite(relativeSd[j])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "relativeSd[%d] must be finite and >= 0: %s", j, relativeSd[j]));
      }
    }
    double z = upperQuantile(checkRisk(risk));
    int groups = problem.groupCount();
    double[] floor = new double[groups];
    double[] cap = new double[groups];
    double[] inGroup = new double[segments];
    for (int g = 0; g < groups; g++) {
      GroupShare share = problem.group(g);
      java.util.Arrays.fill(inGroup, 0.0);
      for (int e : problem.groupEdges(g)) {
        inGroup[graph.segmentOf(e)] += plan.x(e);
      }
      double scope = 0;
      double floorVar = 0;
      double capVar = 0;
      for (int j = 0; j < segments; j++) {
        if (!share.includesSegment(j)) {
          continue;
        }
        double t = graph.segments().traffic(j);
        scope += t;
        double s2 = relativeSd[j] * relativeSd[j];
        double dFloor = inGroup[j] - share.atLeast() * t;
        double dCap = share.atMost() * t - inGroup[j];
        floorVar += s2 * dFloor * dFloor;
        capVar += s2 * dCap * dCap;
      }
      floor[g] = share.atLeast() > 0 && scope > 0 ? z * Math.sqrt(floorVar) / scope : 0.0;
      cap[g] = share.atMost() < 1 && scope > 0 ? z * Math.sqrt(capVar) / scope : 0.0;
    }
    return new ShareMargins(risk, z, floor, cap);
  }

  /** No margin on any of {@code groups} shares: what a forecast without error needs. */
  public static ShareMargins none(int groups, double risk) {
    if (groups < 0) {
      throw new IllegalArgumentException("groups must be >= 0: " + groups);
    }
    return new ShareMargins(risk, upperQuantile(checkRisk(risk)), new double[groups], new double[groups]);
  }

  /**
   * The largest difference between these margins and others of the same shares, floor or cap: how far
   * a plan made with one set of margins is from needing the other.
   */
  public double largestChange(ShareMargins other) {
    Strict.nonNull(other, "other", ShareMargins.class);
    if (other.groupCount() != groupCount()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "margins of %d shares compared with margins of %d", other.groupCount(), groupCount()));
    }
    double most = 0;
    for (int g = 0; g < floorMargin.length; g++) {
      most = Math.max(most, Math.abs(floorMargin[g] - other.floorMargin[g]));
      most = Math.max(most, Math.abs(capMargin[g] - other.capMargin[g]));
    }
    return most;
  }

  /**
   * One line per share of the problem: stated bound, margin, planned bound and the probability model,
   * e.g. {@code quality >= 80.00% + 0.12% = 80.12% (normal bound, independent segment errors, risk 0.01)}.
   */
  public String describe(AllocationProblem problem) {
    Strict.nonNull(problem, "problem", AllocationProblem.class);
    StringBuilder out = new StringBuilder();
    for (int g = 0; g < Math.min(groupCount(), problem.groupCount()); g++) {
      GroupShare share = problem.group(g);
      if (share.atLeast() > 0) {
        out.append(String.format(Locale.ROOT, "%s >= %.2f%% + %.2f%% = %.2f%%", share.name(),
            100 * share.atLeast(), 100 * floorMargin[g], 100 * problem.plannedAtLeast(g)));
      }
      if (share.atMost() < 1) {
        out.append(share.atLeast() > 0 ? "; " : "").append(String.format(Locale.ROOT,
            "%s <= %.2f%% - %.2f%% = %.2f%%", share.name(), 100 * share.atMost(), 100 * capMargin[g],
            100 * problem.plannedAtMost(g)));
      }
      out.append(String.format(Locale.ROOT, " (normal bound, independent segment errors, risk %s)%n",
          risk));
    }
    return out.toString();
  }

  /** ε, the accepted probability of a miss on delivery. */
  public double risk() {
    return risk;
  }

  /** {@code z_{1−ε}}, the normal quantile the margins are built from. */
  public double z() {
    return z;
  }

  /** The number of group shares. */
  public int groupCount() {
    return floorMargin.length;
  }

  /** The margin to add to share g's floor, as a share of its scope's forecast traffic (0 if no floor). */
  public double floorMargin(int g) {
    return floorMargin[g];
  }

  /** The margin to take off share g's cap, as a share of its scope's forecast traffic (0 if no cap). */
  public double capMargin(int g) {
    return capMargin[g];
  }

  static double checkRisk(double risk) {
    if (!(risk > 0 && risk <= 0.5)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "risk must be in (0, 0.5]: %s", risk));
    }
    return risk;
  }

  /** The normal quantile {@code z_{1−p}} for p in (0, 0.5], by Acklam's rational approximation. */
  static double upperQuantile(double p) {
    if (p == 0.5) {
      return 0.0;
    }
    double q = Math.sqrt(-2 * Math.log(p));
    double num = ((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5];
    double den = (((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1;
    if (p < 0.02425) {
      return -num / den;
    }
    double r = 0.5 - p;
    double r2 = r * r;
    return r * (((((A[0] * r2 + A[1]) * r2 + A[2]) * r2 + A[3]) * r2 + A[4]) * r2 + A[5])
        / (((((B[0] * r2 + B[1]) * r2 + B[2]) * r2 + B[3]) * r2 + B[4]) * r2 + 1);
  }

  private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02,
      -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02,
      -1.556989798598866e+02, 6.680131188601500e+01, -1.328068155288572e+01};
  private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01,
      -2.400758277161838e+00, -2.549732516488384e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  private static final double[] D = {7.784695709868784e-03, 3.224671290700398e-01,
      2.445134342337366e+00, 3.754408161907664e+00};
}
