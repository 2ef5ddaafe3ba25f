package org.beltway.serving;

/**
 * The exposure a page position gives, relative to the first. Delivered exposure and the plan's
 * impressions are counted in this unit: a segment's forecast traffic is the exposure its queries
 * deliver under the model.
 */
@FunctionalInterface
public interface PositionModel {
  /** The default: {@code 1 / log2(1 + rank)}, the discount of DCG (rank 1 gives 1, rank 3 gives 0.5). */
  PositionModel LOGARITHMIC = rank -> 1.0 / (Math.log1p(rank) / Math.log(2));

  /**
   * The exposure of position {@code rank}, 1-based: finite, in [0, 1].
   */
  double weight(int rank);

  /** The exposure of a full page of {@code k} positions. */
  default double pageWeight(int k) {
    double sum = 0;
    for (int r = 1; r <= k; r++) {
      sum += weight(r);
    }
    return sum;
  }
}
