package org.beltway.allocation;

import java.util.Arrays;
import org.beltway.internal.ClippedSum;
import org.beltway.internal.Workers;

/**
 * The state and passes of dual coordinate ascent on one {@link AllocationProblem} (SHALE, Bharadwaj et
 * al., KDD 2012; Vee et al., EC 2010). The primal optimum given the duals is, per edge,
 *
 * <pre>  x_ij = clip(θ_ij · ((1 + t_i + γ_c(ij)) − β_j), 0, u_ij)</pre>
 *
 * where {@code t_i = α_i − κ_i} is the supplier's level (guarantee dual minus total-cap dual),
 * {@code β_j} the segment's supply dual, and {@code γ_c = Σ_{g ∈ c} (λ_g − ν_g)} the sum of the group
 * levels of the edge's combination of groups {@code c}. That expression, evaluated in exactly that order,
 * is the one place where duals become traffic: the solver keeps {@code base_e = 1 + t_i + γ_c} per edge
 * (recomputed, never incremented, whenever {@code t_i} or {@code γ_c} changes) and the plan recomputes
 * it from the duals, so both see bit-identical traffic.
 *
 * <p>One pass updates, each block exactly (a 1-D piecewise-linear root, {@link ClippedSum}): every group
 * level in turn (each in parallel over chunks of its edges), every constrained supplier level (in
 * parallel: independent given β and γ), then every segment dual (in parallel: independent given t and
 * γ). Segments come last so the hard supply constraints hold to rounding after every pass. All parallel
 * work writes to per-block or per-chunk slots that are reduced in a fixed order, so the result is the
 * same whatever the thread count.
 */
final class DualAscent {
  static final int SEGMENT_CHUNK_EDGES = 1 << 15;
  /** Suppliers rescued by a joint root after a stagnating pass, at most. */
  static final int STUCK_RESCUES = 32;
  /** Relative distance from a clip point within which an edge counts as sitting on it. */
  static final double TIE = 1e-12;
  /**
   * A cluster shift larger than this (one unit of fair exposure) is a jump across a flat stretch of the
   * dual, where the next pass's shifts likely find more: the shifts then run again.
   */
  static final double SHIFT_JUMP = 1.0;
  static final int SUPPLIER_CHUNK = 256;
  static final int GROUP_CHUNK_EDGES = 1 << 15;

  final AllocationProblem problem;
  private final Workers workers;
  final int suppliers;
  final int segments;
  final int groups;
  final int constrained;
  final double[] theta;
  private final double[] cap;
  final double[] traffic;
  final int[] segStart;
  final int[] supOf;
  final int[] segOf;
  final int[] supStart;
  final int[] supEdges;
  final int[] rows;
  /** The constrained index of each supplier row, or -1. */
  private final int[] constrainedOfRow;
  final double[] demand;
  final double[] totalCap;
  final short[] combo;
  final long[] comboGroups;
  /** The current bounds of the guarantee and group duals (raised in stages up to the priorities). */
  double guaranteePenalty;
  double groupPenalty;

  // duals
  final double[] supplierLevel;
  final double[] alpha;
  final double[] kappa;
  final double[] beta;
  final double[] groupLevel;
  final double[] lambda;
  final double[] nu;
  final double[] gamma;
  private final double[] base;

  // measurements at the current duals (valid after measure())
  final double[] segmentAllocated;
  final double[] segmentCost;
  final double[] supplierTotal;
  final double[] groupTotal;

  // chunking and scratch
  private final int[] segmentChunks;
  private final double[][] scratch;
  /** Per worker: the evaluator of the supplier roots. */
  private final OwnEdges[] ownEdges;
  private final double[] groupPartials;
  private final double[] groupOut = new double[ClippedSum.OUTPUT];
  // extrapolation: duals before the last pass, the last direction, and a trial point
  private final double[] previousLevel;
  private final double[] previousBeta;
  private final double[] previousGroup;
  private final double[] lastStepLevel;
  private final double[] lastStepBeta;
  private final double[] lastStepGroup;
  private boolean haveLastStep;
  /** The point {@link #trialDual} fills, and the best point of the line search so far. */
  private TrialPoint trial;
  private TrialPoint kept;
  final double[] directionLevel;
  final double[] directionBeta;
  final double[] directionGroup;
  private final int[][] groupSegments;
  private final int[][] groupSegmentChunks;
  /**
   * Edges with θ > 0 of constrained suppliers, by segment: {@code [promisedStart[j],
   * promisedStart[j + 1])} of {@code promisedEdges}.
   */
  final int[] promisedStart;
  final int[] promisedEdges;
  /** The other edges, aggregated per segment and group combination. */
  final UnpromisedEdges unpromised;
  /**
   * Each constrained supplier's own edges, copied supplier-major ({@code [ownStart[k], ownStart[k + 1])})
   * so that supplier roots and totals read them in a row instead of gathering from the segment-major
   * edge arrays.
   */
  private final int[] ownStart;
  private final int[] ownEdge;
  private final double[] ownTheta;
  private final double[] ownCap;
  private final int[] ownSegment;
  private final short[] ownCombo;
  /** Scratch of the supplier roots: {@code 1 + γ_c − β_j} of each own edge. */
  private final double[] ownOffset;
  /** Per chunk of constrained suppliers: the traffic of their edges in each group. */
  private final double[] supplierGroupParts;
  /** The promised edges' θ, caps, supplier rows and combinations, copied in the same order. */
  private final double[] promisedTheta;
  private final double[] promisedCap;
  private final int[] promisedRow;
  private final short[] promisedCombo;
  /** Scratch of the segment roots: {@code base_e} of each promised edge. */
  private final double[] promisedBase;
  private final double[] segmentGroupTraffic;
  /** Per segment and group ({@code j * groups + h}): the group's traffic there, after a joint sweep. */
  private final double[] segmentGroupsTraffic;
  /** Per group g: the groups whose segments all lie among g's (g included), as a bit mask. */
  private final long[] coveredBy;
  private final long allGroups;
  private final double[] segmentGroupSlope;
  private final double[] segmentFreeSlope;

  DualAscent(AllocationProblem problem, Workers workers) {
    this(problem, workers, null);
  }

  /**
   * @param previousBins the bin order of an earlier solve on the same graph, to start the bins from, or
   *     {@code null}
   */
  DualAscent(AllocationProblem problem, Workers workers, UnpromisedEdges.Order previousBins) {
    this.problem = problem;
    this.workers = workers;
    EligibilityGraph graph = problem.graph();
    suppliers = graph.supplierCount();
    segments = graph.segmentCount();
    groups = problem.groupCount();
    theta = problem.thetaArray();
    cap = problem.capArray();
    traffic = problem.trafficArray();
    segStart = graph.segmentStartArray();
    supOf = graph.supplierOfEdgeArray();
    segOf = graph.segmentOfEdgeArray();
    supStart = graph.supplierStartArray();
    supEdges = graph.supplierEdgesArray();
    rows = problem.constrainedRows();
    demand = problem.demandArray();
    totalCap = problem.totalCapArray();
    constrained = rows.length;
    constrainedOfRow = new int[suppliers];
    Arrays.fill(constrainedOfRow, -1);
    for (int k = 0; k < constrained; k++) {
      constrainedOfRow[rows[k]] = k;
    }
    combo = problem.comboOfEdge();
    comboGroups = problem.comboGroups();
    guaranteePenalty = problem.priorities().guaranteePenalty();
    groupPenalty = problem.priorities().groupPenalty();

    supplierLevel = new double[suppliers];
    alpha = new double[constrained];
    kappa = new double[constrained];
    beta = new double[segments];
    groupLevel = new double[groups];
    lambda = new double[groups];
    nu = new double[groups];
    gamma = new double[comboGroups.length];
    base = new double[graph.edgeCount()];
    Arrays.fill(base, 1.0);

    segmentAllocated = new double[segments];
    segmentCost = new double[segments];
    supplierTotal = new double[constrained];
    groupTotal = new double[groups];

    // segment chunks of about SEGMENT_CHUNK_EDGES edges (fixed, whatever the thread count)
    int[] all = new int[segments];
    for (int j = 0; j < segments; j++) {
      all[j] = j;
    }
    segmentChunks = chunkSegments(all);

    int threads = workers.threads();
    scratch = new double[threads][ClippedSum.OUTPUT];
    ownEdges = new OwnEdges[threads];
    for (int w = 0; w < threads; w++) {
      ownEdges[w] = new OwnEdges();
    }
    ownStart = new int[constrained + 1];
    for (int k = 0; k < constrained; k++) {
      ownStart[k + 1] = ownStart[k] + supStart[rows[k] + 1] - supStart[rows[k]];
    }
    int owned = ownStart[constrained];
    ownEdge = new int[owned];
    ownTheta = new double[owned];
    ownCap = cap == null ? null : new double[owned];
    ownSegment = new int[owned];
    ownCombo = new short[owned];
    ownOffset = new double[owned];
    workers.forEach(chunkCount(constrained, SUPPLIER_CHUNK), (c, w) -> {
      for (int k = c * SUPPLIER_CHUNK, end = Math.min(constrained, k + SUPPLIER_CHUNK); k < end; k++) {
        for (int q = ownStart[k], from = supStart[rows[k]] - q; q < ownStart[k + 1]; q++) {
          int e = supEdges[from + q];
          ownEdge[q] = e;
          ownTheta[q] = theta[e];
          if (ownCap != null) {
            ownCap[q] = cap[e];
          }
          ownSegment[q] = segOf[e];
          ownCombo[q] = combo == null ? 0 : combo[e];
        }
      }
    });
    supplierGroupParts = new double[chunkCount(constrained, SUPPLIER_CHUNK) * Math.max(1, groups)];

    segmentGroupTraffic = new double[segments];
    segmentGroupsTraffic = new double[segments * groups];
    segmentGroupSlope = new double[segments];
    segmentFreeSlope = new double[segments];
    boolean[] promised = new boolean[suppliers];
    for (int row : rows) {
      promised[row] = true;
    }
    // one parallel sweep of the edges: each segment's promised edges, and the groups it meets
    promisedStart = new int[segments + 1];
    long[] groupsOfSegment = new long[segments];
    workers.forEach(segmentChunks.length - 1, (c, w) -> {
      for (int j = segmentChunks[c], end = segmentChunks[c + 1]; j < end; j++) {
        int count = 0;
        long met = 0;
        for (int e = segStart[j]; e < segStart[j + 1]; e++) {
          if (theta[e] > 0 && promised[supOf[e]]) {
            count++;
          }
          met |= comboGroups[combo == null ? 0 : combo[e]];
        }
        promisedStart[j + 1] = count;
        groupsOfSegment[j] = met;
      }
    });
    for (int j = 0; j < segments; j++) {
      promisedStart[j + 1] += promisedStart[j];
    }
    promisedEdges = new int[promisedStart[segments]];
    workers.forEach(segmentChunks.length - 1, (c, w) -> {
      for (int j = segmentChunks[c], end = segmentChunks[c + 1]; j < end; j++) {
        int p = promisedStart[j];
        for (int e = segStart[j]; e < segStart[j + 1]; e++) {
          if (theta[e] > 0 && promised[supOf[e]]) {
            promisedEdges[p++] = e;
          }
        }
      }
    });
    // a combination holds exactly the groups its edges belong to
    groupSegments = new int[groups][];
    groupSegmentChunks = new int[groups][];
    int mostChunks = 0;
    for (int g = 0; g < groups; g++) {
      long bit = 1L << g;
      int count = 0;
      for (int j = 0; j < segments; j++) {
        if ((groupsOfSegment[j] & bit) != 0) {
          count++;
        }
      }
      int[] segs = new int[count];
      for (int j = 0, at = 0; j < segments; j++) {
        if ((groupsOfSegment[j] & bit) != 0) {
          segs[at++] = j;
        }
      }
      groupSegments[g] = segs;
      groupSegmentChunks[g] = chunkSegments(segs);
      mostChunks = Math.max(mostChunks, groupSegmentChunks[g].length);
    }
    groupPartials = new double[mostChunks];
    coveredBy = new long[groups];
    for (int g = 0; g < groups; g++) {
      for (int h = 0; h < groups; h++) {
        boolean inside = true;
        for (int j : groupSegments[h]) {
          inside &= (groupsOfSegment[j] & (1L << g)) != 0;
        }
        if (inside) {
          coveredBy[g] |= 1L << h;
        }
      }
    }
    allGroups = groups == 64 ? -1L : (1L << groups) - 1;
    unpromised = new UnpromisedEdges(theta, cap, segStart, supOf, combo, comboGroups.length, promised,
        workers, previousBins);
    int promisedCount = promisedStart[segments];
    promisedTheta = new double[promisedCount];
    promisedCap = cap == null ? null : new double[promisedCount];
    promisedRow = new int[promisedCount];
    promisedCombo = new short[promisedCount];
    promisedBase = new double[promisedCount];
    workers.forEach(chunkCount(promisedCount, SEGMENT_CHUNK_EDGES), (c, w) -> {
      int end = Math.min(promisedCount, (c + 1) * SEGMENT_CHUNK_EDGES);
      for (int p = c * SEGMENT_CHUNK_EDGES; p < end; p++) {
        int e = promisedEdges[p];
        promisedTheta[p] = theta[e];
        if (promisedCap != null) {
          promisedCap[p] = cap[e];
        }
        promisedRow[p] = supOf[e];
        promisedCombo[p] = combo == null ? 0 : combo[e];
      }
    });

    previousLevel = new double[constrained];
    previousBeta = new double[segments];
    previousGroup = new double[groups];
    lastStepLevel = new double[constrained];
    lastStepBeta = new double[segments];
    lastStepGroup = new double[groups];
    directionLevel = new double[constrained];
    directionBeta = new double[segments];
    directionGroup = new double[groups];
    trial = new TrialPoint();
    kept = new TrialPoint();
  }

  /** Chunk boundaries (positions in {@code list}) of about SEGMENT_CHUNK_EDGES edges each. */
  private int[] chunkSegments(int[] list) {
    int[] bounds = new int[list.length + 1];
    int count = 0;
    int edgesInChunk = 0;
    for (int k = 0; k < list.length; k++) {
      if (edgesInChunk == 0) {
        bounds[count++] = k;
      }
      int j = list[k];
      edgesInChunk += segStart[j + 1] - segStart[j] + 1;
      if (edgesInChunk >= SEGMENT_CHUNK_EDGES) {
        edgesInChunk = 0;
      }
    }
    bounds[count] = list.length;
    return Arrays.copyOf(bounds, count + 1);
  }

  private static int chunkCount(int n, int size) {
    return (n + size - 1) / size;
  }

  // ------------------------------------------------------------------ starting points

  /**
   * Starts from a previous plan's duals, matched by supplier id, segment id and group name, and
   * clipped into this problem's dual domain. Unmatched duals start at 0.
   */
  void warmStart(AllocationPlan previous) {
    EligibilityGraph old = previous.problem().graph();
    EligibilityGraph now = problem.graph();
    for (int g = 0; g < groups; g++) {
      int oldG = previous.problem().groupIndex(problem.group(g).name());
      double t = oldG < 0 ? 0 : previous.groupLevel(oldG);
      double lo = problem.groupUpperTarget(g) < Double.POSITIVE_INFINITY ? -groupPenalty : 0;
      double hi = problem.groupLowerTarget(g) > 0 ? groupPenalty : 0;
      groupLevel[g] = Math.max(lo, Math.min(hi, t));
      lambda[g] = Math.max(0, groupLevel[g]);
      nu[g] = Math.max(0, -groupLevel[g]);
    }
    recomputeGamma();
    boolean sameSuppliers = old == now;
    for (int k = 0; k < constrained; k++) {
      int row = rows[k];
      int oldRow = sameSuppliers ? row : old.row(now.supplierId(row));
      double t = oldRow < 0 ? 0
          : previous.supplierLevel(oldRow) + groupLevelChange(previous, row, oldRow);
      double lo = totalCap[k] < Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY : 0;
      double hi = demand[k] > 0 ? guaranteePenalty : 0;
      if (demand[k] > totalCap[k]) {
        hi = guaranteePenalty; // α sits at its bound and t = α − κ may take any value below it
      }
      setSupplierDuals(k, Math.max(lo, Math.min(hi, t)));
    }
    SegmentTable oldSegs = old.segments();
    SegmentTable segs = now.segments();
    boolean sameSegments = oldSegs == segs;
    for (int j = 0; j < segments; j++) {
      int oldJ = sameSegments ? j : oldSegs.index(segs.id(j));
      beta[j] = oldJ < 0 ? 0 : Math.max(0, previous.segmentDual(oldJ));
    }
    int chunks = chunkCount(base.length, SEGMENT_CHUNK_EDGES);
    workers.forEach(chunks, (c, w) -> {
      int from = c * SEGMENT_CHUNK_EDGES;
      int to = Math.min(base.length, from + SEGMENT_CHUNK_EDGES);
      for (int e = from; e < to; e++) {
        base[e] = 1.0 + supplierLevel[supOf[e]] + gamma[combo == null ? 0 : combo[e]];
      }
    });
  }

  /**
   * How much a supplier's group levels fell since the previous plan, on its edge of largest fair
   * exposure (matched by segment id): a supplier that left the quality tier lost the tier's level on
   * every edge. Its level rises by as much, so its traffic starts where yesterday's plan left it rather
   * than a thousand units away, which every dual of the marketplace would otherwise take passes to
   * absorb. 0 if it has no such edge or no groups changed.
   */
  private double groupLevelChange(AllocationPlan previous, int row, int oldRow) {
    AllocationProblem before = previous.problem();
    if (groups == 0 && before.groupCount() == 0) {
      return 0.0;
    }
    int best = -1;
    for (int q = supStart[row], end = supStart[row + 1]; q < end; q++) {
      int e = supEdges[q];
      if (best < 0 || theta[e] > theta[best]) {
        best = e;
      }
    }
    if (best < 0) {
      return 0.0;
    }
    EligibilityGraph old = before.graph();
    int oldSegment = old.segments().index(problem.graph().segments().id(segOf[best]));
    int oldEdge = oldSegment < 0 ? -1 : old.edge(oldRow, oldSegment);
    if (oldEdge < 0) {
      return 0.0;
    }
    double then = 0;
    short[] oldCombo = before.comboOfEdge();
    if (oldCombo != null) {
      for (long m = before.comboGroups()[oldCombo[oldEdge]]; m != 0; m &= m - 1) {
        then += previous.groupLevel(Long.numberOfTrailingZeros(m));
      }
    }
    return then - gamma[combo == null ? 0 : combo[best]];
  }

  private void recomputeGamma() {
    for (int c = 0; c < comboGroups.length; c++) {
      gamma[c] = comboLevel(comboGroups[c], -1);
    }
  }

  /** Σ of group levels over the groups of a combination, in increasing group order, skipping one. */
  private double comboLevel(long mask, int skip) {
    double sum = 0;
    for (long m = mask; m != 0; m &= m - 1) {
      int g = Long.numberOfTrailingZeros(m);
      if (g != skip) {
        sum += groupLevel[g];
      }
    }
    return sum;
  }

  // ------------------------------------------------------------------ one pass

  /**
   * One full pass: line searches along cluster shifts first, when the last pass stagnated or the last
   * shifts jumped (more than {@value #SHIFT_JUMP}); then every group block, every supplier block and
   * every segment block; then totals at the new duals.
   */
  void pass(double tolerance, boolean stagnating) {
    if (stagnating || largestShift > SHIFT_JUMP) {
      shiftClusters(tolerance);
      if (largestShift != 0.0) {
        freshGroups = 0;
      }
    } else {
      largestShift = 0.0;
    }
    for (int k = 0; k < constrained; k++) {
      previousLevel[k] = supplierLevel[rows[k]];
    }
    System.arraycopy(beta, 0, previousBeta, 0, segments);
    System.arraycopy(groupLevel, 0, previousGroup, 0, groups);
    for (int g = 0; g < groups; g++) {
      updateGroup(g);
    }
    updateSuppliers();
    updateSegments();
    if (stagnating) {
      rescueStuckSuppliers(tolerance);
    }
    measure();
    freshGroups = allGroups;
  }

  /**
   * Maximises the dual exactly over the block (t_i, β of every segment supplier i reaches) for the
   * {@value #STUCK_RESCUES} guaranteed suppliers furthest short of their guarantee (relative, by the
   * last measurement, beyond {@code tolerance}) while their dual is below the bound, one at a time in
   * row order; run only after a stagnating pass. Such a supplier's edges sit at their caps or at zero in
   * segments whose other edges are clipped too: the supplier block raises t_i until it gets its
   * guarantee at the current β, the segment block then raises β until supply holds again, which takes
   * the traffic back, and t_i climbs a few units a pass; with no unclipped edge it is outside the Newton
   * system and the cluster shifts. With the segments re-optimised inside the block, its traffic
   * {@code H(t)} is continuous and nondecreasing in t, and one root finding lands where the climb would
   * end.
   */
  private void rescueStuckSuppliers(double tolerance) {
    int[] worst = new int[STUCK_RESCUES];
    double[] worstShort = new double[STUCK_RESCUES];
    int found = 0;
    for (int k = 0; k < constrained; k++) {
      double d = demand[k];
      if (!(d > 0) || d > totalCap[k] || supplierLevel[rows[k]] >= guaranteePenalty) {
        continue;
      }
      double shortfall = (d - supplierTotal[k]) / d;
      if (!(shortfall > tolerance) || (found == STUCK_RESCUES && shortfall <= worstShort[found - 1])) {
        continue;
      }
      int at = found < STUCK_RESCUES ? found++ : found - 1;
      while (at > 0 && worstShort[at - 1] < shortfall) {
        worst[at] = worst[at - 1];
        worstShort[at] = worstShort[at - 1];
        at--;
      }
      worst[at] = k;
      worstShort[at] = shortfall;
    }
    Arrays.sort(worst, 0, found);
    double[] out = scratch[0];
    for (int n = 0; n < found; n++) {
      int k = worst[n];
      double old = Math.max(0.0, supplierLevel[rows[k]]);
      SupplierJoint f = new SupplierJoint(k);
      double t = ClippedSum.root(f, demand[k], old, guaranteePenalty, old, out);
      f.at(t, out);
    }
  }

  /** A supplier's traffic with the duals of the segments it reaches re-optimised, and its slopes. */
  private final class SupplierJoint implements ClippedSum.Evaluator {
    private final int k;
    private final int row;
    private final int[] segs;
    private double last = Double.NaN;
    private double lastSum;

    SupplierJoint(int k) {
      this.k = k;
      this.row = rows[k];
      int first = supStart[row];
      int degree = supStart[row + 1] - first;
      int[] list = new int[degree];
      int n = 0;
      for (int q = 0; q < degree; q++) {
        int j = segOf[supEdges[first + q]];
        boolean seen = false;
        for (int p = 0; p < n && !seen; p++) {
          seen = list[p] == j;
        }
        if (!seen) {
          list[n++] = j;
        }
      }
      Arrays.sort(list, 0, n);
      segs = Arrays.copyOf(list, n);
    }

    double at(double t, double[] out) {
      if (t != last) {
        evaluate(t, out);
      }
      return lastSum;
    }

    @Override
    public void evaluate(double t, double[] out) {
      setSupplierDuals(k, t);
      for (int q = supStart[row], end = supStart[row + 1]; q < end; q++) {
        int e = supEdges[q];
        base[e] = 1.0 + t + gamma[combo == null ? 0 : combo[e]];
      }
      double sum = 0;
      double right = 0;
      double left = 0;
      for (int j : segs) {
        updateSegment(j, 0, -1);
        double b = beta[j];
        double own = 0;
        double a = 0;
        double free = segmentFreeSlope[j];
        for (int p = promisedStart[j], to = promisedStart[j + 1]; p < to; p++) {
          int e = promisedEdges[p];
          if (supOf[e] == row) {
            double th = theta[e];
            double z = th * (base[e] - b);
            double u = cap == null ? Double.POSITIVE_INFINITY : cap[e];
            own += z <= 0 ? 0.0 : z < u ? z : u;
            if (z > 0 && z < u) {
              a += th;
            }
          }
        }
        sum += own;
        double responsive = free > 0 ? a * (1.0 - a / free) : 0.0;
        boolean binding = b > 0;
        boolean tight = binding || segmentAllocated[j] >= traffic[j] * (1 - 1e-12);
        left += binding ? responsive : a;
        right += tight ? responsive : a;
      }
      double probe = Math.max(1.0, Math.abs(t));
      out[ClippedSum.SUM] = sum;
      out[ClippedSum.SLOPE_RIGHT] = right;
      out[ClippedSum.SLOPE_LEFT] = left;
      out[ClippedSum.NEXT_UP] = t + probe;
      out[ClippedSum.NEXT_DOWN] = t - probe;
      last = t;
      lastSum = sum;
    }
  }

  /**
   * Maximises the dual exactly over the block (λ_g − ν_g, β of every segment the group touches). With
   * the segment duals re-optimised, the group's traffic {@code H(t)} is still continuous, nondecreasing
   * and piecewise linear in the group level {@code t} (the partial maximum of a concave function is
   * concave), with slope {@code Σ_j a_j (1 − a_j / b_j)} over segments whose supply binds ({@code a_j},
   * {@code b_j}: fair exposure of the group's and of all unclipped edges) and {@code a_j} elsewhere.
   * Newton on {@code H} therefore lands on the root in a few segment passes, where updating {@code t}
   * alone would see most of each step undone by the segments' response, pass after pass.
   */
  private void updateGroup(int g) {
    double low = problem.groupLowerTarget(g);
    double high = problem.groupUpperTarget(g);
    boolean hasLow = low > 0;
    boolean hasHigh = high < Double.POSITIVE_INFINITY;
    double old = groupLevel[g];
    if (problem.groupEdges(g).length == 0) {
      setGroupLevel(g, hasLow ? groupPenalty : 0.0); // no edge can carry it: given up at once
      return;
    }
    boolean fresh = (freshGroups & (1L << g)) != 0;
    if (fresh && ((hasLow && old == groupPenalty && groupTotal[g] < low)
        || (hasHigh && old == -groupPenalty && groupTotal[g] > high))) {
      return; // H(old) is the measured total, beyond the target: the root is the bound it sits at
    }
    if (old == 0.0) {
      double now = groupTrafficNow(g);
      if (now >= low && now <= high) {
        return; // (0, current β) already satisfies the block's optimality conditions
      }
    }
    JointEvaluator f = new JointEvaluator(g);
    double[] out = groupOut;
    double t;
    if (!hasHigh) {
      t = ClippedSum.root(f, low, 0.0, groupPenalty, old, out);
    } else if (!hasLow) {
      t = ClippedSum.root(f, high, -groupPenalty, 0.0, old, out);
    } else if (old > 0) {
      t = ClippedSum.root(f, low, 0.0, groupPenalty, old, out);
      if (t == 0.0 && f.at(0.0, out) > high) {
        t = ClippedSum.root(f, high, -groupPenalty, 0.0, 0.0, out);
      }
    } else if (old < 0) {
      t = ClippedSum.root(f, high, -groupPenalty, 0.0, old, out);
      if (t == 0.0 && f.at(0.0, out) < low) {
        t = ClippedSum.root(f, low, 0.0, groupPenalty, 0.0, out);
      }
    } else {
      double h = f.at(0.0, out);
      if (h < low) {
        t = ClippedSum.root(f, low, 0.0, groupPenalty, 0.0, out);
      } else if (h > high) {
        t = ClippedSum.root(f, high, -groupPenalty, 0.0, 0.0, out);
      } else {
        t = 0.0;
      }
    }
    f.at(t, out); // leave the block's state at the chosen point
    // the sweep re-solved every segment of g and measured each group there: the groups whose segments
    // all lie among g's are fresh, the others stale
    freshGroups = coveredBy[g];
    for (long m = coveredBy[g]; m != 0; m &= m - 1) {
      int h = Long.numberOfTrailingZeros(m);
      double total = 0;
      for (int j : groupSegments[h]) {
        total += segmentGroupsTraffic[j * groups + h];
      }
      groupTotal[h] = total;
    }
  }

  /** The group's traffic {@code H(t)} with its segments' duals re-optimised, and its slopes. */
  private final class JointEvaluator implements ClippedSum.Evaluator {
    private final int g;
    private double last = Double.NaN;
    private double lastSum;

    JointEvaluator(int g) {
      this.g = g;
    }

    /** Evaluates at {@code t} unless that was the last point evaluated; returns {@code H(t)}. */
    double at(double t, double[] out) {
      if (t != last) {
        evaluate(t, out);
      }
      return lastSum;
    }

    @Override
    public void evaluate(double t, double[] out) {
      setGroupLevel(g, t);
      int[] segs = groupSegments[g];
      int[] bounds = groupSegmentChunks[g];
      workers.forEach(bounds.length - 1, (c, w) -> {
        for (int k = bounds[c], end = bounds[c + 1]; k < end; k++) {
          updateSegment(segs[k], w, g);
        }
      });
      double sum = 0;
      double right = 0;
      double left = 0;
      for (int j : segs) {
        sum += segmentGroupTraffic[j];
        double a = segmentGroupSlope[j];
        double b = segmentFreeSlope[j];
        double responsive = b > 0 ? a * (1.0 - a / b) : 0.0;
        boolean binding = beta[j] > 0;
        boolean tight = binding || segmentAllocated[j] >= traffic[j] * (1 - 1e-12);
        left += binding ? responsive : a;
        right += tight ? responsive : a;
      }
      double probe = Math.max(1.0, Math.abs(t));
      out[ClippedSum.SUM] = sum;
      out[ClippedSum.SLOPE_RIGHT] = right;
      out[ClippedSum.SLOPE_LEFT] = left;
      out[ClippedSum.NEXT_UP] = t + probe;
      out[ClippedSum.NEXT_DOWN] = t - probe;
      last = t;
      lastSum = sum;
    }
  }

  /** Sets a group level and recomputes the combination sums and the base of the group's edges. */
  private void setGroupLevel(int g, double t) {
    if (groupLevel[g] == t) {
      return; // γ and every base_e stay as they are (a root that starts, or ends, where it was)
    }
    groupLevel[g] = t;
    lambda[g] = Math.max(0.0, t);
    nu[g] = Math.max(0.0, -t);
    long bit = 1L << g;
    for (int c = 0; c < comboGroups.length; c++) {
      if ((comboGroups[c] & bit) != 0) {
        gamma[c] = comboLevel(comboGroups[c], -1);
      }
    }
    int[] list = problem.groupEdges(g);
    int m = list.length;
    workers.forEach(chunkCount(m, GROUP_CHUNK_EDGES), (c, w) -> {
      int from = c * GROUP_CHUNK_EDGES;
      int to = Math.min(m, from + GROUP_CHUNK_EDGES);
      for (int k = from; k < to; k++) {
        int e = list[k];
        base[e] = 1.0 + supplierLevel[supOf[e]] + gamma[combo[e]];
      }
    });
  }

  /**
   * The group's traffic at the current duals: its promised edges summed per chunk of its segments in a
   * fixed order, then its unpromised bins in bin order.
   */
  private double groupTrafficNow(int g) {
    int[] segs = groupSegments[g];
    int[] bounds = groupSegmentChunks[g];
    long bit = 1L << g;
    workers.forEach(bounds.length - 1, (c, w) -> {
      double sum = 0;
      for (int k = bounds[c], end = bounds[c + 1]; k < end; k++) {
        int j = segs[k];
        for (int p = promisedStart[j], to = promisedStart[j + 1]; p < to; p++) {
          int e = promisedEdges[p];
          if ((comboGroups[combo[e]] & bit) != 0) {
            sum += traffic(e);
          }
        }
      }
      groupPartials[c] = sum;
    });
    double total = 0;
    for (int c = 0; c < bounds.length - 1; c++) {
      total += groupPartials[c];
    }
    return total + groupBinTraffic(g);
  }

  /** The traffic of group {@code g}'s unpromised bins at the current duals, in bin order. */
  private double groupBinTraffic(int g) {
    double total = 0;
    long bit = 1L << g;
    for (int j : groupSegments[g]) {
      for (int bin = unpromised.firstBin(j), end = unpromised.endBin(j); bin < end; bin++) {
        int c = unpromised.binCombo[bin];
        if ((comboGroups[c] & bit) != 0) {
          total += unpromised.traffic(bin, 1.0 + gamma[c] - beta[j]);
        }
      }
    }
    return total;
  }

  private void updateSuppliers() {
    int chunks = chunkCount(constrained, SUPPLIER_CHUNK);
    workers.forEach(chunks, (c, w) -> {
      int from = c * SUPPLIER_CHUNK;
      int to = Math.min(constrained, from + SUPPLIER_CHUNK);
      double[] out = scratch[w];
      OwnEdges f = ownEdges[w];
      for (int k = from; k < to; k++) {
        updateSupplier(k, out, f);
      }
    });
  }

  /**
   * {@code G(t)} of one supplier's own edges, reused by a worker for supplier after supplier (a capturing
   * lambda per supplier was allocated 200 k times a pass).
   */
  private final class OwnEdges implements ClippedSum.Evaluator {
    private int first;
    private int end;

    @Override
    public void evaluate(double t, double[] out) {
      ClippedSum.evaluate(ownTheta, ownOffset, ownCap, first, end, t, out, 0);
    }
  }

  private void updateSupplier(int k, double[] out, OwnEdges f) {
    int row = rows[k];
    int first = ownStart[k];
    int end = ownStart[k + 1];
    double maxBase = Double.NEGATIVE_INFINITY;
    for (int q = first; q < end; q++) {
      double b = 1.0 + gamma[ownCombo[q]] - beta[ownSegment[q]];
      ownOffset[q] = b;
      if (ownTheta[q] > 0 && b > maxBase) {
        maxBase = b;
      }
    }
    double allZero = maxBase == Double.NEGATIVE_INFINITY ? 0.0 : -maxBase; // G(t) = 0 for t <= allZero
    f.first = first;
    f.end = end;
    double d = demand[k];
    double c = totalCap[k];
    double old = supplierLevel[row];
    double t;
    double a;
    double kap;
    if (d > c) {
      // the guarantee exceeds the supplier's own cap: α sits at its bound, the cap decides t
      double hi = guaranteePenalty;
      t = ClippedSum.root(f, c, Math.min(allZero, hi), hi, old, out);
      a = guaranteePenalty;
      kap = guaranteePenalty - t;
    } else {
      f.evaluate(0.0, out);
      double atZero = out[ClippedSum.SUM];
      if (atZero < d) {
        t = ClippedSum.root(f, d, 0.0, guaranteePenalty, Math.max(old, 0.0), out);
      } else if (atZero > c) {
        t = ClippedSum.root(f, c, Math.min(allZero, 0.0), 0.0, Math.min(old, 0.0), out);
      } else {
        t = 0.0;
      }
      a = Math.max(0.0, t);
      kap = Math.max(0.0, -t);
    }
    supplierLevel[row] = t;
    alpha[k] = a;
    kappa[k] = kap;
    for (int q = first; q < end; q++) {
      base[ownEdge[q]] = 1.0 + t + gamma[ownCombo[q]];
    }
  }

  private void updateSegments() {
    int chunks = segmentChunks.length - 1;
    workers.forEach(chunks, (c, w) -> {
      for (int j = segmentChunks[c], end = segmentChunks[c + 1]; j < end; j++) {
        updateSegment(j, w, -1);
      }
    });
  }

  /**
   * Solves one segment's supply dual exactly and records its allocated traffic, fair-exposure distance
   * and unclipped fair exposure; with {@code g >= 0}, also the traffic and unclipped fair exposure of
   * group {@code g}'s edges. Promised edges are summed one by one, the others by bin.
   */
  private void updateSegment(int j, int worker, int g) {
    int from = promisedStart[j];
    int n = promisedStart[j + 1] - from;
    int firstBin = unpromised.firstBin(j);
    int endBin = unpromised.endBin(j);
    double s = traffic[j];
    double b = 0.0;
    // the promised edges' base_e, evaluated as it is kept, so that the root reads its terms in a row
    double maxBase = Double.NEGATIVE_INFINITY;
    for (int p = from, to = from + n; p < to; p++) {
      double level = 1.0 + supplierLevel[promisedRow[p]] + gamma[promisedCombo[p]];
      promisedBase[p] = level;
      maxBase = Math.max(maxBase, level);
    }
    if (s > 0 && (n > 0 || endBin > firstBin)) {
      for (int bin = firstBin; bin < endBin; bin++) {
        maxBase = Math.max(maxBase, 1.0 + gamma[unpromised.binCombo[bin]]);
      }
      ClippedSum.Evaluator f = (x, o) -> {
        ClippedSum.evaluate(promisedTheta, promisedBase, promisedCap, from, from + n, x, o, 0);
        for (int bin = firstBin; bin < endBin; bin++) {
          unpromised.addTo(bin, 1.0 + gamma[unpromised.binCombo[bin]], x, o);
        }
      };
      double lo = Math.min(-maxBase, 0.0);
      double t = ClippedSum.root(f, s, lo, 0.0, -beta[j], scratch[worker]);
      b = t < 0 ? -t : 0.0;
    }
    beta[j] = b;
    // allocated traffic and fair-exposure distance at the new dual
    double allocated = 0;
    double cost = 0;
    double groupTraffic = 0;
    double groupSlope = 0;
    double freeSlope = 0;
    long bit = g >= 0 ? 1L << g : 0L;
    int row = j * groups;
    if (g >= 0) {
      Arrays.fill(segmentGroupsTraffic, row, row + groups, 0.0);
    }
    for (int p = from, to = from + n; p < to; p++) {
      double th = promisedTheta[p];
      double level = promisedBase[p] - b;
      double z = th * level;
      double u = promisedCap == null ? Double.POSITIVE_INFINITY : promisedCap[p];
      boolean free = z > 0 && z < u;
      double x = z <= 0 ? 0.0 : free ? z : u;
      cost += distance(th, level, u);
      if (free) {
        freeSlope += th;
      }
      allocated += x;
      if (g >= 0) {
        long member = comboGroups[promisedCombo[p]];
        if ((member & bit) != 0) {
          groupTraffic += x;
          if (free) {
            groupSlope += th;
          }
        }
        for (; member != 0; member &= member - 1) {
          segmentGroupsTraffic[row + Long.numberOfTrailingZeros(member)] += x;
        }
      }
    }
    for (int bin = firstBin; bin < endBin; bin++) {
      int c = unpromised.binCombo[bin];
      double level = 1.0 + gamma[c] - b;
      int capped = unpromised.capped(bin, level);
      double x = unpromised.traffic(bin, level, capped);
      double free = unpromised.freeTheta(bin, level, capped);
      allocated += x;
      cost += unpromised.cost(bin, level, capped);
      freeSlope += free;
      if (g >= 0) {
        if ((comboGroups[c] & bit) != 0) {
          groupTraffic += x;
          groupSlope += free;
        }
        for (long member = comboGroups[c]; member != 0; member &= member - 1) {
          segmentGroupsTraffic[row + Long.numberOfTrailingZeros(member)] += x;
        }
      }
    }
    segmentAllocated[j] = allocated;
    segmentCost[j] = cost;
    segmentFreeSlope[j] = freeSlope;
    if (g >= 0) {
      segmentGroupTraffic[j] = groupTraffic;
      segmentGroupSlope[j] = groupSlope;
    }
  }

  /**
   * An edge's fair-exposure distance at a level (its traffic is {@code clip(θL, 0, u)}): {@code θ/2} at
   * zero, {@code θ(L − 1)²/2} unclipped, {@code (u − θ)²/(2θ)} at the cap.
   */
  static double distance(double th, double level, double u) {
    double z = th * level;
    if (z <= 0) {
      return 0.5 * th;
    }
    if (z < u) {
      double r = level - 1.0;
      return 0.5 * th * r * r;
    }
    double r = u - th;
    return 0.5 * r * r / th;
  }

  /** Totals of the constrained suppliers and of the groups at the current duals. */
  private void measure() {
    supplierTotals(supplierLevel, gamma, beta, supplierTotal);
    for (int g = 0; g < groups; g++) {
      groupTotal[g] = promisedGroupTraffic(g) + groupBinTraffic(g);
    }
  }

  /**
   * The totals of the constrained suppliers at the given duals ({@code level} by supplier row), and
   * the traffic of their edges in each group per chunk of suppliers (see {@link
   * #promisedGroupTraffic}). Each edge's traffic is the canonical expression, evaluated from its terms
   * in the same order as {@code base_e − β_j}.
   */
  private void supplierTotals(double[] level, double[] gam, double[] bet, double[] totals) {
    int stride = Math.max(1, groups);
    workers.forEach(chunkCount(constrained, SUPPLIER_CHUNK), (c, w) -> {
      int offset = c * stride;
      Arrays.fill(supplierGroupParts, offset, offset + stride, 0.0);
      for (int k = c * SUPPLIER_CHUNK, end = Math.min(constrained, k + SUPPLIER_CHUNK); k < end; k++) {
        double t = level[rows[k]];
        double sum = 0;
        for (int q = ownStart[k], to = ownStart[k + 1]; q < to; q++) {
          double th = ownTheta[q];
          int combination = ownCombo[q];
          double z = th * (1.0 + t + gam[combination] - bet[ownSegment[q]]);
          if (th <= 0 || z <= 0) {
            continue;
          }
          double u = ownCap == null ? Double.POSITIVE_INFINITY : ownCap[q];
          double x = z < u ? z : u;
          sum += x;
          for (long m = comboGroups[combination]; m != 0; m &= m - 1) {
            supplierGroupParts[offset + Long.numberOfTrailingZeros(m)] += x;
          }
        }
        totals[k] = sum;
      }
    });
  }

  /** Group {@code g}'s traffic on promised edges, from the last {@link #supplierTotals}. */
  private double promisedGroupTraffic(int g) {
    double total = 0;
    for (int c = 0, chunks = chunkCount(constrained, SUPPLIER_CHUNK); c < chunks; c++) {
      total += supplierGroupParts[c * Math.max(1, groups) + g];
    }
    return total;
  }

  /** The planned traffic of an edge at the current duals (the canonical expression). */
  double traffic(int e) {
    double th = theta[e];
    if (th <= 0) {
      return 0.0;
    }
    double z = th * (base[e] - beta[segOf[e]]);
    if (z <= 0) {
      return 0.0;
    }
    double u = cap == null ? Double.POSITIVE_INFINITY : cap[e];
    return z < u ? z : u;
  }

  // ------------------------------------------------------------------ cluster shifts

  private int[] parent;
  /** Union by rank keeps the trees shallow: a national day links ~2 M tied edges per shift. */
  private byte[] rank;
  private int[] clusterOfRow;
  private boolean[] segmentInCluster;
  private boolean[] anchored;
  /**
   * The groups whose segment duals are all optimal for the other duals and whose total was measured
   * there (all of them at the end of a pass, until a move or a shift; those a joint root's sweep covered,
   * after it): a fresh group's traffic {@code H} at its current level is its measured total, so a fresh
   * group held at its bound by a target it still misses needs no joint evaluation (one sweep of every
   * segment it touches: a third of a pass on a national day, where the quality share and the head cap
   * give way to the guarantees).
   */
  private long freshGroups;
  /** The largest shift of the last cluster line searches, in dual units. */
  private double largestShift;
  private int[] edgeStamp;
  private int stamp;
  private double[] lineTheta = new double[64];
  private double[] lineBase = new double[64];
  private double[] lineCap = new double[64];
  private double[] lineMult = new double[64];

  /**
   * Exact line searches along the "uniform shift" of each cluster of coupled duals. A cluster is a
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
    int groupNode = constrained;
    int segmentNode = constrained + groups;
    int nodes = segmentNode + segments;
    if (parent == null) {
      parent = new int[nodes];
      rank = new byte[nodes];
      clusterOfRow = new int[suppliers];
      Arrays.fill(clusterOfRow, -1);
      segmentInCluster = new boolean[segments];
      anchored = new boolean[segments];
      edgeStamp = new int[base.length];
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
    for (int k = 0; k < constrained; k++) {
      if (supplierShiftable(k)) {
        double t = supplierLevel[rows[k]];
        boolean anyFree = false;
        int nearest = -1;
        double nearestLevel = Double.NEGATIVE_INFINITY;
        for (int q = ownStart[k], end = ownStart[k + 1]; q < end; q++) {
          // its own edges, read in a row: the level is base_e − β_j, evaluated as base_e is
          int j = ownSegment[q];
          double th = ownTheta[q];
          double level = 1.0 + t + gamma[ownCombo[q]] - beta[j];
          double u = ownCap == null ? Double.POSITIVE_INFINITY : ownCap[q];
          if (beta[j] > 0 && isTied(th, level, u)) {
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
        if (!anyFree && nearest >= 0 && beta[nearest] > 0 && !anchored[nearest]
            && supplierTotal[k] < demand[k]) {
          // a supplier short of its guarantee with no unclipped edge: tied to the segment where its
          // traffic would start first, so the shift can lift it past the capped edges that hold it out
          union(k, segmentNode + nearest);
        }
      }
    }
    for (int g = 0; g < groups; g++) {
      if (groupShiftable(g)) {
        int joined = -1; // the group's edges run by segment: one free edge links a segment
        for (int e : problem.groupEdges(g)) {
          int j = segOf[e];
          if (j != joined && beta[j] > 0 && isFree(e)) {
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
      boolean member = v < groupNode ? supplierShiftable(v)
          : v < segmentNode ? groupShiftable(v - groupNode) : beta[v - segmentNode] > 0;
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
    double[] out = scratch[0];
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
    int chunks = segmentChunks.length - 1;
    workers.forEach(chunks, (c, w) -> {
      for (int j = segmentChunks[c], end = segmentChunks[c + 1]; j < end; j++) {
        boolean anchor = false;
        for (int e = segStart[j], to = segStart[j + 1]; e < to && !anchor; e++) {
          if (isFree(e) && (comboGroups[combo == null ? 0 : combo[e]] & floatingGroups) == 0) {
            int k = constrainedOfRow[supOf[e]];
            anchor = k < 0 || !supplierShiftable(k);
          }
        }
        anchored[j] = anchor;
      }
    });
  }

  /** The groups whose level is strictly inside its domain, as a bit mask. */
  private long shiftableGroups() {
    long mask = 0;
    for (int g = 0; g < groups; g++) {
      if (groupShiftable(g)) {
        mask |= 1L << g;
      }
    }
    return mask;
  }

  boolean supplierShiftable(int k) {
    double t = supplierLevel[rows[k]];
    if (demand[k] > totalCap[k]) {
      return t < guaranteePenalty; // α sits at its bound; t = α − κ moves with κ
    }
    return t > 0 ? t < guaranteePenalty : t < 0;
  }

  /**
   * The upper end of the interval in which supplier {@code k}'s level keeps its regime (answers to the
   * same constraint: its guarantee, or its total cap): the guarantee bound, or 0 in the cap regime.
   */
  double supplierRegimeHigh(int k) {
    return demand[k] > totalCap[k] || supplierLevel[rows[k]] > 0 ? guaranteePenalty : 0.0;
  }

  /** The lower end of that interval: 0 in the guarantee regime, unbounded in the cap regime. */
  double supplierRegimeLow(int k) {
    return !(demand[k] > totalCap[k]) && supplierLevel[rows[k]] > 0 ? 0.0 : Double.NEGATIVE_INFINITY;
  }

  /** The upper end of the interval in which group {@code g}'s level keeps its sign. */
  double groupRegimeHigh(int g) {
    return groupLevel[g] > 0 ? groupPenalty : 0.0;
  }

  /** The lower end of that interval. */
  double groupRegimeLow(int g) {
    return groupLevel[g] > 0 ? 0.0 : -groupPenalty;
  }

  boolean groupShiftable(int g) {
    double t = groupLevel[g];
    return t != 0 && Math.abs(t) < groupPenalty;
  }

  /** The target of a supplier's or group's constraint in its current regime. */
  double nodeTarget(int v) {
    if (v < constrained) {
      double t = supplierLevel[rows[v]];
      return demand[v] > totalCap[v] || t < 0 ? totalCap[v] : demand[v];
    }
    int g = v - constrained;
    return groupLevel[g] > 0 ? problem.groupLowerTarget(g) : problem.groupUpperTarget(g);
  }

  private boolean isSeed(int v, double tolerance) {
    boolean shiftable = v < constrained ? supplierShiftable(v) : groupShiftable(v - constrained);
    if (!shiftable) {
      return false;
    }
    double target = nodeTarget(v);
    double total = v < constrained ? supplierTotal[v] : groupTotal[v - constrained];
    double floor = Math.max(1e-9 * problem.totalTraffic(), Double.MIN_NORMAL);
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

  /** Σ θ of constrained supplier {@code k}'s unclipped edges ({@link #isFree}) at the current duals. */
  double supplierFreeTheta(int k) {
    double t = supplierLevel[rows[k]];
    double free = 0;
    for (int q = ownStart[k], end = ownStart[k + 1]; q < end; q++) {
      double th = ownTheta[q];
      double z = th * (1.0 + t + gamma[ownCombo[q]] - beta[ownSegment[q]]);
      if (th > 0 && z > 0 && z < (ownCap == null ? Double.POSITIVE_INFINITY : ownCap[q])) {
        free += th;
      }
    }
    return free;
  }

  boolean isFree(int e) {
    double th = theta[e];
    if (th <= 0) {
      return false;
    }
    double z = th * (base[e] - beta[segOf[e]]);
    return z > 0 && z < (cap == null ? Double.POSITIVE_INFINITY : cap[e]);
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
    int groupNode = constrained;
    int segmentNode = constrained + groups;
    long clusterGroups = 0;
    boolean anySegment = false;
    double k0 = 0;
    double up = Double.POSITIVE_INFINITY;
    double down = Double.NEGATIVE_INFINITY;
    for (int m = from; m < to; m++) {
      int v = members[m];
      if (v < groupNode) {
        int row = rows[v];
        double t = supplierLevel[row];
        clusterOfRow[row] = 1;
        k0 += nodeTarget(v);
        up = Math.min(up, supplierRegimeHigh(v) - t);
        down = Math.max(down, supplierRegimeLow(v) - t);
      } else if (v < segmentNode) {
        int g = v - groupNode;
        double t = groupLevel[g];
        clusterGroups |= 1L << g;
        k0 += nodeTarget(v);
        up = Math.min(up, groupRegimeHigh(g) - t);
        down = Math.max(down, groupRegimeLow(g) - t);
      } else {
        int j = v - segmentNode;
        segmentInCluster[j] = true;
        anySegment = true;
        k0 -= traffic[j];
        down = Math.max(down, -beta[j]);
      }
    }
    double shift = 0.0;
    if (anySegment && (up > 0 || down < 0) && Double.isFinite(k0)) {
      stamp++;
      int n = 0;
      for (int m = from; m < to; m++) {
        int v = members[m];
        if (v < groupNode) {
          int row = rows[v];
          for (int q = supStart[row], end = supStart[row + 1]; q < end; q++) {
            n = addLineTerm(n, supEdges[q], clusterGroups);
          }
        } else if (v < segmentNode) {
          for (int e : problem.groupEdges(v - groupNode)) {
            n = addLineTerm(n, e, clusterGroups);
          }
        } else {
          int j = v - segmentNode;
          for (int e = segStart[j], end = segStart[j + 1]; e < end; e++) {
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
          setSupplierDuals(v, supplierLevel[rows[v]] + shift);
        } else if (v < segmentNode) {
          int g = v - groupNode;
          groupLevel[g] += shift;
          lambda[g] = Math.max(0.0, groupLevel[g]);
          nu[g] = Math.max(0.0, -groupLevel[g]);
        } else {
          int j = v - segmentNode;
          beta[j] = Math.max(0.0, beta[j] + shift);
        }
      }
      if (clusterGroups != 0) {
        recomputeGamma();
      }
      for (int m = from; m < to; m++) {
        int v = members[m];
        if (v < groupNode) {
          int row = rows[v];
          for (int q = supStart[row], end = supStart[row + 1]; q < end; q++) {
            int e = supEdges[q];
            base[e] = 1.0 + supplierLevel[row] + gamma[combo == null ? 0 : combo[e]];
          }
        } else if (v < segmentNode) {
          for (int e : problem.groupEdges(v - groupNode)) {
            base[e] = 1.0 + supplierLevel[supOf[e]] + gamma[combo[e]];
          }
        }
      }
    }
    for (int m = from; m < to; m++) {
      int v = members[m];
      if (v < groupNode) {
        clusterOfRow[rows[v]] = -1;
      } else if (v >= segmentNode) {
        segmentInCluster[v - segmentNode] = false;
      }
    }
    return shift != 0.0 && Double.isFinite(shift) ? shift : 0.0;
  }

  /** Adds an edge to the line search once, with its multiplier, if it moves along the shift. */
  private int addLineTerm(int n, int e, long clusterGroups) {
    if (edgeStamp[e] == stamp || theta[e] <= 0) {
      return n;
    }
    edgeStamp[e] = stamp;
    int mult = (clusterOfRow[supOf[e]] == 1 ? 1 : 0) - (segmentInCluster[segOf[e]] ? 1 : 0);
    if (clusterGroups != 0) {
      mult += Long.bitCount(comboGroups[combo[e]] & clusterGroups);
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
    lineTheta[n] = theta[e];
    lineBase[n] = base[e] - beta[segOf[e]];
    lineCap[n] = cap == null ? Double.POSITIVE_INFINITY : cap[e];
    lineMult[n] = mult;
    return n + 1;
  }

  // ------------------------------------------------------------------ penalty continuation

  /** Sets the dual bounds before the first pass (a cold start's first stage). */
  void startPenalties(double guarantee, double group) {
    freshGroups = 0;
    guaranteePenalty = guarantee;
    groupPenalty = group;
  }

  /**
   * Whether some guarantee dual sits at a bound below {@code finalGuarantee}, or some group dual at a
   * bound below {@code finalGroup}: only then can raising the bounds change the optimum.
   */
  boolean atRaisableBound(double finalGuarantee, double finalGroup) {
    if (guaranteePenalty < finalGuarantee) {
      for (int k = 0; k < constrained; k++) {
        if (demand[k] > 0 && alpha[k] >= guaranteePenalty) {
          return true;
        }
      }
    }
    if (groupPenalty < finalGroup) {
      for (int g = 0; g < groups; g++) {
        if (lambda[g] >= groupPenalty || nu[g] >= groupPenalty) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Raises the dual bounds. Duals at their old bound move up by the increment, and so does the supply
   * dual of every segment where they hold unclipped traffic, so the traffic they hold does not change:
   * a cluster of promises that cannot all be kept starts the next stage where it will end, instead of
   * climbing there in small steps.
   */
  void raisePenalties(double guarantee, double group) {
    freshGroups = 0;
    double dg = guarantee - guaranteePenalty;
    double dl = group - groupPenalty;
    double[] shift = trial.beta; // scratch
    Arrays.fill(shift, 0, segments, 0.0);
    for (int k = 0; k < constrained; k++) {
      if (dg > 0 && demand[k] > 0 && alpha[k] >= guaranteePenalty) {
        int row = rows[k];
        boolean capBound = demand[k] > totalCap[k];
        for (int q = supStart[row], end = supStart[row + 1]; q < end; q++) {
          int e = supEdges[q];
          double x = traffic(e);
          if (x > 0 && x < (cap == null ? Double.POSITIVE_INFINITY : cap[e])) {
            shift[segOf[e]] = Math.max(shift[segOf[e]], dg);
          }
        }
        double t = capBound ? supplierLevel[row] : supplierLevel[row] + dg;
        guaranteePenalty = guarantee; // setSupplierDuals reads it
        setSupplierDuals(k, t);
        guaranteePenalty = guarantee - dg;
      }
    }
    for (int g = 0; g < groups; g++) {
      if (dl > 0 && lambda[g] >= groupPenalty) {
        for (int e : problem.groupEdges(g)) {
          double x = traffic(e);
          if (x > 0 && x < (cap == null ? Double.POSITIVE_INFINITY : cap[e])) {
            shift[segOf[e]] = Math.max(shift[segOf[e]], dl);
          }
        }
        groupLevel[g] += dl;
      } else if (dl > 0 && nu[g] >= groupPenalty) {
        groupLevel[g] -= dl;
      }
      lambda[g] = Math.max(0.0, groupLevel[g]);
      nu[g] = Math.max(0.0, -groupLevel[g]);
    }
    for (int j = 0; j < segments; j++) {
      beta[j] += shift[j];
    }
    guaranteePenalty = guarantee;
    groupPenalty = group;
    for (int k = 0; k < constrained; k++) {
      setSupplierDuals(k, supplierLevel[rows[k]]); // α, κ of the cap-bound case follow the new bound
    }
    recomputeGamma();
    int chunks = chunkCount(base.length, SEGMENT_CHUNK_EDGES);
    workers.forEach(chunks, (c, w) -> {
      int from = c * SEGMENT_CHUNK_EDGES;
      int to = Math.min(base.length, from + SEGMENT_CHUNK_EDGES);
      for (int e = from; e < to; e++) {
        base[e] = 1.0 + supplierLevel[supOf[e]] + gamma[combo == null ? 0 : combo[e]];
      }
    });
    haveLastStep = false;
  }

  // ------------------------------------------------------------------ extrapolation

  /**
   * Safeguarded extrapolation along the last pass's step {@code Δ}: tries the duals {@code y + ωΔ},
   * {@code ω = 1, 2, 4, …}, projected onto the dual domain, and moves to the best point only if the
   * dual function strictly increases there. The dual sequence stays monotone and every point stays
   * dual feasible, so the certificate is unaffected; what it buys is speed where coordinate ascent
   * crawls, above all the "price war" of promises that cannot all be kept, whose duals must climb to
   * their penalty bound in small, nearly parallel steps. Tried only when the last two steps point the
   * same way (cosine above 0.5), along the components that did. Call after every pass.
   */
  void recordStep() {
    // direction: this pass's step, on the components that moved the same way in the last pass
    double dot = 0;
    double norm = 0;
    double lastNorm = 0;
    for (int k = 0; k < constrained; k++) {
      double d = supplierLevel[rows[k]] - previousLevel[k];
      double last = lastStepLevel[k];
      dot += d * last;
      norm += d * d;
      lastNorm += last * last;
      lastStepLevel[k] = d;
      directionLevel[k] = d * last > 0 ? d : 0.0;
    }
    for (int j = 0; j < segments; j++) {
      double d = beta[j] - previousBeta[j];
      double last = lastStepBeta[j];
      dot += d * last;
      norm += d * d;
      lastNorm += last * last;
      lastStepBeta[j] = d;
      directionBeta[j] = d * last > 0 ? d : 0.0;
    }
    for (int g = 0; g < groups; g++) {
      double d = groupLevel[g] - previousGroup[g];
      double last = lastStepGroup[g];
      dot += d * last;
      norm += d * d;
      lastNorm += last * last;
      lastStepGroup[g] = d;
      directionGroup[g] = d * last > 0 ? d : 0.0;
    }
    consistentStep = haveLastStep && norm > 0 && lastNorm > 0 && dot > 0.5 * Math.sqrt(norm * lastNorm);
    haveLastStep = true;
  }

  private boolean consistentStep;

  /**
   * Tries the extrapolation described at {@link #recordStep} when the last two steps point the same
   * way.
   *
   * @param dual the dual function at the current duals
   * @return whether the duals moved (totals are then measured at the new point)
   */
  boolean extrapolate(double dual) {
    return consistentStep && moveAlong(dual, 1, 1 << 24);
  }

  private NewtonStep newtonStep;

  /**
   * Follows the semismooth Newton direction of {@link NewtonStep}: tries the step to where the first
   * dual leaves its regime, or the full step if that is nearer, doubles it while the dual increases up
   * to the farther of the two (projected onto the dual domain), else halves it, and moves only if the
   * dual strictly increases.
   *
   * @param dual the dual function at the current duals
   * @return whether the duals moved (totals are then measured at the new point)
   */
  boolean newton(double dual) {
    if (newtonStep == null) {
      newtonStep = new NewtonStep(this, workers);
    }
    double reach = newtonStep.direction();
    if (!(reach > 0)) {
      return false;
    }
    double first = Math.min(1.0, reach);
    if (moveAlong(dual, first, Math.max(1.0, reach))) {
      return true;
    }
    for (double omega = first / 2; omega >= first / 1024; omega /= 2) {
      if (moveAlong(dual, omega, omega)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Maximises the dual along the direction arrays over {@code y + ωΔ}, {@code ω = first, 2·first, …}
   * up to {@code last}, projected onto the dual domain: moves to the best point only if the dual
   * strictly increases there.
   */
  private boolean moveAlong(double dual, double first, double last) {
    double best = dual;
    double bestOmega = 0;
    double margin = 1e-15 * Math.max(Math.abs(dual), 1e-12 * problem.totalTraffic());
    for (double omega = first; omega <= last; omega *= 2) {
      double value = trialDual(omega);
      if (value > best + margin) {
        best = value;
        bestOmega = omega;
        TrialPoint filled = trial; // keep it; the next trial fills the other point
        trial = kept;
        kept = filled;
      } else {
        break;
      }
    }
    if (bestOmega == 0) {
      return false;
    }
    // move to the best trial point
    TrialPoint p = kept;
    freshGroups = 0;
    System.arraycopy(p.supplierLevel, 0, supplierLevel, 0, suppliers);
    for (int k = 0; k < constrained; k++) {
      setSupplierDuals(k, p.level[k]);
    }
    System.arraycopy(p.beta, 0, beta, 0, segments);
    for (int g = 0; g < groups; g++) {
      groupLevel[g] = p.group[g];
      lambda[g] = Math.max(0.0, p.group[g]);
      nu[g] = Math.max(0.0, -p.group[g]);
    }
    System.arraycopy(p.gamma, 0, gamma, 0, gamma.length);
    System.arraycopy(p.allocated, 0, segmentAllocated, 0, segments);
    System.arraycopy(p.cost, 0, segmentCost, 0, segments);
    System.arraycopy(p.supplierTotal, 0, supplierTotal, 0, constrained);
    System.arraycopy(p.groupTotal, 0, groupTotal, 0, groups);
    int chunks = chunkCount(base.length, SEGMENT_CHUNK_EDGES);
    workers.forEach(chunks, (c, w) -> {
      int from = c * SEGMENT_CHUNK_EDGES;
      int to = Math.min(base.length, from + SEGMENT_CHUNK_EDGES);
      for (int e = from; e < to; e++) {
        base[e] = 1.0 + supplierLevel[supOf[e]] + gamma[combo == null ? 0 : combo[e]];
      }
    });
    return true;
  }

  /** Duals along a line-search direction, and the totals and measurements there. */
  private final class TrialPoint {
    /** Supplier levels by row (zero for suppliers without a promise). */
    final double[] supplierLevel = new double[suppliers];
    final double[] level = new double[constrained];
    final double[] beta = new double[segments];
    final double[] group = new double[groups];
    final double[] gamma = new double[comboGroups.length];
    final double[] allocated = new double[segments];
    final double[] cost = new double[segments];
    final double[] supplierTotal = new double[constrained];
    final double[] groupTotal = new double[groups];
    /** Traffic of each unpromised bin. */
    final double[] binTraffic = new double[unpromised.bins()];
  }

  /** The dual function at {@code y + ωΔ} projected onto the dual domain; fills {@link #trial}. */
  private double trialDual(double omega) {
    double[] trialSupplierLevel = trial.supplierLevel;
    double[] trialLevel = trial.level;
    double[] trialBeta = trial.beta;
    double[] trialGroup = trial.group;
    double[] trialGamma = trial.gamma;
    double[] trialAllocated = trial.allocated;
    double[] trialCost = trial.cost;
    double[] trialSupplierTotal = trial.supplierTotal;
    double[] trialGroupTotal = trial.groupTotal;
    double[] trialBinTraffic = trial.binTraffic;
    for (int k = 0; k < constrained; k++) {
      double t = supplierLevel[rows[k]] + omega * directionLevel[k];
      double lo = totalCap[k] < Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY : 0.0;
      double hi = demand[k] > 0 ? guaranteePenalty : 0.0;
      t = Math.max(lo, Math.min(hi, t));
      trialLevel[k] = t;
      trialSupplierLevel[rows[k]] = t;
    }
    for (int j = 0; j < segments; j++) {
      trialBeta[j] = Math.max(0.0, beta[j] + omega * directionBeta[j]);
    }
    for (int g = 0; g < groups; g++) {
      double lo = problem.groupUpperTarget(g) < Double.POSITIVE_INFINITY ? -groupPenalty : 0.0;
      double hi = problem.groupLowerTarget(g) > 0 ? groupPenalty : 0.0;
      trialGroup[g] = Math.max(lo, Math.min(hi, groupLevel[g] + omega * directionGroup[g]));
    }
    for (int c = 0; c < comboGroups.length; c++) {
      double sum = 0;
      for (long m = comboGroups[c]; m != 0; m &= m - 1) {
        sum += trialGroup[Long.numberOfTrailingZeros(m)];
      }
      trialGamma[c] = sum;
    }
    int chunks = segmentChunks.length - 1;
    workers.forEach(chunks, (c, w) -> {
      for (int j = segmentChunks[c], end = segmentChunks[c + 1]; j < end; j++) {
        double b = trialBeta[j];
        double allocated = 0;
        double cost = 0;
        for (int p = promisedStart[j], to = promisedStart[j + 1]; p < to; p++) {
          double th = promisedTheta[p];
          double level = 1.0 + trialSupplierLevel[promisedRow[p]] + trialGamma[promisedCombo[p]] - b;
          double z = th * level;
          double u = promisedCap == null ? Double.POSITIVE_INFINITY : promisedCap[p];
          double x = z <= 0 ? 0.0 : z < u ? z : u;
          cost += distance(th, level, u);
          allocated += x;
        }
        for (int bin = unpromised.firstBin(j), to = unpromised.endBin(j); bin < to; bin++) {
          double level = 1.0 + trialGamma[unpromised.binCombo[bin]] - b;
          int capped = unpromised.capped(bin, level);
          double x = unpromised.traffic(bin, level, capped);
          trialBinTraffic[bin] = x;
          allocated += x;
          cost += unpromised.cost(bin, level, capped);
        }
        trialAllocated[j] = allocated;
        trialCost[j] = cost;
      }
    });
    supplierTotals(trialSupplierLevel, trialGamma, trialBeta, trialSupplierTotal);
    for (int g = 0; g < groups; g++) {
      double total = promisedGroupTraffic(g);
      long bit = 1L << g;
      for (int bin = 0, bins = unpromised.bins(); bin < bins; bin++) {
        if ((comboGroups[unpromised.binCombo[bin]] & bit) != 0) {
          total += trialBinTraffic[bin];
        }
      }
      trialGroupTotal[g] = total;
    }
    double value = 0;
    for (int j = 0; j < segments; j++) {
      value += trialCost[j] + trialBeta[j] * (trialAllocated[j] - traffic[j]);
    }
    for (int k = 0; k < constrained; k++) {
      double t = trialLevel[k];
      double x = trialSupplierTotal[k];
      double a;
      double kap;
      if (demand[k] > totalCap[k]) {
        a = guaranteePenalty;
        kap = guaranteePenalty - t;
      } else {
        a = Math.max(0.0, t);
        kap = Math.max(0.0, -t);
      }
      if (a > 0) {
        value += a * (demand[k] - x);
      }
      if (kap > 0) {
        value -= kap * (totalCap[k] - x);
      }
    }
    for (int g = 0; g < groups; g++) {
      double t = trialGroup[g];
      if (t > 0) {
        value += t * (problem.groupLowerTarget(g) - trialGroupTotal[g]);
      } else if (t < 0) {
        value += -t * (trialGroupTotal[g] - problem.groupUpperTarget(g));
      }
    }
    return value;
  }

  private void setSupplierDuals(int k, double t) {
    supplierLevel[rows[k]] = t;
    if (demand[k] > totalCap[k]) {
      alpha[k] = guaranteePenalty;
      kappa[k] = guaranteePenalty - t;
    } else {
      alpha[k] = Math.max(0.0, t);
      kappa[k] = Math.max(0.0, -t);
    }
  }

  // ------------------------------------------------------------------ certificate

  /** Objective, bound and violations at the current duals (call after {@link #pass()}). */
  double[] assess() {
    double floor = Math.max(1e-9 * problem.totalTraffic(), Double.MIN_NORMAL);
    double objective = 0;
    double lagrange = 0;
    double supplyViolation = 0;
    for (int j = 0; j < segments; j++) {
      objective += segmentCost[j];
      double residual = segmentAllocated[j] - traffic[j];
      lagrange += beta[j] * residual;
      supplyViolation = Math.max(supplyViolation, residual / Math.max(traffic[j], floor));
    }
    double penalty = 0;
    double guaranteeViolation = 0;
    double capViolation = 0;
    for (int k = 0; k < constrained; k++) {
      double x = supplierTotal[k];
      double d = demand[k];
      if (d > 0) {
        double shortfall = d - x;
        if (alpha[k] >= guaranteePenalty) {
          penalty += guaranteePenalty * Math.max(0.0, shortfall);
        } else {
          guaranteeViolation = Math.max(guaranteeViolation, shortfall / Math.max(d, floor));
        }
        lagrange += alpha[k] * shortfall;
      }
      double c = totalCap[k];
      if (c < Double.POSITIVE_INFINITY) {
        capViolation = Math.max(capViolation, (x - c) / Math.max(c, floor));
        if (kappa[k] > 0) {
          lagrange -= kappa[k] * (c - x);
        }
      }
    }
    double groupViolation = 0;
    for (int g = 0; g < groups; g++) {
      double x = groupTotal[g];
      double low = problem.groupLowerTarget(g);
      double high = problem.groupUpperTarget(g);
      if (low > 0) {
        double shortfall = low - x;
        if (lambda[g] >= groupPenalty) {
          penalty += groupPenalty * Math.max(0.0, shortfall);
        } else {
          groupViolation = Math.max(groupViolation, shortfall / Math.max(low, floor));
        }
        lagrange += lambda[g] * shortfall;
      }
      if (high < Double.POSITIVE_INFINITY) {
        double excess = x - high;
        if (nu[g] >= groupPenalty) {
          penalty += groupPenalty * Math.max(0.0, excess);
        } else {
          groupViolation = Math.max(groupViolation, excess / Math.max(high, floor));
        }
        lagrange += nu[g] * excess;
      }
    }
    double primal = objective + penalty;
    double dual = objective + lagrange;
    double scale = Math.max(Math.max(Math.abs(primal), Math.abs(dual)),
        Math.max(1e-12 * problem.totalTraffic(), Double.MIN_NORMAL));
    double gap = (primal - dual) / scale;
    return new double[] {primal, dual, gap, Math.max(0, supplyViolation), Math.max(0, guaranteeViolation),
        Math.max(0, capViolation), Math.max(0, groupViolation)};
  }
}
