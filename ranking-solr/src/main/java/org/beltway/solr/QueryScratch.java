package org.beltway.solr;

import org.beltway.serving.Reranker;

/**
 * One search thread's reranker and the columns of a query's candidates, sized for the largest window
 * ({@code maxReRankDocs}) once, so that a query allocates only its result page.
 */
final class QueryScratch {
  final Reranker reranker;
  /** Per candidate, in relevance order: its supplier id. */
  final long[] supplierIds;
  /** Per candidate: its Lucene score. */
  final double[] relevance;
  /** The reranked page: positions into the candidate arrays, best first, and their scores. */
  final int[] order;
  final double[] scores;
  /** {@code doc << 32 | position}, sorted to read the supplier ids in index order. */
  final long[] docAndPosition;
  /** Per candidate: whether it is on the reranked page. */
  final boolean[] placed;

  QueryScratch(Reranker reranker, int maxCandidates) {
    this.reranker = reranker;
    supplierIds = new long[maxCandidates];
    relevance = new double[maxCandidates];
    order = new int[maxCandidates];
    scores = new double[maxCandidates];
    docAndPosition = new long[maxCandidates];
    placed = new boolean[maxCandidates];
  }
}
