package org.beltway.internal.dual;

import java.util.Arrays;
import org.beltway.internal.Workers;

/**
 * A semismooth Newton direction for {@link DualAscent}: supplier levels, segment duals and group
 * levels together.
 *
 * <p>Block coordinate ascent is Gauss–Seidel on the optimality conditions. Where promises crowd
 * segments whose other edges sit at their caps or at zero (every guaranteed supplier outside the quality
 * tier, once the quality share binds), those conditions form a large, badly conditioned Laplacian-like
 * system coupling suppliers, segments and groups, and Gauss–Seidel removes its slow error modes by a few
 * percent a pass: hundreds of passes where a day's warm start should take a handful. Newton on the same
 * conditions does not crawl. With the free edges {@code F} (traffic strictly between zero and the cap)
 * held fixed, traffic is linear in the duals: an edge's level moves by {@code m_e = δt_i + Σ_{g ∋ e} δγ_g
 * − δβ_j}, and the step that makes every active supplier and group meet its target and every binding
 * segment its supply solves {@code Pᵀ Θ P δ = r}, with {@code P} the signed incidence of free edges and
 * active duals, {@code Θ = diag(θ_e)}, and {@code r} the residuals (target − traffic for suppliers and
 * groups, traffic − supply for segments). The matrix is symmetric positive semidefinite, singular only
 * along the uniform shift of a closed cluster of promises (which a small diagonal regularisation turns
 * into a long step toward the bounds, where such a cluster ends). Jacobi-preconditioned conjugate
 * gradients solve it with a sweep over the free edges that couple two active duals per iteration. The
 * free edges of suppliers without a promise enter by {@link UnpromisedEdges} bin: they share segment,
 * groups and a fixed supplier level, so a bin's free fair exposure is one coupling edge.
 *
 * <p>The direction is then followed by {@link LineSearch#followNewton}: the dual is evaluated where the first
 * dual would leave its regime, at longer steps up to the full one (projected onto the dual domain), or
 * at shorter ones, and the duals move only if it strictly increases.
 * The dual stays monotone and every dual in its domain, so the certificate is unaffected and a poor
 * direction (the free set changes along it) costs a few evaluations and is dropped. All sums run in a
 * fixed order, so the result does not depend on the thread count.
 */
final class NewtonStep {
  private static final int CHUNK = CouplingEdges.CHUNK;
  private static final int SEGMENT_CHUNK = CouplingEdges.SEGMENT_CHUNK;

  private final CompiledProblem problem;
  private final EdgeSlice own;
  private final EdgeSlice promised;
  private final Duals duals;
  private final Measurements measured;
  private final Workers workers;
  private final int[] compactOfRow;
  private final int[] compactOfSegment;
  private final int[] compactOfGroup;
  /** Per group combination: the bits of its active groups. */
  private final long[] activeMask;
  private int[] activeK = new int[0];
  private int[] activeJ = new int[0];
  private final int[] activeG;
  private int nS;
  private int nT;
  private int nG;
  private long groupBits;

  /** Per segment: its free fair exposure. */
  private final double[] segmentFree;
  /** Per constrained supplier: its unclipped fair exposure if its level may move, else 0. */
  private final double[] supplierFree;
  private final double[] groupFreeParts;
  private final UnpromisedEdges bins;
  /** Per unpromised bin: its unclipped fair exposure at the current duals (0 where not measured). */
  private final double[] binFree;
  private final CouplingEdges couplings;
  private final ConjugateGradients cg;

  NewtonStep(CompiledProblem p, EdgeLayout layout, Duals duals, Measurements measured,
      Workers workers) {
    this.problem = p;
    this.own = layout.own;
    this.promised = layout.promised;
    this.duals = duals;
    this.measured = measured;
    this.workers = workers;
    cg = new ConjugateGradients(workers);
    compactOfRow = new int[problem.suppliers];
    Arrays.fill(compactOfRow, -1);
    compactOfSegment = new int[problem.segments];
    Arrays.fill(compactOfSegment, -1);
    compactOfGroup = new int[problem.groups];
    activeG = new int[problem.groups];
    activeMask = new long[problem.comboGroups.length];
    segmentFree = new double[problem.segments];
    supplierFree = new double[problem.constrained];
    groupFreeParts = new double[segmentChunks() * Math.max(1, problem.groups)];
    bins = layout.unpromised;
    binFree = new double[bins.bins()];
    couplings = new CouplingEdges(problem.segments, compactOfSegment, compactOfGroup, activeMask, workers);
  }

  private int segmentChunks() {
    return (problem.segments + SEGMENT_CHUNK - 1) / SEGMENT_CHUNK;
  }

  /**
   * Computes the Newton direction at the current duals (totals measured there) into {@code into}, which
   * it leaves as it is when there is none. Writes no dual and no measurement.
   *
   * @return how far the direction may be followed with every dual inside its current regime (a guarantee
   *     level between 0 and its bound, a segment dual at least 0, …), or 0 when there is no direction
   */
  double direction(Direction into) {
    selectSuppliersAndGroups();
    measureSegments();
    if (nS + nG == 0) {
      clearCompact();
      return 0.0;
    }
    buildCouplings();
    int n = nS + nT + nG;
    cg.solve(n, this::multiply);
    double[] solution = cg.solution;
    Arrays.fill(into.level, 0.0);
    Arrays.fill(into.beta, 0.0);
    Arrays.fill(into.group, 0.0);
    for (int a = 0; a < nS; a++) {
      into.level[activeK[a]] = solution[a];
    }
    for (int b = 0; b < nT; b++) {
      into.beta[activeJ[b]] = solution[nS + b];
    }
    for (int c = 0; c < nG; c++) {
      into.group[activeG[c]] = solution[nS + nT + c];
    }
    clearCompact();
    return reach(into);
  }

  /** The largest step along the direction that keeps every active dual inside its regime. */
  private double reach(Direction into) {
    double reach = Double.POSITIVE_INFINITY;
    double largest = 0;
    for (int a = 0; a < nS; a++) {
      int k = activeK[a];
      double d = into.level[k];
      double t = duals.supplierLevel[problem.rows[k]];
      reach = Math.min(reach, limit(t, d, duals.supplierRegimeLow(k), duals.supplierRegimeHigh(k)));
      largest = Math.max(largest, Math.abs(d));
    }
    for (int b = 0; b < nT; b++) {
      int j = activeJ[b];
      double d = into.beta[j];
      reach = Math.min(reach, limit(duals.beta[j], d, 0.0, Double.POSITIVE_INFINITY));
      largest = Math.max(largest, Math.abs(d));
    }
    for (int c = 0; c < nG; c++) {
      int g = activeG[c];
      double d = into.group[g];
      reach = Math.min(reach, limit(duals.groupLevel[g], d, duals.groupRegimeLow(g),
          duals.groupRegimeHigh(g)));
      largest = Math.max(largest, Math.abs(d));
    }
    if (!(largest > 0)) {
      return 0.0;
    }
    return Math.min(reach, 1e12 / largest);
  }

  private static double limit(double value, double d, double lower, double upper) {
    if (d > 0) {
      return (upper - value) / d;
    }
    if (d < 0) {
      return (value - lower) / -d;
    }
    return Double.POSITIVE_INFINITY;
  }

  private void clearCompact() {
    for (int a = 0; a < nS; a++) {
      compactOfRow[problem.rows[activeK[a]]] = -1;
    }
    for (int b = 0; b < nT; b++) {
      compactOfSegment[activeJ[b]] = -1;
    }
  }

  /** Σ θ of constrained supplier {@code k}'s unclipped edges at the current duals. */
  private double supplierFreeTheta(int k) {
    double t = duals.supplierLevel[problem.rows[k]];
    double free = 0;
    for (int q = own.start[k], end = own.start[k + 1]; q < end; q++) {
      double th = own.theta[q];
      double z = th * (Duals.level(t, duals.gamma[own.combo[q]]) - duals.beta[own.other[q]]);
      if (th > 0 && z > 0 && z < own.capAt(q)) {
        free += th;
      }
    }
    return free;
  }

  /** Supplier and group levels strictly inside their domains whose traffic responds to them. */
  private void selectSuppliersAndGroups() {
    if (activeK.length < problem.constrained) {
      activeK = new int[problem.constrained];
    }
    nS = 0;
    workers.forEach((problem.constrained + CHUNK - 1) / CHUNK, (c, w) -> {
      for (int k = c * CHUNK, end = Math.min(problem.constrained, k + CHUNK); k < end; k++) {
        supplierFree[k] = duals.supplierShiftable(k) ? supplierFreeTheta(k) : 0.0;
      }
    });
    for (int k = 0; k < problem.constrained; k++) {
      if (supplierFree[k] > 0) {
        compactOfRow[problem.rows[k]] = nS;
        activeK[nS++] = k;
      }
    }
    nG = 0;
    groupBits = 0;
    for (int g = 0; g < problem.groups; g++) {
      compactOfGroup[g] = -1;
      if (duals.groupShiftable(g)) {
        compactOfGroup[g] = nG;
        activeG[nG++] = g;
        groupBits |= 1L << g;
      }
    }
    for (int c = 0; c < activeMask.length; c++) {
      activeMask[c] = problem.comboGroups[c] & groupBits;
    }
  }

  /** Free fair exposure per binding segment and per active group; picks the active segments. */
  private void measureSegments() {
    int chunks = segmentChunks();
    workers.forEach(chunks, (c, w) -> {
      int offset = c * Math.max(1, problem.groups);
      Arrays.fill(groupFreeParts, offset, offset + Math.max(1, problem.groups), 0.0);
      for (int j = c * SEGMENT_CHUNK, end = Math.min(problem.segments, j + SEGMENT_CHUNK); j < end; j++) {
        double free = 0;
        boolean binding = duals.beta[j] > 0;
        if (binding || groupBits != 0) {
          for (int q = promised.start[j], to = promised.start[j + 1]; q < to; q++) {
            int e = promised.edge[q];
            if (duals.isFree(e)) {
              double th = problem.theta[e];
              free += th;
              long m = groupBits == 0 ? 0 : activeMask[problem.combo[e]];
              for (; m != 0; m &= m - 1) {
                groupFreeParts[offset + Long.numberOfTrailingZeros(m)] += th;
              }
            }
          }
          for (int bin = bins.firstBin(j), to = bins.endBin(j); bin < to; bin++) {
            int combo = bins.binCombo[bin];
            double th = bins.freeTheta(bin, 1.0 + duals.gamma[combo] - duals.beta[j]);
            binFree[bin] = th;
            free += th;
            for (long m = groupBits == 0 ? 0 : activeMask[combo]; m != 0; m &= m - 1) {
              groupFreeParts[offset + Long.numberOfTrailingZeros(m)] += th;
            }
          }
        } else {
          Arrays.fill(binFree, bins.firstBin(j), bins.endBin(j), 0.0);
        }
        segmentFree[j] = binding ? free : 0.0;
      }
    });
    if (activeJ.length < problem.segments) {
      activeJ = new int[problem.segments];
    }
    nT = 0;
    for (int j = 0; j < problem.segments; j++) {
      if (segmentFree[j] > 0) {
        compactOfSegment[j] = nT;
        activeJ[nT++] = j;
      }
    }
  }

  private int activeCount(int e) {
    int count = 0;
    if (compactOfRow[problem.supOf[e]] >= 0) {
      count++;
    }
    if (compactOfSegment[problem.segOf[e]] >= 0) {
      count++;
    }
    if (groupBits != 0) {
      count += Long.bitCount(activeMask[problem.combo[e]]);
    }
    return count;
  }

  /** {@link #activeCount} of the edges of an unpromised bin of segment {@code j}. */
  private int binActiveCount(int j, int bin) {
    int count = compactOfSegment[j] >= 0 ? 1 : 0;
    return groupBits == 0 ? count : count + Long.bitCount(activeMask[bins.binCombo[bin]]);
  }

  private void buildCouplings() {
    int n = nS + nT + nG;
    cg.ensure(n);
    double[] diagonal = cg.diagonal;
    double[] rhs = cg.rhs;
    int[] couplingStart = couplings.start;
    // coupling edges: count per segment, then fill in segment order
    int chunks = segmentChunks();
    workers.forEach(chunks, (c, w) -> {
      for (int j = c * SEGMENT_CHUNK, end = Math.min(problem.segments, j + SEGMENT_CHUNK); j < end; j++) {
        int count = 0;
        for (int p = promised.start[j], to = promised.start[j + 1]; p < to; p++) {
          int e = promised.edge[p];
          if (duals.isFree(e) && activeCount(e) >= 2) {
            count++;
          }
        }
        for (int bin = bins.firstBin(j), to = bins.endBin(j); bin < to; bin++) {
          if (binFree[bin] > 0 && binActiveCount(j, bin) >= 2) {
            count++;
          }
        }
        couplingStart[j + 1] = count;
      }
    });
    couplingStart[0] = 0;
    for (int j = 0; j < problem.segments; j++) {
      couplingStart[j + 1] += couplingStart[j];
    }
    couplings.ensureCapacity(couplingStart[problem.segments]);
    int[] edgeSupplier = couplings.edgeSupplier;
    int[] edgeSegment = couplings.edgeSegment;
    int[] edgeCombo = couplings.edgeCombo;
    double[] edgeTheta = couplings.edgeTheta;
    workers.forEach(chunks, (c, w) -> {
      for (int j = c * SEGMENT_CHUNK, end = Math.min(problem.segments, j + SEGMENT_CHUNK); j < end; j++) {
        int at = couplingStart[j];
        int b = compactOfSegment[j];
        for (int q = promised.start[j], to = promised.start[j + 1]; q < to; q++) {
          int e = promised.edge[q];
          if (duals.isFree(e) && activeCount(e) >= 2) {
            edgeSupplier[at] = compactOfRow[problem.supOf[e]];
            edgeSegment[at] = b;
            edgeCombo[at] = problem.combo == null ? 0 : problem.combo[e];
            edgeTheta[at] = problem.theta[e];
            at++;
          }
        }
        for (int bin = bins.firstBin(j), to = bins.endBin(j); bin < to; bin++) {
          if (binFree[bin] > 0 && binActiveCount(j, bin) >= 2) {
            edgeSupplier[at] = -1; // an unpromised supplier's level is fixed at 0
            edgeSegment[at] = b;
            edgeCombo[at] = bins.binCombo[bin];
            edgeTheta[at] = binFree[bin];
            at++;
          }
        }
      }
    });
    couplings.indexBySupplier(nS);
    // diagonal and right-hand side
    for (int a = 0; a < nS; a++) {
      int k = activeK[a];
      diagonal[a] = supplierFree[k];
      rhs[a] = duals.nodeTarget(k) - measured.supplierTotal[k];
    }
    for (int b = 0; b < nT; b++) {
      int j = activeJ[b];
      diagonal[nS + b] = segmentFree[j];
      rhs[nS + b] = measured.segmentAllocated[j] - problem.traffic[j];
    }
    int stride = Math.max(1, problem.groups);
    for (int c = 0; c < nG; c++) {
      int g = activeG[c];
      double free = 0;
      for (int part = 0; part < chunks; part++) {
        free += groupFreeParts[part * stride + g];
      }
      if (free > 0) {
        diagonal[nS + nT + c] = free;
        rhs[nS + nT + c] = duals.nodeTarget(problem.constrained + g) - measured.groupTotal[g];
      } else {
        diagonal[nS + nT + c] = 1.0; // no free edge: the level cannot move traffic, δ = 0
        rhs[nS + nT + c] = 0.0;
      }
    }
  }

  /** {@code out = (Pᵀ Θ P + εD) v} over the active duals ({@link CouplingEdges#multiply}). */
  private void multiply(double[] v, double[] out) {
    couplings.multiply(v, out, cg.diagonal, nS, nT, nG);
  }
}
