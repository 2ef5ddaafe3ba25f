package org.beltway.sim;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;

/**
 * The high-water-mark (HWM) baseline of Chen, Berkhin, Anderson and Devanur, "Ad Serving Using a Compact
 * Allocation Plan" (EC 2012), driven by the same guarantee demand as Beltway. Each supplier with a
 * guarantee {@code d_i > 0} is a contract:
 *
 * <ol>
 *   <li>contracts are ordered by increasing eligible supply {@code Σ_{j ∈ Γ(i)} S_j} (the paper's
 *       allocation order: the most constrained contract goes first), ties by the smaller supplier id;
 *   <li>with {@code r_j} the supply of segment {@code j} left by the contracts before it, contract
 *       {@code i} gets the fraction {@code α_i} of each eligible segment's supply, as far as it remains:
 *       {@code x_ij = min(r_j, α_i S_j)}, with {@code α_i} solving {@code Σ_j min(r_j, α_i S_j) = d_i}
 *       exactly (a walk over the sorted breakpoints {@code r_j / S_j}); when even all the remaining supply
 *       is short of {@code d_i}, {@code α_i = ∞} and it takes all of it (and is under-delivered);
 *   <li>the supply left after every contract goes merit-proportionally to all eligible suppliers of the
 *       segment, as the non-guaranteed traffic of the paper goes to the rest of the market.
 * </ol>
 *
 * HWM has no quality share and no caps. A day's plan takes {@code O(edges + Σ_i deg_i log deg_i)}.
 */
public final class HighWaterMark implements TrafficStrategy {
  private double[] alpha = new double[0];
  private double[] remaining = new double[0];
  private double[] supply = new double[0];
  private double[] ratio = new double[16];
  private int[] slot = new int[16];

  @Override
  public String ignores() {
    return "shares, caps";
  }

  @Override
  public String name() {
    return "hwm";
  }

  /**
   * The fraction {@code α} of each eligible segment's supply a supplier row got in the last plan:
   * {@code NaN} if it had no guarantee, {@link Double#POSITIVE_INFINITY} if the supply left to it was
   * short of its guarantee.
   */
  public double alpha(int row) {
    return alpha[row];
  }

  @Override
  public void plan(TrafficDay day, DayPlan plan) {
    Strict.nonNull(day, "day", TrafficDay.class);
    Strict.nonNull(plan, "plan", DayPlan.class);
    EligibilityGraph graph = day.graph();
    int n = graph.supplierCount();
    int segments = graph.segmentCount();
    if (alpha.length != n) {
      alpha = new double[n];
      supply = new double[n];
    }
    if (remaining.length != segments) {
      remaining = new double[segments];
    }
    Arrays.fill(alpha, Double.NaN);
    for (int j = 0; j < segments; j++) {
      remaining[j] = day.forecast(j);
    }
    int contracts = 0;
    for (int i = 0; i < n; i++) {
      if (day.guarantee(i) > 0) {
        contracts++;
      }
    }
    int[] order = new int[contracts];
    for (int i = 0, k = 0; i < n; i++) {
      if (day.guarantee(i) > 0) {
        order[k++] = i;
        double s = 0;
        for (int d = 0, degree = graph.supplierDegree(i); d < degree; d++) {
          s += day.forecast(graph.segmentOf(graph.supplierEdge(i, d)));
        }
        supply[i] = s;
      }
    }
    IntArrays.quickSort(order, (a, b) -> {
      int c = Double.compare(supply[a], supply[b]);
      return c != 0 ? c : Long.compare(graph.supplierId(a), graph.supplierId(b));
    });
    double[] x = plan.x;
    for (int i : order) {
      allocate(day, graph, i, x);
    }
    for (int j = 0; j < segments; j++) {
      int from = graph.segmentStart(j);
      int to = from + graph.segmentDegree(j);
      double s = day.forecast(j);
      double r = remaining[j];
      if (to == from || !(s > 0)) {
        plan.unallocated[j] = r;
        continue;
      }
      double share = r / s;
      double sum = 0;
      for (int e = from; e < to; e++) {
        x[e] += share * day.fairExposure(e);
        sum += x[e];
      }
      plan.unallocated[j] = Math.max(0.0, s - sum);
    }
  }

  /** Gives contract {@code i} its {@code min(r_j, α S_j)} in each eligible segment. */
  private void allocate(TrafficDay day, EligibilityGraph graph, int i, double[] x) {
    double demand = day.guarantee(i);
    int degree = graph.supplierDegree(i);
    if (ratio.length < degree) {
      ratio = new double[Math.max(degree, 2 * ratio.length)];
      slot = new int[ratio.length];
    }
    int m = 0;
    double available = 0;
    double openSupply = 0;
    for (int k = 0; k < degree; k++) {
      int j = graph.segmentOf(graph.supplierEdge(i, k));
      double s = day.forecast(j);
      if (s > 0) {
        ratio[m] = remaining[j] / s;
        slot[m] = k;
        m++;
        available += remaining[j];
        openSupply += s;
      }
    }
    double a;
    if (available <= demand) {
      a = Double.POSITIVE_INFINITY;
    } else {
      // breakpoints in increasing r_j / S_j: below α a segment gives all it has left, above it α S_j
      sortByRatio(m);
      double taken = 0;
      a = Double.POSITIVE_INFINITY;
      for (int p = 0; p < m; p++) {
        int j = graph.segmentOf(graph.supplierEdge(i, slot[p]));
        if (taken + ratio[p] * openSupply >= demand) {
          a = (demand - taken) / openSupply;
          break;
        }
        taken += remaining[j];
        openSupply -= day.forecast(j);
      }
    }
    alpha[i] = a;
    for (int k = 0; k < degree; k++) {
      int e = graph.supplierEdge(i, k);
      int j = graph.segmentOf(e);
      double s = day.forecast(j);
      if (!(s > 0)) {
        continue;
      }
      double give = a == Double.POSITIVE_INFINITY ? remaining[j] : Math.min(remaining[j], a * s);
      x[e] += give;
      remaining[j] = Math.max(0.0, remaining[j] - give);
    }
  }

  /** Insertion sort of the first {@code m} breakpoints with their slots (m is a supplier's degree, small). */
  private void sortByRatio(int m) {
    for (int p = 1; p < m; p++) {
      double r = ratio[p];
      int s = slot[p];
      int q = p - 1;
      while (q >= 0 && ratio[q] > r) {
        ratio[q + 1] = ratio[q];
        slot[q + 1] = slot[q];
        q--;
      }
      ratio[q + 1] = r;
      slot[q + 1] = s;
    }
  }
}
