package org.beltway.internal.dual;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Compiles a validated problem into a {@link CompiledProblem}: fair exposure {@code θ_ij = S_j μ_i ρ_ij
 * / Σ_k μ_k ρ_kj} per edge, the tightest cap per edge, the constrained suppliers, and the groups' edges
 * and combinations. The public builder validates every input as it is given; this class trusts them.
 * Single use.
 */
public final class ProblemCompiler {
  private final EdgeIndex index;
  private final double[] traffic;
  private final double totalTraffic;
  private double[] merit;
  private double[] relevance;
  private double capShare = Double.NaN;
  private final IntArrayList capRows = new IntArrayList();
  private final DoubleArrayList capRowValues = new DoubleArrayList();
  private final IntArrayList capEdges = new IntArrayList();
  private final DoubleArrayList capEdgeValues = new DoubleArrayList();
  private final double[] demandByRow;
  private final double[] totalCapByRow;
  private final boolean[] constrained;
  private final List<IntPredicate> groupSuppliers = new ArrayList<>();
  private final List<IntPredicate> groupSegments = new ArrayList<>();
  private final DoubleArrayList groupAtLeast = new DoubleArrayList();
  private final DoubleArrayList groupAtMost = new DoubleArrayList();
  private double guaranteePenalty;
  private double groupPenalty;

  /**
   * @param traffic forecast traffic by segment
   * @param totalTraffic their sum, as the segment table reports it
   */
  public ProblemCompiler(EdgeIndex index, double[] traffic, double totalTraffic) {
    this.index = index;
    this.traffic = traffic;
    this.totalTraffic = totalTraffic;
    int n = index.suppliers();
    demandByRow = new double[n];
    totalCapByRow = new double[n];
    Arrays.fill(totalCapByRow, Double.POSITIVE_INFINITY);
    constrained = new boolean[n];
  }

  /** Merit by supplier row, and relevance by edge ({@code null}: 1 everywhere). */
  public ProblemCompiler merit(double[] meritByRow, double[] relevanceByEdge) {
    merit = meritByRow;
    relevance = relevanceByEdge;
    return this;
  }

  /** No edge above this share of its segment's traffic (NaN: none). */
  public ProblemCompiler capShareOfSegment(double share) {
    capShare = share;
    return this;
  }

  /** No edge of the supplier row above {@code impressions}. */
  public ProblemCompiler capEachEdgeOf(int row, double impressions) {
    capRows.add(row);
    capRowValues.add(impressions);
    return this;
  }

  /** The edge at most {@code impressions}. */
  public ProblemCompiler capEdge(int edge, double impressions) {
    capEdges.add(edge);
    capEdgeValues.add(impressions);
    return this;
  }

  /** A guarantee of the supplier row; 0 or less leaves the row as it is. */
  public ProblemCompiler guarantee(int row, double impressions) {
    if (impressions > 0) {
      demandByRow[row] = impressions;
      constrained[row] = true;
    }
    return this;
  }

  /** A guarantee that replaces the row's, even with 0 (an explicit promise outranks one by row). */
  public ProblemCompiler guaranteeById(int row, double impressions) {
    demandByRow[row] = impressions;
    constrained[row] = true;
    return this;
  }

  /** The total cap of a supplier row. */
  public ProblemCompiler totalCap(int row, double impressions) {
    totalCapByRow[row] = impressions;
    constrained[row] = true;
    return this;
  }

  /**
   * A group share: the edges of its suppliers in its segments hold at least {@code atLeast} and at most
   * {@code atMost} (1 = no cap) of the segments' traffic.
   */
  public ProblemCompiler group(IntPredicate supplierRows, IntPredicate segmentIndexes, double atLeast,
      double atMost) {
    groupSuppliers.add(supplierRows);
    groupSegments.add(segmentIndexes);
    groupAtLeast.add(atLeast);
    groupAtMost.add(atMost);
    return this;
  }

  /** The final penalties of guarantees and group shares (see {@code Priorities}). */
  public ProblemCompiler penalties(double guarantee, double group) {
    guaranteePenalty = guarantee;
    groupPenalty = group;
    return this;
  }

  /** The compiled problem. */
  public CompiledProblem compile() {
    double[] theta = fairExposure();
    double[] cap = caps();
    int n = index.suppliers();
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (constrained[i]) {
        count++;
      }
    }
    int[] rows = new int[count];
    double[] demand = new double[count];
    double[] totalCap = new double[count];
    for (int i = 0, k = 0; i < n; i++) {
      if (constrained[i]) {
        rows[k] = i;
        demand[k] = demandByRow[i];
        totalCap[k] = totalCapByRow[i];
        k++;
      }
    }
    return groups(theta, cap, rows, demand, totalCap);
  }

  private double[] fairExposure() {
    int[] segStart = index.segmentStart();
    int[] supOf = index.supplierOf();
    double[] theta = new double[index.edges()];
    for (int j = 0; j < index.segments(); j++) {
      double s = traffic[j];
      int from = segStart[j];
      int to = segStart[j + 1];
      double denominator = 0;
      for (int e = from; e < to; e++) {
        double w = merit[supOf[e]] * (relevance == null ? 1.0 : relevance[e]);
        theta[e] = w;
        denominator += w;
      }
      if (denominator == Double.POSITIVE_INFINITY) {
        denominator = scaledWeights(theta, from, to);
      }
      for (int e = from; e < to; e++) {
        theta[e] = denominator > 0 && s > 0 ? s * theta[e] / denominator : 0.0;
      }
    }
    return theta;
  }

  /**
   * A segment's weights merit × relevance where one of them or their sum overflows (finite inputs near
   * the top of the double range): recomputed as (merit / the segment's largest merit) × (relevance /
   * its largest relevance), then divided by their largest, so every weight is in [0, 1] and the sum
   * at most the segment's degree. The shares, and so θ, are the same as in exact arithmetic.
   *
   * @return the new sum
   */
  private double scaledWeights(double[] theta, int from, int to) {
    int[] supOf = index.supplierOf();
    double topMerit = 0;
    double topRelevance = 0;
    for (int e = from; e < to; e++) {
      topMerit = Math.max(topMerit, merit[supOf[e]]);
      topRelevance = Math.max(topRelevance, relevance == null ? 1.0 : relevance[e]);
    }
    double top = 0;
    for (int e = from; e < to; e++) {
      double w = merit[supOf[e]] / topMerit * ((relevance == null ? 1.0 : relevance[e]) / topRelevance);
      theta[e] = w;
      top = Math.max(top, w);
    }
    double sum = 0;
    for (int e = from; e < to; e++) {
      theta[e] /= top;
      sum += theta[e];
    }
    return sum;
  }

  /** The tightest cap of every edge, or {@code null} when none is capped. */
  private double[] caps() {
    if (Double.isNaN(capShare) && capRows.isEmpty() && capEdges.isEmpty()) {
      return null;
    }
    int[] segStart = index.segmentStart();
    int[] supStart = index.supplierStart();
    int[] supEdges = index.supplierEdges();
    double[] cap = new double[index.edges()];
    for (int j = 0; j < index.segments(); j++) {
      double c = Double.isNaN(capShare) ? Double.POSITIVE_INFINITY : capShare * traffic[j];
      Arrays.fill(cap, segStart[j], segStart[j + 1], c);
    }
    for (int r = 0; r < capRows.size(); r++) {
      int row = capRows.getInt(r);
      double value = capRowValues.getDouble(r);
      for (int q = supStart[row]; q < supStart[row + 1]; q++) {
        int e = supEdges[q];
        cap[e] = Math.min(cap[e], value);
      }
    }
    for (int r = 0; r < capEdges.size(); r++) {
      int e = capEdges.getInt(r);
      cap[e] = Math.min(cap[e], capEdgeValues.getDouble(r));
    }
    return cap;
  }

  /** Each group's edges and scope, and the combination of groups of every edge. */
  private CompiledProblem groups(double[] theta, double[] cap, int[] rows, double[] demand,
      double[] totalCap) {
    int n = index.suppliers();
    int[] segStart = index.segmentStart();
    int[] supOf = index.supplierOf();
    int groupCount = groupSuppliers.size();
    int[][] groupEdges = new int[groupCount][];
    double[] lower = new double[groupCount];
    double[] upper = new double[groupCount];
    double[] scopes = new double[groupCount];
    short[] comboOfEdge = null;
    long[] comboGroups = new long[] {0L};
    if (groupCount > 0) {
      comboOfEdge = new short[index.edges()];
      long[] combos = new long[16];
      int comboCount = 1;
      boolean[] inGroup = new boolean[n];
      for (int g = 0; g < groupCount; g++) {
        IntPredicate suppliers = groupSuppliers.get(g);
        IntPredicate segments = groupSegments.get(g);
        for (int i = 0; i < n; i++) {
          inGroup[i] = suppliers.test(i);
        }
        IntArrayList list = new IntArrayList();
        double scope = 0;
        for (int j = 0; j < index.segments(); j++) {
          if (!segments.test(j)) {
            continue;
          }
          scope += traffic[j];
          for (int e = segStart[j], end = segStart[j + 1]; e < end; e++) {
            if (inGroup[supOf[e]]) {
              list.add(e);
            }
          }
        }
        double atLeast = groupAtLeast.getDouble(g);
        double atMost = groupAtMost.getDouble(g);
        scopes[g] = scope;
        lower[g] = atLeast * scope;
        upper[g] = atMost >= 1 ? Double.POSITIVE_INFINITY : atMost * scope;
        groupEdges[g] = list.toIntArray();
        // every edge of the group moves from its combination to the combination with g added
        int[] transition = new int[comboCount];
        Arrays.fill(transition, -1);
        for (int e : groupEdges[g]) {
          int old = comboOfEdge[e];
          int next = transition[old];
          if (next < 0) {
            if (comboCount == Short.MAX_VALUE) {
              throw new IllegalArgumentException(String.format(Locale.ROOT,
                  "group shares overlap in more than %d ways", Short.MAX_VALUE - 1));
            }
            if (comboCount == combos.length) {
              combos = Arrays.copyOf(combos, comboCount * 2);
            }
            combos[comboCount] = combos[old] | (1L << g);
            next = comboCount++;
            transition[old] = next;
          }
          comboOfEdge[e] = (short) next;
        }
      }
      comboGroups = Arrays.copyOf(combos, comboCount);
    }
    return new CompiledProblem(index, traffic, totalTraffic, theta, cap, rows, demand, totalCap,
        comboOfEdge, comboGroups, groupEdges, scopes, lower, upper, guaranteePenalty, groupPenalty);
  }
}
