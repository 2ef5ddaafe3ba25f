package org.beltway.examples.serving;

import java.util.List;

/**
 * The reply to {@code POST /rank}: the page best first, and the version of the plan that ranked it, so
 * that a caller can tell pages of different plans apart while a new one is swapped in.
 */
record RankResponse(List<Ranked> ranked, long planVersion) {

  /** A candidate on the page with its score: relevance × the plan's boost × its supplier's pacing. */
  record Ranked(long supplier, double score) {}
}
