package org.beltway.internal.dual;

import java.util.Arrays;
import org.beltway.internal.Workers;

/**
 * How one solve lays out the problem's edges: segment chunks for parallel sweeps (fixed, whatever the
 * thread count), each constrained supplier's own edges supplier-major, each segment's promised edges
 * (θ > 0, of a constrained supplier) segment-major, the other edges aggregated in
 * {@link UnpromisedEdges} bins, and the segments each group touches. Immutable.
 */
public final class EdgeLayout {
  static final int SEGMENT_CHUNK_EDGES = 1 << 15;
  static final int SUPPLIER_CHUNK = 256;
  static final int GROUP_CHUNK_EDGES = 1 << 15;

  final CompiledProblem problem;
  /** Boundaries (segment indexes) of chunks of about {@value #SEGMENT_CHUNK_EDGES} edges. */
  final int[] segmentChunks;
  /** The constrained suppliers' edges, a block per constrained supplier. */
  final EdgeSlice own;
  /** The promised edges, a block per segment. */
  final EdgeSlice promised;
  /** The edges of suppliers without a promise, aggregated per segment and group combination. */
  final UnpromisedEdges unpromised;
  /** Per group: the segments where some edge belongs to it, and chunk boundaries over that list. */
  final int[][] groupSegments;
  final int[][] groupSegmentChunks;
  /** The most chunks of any group's segments. */
  final int mostGroupChunks;
  /** Per group g: the groups whose segments all lie among g's (g included), as a bit mask. */
  final long[] coveredBy;
  /** Every group, as a bit mask. */
  final long allGroups;

  /**
   * @param previousBins the bin order of an earlier solve on the same graph, to start the bins from, or
   *     {@code null}
   */
  public EdgeLayout(CompiledProblem p, Workers workers, UnpromisedEdges.Order previousBins) {
    problem = p;
    int segments = p.segments;
    int groups = p.groups;
    int constrained = p.constrained;
    int[] all = new int[segments];
    for (int j = 0; j < segments; j++) {
      all[j] = j;
    }
    segmentChunks = chunkSegments(all);

    int[] ownStart = new int[constrained + 1];
    for (int k = 0; k < constrained; k++) {
      ownStart[k + 1] = ownStart[k] + p.supStart[p.rows[k] + 1] - p.supStart[p.rows[k]];
    }
    int[] ownEdge = new int[ownStart[constrained]];
    workers.forEach(chunkCount(constrained, SUPPLIER_CHUNK), (c, w) -> {
      for (int k = c * SUPPLIER_CHUNK, end = Math.min(constrained, k + SUPPLIER_CHUNK); k < end; k++) {
        for (int q = ownStart[k], from = p.supStart[p.rows[k]] - q; q < ownStart[k + 1]; q++) {
          ownEdge[q] = p.supEdges[from + q];
        }
      }
    });
    own = new EdgeSlice(p, ownStart, ownEdge, true, workers);

    boolean[] isPromised = new boolean[p.suppliers];
    for (int row : p.rows) {
      isPromised[row] = true;
    }
    // one parallel sweep of the edges: each segment's promised edges, and the groups it meets
    int[] promisedStart = new int[segments + 1];
    long[] groupsOfSegment = new long[segments];
    workers.forEach(segmentChunks.length - 1, (c, w) -> {
      for (int j = segmentChunks[c], end = segmentChunks[c + 1]; j < end; j++) {
        int count = 0;
        long met = 0;
        for (int e = p.segStart[j]; e < p.segStart[j + 1]; e++) {
          if (p.theta[e] > 0 && isPromised[p.supOf[e]]) {
            count++;
          }
          met |= p.comboGroups[p.comboOf(e)];
        }
        promisedStart[j + 1] = count;
        groupsOfSegment[j] = met;
      }
    });
    for (int j = 0; j < segments; j++) {
      promisedStart[j + 1] += promisedStart[j];
    }
    int[] promisedEdges = new int[promisedStart[segments]];
    workers.forEach(segmentChunks.length - 1, (c, w) -> {
      for (int j = segmentChunks[c], end = segmentChunks[c + 1]; j < end; j++) {
        int at = promisedStart[j];
        for (int e = p.segStart[j]; e < p.segStart[j + 1]; e++) {
          if (p.theta[e] > 0 && isPromised[p.supOf[e]]) {
            promisedEdges[at++] = e;
          }
        }
      }
    });
    promised = new EdgeSlice(p, promisedStart, promisedEdges, false, workers);

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
    mostGroupChunks = mostChunks;
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
    unpromised = new UnpromisedEdges(p.theta, p.cap, p.segStart, p.supOf, p.combo,
        p.comboGroups.length, isPromised, workers, previousBins);
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
      edgesInChunk += problem.segStart[j + 1] - problem.segStart[j] + 1;
      if (edgesInChunk >= SEGMENT_CHUNK_EDGES) {
        edgesInChunk = 0;
      }
    }
    bounds[count] = list.length;
    return Arrays.copyOf(bounds, count + 1);
  }

  /** The number of chunks of {@code size} that cover {@code n} items. */
  static int chunkCount(int n, int size) {
    return (n + size - 1) / size;
  }

  /** The bin order of this layout, from which a later solve on the same graph builds its bins. */
  public UnpromisedEdges.Order binOrder() {
    return unpromised.order;
  }
}
