package org.beltway.serving;

/**
 * What the reranker has done since the live plan was made.
 *
 * @param queries queries ranked
 * @param candidates candidates given
 * @param unknownCandidates candidates whose supplier is not in the plan (ranked by plain relevance)
 * @param excludedCandidates candidates excluded because their supplier did not join the segment's
 *     channel program
 * @param swaps plans swapped in after the first
 * @param exposure exposure delivered to suppliers of the plan, in the position model's unit
 */
public record ServingStats(long queries, long candidates, long unknownCandidates,
    long excludedCandidates, long swaps, double exposure) {}
