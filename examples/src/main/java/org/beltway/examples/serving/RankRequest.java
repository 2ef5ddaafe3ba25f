package org.beltway.examples.serving;

import java.util.List;

/**
 * The body of {@code POST /rank}: a query's segment, its page size and the candidates retrieval found,
 * {@code {"segment": 17, "k": 10, "candidates": [{"supplier": 42, "relevance": 0.8}, ...]}}. Every field
 * is required ({@link JsonWire} reads strictly).
 *
 * @param segment the query's segment id
 * @param k the page size
 * @param candidates the candidates, in any order, each supplier once
 */
record RankRequest(long segment, int k, List<Candidate> candidates) {

  /**
   * @param supplier the candidate's supplier id
   * @param relevance the search engine's relevance of the candidate, finite and {@code >= 0}
   */
  record Candidate(long supplier, double relevance) {}
}
