package org.beltway.internal.dual;

import java.util.Arrays;
import org.beltway.internal.ClippedSum;
import org.beltway.internal.Workers;

/**
 * Exact line searches along the uniform shift of each cluster of coupled duals, where block updates
 * crawl (see {@link #shiftClusters}).
 */
final class ClusterShifts {
  /** Relative distance from a clip point within which an edge counts as sitting on it. */
  static final double TIE = 1e-12;
  /**
   * A cluster shift larger than this (one unit of fair exposure) is a jump across a flat stretch of the
   * dual, where the next pass's shifts likely find more: the shifts then run again.
   */
  static final double SHIFT_JUMP = 1.0;
  private final CompiledProblem p;
  private final EdgeLayout layout;
  private final EdgeSlice own;
  private final Duals duals;
  private final Measurements measured;
  private final Workers workers;
  private final double[] out = new double[ClippedSum.OUTPUT];
  private int[] parent;
  /** Union by rank keeps the trees shallow: a national day links ~2 M tied edges per shift. */
  private byte[] rank;
  private int[] clusterOfRow;
  private boolean[] segmentInCluster;
  private boolean[] anchored;
  /** The largest shift of the last cluster line searches, in dual units. */
  private double largestShift;
  private int[] edgeStamp;
  private int stamp;
  private double[] lineTheta = new double[64];
  private double[] lineBase = new double[64];
  private double[] lineCap = new double[64];
  private double[] lineMult = new double[64];


  ClusterShifts(CompiledProblem p, EdgeLayout layout, Duals duals, Measurements measured,
      Workers workers) {
    this.p = p;
    this.layout = layout;
    this.own = layout.own;
    this.duals = duals;
    this.measured = measured;
    this.workers = workers;
  }

  /** Whether the last shifts jumped by more than {@value #SHIFT_JUMP}: the next pass shifts again. */
  boolean jumped() {
    return largestShift > SHIFT_JUMP;
  }

  /** The largest shift of the last line searches, in dual units (0 if none moved). */
  double largestShift() {
    return largestShift;
  }

  /** Forgets the last shifts (a pass that does not shift). */
  void forget() {
    largestShift = 0.0;
  }

  /**
   * Exact line searches along the "uniform shift" of each cluster of coupled  A cluster is a
   * connected set of supplier levels and group levels strictly inside their domains and of binding
   * segments, linked by edges with unclipped traffic (for a supplier, also traffic sitting exactly at a
   * clip point, see {@link #isTied}). Raising all of a cluster's duals by the same
   * {@code s} moves the level of an edge by {@code m_e = [i ∈ C] + #{g ∈ G : e ∈ g} − [j ∈ T]}, which is
   * zero for most edges inside the cluster: the direction is nearly flat, and block updates, each of
   * which sees the steep curvature of its own block, crawl along it in tiny steps (a "price war" among
   * promises that compete for the same segments). Along the shift the dual's derivative is
   * {@code K − Σ_e m_e x_e(s)} ({@code K}: the targets of the cluster's promises minus its segments'
   * traffic), monotone and piecewise linear, so {@link ClippedSum#root} finds the exact maximiser within
   * the dual domain. Only clusters holding a promise still off its target by more than
   * {@code tolerance} are searched; each search is an exact maximisation along a fixed direction, so
   * the dual never decreases.
   *
   * <p>A supplier links only to <em>floating</em> segments: those with no unclipped edge of a supplier
   * outside every cluster (not shiftable, in no shiftable group). Such an edge anchors its segment's dual,
   * since every unit of shift moves its traffic; linked through anchored segments, the promises of a
   * whole marketplace formed one cluster whose shift stopped at once (151 k suppliers and 17 k segments on
   * a national day), while a few guaranteed suppliers sharing segments whose other edges sit at their caps
   * climbed a unit a pass, because their dual had to cross about a thousand units (the quality share's
   * penalty) before the capped edges would give way.
   */
  void shiftClusters(double tolerance) {
    int groupNode = p.constrained;
    int segmentNode = p.constrained + p.groups;
    int nodes = segmentNode + p.segments;
    if (parent == null) {
      parent = new int[nodes];
      rank = new byte[nodes];
      clusterOfRow = new int[p.suppliers];
      Arrays.fill(clusterOfRow, -1);
      segmentInCluster = new boolean[p.segments];
      anchored = new boolean[p.segments];
      edgeStamp = new int[p.edges()];
    }
    largestShift = 0.0;
    boolean anySeed = false;
    for (int v = 0; v < segmentNode && !anySeed; v++) {
      anySeed = isSeed(v, tolerance);
    }
    if (!anySeed) {
      return;
    }
    for (int v = 0; v < nodes; v++) {
      parent[v] = v;
      rank[v] = 0;
    }
    findAnchoredSegments();
    for (int k = 0; k < p.constrained; k++) {
      if (duals.supplierShiftable(k)) {
        double t = duals.supplierLevel[p.rows[k]];
        boolean anyFree = false;
        int nearest = -1;
        double nearestLevel = Double.NEGATIVE_INFINITY;
        for (int q = own.start[k], end = own.start[k + 1]; q < end; q++) {
          // its own edges, read in a row: the level is base_e − β_j, evaluated as base_e is
          int j = own.other[q];
          double th = own.theta[q];
          double level = Duals.level(t, duals.gamma[own.combo[q]]) - duals.beta[j];
          double u = own.capAt(q);
          if (duals.beta[j] > 0 && isTied(th, level, u)) {
            anyFree = true;
            if (!anchored[j]) {
              union(k, segmentNode + j);
            }
          }
          if (th > 0 && level <= 0 && level > nearestLevel) {
            nearestLevel = level;
            nearest = j;
          }
        }
        if (!anyFree && nearest >= 0 && duals.beta[nearest] > 0 && !anchored[nearest]
            && measured.supplierTotal[k] < p.demand[k]) {
          // a supplier short of its guarantee with no unclipped edge: tied to the segment where its
          // traffic would start first, so the shift can lift it past the capped edges that hold it out
          union(k, segmentNode + nearest);
        }
      }
    }
    for (int g = 0; g < p.groups; g++) {
      if (duals.groupShiftable(g)) {
        int joined = -1; // the group's edges run by segment: one free edge links a segment
        for (int e : p.groupEdges(g)) {
          int j = p.segOf[e];
          if (j != joined && duals.beta[j] > 0 && duals.isFree(e)) {
            union(groupNode + g, segmentNode + j);
            joined = j;
          }
        }
      }
    }
    // clusters holding a seed, numbered by their first seed; members in increasing node order
    int[] clusterOfRoot = new int[nodes];
    Arrays.fill(clusterOfRoot, -1);
    int clusters = 0;
    for (int v = 0; v < segmentNode; v++) {
      if (isSeed(v, tolerance)) {
        int root = find(v);
        if (clusterOfRoot[root] < 0) {
          clusterOfRoot[root] = clusters++;
        }
      }
    }
    int[] memberStart = new int[clusters + 1];
    int[] memberOf = new int[nodes];
    for (int v = 0; v < nodes; v++) {
      memberOf[v] = -1;
      boolean member = v < groupNode ? duals.supplierShiftable(v)
          : v < segmentNode ? duals.groupShiftable(v - groupNode) : duals.beta[v - segmentNode] > 0;
      if (member && clusterOfRoot[find(v)] >= 0) {
        memberOf[v] = clusterOfRoot[find(v)];
        memberStart[memberOf[v] + 1]++;
      }
    }
    for (int c = 0; c < clusters; c++) {
      memberStart[c + 1] += memberStart[c];
    }
    int[] members = new int[memberStart[clusters]];
    int[] cursor = Arrays.copyOf(memberStart, clusters);
    for (int v = 0; v < nodes; v++) {
      if (memberOf[v] >= 0) {
        members[cursor[memberOf[v]]++] = v;
      }
    }
    for (int c = 0; c < clusters; c++) {
      largestShift = Math.max(largestShift,
          Math.abs(shiftCluster(members, memberStart[c], memberStart[c + 1], out)));
    }
  }

  /**
   * Marks the segments with an unclipped edge whose level no cluster shift moves: its supplier is not
   * shiftable (or has no promise) and it belongs to no shiftable group.
   */
  private void findAnchoredSegments() {
    long floatingGroups = shiftableGroups();
    int chunks = layout.segmentChunks.length - 1;
    workers.forEach(chunks, (c, w) -> {
      for (int j = layout.segmentChunks[c], end = layout.segmentChunks[c + 1]; j < end; j++) {
        boolean anchor = false;
        for (int e = p.segStart[j], to = p.segStart[j + 1]; e < to && !anchor; e++) {
          if (duals.isFree(e) && (p.comboGroups[p.comboOf(e)] & floatingGroups) == 0) {
            int k = p.constrainedOfRow[p.supOf[e]];
            anchor = k < 0 || !duals.supplierShiftable(k);
          }
        }
        anchored[j] = anchor;
      }
    });
  }

  /** The groups whose level is strictly inside its domain, as a bit mask. */
  private long shiftableGroups() {
    long mask = 0;
    for (int g = 0; g < p.groups; g++) {
      if (duals.groupShiftable(g)) {
        mask |= 1L << g;
      }
    }
    return mask;
  }

  private boolean isSeed(int v, double tolerance) {
    int g = v - p.constrained;
    boolean shiftable = g < 0 ? duals.supplierShiftable(v) : duals.groupShiftable(g);
    if (!shiftable) {
      return false;
    }
    double target = duals.nodeTarget(v);
    double total = g < 0 ? measured.supplierTotal[v] : measured.groupTotal[g];
    double floor = Math.max(1e-9 * p.totalTraffic, Double.MIN_NORMAL);
    return Math.abs(target - total) > tolerance * Math.max(target, floor);
  }

  /**
   * Whether an edge's traffic is unclipped or sits exactly at a clip point (its cap or zero, where block
   * roots land). A supplier whose traffic sits at its caps in segments with no unclipped edge moves
   * together with those segments' duals, a step at a time, unless the shift links them.
   */
  private static boolean isTied(double th, double level, double u) {
    if (th <= 0) {
      return false;
    }
    double z = th * level;
    return z >= -TIE * th && z <= u * (1 + TIE);
  }

  private int find(int v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      if (rank[ra] < rank[rb]) {
        parent[ra] = rb;
      } else {
        parent[rb] = ra;
        if (rank[ra] == rank[rb]) {
          rank[ra]++;
        }
      }
    }
  }

  /** Line search along the uniform shift of one cluster: nodes {@code members[from..to)}. */
  private double shiftCluster(int[] members, int from, int to, double[] out) {
    int groupNode = p.constrained;
    int segmentNode = p.constrained + p.groups;
    long clusterGroups = 0;
    boolean anySegment = false;
    double k0 = 0;
    double up = Double.POSITIVE_INFINITY;
    double down = Double.NEGATIVE_INFINITY;
    for (int m = from; m < to; m++) {
      int v = members[m];
      if (v < groupNode) {
        int row = p.rows[v];
        double t = duals.supplierLevel[row];
        clusterOfRow[row] = 1;
        k0 += duals.nodeTarget(v);
        up = Math.min(up, duals.supplierRegimeHigh(v) - t);
        down = Math.max(down, duals.supplierRegimeLow(v) - t);
      } else if (v < segmentNode) {
        int g = v - groupNode;
        double t = duals.groupLevel[g];
        clusterGroups |= 1L << g;
        k0 += duals.nodeTarget(v);
        up = Math.min(up, duals.groupRegimeHigh(g) - t);
        down = Math.max(down, duals.groupRegimeLow(g) - t);
      } else {
        int j = v - segmentNode;
        segmentInCluster[j] = true;
        anySegment = true;
        k0 -= p.traffic[j];
        down = Math.max(down, -duals.beta[j]);
      }
    }
    double shift = 0.0;
    if (anySegment && (up > 0 || down < 0) && Double.isFinite(k0)) {
      stamp++;
      int n = 0;
      for (int m = from; m < to; m++) {
        int v = members[m];
        if (v < groupNode) {
          int row = p.rows[v];
          for (int q = p.supStart[row], end = p.supStart[row + 1]; q < end; q++) {
            n = addLineTerm(n, p.supEdges[q], clusterGroups);
          }
        } else if (v < segmentNode) {
          for (int e : p.groupEdges(v - groupNode)) {
            n = addLineTerm(n, e, clusterGroups);
          }
        } else {
          int j = v - segmentNode;
          for (int e = p.segStart[j], end = p.segStart[j + 1]; e < end; e++) {
            n = addLineTerm(n, e, clusterGroups);
          }
        }
      }
      int terms = n;
      ClippedSum.Evaluator f = (x, o) ->
          ClippedSum.evaluateScaled(lineTheta, lineBase, lineCap, lineMult, 0, terms, x, o, 0);
      shift = ClippedSum.root(f, k0, Math.min(down, 0.0), Math.max(up, 0.0), 0.0, out);
    }
    if (shift != 0.0 && Double.isFinite(shift)) {
      for (int m = from; m < to; m++) {
        int v = members[m];
        if (v < groupNode) {
          duals.setSupplier(v, duals.supplierLevel[p.rows[v]] + shift);
        } else if (v < segmentNode) {
          int g = v - groupNode;
          duals.setGroup(g, duals.groupLevel[g] + shift);
        } else {
          int j = v - segmentNode;
          duals.beta[j] = Math.max(0.0, duals.beta[j] + shift);
        }
      }
      if (clusterGroups != 0) {
        duals.recomputeGamma();
      }
      for (int m = from; m < to; m++) {
        int v = members[m];
        if (v < groupNode) {
          duals.rebuildSupplierBase(p.rows[v]);
        } else if (v < segmentNode) {
          duals.rebuildGroupBase(v - groupNode, workers);
        }
      }
    }
    for (int m = from; m < to; m++) {
      int v = members[m];
      if (v < groupNode) {
        clusterOfRow[p.rows[v]] = -1;
      } else if (v >= segmentNode) {
        segmentInCluster[v - segmentNode] = false;
      }
    }
    return shift != 0.0 && Double.isFinite(shift) ? shift : 0.0;
  }

  /** Adds an edge to the line search once, with its multiplier, if it moves along the shift. */
  private int addLineTerm(int n, int e, long clusterGroups) {
    if (edgeStamp[e] == stamp || p.theta[e] <= 0) {
      return n;
    }
    edgeStamp[e] = stamp;
    int mult = (clusterOfRow[p.supOf[e]] == 1 ? 1 : 0) - (segmentInCluster[p.segOf[e]] ? 1 : 0);
    if (clusterGroups != 0) {
      mult += Long.bitCount(p.comboGroups[p.combo[e]] & clusterGroups);
    }
    if (mult == 0) {
      return n;
    }
    if (n == lineTheta.length) {
      int size = n * 2;
      lineTheta = Arrays.copyOf(lineTheta, size);
      lineBase = Arrays.copyOf(lineBase, size);
      lineCap = Arrays.copyOf(lineCap, size);
      lineMult = Arrays.copyOf(lineMult, size);
    }
    lineTheta[n] = p.theta[e];
    lineBase[n] = duals.base[e] - duals.beta[p.segOf[e]];
    lineCap[n] = p.capOf(e);
    lineMult[n] = mult;
    return n + 1;
  }
}
