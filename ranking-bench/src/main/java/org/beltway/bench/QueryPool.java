package org.beltway.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.serving.PlanSnapshot;

/**
 * Prepared queries of one busy segment, as retrieval would hand them to a reranker: each holds
 * {@code candidates} distinct suppliers drawn from those eligible in the segment (padded with other
 * suppliers of the plan when the segment has fewer), {@code unknown} ids the plan does not hold, a
 * random relevance in (0, 1] and whether each candidate is guaranteed (the protected group of the
 * floor). Built once, seeded; the benchmarks cycle through them so that no query stays in cache.
 */
final class QueryPool {
  final long segmentId;
  final int segmentDegree;
  final long[][] supplierIds;
  final double[][] relevance;
  final boolean[][] guaranteed;
  final int candidates;

  QueryPool(EligibilityGraph graph, PlanSnapshot snapshot, int queries, int candidates, int unknown,
      long seed) {
    int segment = busiestSegment(graph);
    segmentId = graph.segments().id(segment);
    segmentDegree = graph.segmentDegree(segment);
    this.candidates = candidates;
    int[] eligible = new int[segmentDegree];
    for (int e = 0; e < segmentDegree; e++) {
      eligible[e] = graph.supplierOf(graph.segmentStart(segment) + e);
    }
    SplittableRandom random = new SplittableRandom(seed);
    supplierIds = new long[queries][];
    relevance = new double[queries][];
    guaranteed = new boolean[queries][];
    for (int q = 0; q < queries; q++) {
      supplierIds[q] = draw(graph, snapshot, eligible, candidates, unknown, random);
      relevance[q] = new double[candidates];
      guaranteed[q] = new boolean[candidates];
      for (int i = 0; i < candidates; i++) {
        relevance[q][i] = 1.0 - random.nextDouble();
        int row = snapshot.row(supplierIds[q][i]);
        guaranteed[q][i] = row >= 0 && snapshot.guaranteed(row);
      }
    }
  }

  private static int busiestSegment(EligibilityGraph graph) {
    int best = 0;
    for (int j = 1; j < graph.segmentCount(); j++) {
      if (graph.segmentDegree(j) > graph.segmentDegree(best)) {
        best = j;
      }
    }
    return best;
  }

  /** A shuffled draw: eligible suppliers first, then others, then unknown ids, in random order. */
  private static long[] draw(EligibilityGraph graph, PlanSnapshot snapshot, int[] eligible,
      int candidates, int unknown, SplittableRandom random) {
    int n = graph.supplierCount();
    boolean[] taken = new boolean[n];
    long[] ids = new long[candidates];
    int known = candidates - unknown;
    int[] pool = eligible.clone();
    int c = 0;
    for (int e = 0; e < pool.length && c < known; e++) {
      int pick = e + random.nextInt(pool.length - e);
      int row = pool[pick];
      pool[pick] = pool[e];
      taken[row] = true;
      ids[c++] = graph.supplierId(row);
    }
    while (c < known) {
      int row = random.nextInt(n);
      if (!taken[row]) {
        taken[row] = true;
        ids[c++] = graph.supplierId(row);
      }
    }
    while (c < candidates) {
      long id = random.nextLong(1L << 40, 1L << 50);
      if (snapshot.row(id) < 0) {
        ids[c++] = id;
      }
    }
    for (int i = candidates - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    return ids;
  }

  /** The share of candidates that are guaranteed, over the pool. */
  double guaranteedShare() {
    long g = 0;
    for (boolean[] query : guaranteed) {
      for (boolean b : query) {
        g += b ? 1 : 0;
      }
    }
    return (double) g / ((long) guaranteed.length * candidates);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d queries of %d candidates in segment %d (%d eligible),"
        + " %.1f%% guaranteed", supplierIds.length, candidates, segmentId, segmentDegree,
        100 * guaranteedShare());
  }
}
