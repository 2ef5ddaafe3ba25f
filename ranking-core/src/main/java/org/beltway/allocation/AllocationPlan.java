package org.beltway.allocation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.beltway.allocation.UnmetPromise.Binding;
import org.beltway.allocation.UnmetPromise.Kind;
import org.beltway.internal.Strict;
import org.beltway.internal.dual.CompiledProblem;
import org.beltway.internal.dual.DualsSnapshot;
import org.beltway.internal.dual.UnpromisedEdges;
import org.beltway.internal.dual.WarmStart;

/**
 * A traffic plan, stored compactly as the solver's duals plus a reference to its problem: one number per
 * supplier ({@code t_i = α_i − κ_i}), one per segment ({@code β_j}), two per group share ({@code λ_g},
 * {@code ν_g}). Any edge's traffic is recomputed on demand by the one canonical expression
 *
 * <pre>  x_ij = clip(θ_ij · ((1 + t_i + Σ_{g ∋ ij} (λ_g − ν_g)) − β_j), 0, u_ij)</pre>
 *
 * evaluated in the same order as in the solver, so the plan reproduces the solver's numbers bit for
 * bit (docs/design.md §4). A plan carries its {@link Certificate} and the list of promises it does not
 * keep, each with what binds.
 *
 * <p><b>Conservation.</b> For every segment, {@link #segmentAllocated} + {@link #segmentUnallocated}
 * equals the forecast traffic exactly, in floating point. The plan sums the segment's edges to
 * {@code A} (clamped to at most the forecast {@code S}; the solver keeps supply to rounding, and any
 * excess is reported as the certificate's supply violation), defines {@code unallocated = S − A}
 * rounded, and {@code allocated = S − unallocated} rounded. By Sterbenz's lemma one of the two
 * subtractions is exact and the other then reproduces its operand, so {@code allocated + unallocated}
 * is exactly {@code S}; {@code allocated} differs from the edge sum by at most one rounding.
 * Unallocated traffic falls back to plain relevance ranking.
 *
 * <p>Built from an immutable snapshot of the solver's duals, which it owns; it also keeps an opaque
 * warm-start token (duals, problem and bin order) from which {@link AllocationSolver#solve(
 * AllocationProblem, AllocationPlan)} starts tomorrow's solve. Immutable and safe to share between
 * threads.
 */
public final class AllocationPlan {
  private final AllocationProblem problem;
  private final EligibilityGraph graph;
  private final CompiledProblem compiled;
  private final DualsSnapshot duals;
  private final double[] supplierLevel;
  private final double[] alpha;
  private final double[] kappa;
  private final double[] beta;
  private final double[] groupLevel;
  private final double[] lambda;
  private final double[] nu;
  private final double[] allocated;
  private final double[] unallocated;
  private final double[] groupTotal;
  private final Certificate certificate;
  private final List<UnmetPromise> unmet;
  private final WarmStart warmStart;

  /**
   * @param bins the solve's bin order, from which a warm start on the same graph builds its bins
   */
  AllocationPlan(AllocationProblem problem, DualsSnapshot duals, UnpromisedEdges.Order bins,
      Certificate certificate, double tolerance) {
    this.problem = problem;
    graph = problem.graph();
    compiled = problem.compiled();
    this.duals = duals;
    warmStart = new WarmStart(compiled, duals, bins);
    supplierLevel = duals.supplierLevel();
    alpha = duals.alpha();
    kappa = duals.kappa();
    beta = duals.beta();
    groupLevel = duals.groupLevel();
    lambda = duals.lambda();
    nu = duals.nu();
    groupTotal = duals.groupTotal();
    this.certificate = certificate;
    double[] traffic = compiled.traffic;
    double[] edgeSums = duals.segmentAllocated();
    allocated = new double[traffic.length];
    unallocated = new double[traffic.length];
    for (int j = 0; j < traffic.length; j++) {
      double s = traffic[j];
      double a = Math.min(edgeSums[j], s);
      double u = s - a;
      unallocated[j] = u;
      allocated[j] = s - u;
    }
    unmet = List.copyOf(findUnmet(tolerance));
  }

  /** What the next solve starts from (opaque). */
  WarmStart warmStart() {
    return warmStart;
  }

  public AllocationProblem problem() {
    return problem;
  }

  public Certificate certificate() {
    return certificate;
  }

  /** The promises this plan does not keep, guarantees first (by supplier row), then group shares. */
  public List<UnmetPromise> unmetPromises() {
    return unmet;
  }

  // ------------------------------------------------------------------ traffic

  /** The planned impressions of an edge. */
  public double x(int edge) {
    return duals.traffic(compiled, edge);
  }

  /**
   * The planned impressions of a supplier in a segment; 0 when the supplier is not eligible there.
   *
   * @throws IllegalArgumentException for an unknown supplier or segment id
   */
  public double allocation(long supplierId, long segmentId) {
    int row = rowOf(supplierId);
    int seg = problem.segments().index(segmentId);
    if (seg < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown segment %d", segmentId));
    }
    int e = graph.edge(row, seg);
    return e < 0 ? 0.0 : x(e);
  }

  /**
   * The plan's exposure boost of an edge, {@code x / θ}: the factor a reranker multiplies relevance by
   * (docs/design.md §6); 0 for an edge with no fair exposure.
   */
  public double boost(int edge) {
    double th = compiled.theta[edge];
    return th > 0 ? x(edge) / th : 0.0;
  }

  /** The planned impressions of a supplier row over all its segments, summed in segment order. */
  public double supplierTotalOfRow(int row) {
    double sum = 0;
    for (int k = 0, d = graph.supplierDegree(row); k < d; k++) {
      sum += x(graph.supplierEdge(row, k));
    }
    return sum;
  }

  /**
   * The planned impressions of a supplier over all its segments.
   *
   * @throws IllegalArgumentException for an unknown supplier id
   */
  public double supplierTotal(long supplierId) {
    return supplierTotalOfRow(rowOf(supplierId));
  }

  /** The impressions of a segment allocated to suppliers; see the class doc for exactness. */
  public double segmentAllocated(int segment) {
    return allocated[segment];
  }

  /** The impressions of a segment left to plain relevance ranking: forecast minus allocated. */
  public double segmentUnallocated(int segment) {
    return unallocated[segment];
  }

  /** The planned impressions of a group share's edges, in impressions. */
  public double groupTotal(int g) {
    return groupTotal[g];
  }

  /**
   * The planned impressions of a group share's edges.
   *
   * @throws IllegalArgumentException for an unknown group name
   */
  public double groupTotal(String name) {
    Strict.nonNull(name, "name", String.class);
    int g = problem.groupIndex(name);
    if (g < 0) {
      throw new IllegalArgumentException("unknown group share \"" + name + "\"");
    }
    return groupTotal[g];
  }

  /** A group's planned traffic as a share of its scope's forecast traffic (0 for an empty scope). */
  public double groupShare(int g) {
    double scope = problem.scopeTraffic(g);
    return scope > 0 ? groupTotal[g] / scope : 0.0;
  }

  // ------------------------------------------------------------------ duals

  /** A supplier's level {@code t_i = α_i − κ_i}: guarantee dual minus total-cap dual. */
  public double supplierLevel(int row) {
    return supplierLevel[row];
  }

  /** A segment's supply dual {@code β_j >= 0}: the price of one more impression in the segment. */
  public double segmentDual(int segment) {
    return beta[segment];
  }

  /** A group's level {@code λ_g − ν_g}: lower-share dual minus upper-share dual. */
  public double groupLevel(int g) {
    return groupLevel[g];
  }

  /**
   * The plan's duals keyed by id, as another solver reads them (a warm start of the Spark runner) or
   * {@link AllocationSolver#certify} turns back into this plan: the suppliers with a guarantee or a
   * total cap, every segment, every group share.
   */
  public PlanDuals duals() {
    int[] rows = compiled.rows;
    long[] supplierIds = new long[rows.length];
    double[] levels = new double[rows.length];
    for (int k = 0; k < rows.length; k++) {
      supplierIds[k] = graph.supplierId(rows[k]);
      levels[k] = supplierLevel[rows[k]];
    }
    SegmentTable segments = problem.segments();
    long[] segmentIds = new long[segments.size()];
    for (int j = 0; j < segmentIds.length; j++) {
      segmentIds[j] = segments.id(j);
    }
    String[] names = new String[groupLevel.length];
    for (int g = 0; g < names.length; g++) {
      names[g] = problem.group(g).name();
    }
    return new PlanDuals(supplierIds, levels, segmentIds, beta.clone(), names, groupLevel.clone());
  }

  private int rowOf(long supplierId) {
    int row = graph.row(supplierId);
    if (row < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown supplier %d", supplierId));
    }
    return row;
  }

  // ------------------------------------------------------------------ unmet promises

  private List<UnmetPromise> findUnmet(double tolerance) {
    List<UnmetPromise> list = new ArrayList<>();
    double floor = Math.max(1e-9 * problem.totalTraffic(), Double.MIN_NORMAL);
    int[] rows = compiled.rows;
    double[] demand = compiled.demand;
    double[] totalCap = compiled.totalCap;
    double guaranteePenalty = duals.guaranteePenalty();
    double groupPenalty = duals.groupPenalty();
    for (int k = 0; k < rows.length; k++) {
      double d = demand[k];
      double planned = duals.supplierTotal()[k];
      double shortfall = d - planned;
      if (d > 0 && shortfall > tolerance * Math.max(d, floor)) {
        list.add(guaranteeReport(rows[k], d, totalCap[k], planned, shortfall,
            alpha[k] >= guaranteePenalty, kappa[k] > 0, guaranteePenalty));
      }
    }
    for (int g = 0; g < problem.groupCount(); g++) {
      double low = problem.groupLowerTarget(g);
      double high = problem.groupUpperTarget(g);
      double total = groupTotal[g];
      if (low > 0 && low - total > tolerance * Math.max(low, floor)) {
        list.add(floorReport(g, low, total, lambda[g] >= groupPenalty, groupPenalty));
      }
      if (high < Double.POSITIVE_INFINITY && total - high > tolerance * Math.max(high, floor)) {
        list.add(capReport(g, high, total, nu[g] >= groupPenalty));
      }
    }
    return list;
  }

  private UnmetPromise guaranteeReport(int row, double d, double totalCap, double planned,
      double shortfall, boolean givenUp, boolean capBinds, double penalty) {
    int degree = graph.supplierDegree(row);
    int positive = 0;
    int capped = 0;
    int full = 0;
    int competing = 0;
    int free = 0;
    for (int k = 0; k < degree; k++) {
      int e = graph.supplierEdge(row, k);
      if (compiled.theta[e] <= 0) {
        continue;
      }
      positive++;
      boolean blocked = false;
      if (x(e) >= edgeCap(e)) {
        capped++;
        blocked = true;
      } else if (beta[graph.segmentOf(e)] > 0) {
        full++;
        blocked = true;
      }
      if (upperShareBinds(e, -1)) {
        competing++;
        blocked = true;
      }
      if (!blocked) {
        free++;
      }
    }
    EnumSet<Binding> binding = EnumSet.noneOf(Binding.class);
    StringJoiner why = new StringJoiner("; ");
    if (positive == 0) {
      binding.add(Binding.NO_ELIGIBLE_SEGMENT);
      why.add(degree == 0 ? "no eligible segment"
          : String.format(Locale.ROOT, "no eligible segment with traffic (%d eligible, all with zero"
              + " fair exposure)", degree));
    }
    if (capBinds || d > totalCap) {
      binding.add(Binding.SUPPLIER_CAP);
      why.add(String.format(Locale.ROOT, "its total cap (%.1f) is reached", totalCap));
    }
    if (full > 0) {
      binding.add(Binding.SEGMENT_SUPPLY);
      why.add(String.format(Locale.ROOT, "segment supply exhausted in %d of %d eligible segments", full,
          positive));
    }
    if (capped > 0) {
      binding.add(Binding.EDGE_CAP);
      why.add(String.format(Locale.ROOT, "capped in %d of %d eligible segments", capped, positive));
    }
    if (competing > 0) {
      binding.add(Binding.COMPETING_SHARE);
      why.add(String.format(Locale.ROOT, "a group share's cap binds in %d of %d eligible segments",
          competing, positive));
    }
    addPriorityOrLimit(binding, why, givenUp, free, penalty);
    String text = String.format(Locale.ROOT,
        "supplier %d: guarantee of %.1f impressions, planned %.1f, short by %.1f: %s",
        graph.supplierId(row), d, planned, shortfall, why);
    return new UnmetPromise(Kind.GUARANTEE, graph.supplierId(row), null, d, planned, shortfall, binding,
        text);
  }

  private UnmetPromise floorReport(int g, double low, double total, boolean givenUp, double penalty) {
    int[] list = problem.groupEdges(g);
    int positive = 0;
    int capped = 0;
    int full = 0;
    int supplierCapped = 0;
    int competing = 0;
    int free = 0;
    for (int e : list) {
      if (compiled.theta[e] <= 0) {
        continue;
      }
      positive++;
      boolean blocked = false;
      if (x(e) >= edgeCap(e)) {
        capped++;
        blocked = true;
      } else if (beta[graph.segmentOf(e)] > 0) {
        full++;
        blocked = true;
      }
      if (supplierLevel[graph.supplierOf(e)] < 0) {
        supplierCapped++;
        blocked = true;
      }
      if (upperShareBinds(e, g)) {
        competing++;
        blocked = true;
      }
      if (!blocked) {
        free++;
      }
    }
    EnumSet<Binding> binding = EnumSet.noneOf(Binding.class);
    StringJoiner why = new StringJoiner("; ");
    if (positive == 0) {
      binding.add(Binding.NO_ELIGIBLE_SEGMENT);
      why.add(list.length == 0 ? "no supplier of the group is eligible in its segments"
          : "no edge of the group has traffic");
    }
    if (full > 0) {
      binding.add(Binding.SEGMENT_SUPPLY);
      why.add(String.format(Locale.ROOT, "segment supply exhausted on %d of %d edges", full, positive));
    }
    if (capped > 0) {
      binding.add(Binding.EDGE_CAP);
      why.add(String.format(Locale.ROOT, "%d of %d edges capped", capped, positive));
    }
    if (supplierCapped > 0) {
      binding.add(Binding.SUPPLIER_CAP);
      why.add(String.format(Locale.ROOT, "total caps reached on %d of %d edges", supplierCapped,
          positive));
    }
    if (competing > 0) {
      binding.add(Binding.COMPETING_SHARE);
      why.add(String.format(Locale.ROOT, "a competing share's cap binds on %d of %d edges", competing,
          positive));
    }
    addPriorityOrLimit(binding, why, givenUp, free, penalty);
    GroupShare share = problem.group(g);
    double shortfall = low - total;
    String text = String.format(Locale.ROOT,
        "group share \"%s\": at least %s%s of %.1f impressions (%.1f), planned %.1f, short by %.1f: %s",
        share.name(), problem.plannedAtLeast(g), marginNote(share.atLeast(), problem.plannedAtLeast(g)),
        problem.scopeTraffic(g), low, total, shortfall, why);
    return new UnmetPromise(Kind.SHARE_FLOOR, 0L, share.name(), low, total, shortfall, binding, text);
  }

  private UnmetPromise capReport(int g, double high, double total, boolean givenUp) {
    int guaranteed = 0;
    int competing = 0;
    int free = 0;
    for (int e : problem.groupEdges(g)) {
      if (x(e) <= 0) {
        continue;
      }
      boolean forced = false;
      if (supplierLevel[graph.supplierOf(e)] > 0) {
        guaranteed++;
        forced = true;
      }
      if (lowerShareBinds(e, g)) {
        competing++;
        forced = true;
      }
      if (!forced) {
        free++;
      }
    }
    EnumSet<Binding> binding = EnumSet.noneOf(Binding.class);
    StringJoiner why = new StringJoiner("; ");
    if (guaranteed > 0) {
      binding.add(Binding.COMPETING_GUARANTEE);
      why.add(String.format(Locale.ROOT, "guarantees of its suppliers hold traffic on %d edges",
          guaranteed));
    }
    if (competing > 0) {
      binding.add(Binding.COMPETING_SHARE);
      why.add(String.format(Locale.ROOT, "a competing share's floor holds traffic on %d edges",
          competing));
    }
    if (!givenUp) {
      binding.add(Binding.NOT_CONVERGED);
      why.add("the solver stopped at its limit before settling it");
    } else if (free > 0 || binding.isEmpty()) {
      binding.add(Binding.PRIORITY);
      why.add("lowering it further would cost more than its penalty allows");
    }
    GroupShare share = problem.group(g);
    double excess = total - high;
    String text = String.format(Locale.ROOT,
        "group share \"%s\": at most %s%s of %.1f impressions (%.1f), planned %.1f, over by %.1f: %s",
        share.name(), problem.plannedAtMost(g), marginNote(share.atMost(), problem.plannedAtMost(g)),
        problem.scopeTraffic(g), high, total, excess, why);
    return new UnmetPromise(Kind.SHARE_CAP, 0L, share.name(), high, total, excess, binding, text);
  }

  /** " (stated 0.8 with a delivery margin of 0.0012)" when a margin moved the target, else "". */
  private static String marginNote(double stated, double planned) {
    return stated == planned ? "" : String.format(Locale.ROOT, " (stated %s with a delivery margin of %.4f)",
        stated, Math.abs(planned - stated));
  }

  private static void addPriorityOrLimit(EnumSet<Binding> binding, StringJoiner why, boolean givenUp,
      int free, double penalty) {
    if (!givenUp) {
      binding.add(Binding.NOT_CONVERGED);
      why.add("the solver stopped at its limit before settling it");
    } else if (free > 0) {
      binding.add(Binding.PRIORITY);
      why.add(String.format(Locale.ROOT,
          "keeping it would need more than %.0f times fair exposure (its priority penalty)", 1 + penalty));
    }
  }

  private double edgeCap(int e) {
    return compiled.capOf(e);
  }

  /** Whether a group other than {@code skip} containing the edge has a binding upper share. */
  private boolean upperShareBinds(int e, int skip) {
    long mask = problem.comboGroups(problem.comboOf(e));
    for (long m = mask; m != 0; m &= m - 1) {
      int h = Long.numberOfTrailingZeros(m);
      if (h != skip && nu[h] > 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a group other than {@code skip} containing the edge has a binding lower share. */
  private boolean lowerShareBinds(int e, int skip) {
    long mask = problem.comboGroups(problem.comboOf(e));
    for (long m = mask; m != 0; m &= m - 1) {
      int h = Long.numberOfTrailingZeros(m);
      if (h != skip && lambda[h] > 0) {
        return true;
      }
    }
    return false;
  }
}
