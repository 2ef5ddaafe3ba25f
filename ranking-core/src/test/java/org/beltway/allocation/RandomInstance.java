package org.beltway.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded random allocation instance held as plain arrays, so that tests can build the same problem
 * through Beltway's builders and, independently, as a reference model (ojAlgo) or a closed form. Sizes
 * stay small (at most a few hundred edges) to keep the suite fast.
 */
final class RandomInstance {
  final long seed;
  final long[] supplierIds;
  final double[] traffic;
  final int[] edgeSupplier;
  final int[] edgeSegment;
  final double[] merit;
  final double[] relevance; // by edge in insertion order, or null
  final double[] guarantee; // by supplier, 0 = none
  final double[] totalCap; // by supplier, +inf = none
  final double capShare; // NaN = none
  final double[] edgeCap; // by edge in insertion order, +inf = none
  final List<Group> groups;
  final Priorities priorities;

  record Group(String name, boolean[] suppliers, boolean[] segments, double atLeast, double atMost) {}

  /** The same instance with other guarantees (by supplier, 0 = none). */
  RandomInstance withGuarantees(double[] guarantees) {
    Builder b = same();
    b.guarantee = guarantees.clone();
    return new RandomInstance(b);
  }

  /** The same instance with other group shares (a re-score moves suppliers between tiers). */
  RandomInstance withGroups(List<Group> shares) {
    Builder b = same();
    b.groups = shares;
    return new RandomInstance(b);
  }

  /** The same instance with one supplier's merit multiplied by {@code factor}. */
  RandomInstance withMeritScaled(int supplier, double factor) {
    Builder b = same();
    b.merit = merit.clone();
    b.merit[supplier] *= factor;
    return new RandomInstance(b);
  }

  /** Tomorrow's instance: merit and traffic drifted by up to ±{@code drift} (relative), seeded. */
  RandomInstance drifted(long driftSeed, double drift) {
    Random rnd = new Random(driftSeed);
    Builder b = same();
    b.merit = merit.clone();
    for (int i = 0; i < b.merit.length; i++) {
      b.merit[i] *= 1 + drift * (2 * rnd.nextDouble() - 1);
    }
    b.traffic = traffic.clone();
    for (int j = 0; j < b.traffic.length; j++) {
      b.traffic[j] *= 1 + drift * (2 * rnd.nextDouble() - 1);
    }
    return new RandomInstance(b);
  }

  /** A builder holding this instance as it is, for the variants above to change one part of. */
  private Builder same() {
    Builder b = new Builder(this);
    b.seed = seed;
    b.supplierIds = supplierIds;
    b.guarantee = guarantee;
    b.totalCap = totalCap;
    b.capShare = capShare;
    b.edgeCap = edgeCap;
    b.groups = groups;
    b.priorities = priorities;
    return b;
  }

  private RandomInstance(Builder b) {
    seed = b.seed;
    supplierIds = b.supplierIds;
    traffic = b.traffic;
    edgeSupplier = b.edgeSupplier;
    edgeSegment = b.edgeSegment;
    merit = b.merit;
    relevance = b.relevance;
    guarantee = b.guarantee;
    totalCap = b.totalCap;
    capShare = b.capShare;
    edgeCap = b.edgeCap;
    groups = b.groups;
    priorities = b.priorities;
  }

  /** Knobs for what the generator may produce. */
  record Shape(int minEdges, int maxEdges, boolean guarantees, boolean caps, boolean groups,
      boolean zeros) {
    static final Shape EVERYTHING = new Shape(20, 150, true, true, true, true);
    static final Shape PLAIN = new Shape(20, 150, false, false, false, false);
  }

  static RandomInstance generate(long seed, Shape shape, Priorities priorities) {
    Random rnd = new Random(seed);
    Builder b = new Builder();
    b.seed = seed;
    b.priorities = priorities;
    int n;
    int m;
    List<int[]> edges;
    do {
      n = 3 + rnd.nextInt(20);
      m = 1 + rnd.nextInt(7);
      double p = 0.25 + 0.7 * rnd.nextDouble();
      edges = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          if (rnd.nextDouble() < p) {
            edges.add(new int[] {i, j});
          }
        }
      }
    } while (edges.size() < shape.minEdges() || edges.size() > shape.maxEdges());
    java.util.Collections.shuffle(edges, rnd); // edges arrive in any order
    b.supplierIds = new long[n];
    for (int i = 0; i < n; i++) {
      b.supplierIds[i] = 1000 + 7L * i + rnd.nextInt(5);
    }
    b.traffic = new double[m];
    for (int j = 0; j < m; j++) {
      b.traffic[j] = shape.zeros() && rnd.nextDouble() < 0.08 ? 0.0 : 100 + rnd.nextDouble() * 9900;
    }
    int e = edges.size();
    b.edgeSupplier = new int[e];
    b.edgeSegment = new int[e];
    for (int k = 0; k < e; k++) {
      b.edgeSupplier[k] = edges.get(k)[0];
      b.edgeSegment[k] = edges.get(k)[1];
    }
    b.merit = new double[n];
    for (int i = 0; i < n; i++) {
      b.merit[i] = 0.05 + rnd.nextDouble();
    }
    if (shape.zeros() && rnd.nextBoolean()) {
      b.relevance = new double[e];
      for (int k = 0; k < e; k++) {
        b.relevance[k] = rnd.nextDouble() < 0.1 ? 0.0 : 0.2 + 1.8 * rnd.nextDouble();
      }
    }
    double[] fair = b.fairTotals();
    b.guarantee = new double[n];
    b.totalCap = new double[n];
    Arrays.fill(b.totalCap, Double.POSITIVE_INFINITY);
    b.edgeCap = new double[e];
    Arrays.fill(b.edgeCap, Double.POSITIVE_INFINITY);
    b.capShare = Double.NaN;
    if (shape.guarantees()) {
      double level = rnd.nextDouble() < 0.5 ? 1.2 : 3.0; // mostly keepable, or mostly not
      for (int i = 0; i < n; i++) {
        if (rnd.nextDouble() < 0.3) {
          b.guarantee[i] = Math.max(1.0, fair[i]) * (0.5 + level * rnd.nextDouble());
        }
      }
    }
    if (shape.caps()) {
      if (rnd.nextDouble() < 0.3) {
        b.capShare = 0.1 + 0.5 * rnd.nextDouble();
      }
      double[] theta = b.theta();
      for (int k = 0; k < e; k++) {
        if (rnd.nextDouble() < 0.1) {
          b.edgeCap[k] = theta[k] * (0.3 + 1.7 * rnd.nextDouble());
        }
      }
      for (int i = 0; i < n; i++) {
        if (rnd.nextDouble() < 0.1) {
          b.totalCap[i] = fair[i] * (0.5 + 1.5 * rnd.nextDouble());
        }
      }
    }
    b.groups = new ArrayList<>();
    if (shape.groups()) {
      int count = rnd.nextInt(3);
      for (int g = 0; g < count; g++) {
        boolean[] sup = new boolean[n];
        for (int i = 0; i < n; i++) {
          sup[i] = rnd.nextDouble() < 0.4;
        }
        boolean[] seg = new boolean[m];
        boolean any = false;
        for (int j = 0; j < m; j++) {
          seg[j] = rnd.nextDouble() < 0.7;
          any |= seg[j];
        }
        if (!any) {
          seg[rnd.nextInt(m)] = true;
        }
        double lower = 0;
        double upper = 1;
        int kind = rnd.nextInt(3);
        if (kind == 0 || kind == 2) {
          lower = 0.2 + 0.6 * rnd.nextDouble();
        }
        if (kind == 1 || kind == 2) {
          upper = Math.max(lower, 0.05 + 0.6 * rnd.nextDouble());
        }
        b.groups.add(new Group("g" + g, sup, seg, lower, upper));
      }
    }
    return new RandomInstance(b);
  }

  int suppliers() {
    return supplierIds.length;
  }

  int segments() {
    return traffic.length;
  }

  int edges() {
    return edgeSupplier.length;
  }

  SegmentTable segmentTable() {
    SegmentTable.Builder sb = SegmentTable.builder(traffic.length);
    for (int j = 0; j < traffic.length; j++) {
      sb.add(Segment.of(segmentId(j), j, BuyerTier.OTHER, Channel.WHOLESALE, traffic[j]));
    }
    return sb.build();
  }

  static long segmentId(int j) {
    return 500 + 3L * j;
  }

  EligibilityGraph graph() {
    EligibilityGraph.Builder gb = EligibilityGraph.builder(supplierIds, segmentTable());
    for (int k = 0; k < edges(); k++) {
      gb.edge(supplierIds[edgeSupplier[k]], segmentId(edgeSegment[k]));
    }
    return gb.build();
  }

  AllocationProblem problem() {
    return problem(graph(), merit);
  }

  /**
   * The problem on a graph of this instance's suppliers and segments (in any row and index order),
   * with merit by the graph's rows; every promise is keyed by supplier and segment id.
   */
  AllocationProblem problem(EligibilityGraph graph, double[] meritByRow) {
    int[] row = new int[suppliers()];
    for (int i = 0; i < row.length; i++) {
      row[i] = graph.row(supplierIds[i]);
    }
    int[] segment = new int[segments()];
    int[] original = new int[segments()];
    for (int j = 0; j < segment.length; j++) {
      segment[j] = graph.segments().index(segmentId(j));
      original[segment[j]] = j;
    }
    AllocationProblem.Builder pb = AllocationProblem.builder(graph).merit(meritByRow);
    if (relevance != null) {
      double[] byEdge = new double[graph.edgeCount()];
      for (int k = 0; k < edges(); k++) {
        byEdge[graph.edge(row[edgeSupplier[k]], segment[edgeSegment[k]])] = relevance[k];
      }
      pb.relevance(byEdge);
    }
    for (int i = 0; i < suppliers(); i++) {
      if (guarantee[i] > 0) {
        pb.guarantee(supplierIds[i], guarantee[i]);
      }
      if (totalCap[i] < Double.POSITIVE_INFINITY) {
        pb.capTotal(supplierIds[i], totalCap[i]);
      }
    }
    if (!Double.isNaN(capShare)) {
      pb.capShareOfSegment(capShare);
    }
    for (int k = 0; k < edges(); k++) {
      if (edgeCap[k] < Double.POSITIVE_INFINITY) {
        pb.capEdge(supplierIds[edgeSupplier[k]], segmentId(edgeSegment[k]), edgeCap[k]);
      }
    }
    for (Group g : groups) {
      boolean[] mask = new boolean[suppliers()];
      for (int i = 0; i < mask.length; i++) {
        mask[row[i]] = g.suppliers()[i];
      }
      GroupShare.Builder gs = GroupShare.builder(g.name()).suppliers(mask)
          .segments(j -> g.segments()[original[j]]);
      if (g.atLeast() > 0) {
        gs.atLeast(g.atLeast());
      }
      if (g.atMost() < 1) {
        gs.atMost(g.atMost());
      }
      if (g.atLeast() > 0 || g.atMost() < 1) {
        pb.share(gs.build());
      }
    }
    if (priorities != null) {
      pb.priorities(priorities);
    }
    return pb.build();
  }

  /** Fair exposure by edge in insertion order, computed independently of the library. */
  double[] theta() {
    return new Builder(this).theta();
  }

  /** Effective cap by edge in insertion order. */
  double cap(int k) {
    double u = edgeCap[k];
    if (!Double.isNaN(capShare)) {
      u = Math.min(u, capShare * traffic[edgeSegment[k]]);
    }
    return u;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "instance(seed %d: %d suppliers, %d segments, %d edges,"
        + " %d groups)", seed, suppliers(), segments(), edges(), groups.size());
  }

  /**
   * For properties over both kinds of instance: an even seed gives a random instance with every kind of
   * promise, an odd one a quality-share conflict (guarantees of non-quality suppliers at twice their
   * fair exposure, 80% share, 10% cap, guarantees first).
   */
  static RandomInstance randomOrQualityConflict(long seed) {
    return seed % 2 == 0
        ? generate(seed, Shape.EVERYTHING, null)
        : qualityShareConflict(seed, 60, 8, 0.8, 2.0, 0.1, Priorities.GUARANTEES_FIRST);
  }

  /**
   * An elastic instance of the kind that stalled plain coordinate ascent: a "quality" group (the first
   * half of the suppliers, with three times the merit) must hold at least {@code qualityShare} of all
   * traffic, every other supplier is guaranteed {@code guaranteeFactor} times its fair exposure, and no
   * edge may take more than {@code capShare} of its segment, so the quality edges sit at their caps and
   * the guarantees of the others, together above what the share leaves them, can only be met by pushing
   * through those caps.
   */
  static RandomInstance qualityShareConflict(long seed, int n, int m, double qualityShare,
      double guaranteeFactor, double capShare, Priorities priorities) {
    Random rnd = new Random(seed);
    Builder b = new Builder();
    b.seed = seed;
    b.priorities = priorities;
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int degree = 2 + rnd.nextInt(3);
      for (int j : rnd.ints(0, m).distinct().limit(Math.min(degree, m)).sorted().toArray()) {
        edges.add(new int[] {i, j});
      }
    }
    b.supplierIds = new long[n];
    for (int i = 0; i < n; i++) {
      b.supplierIds[i] = 1000 + i;
    }
    b.traffic = new double[m];
    for (int j = 0; j < m; j++) {
      b.traffic[j] = 500 + rnd.nextDouble() * 4500;
    }
    b.edgeSupplier = new int[edges.size()];
    b.edgeSegment = new int[edges.size()];
    for (int k = 0; k < edges.size(); k++) {
      b.edgeSupplier[k] = edges.get(k)[0];
      b.edgeSegment[k] = edges.get(k)[1];
    }
    boolean[] quality = new boolean[n];
    b.merit = new double[n];
    for (int i = 0; i < n; i++) {
      quality[i] = i < n / 2;
      b.merit[i] = (quality[i] ? 3.0 : 1.0) * (0.5 + rnd.nextDouble());
    }
    double[] fair = b.fairTotals();
    b.guarantee = new double[n];
    b.totalCap = new double[n];
    Arrays.fill(b.totalCap, Double.POSITIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      b.guarantee[i] = quality[i] ? 0.0 : guaranteeFactor * fair[i];
    }
    b.capShare = capShare;
    b.edgeCap = new double[edges.size()];
    Arrays.fill(b.edgeCap, Double.POSITIVE_INFINITY);
    boolean[] everywhere = new boolean[m];
    Arrays.fill(everywhere, true);
    b.groups = new ArrayList<>();
    b.groups.add(new Group("quality", quality, everywhere, qualityShare, 1.0));
    return new RandomInstance(b);
  }

  private static final class Builder {
    long seed;
    long[] supplierIds;
    double[] traffic;
    int[] edgeSupplier;
    int[] edgeSegment;
    double[] merit;
    double[] relevance;
    double[] guarantee;
    double[] totalCap;
    double capShare;
    double[] edgeCap;
    List<Group> groups;
    Priorities priorities;

    Builder() {}

    Builder(RandomInstance r) {
      traffic = r.traffic;
      edgeSupplier = r.edgeSupplier;
      edgeSegment = r.edgeSegment;
      merit = r.merit;
      relevance = r.relevance;
    }

    double[] theta() {
      int e = edgeSupplier.length;
      double[] weight = new double[e];
      double[] sum = new double[traffic.length];
      for (int k = 0; k < e; k++) {
        weight[k] = merit[edgeSupplier[k]] * (relevance == null ? 1.0 : relevance[k]);
        sum[edgeSegment[k]] += weight[k];
      }
      double[] theta = new double[e];
      for (int k = 0; k < e; k++) {
        int j = edgeSegment[k];
        theta[k] = sum[j] > 0 ? traffic[j] * weight[k] / sum[j] : 0.0;
      }
      return theta;
    }

    double[] fairTotals() {
      double[] theta = theta();
      double[] fair = new double[merit.length];
      for (int k = 0; k < theta.length; k++) {
        fair[edgeSupplier[k]] += theta[k];
      }
      return fair;
    }
  }
}
