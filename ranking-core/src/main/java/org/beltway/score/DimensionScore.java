package org.beltway.score;

import java.util.List;
import org.beltway.internal.Strict;

/**
 * One dimension of a {@link ScoreCard}.
 *
 * @param dimension the dimension
 * @param signals its signals, in {@link Signal} order; read-only
 * @param score the mean of the signals' percentiles, in [0, 1]
 * @param weight the dimension's weight in the supplier's category
 * @param contribution {@code weight × score}, the dimension's share of the composite
 */
public record DimensionScore(Dimension dimension, List<SignalScore> signals, double score,
    double weight, double contribution) {

  /** Copies the signals; nothing may be null. */
  public DimensionScore {
    Strict.nonNull(dimension, "dimension", Dimension.class);
    signals = List.copyOf(Strict.nonNull(signals, "signals", List.class));
  }
}
