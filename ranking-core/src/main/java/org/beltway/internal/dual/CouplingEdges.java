package org.beltway.internal.dual;

import java.util.Arrays;
import org.beltway.internal.Workers;

/**
 * The coupling edges of a {@link NewtonStep} (free edges touching two active duals or more) and the
 * product of their matrix {@code Pᵀ Θ P} with a vector, which conjugate gradients calls once an
 * iteration. The edges are kept twice: segment-major, as {@link NewtonStep} fills them, and
 * supplier-major ({@link #indexBySupplier}), so that both sweeps of a product read in a row and gather
 * only from the short vectors of segment and group values. Every sum runs in a fixed order.
 */
final class CouplingEdges {
  static final int CHUNK = 4096;
  static final int SEGMENT_CHUNK = 64;
  private final int segments;
  private final int[] compactOfSegment;
  private final int[] compactOfGroup;
  private final long[] activeMask;
  private final Workers workers;
  private final double[] comboSum;
  /** Per segment, the start of its coupling edges; {@code start[segments]} edges in all. */
  final int[] start;
  int[] edgeSupplier = new int[0];
  int[] edgeSegment = new int[0];
  int[] edgeCombo = new int[0];
  double[] edgeTheta = new double[0];
  private int[] bySupplierStart = new int[1];
  private int[] supplierEdgeSegment = new int[0];
  private int[] supplierEdgeCombo = new int[0];
  private double[] supplierEdgeTheta = new double[0];
  private double[] groupParts = new double[0];

  /** Over the step's compact indexes of segments and groups and its active group bits per combination. */
  CouplingEdges(int segments, int[] compactOfSegment, int[] compactOfGroup, long[] activeMask,
      Workers workers) {
    this.segments = segments;
    this.compactOfSegment = compactOfSegment;
    this.compactOfGroup = compactOfGroup;
    this.activeMask = activeMask;
    this.workers = workers;
    comboSum = new double[activeMask.length];
    start = new int[segments + 1];
  }

  /** Room for {@code m} segment-major edges (contents not kept). */
  void ensureCapacity(int m) {
    if (edgeTheta.length < m) {
      int size = Math.max(m, edgeTheta.length * 3 / 2);
      edgeSupplier = new int[size];
      edgeSegment = new int[size];
      edgeCombo = new int[size];
      edgeTheta = new double[size];
    }
  }

  /** Copies the segment-major edges of the {@code nS} active suppliers by supplier, in edge order. */
  void indexBySupplier(int nS) {
    int m = start[segments];
    if (bySupplierStart.length < nS + 1) {
      bySupplierStart = new int[nS + 1];
    }
    Arrays.fill(bySupplierStart, 0, nS + 1, 0);
    for (int p = 0; p < m; p++) {
      if (edgeSupplier[p] >= 0) {
        bySupplierStart[edgeSupplier[p] + 1]++;
      }
    }
    for (int a = 0; a < nS; a++) {
      bySupplierStart[a + 1] += bySupplierStart[a];
    }
    if (supplierEdgeTheta.length < bySupplierStart[nS]) {
      int size = Math.max(bySupplierStart[nS], supplierEdgeTheta.length * 3 / 2);
      supplierEdgeSegment = new int[size];
      supplierEdgeCombo = new int[size];
      supplierEdgeTheta = new double[size];
    }
    int[] cursor = Arrays.copyOf(bySupplierStart, nS);
    for (int p = 0; p < m; p++) {
      int a = edgeSupplier[p];
      if (a >= 0) {
        int q = cursor[a]++;
        supplierEdgeSegment[q] = edgeSegment[p];
        supplierEdgeCombo[q] = edgeCombo[p];
        supplierEdgeTheta[q] = edgeTheta[p];
      }
    }
  }

  /**
   * {@code out = (Pᵀ Θ P + εD) v} over the active duals. A coupling edge's level changes by {@code m_e =
   * v_i + Σ_{g ∋ e} v_g − v_j}; the segment and group rows sum {@code θ_e m_e} (signed) over the
   * segment-major edges, the supplier rows over their own copy, each in a fixed order.
   */
  void multiply(double[] v, double[] out, double[] diagonal, int nS, int nT, int nG) {
    double scale = 1 + ConjugateGradients.REGULARISATION;
    int groupBase = nS + nT;
    for (int c = 0; c < comboSum.length; c++) {
      double sum = 0;
      for (long m = activeMask[c]; m != 0; m &= m - 1) {
        sum += v[groupBase + compactOfGroup[Long.numberOfTrailingZeros(m)]];
      }
      comboSum[c] = sum;
    }
    int stride = Math.max(1, nG);
    int segmentChunks = (segments + SEGMENT_CHUNK - 1) / SEGMENT_CHUNK;
    if (groupParts.length < segmentChunks * stride) {
      groupParts = new double[segmentChunks * stride];
    }
    int supplierChunks = (nS + CHUNK - 1) / CHUNK;
    if (nG == 0) {
      multiplyWithoutGroups(v, out, diagonal, nS, supplierChunks, segmentChunks);
      return;
    }
    workers.forEach(supplierChunks + segmentChunks, (c, w) -> {
      if (c < supplierChunks) {
        for (int a = c * CHUNK, end = Math.min(nS, a + CHUNK); a < end; a++) {
          double sum = scale * diagonal[a] * v[a];
          for (int q = bySupplierStart[a], to = bySupplierStart[a + 1]; q < to; q++) {
            int b = supplierEdgeSegment[q];
            sum += supplierEdgeTheta[q] * (comboSum[supplierEdgeCombo[q]] - (b >= 0 ? v[nS + b] : 0.0));
          }
          out[a] = sum;
        }
        return;
      }
      int chunk = c - supplierChunks;
      int offset = chunk * stride;
      Arrays.fill(groupParts, offset, offset + stride, 0.0);
      int first = chunk * SEGMENT_CHUNK;
      for (int j = first, end = Math.min(segments, first + SEGMENT_CHUNK); j < end; j++) {
        int b = compactOfSegment[j];
        double vb = b >= 0 ? v[nS + b] : 0.0;
        double sum = 0;
        for (int p = start[j], to = start[j + 1]; p < to; p++) {
          int a = edgeSupplier[p];
          double th = edgeTheta[p];
          double rise = (a >= 0 ? v[a] : 0.0) + comboSum[edgeCombo[p]];
          sum += th * rise;
          double level = rise - vb;
          for (long bits = activeMask[edgeCombo[p]]; bits != 0; bits &= bits - 1) {
            int g = compactOfGroup[Long.numberOfTrailingZeros(bits)];
            groupParts[offset + g] += th * (level - v[groupBase + g]);
          }
        }
        if (b >= 0) {
          out[nS + b] = scale * diagonal[nS + b] * vb - sum;
        }
      }
    });
    for (int g = 0; g < nG; g++) {
      double sum = scale * diagonal[groupBase + g] * v[groupBase + g];
      for (int c = 0; c < segmentChunks; c++) {
        sum += groupParts[c * stride + g];
      }
      out[groupBase + g] = sum;
    }
  }

  /**
   * {@link #multiply} where no group level is active: every coupling edge then joins an active supplier
   * and an active segment (an edge needs two active duals), and its combination plays no part, so the
   * sweeps read two arrays each instead of three. The same sums, term by term.
   */
  private void multiplyWithoutGroups(double[] v, double[] out, double[] diagonal, int nS,
      int supplierChunks, int segmentChunks) {
    double scale = 1 + ConjugateGradients.REGULARISATION;
    workers.forEach(supplierChunks + segmentChunks, (c, w) -> {
      if (c < supplierChunks) {
        for (int a = c * CHUNK, end = Math.min(nS, a + CHUNK); a < end; a++) {
          double sum = scale * diagonal[a] * v[a];
          for (int q = bySupplierStart[a], to = bySupplierStart[a + 1]; q < to; q++) {
            sum += supplierEdgeTheta[q] * -v[nS + supplierEdgeSegment[q]];
          }
          out[a] = sum;
        }
        return;
      }
      int first = (c - supplierChunks) * SEGMENT_CHUNK;
      for (int j = first, end = Math.min(segments, first + SEGMENT_CHUNK); j < end; j++) {
        int b = compactOfSegment[j];
        if (b < 0) {
          continue;
        }
        double sum = 0;
        for (int p = start[j], to = start[j + 1]; p < to; p++) {
          sum += edgeTheta[p] * v[edgeSupplier[p]];
        }
        out[nS + b] = scale * diagonal[nS + b] * v[nS + b] - sum;
      }
    });
  }
}
