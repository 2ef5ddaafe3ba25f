package org.beltway.fairness;

import org.beltway.internal.Strict;

/**
 * A ranked page of results for a query: which ranks show a protected candidate (e.g. a new or mid-tier
 * supplier), best rank first.
 *
 * @param query the query's label in reports
 * @param protectedByRank {@code true} where the candidate at that rank (0 first) is protected
 */
public record RankedPage(String query, boolean[] protectedByRank) {
  /** Copies the ranks. */
  public RankedPage {
    Strict.nonNull(query, "query", String.class);
    protectedByRank = Strict.nonNull(protectedByRank, "protectedByRank", boolean[].class).clone();
  }

  /** The number of results. */
  public int size() {
    return protectedByRank.length;
  }

  /** Whether the candidate at a rank is protected. */
  public boolean isProtected(int rank) {
    return protectedByRank[rank];
  }
}
