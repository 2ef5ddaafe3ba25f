package org.beltway.score;

import java.util.List;
import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * Why a supplier scored what it did: per dimension, per signal the raw rate, shrunk rate, prior and
 * percentile; the dimension score, weight and contribution; the composite, rank and tiers (docs/design.md
 * §3: "every score can be explained"). Built by {@link Scores#card(int)}; its numbers equal the
 * stored scores bit for bit.
 *
 * @param supplierId the supplier
 * @param row its row in the scored table
 * @param category its primary category, the peer group
 * @param categorySize the number of suppliers in the category
 * @param dimensions the six dimensions in {@link Dimension} order; read-only
 * @param composite {@code min(1, Σ contributions)}, in [0, 1]
 * @param rank the rank within the category, 1 = best
 * @param qualityTier whether the supplier is in its category's quality tier
 * @param headTier whether the supplier is in the head tier
 */
public record ScoreCard(long supplierId, int row, int category, int categorySize,
    List<DimensionScore> dimensions, double composite, int rank, boolean qualityTier,
    boolean headTier) {

  /** Copies the dimensions. */
  public ScoreCard {
    dimensions = List.copyOf(Strict.nonNull(dimensions, "dimensions", List.class));
  }

  /** The line of a dimension. */
  public DimensionScore dimension(Dimension dimension) {
    Strict.nonNull(dimension, "dimension", Dimension.class);
    return dimensions.get(dimension.ordinal());
  }

  /** The line of a signal. */
  public SignalScore signal(Signal signal) {
    Strict.nonNull(signal, "signal", Signal.class);
    for (SignalScore s : dimension(signal.dimension()).signals()) {
      if (s.signal() == signal) {
        return s;
      }
    }
    throw new AssertionError(signal);
  }

  /** A readable multi-line explanation, e.g. for a demo or a support ticket. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "supplier %d (row %d), category %d: composite %.4f, rank %d of %d, quality tier %s, head tier %s\n",
        supplierId, row, category, composite, rank, categorySize, qualityTier ? "yes" : "no",
        headTier ? "yes" : "no"));
    for (DimensionScore d : dimensions) {
      sb.append(String.format(Locale.ROOT, "  %-12s score %.4f x weight %.3f = %.4f\n",
          d.dimension(), d.score(), d.weight(), d.contribution()));
      for (SignalScore s : d.signals()) {
        String arrow = s.signal().direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower";
        if (s.signal().isRate()) {
          sb.append(String.format(Locale.ROOT,
              "    %-38s %9.1f / %-9.0f raw %-8s shrunk %.5f  prior %.5f Beta(%.2f, %.2f) %-8s"
                  + " %s is better  percentile %.3f\n",
              s.signal().field(), s.part(), s.whole(),
              Double.isNaN(s.raw()) ? "n/a" : String.format(Locale.ROOT, "%.5f", s.raw()), s.shrunk(),
              s.priorMean(), s.priorAlpha(), s.priorBeta(), s.categoryPrior() ? "category" : "global",
              arrow, s.percentile()));
        } else {
          sb.append(String.format(Locale.ROOT,
              "    %-38s price index %.3f  band credit %.4f  %s is better  percentile %.3f\n",
              s.signal().field(), s.raw(), s.shrunk(), arrow, s.percentile()));
        }
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
