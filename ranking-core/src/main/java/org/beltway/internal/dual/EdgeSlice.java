package org.beltway.internal.dual;

import org.beltway.internal.Workers;

/**
 * A copy of some of the problem's edges, struct of arrays, grouped in blocks ({@code [start[b],
 * start[b + 1])}): supplier-major (a block per constrained supplier, {@code other} its segments) or
 * segment-major (a block per segment, {@code other} the supplier rows). The root finders sweep a block
 * in a row instead of gathering from the 10 M-edge arrays. Immutable after construction.
 */
public final class EdgeSlice {
  private static final int COPY_CHUNK = 1 << 15;
  /** Block boundaries: one more than the number of blocks. */
  public final int[] start;
  /** The problem's edge at each position. */
  public final int[] edge;
  public final double[] theta;
  /** Caps, or {@code null} when the problem has none. */
  public final double[] cap;
  /** The other end of each edge: its segment (supplier-major) or its supplier row (segment-major). */
  public final int[] other;
  public final short[] combo;

  /**
   * Copies the edges {@code edge} (already grouped by {@code start}) from the problem's arrays.
   *
   * @param bySupplier whether the blocks are suppliers ({@code other} is then the segment)
   */
  EdgeSlice(CompiledProblem p, int[] start, int[] edge, boolean bySupplier, Workers workers) {
    this.start = start;
    this.edge = edge;
    int n = edge.length;
    theta = new double[n];
    cap = p.cap == null ? null : new double[n];
    other = new int[n];
    combo = new short[n];
    int[] ends = bySupplier ? p.segOf : p.supOf;
    workers.forEach(EdgeLayout.chunkCount(n, COPY_CHUNK), (c, w) -> {
      for (int q = c * COPY_CHUNK, end = Math.min(n, q + COPY_CHUNK); q < end; q++) {
        int e = edge[q];
        theta[q] = p.theta[e];
        if (cap != null) {
          cap[q] = p.cap[e];
        }
        other[q] = ends[e];
        combo[q] = p.combo == null ? 0 : p.combo[e];
      }
    });
  }

  /** The cap at a position ({@code +∞} when uncapped). */
  public double capAt(int q) {
    return cap == null ? Double.POSITIVE_INFINITY : cap[q];
  }

  /** The number of edges. */
  public int size() {
    return edge.length;
  }
}
