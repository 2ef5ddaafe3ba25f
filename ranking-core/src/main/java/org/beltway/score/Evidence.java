package org.beltway.score;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Locale;
import org.beltway.internal.Strict;
import org.beltway.supplier.Count;
import org.beltway.supplier.SupplierTable;

/**
 * A supplier's standing on its own evidence, for merit that opening more shops cannot raise
 * (docs/design.md §7, "Split-proof merit"): how much it brings ({@link #volume}) and, per signal, how
 * well it serves measured absolutely ({@link #goodness}).
 *
 * <p>The composite score ranks a supplier among its category's peers, and its rates are shrunk toward
 * the category's mean: both reward thin records of poor suppliers (a shop cut from a poor supplier is
 * shrunk up toward the mean, and a hundred shops in a small category push one another up the ranks).
 * Here every rate is shrunk toward its <em>worst</em> end with the strength {@code m} of the category's
 * prior: the goodness of a rate is {@code good / (trials + m)}, where good is the part of a
 * higher-is-better rate or the whole less the part of a lower-is-better one. For the same raw rate, a
 * thinner record is strictly worse ({@code good·r / (trials·r + m) < good / (trials + m)} for
 * {@code r < 1}), and nothing depends on other suppliers, so a shop cut from a supplier in proportion
 * never has a higher goodness than the supplier had whole. Dealing whole events (a defect, a hit
 * product) moves a shop's raw rate by less than one event, which the penalty {@code m / (trials + m)}
 * outweighs for the common rates; for rare events the gain of the shop that got one is offset by the
 * shops that got none (the fairness contract measures the sum). Mean shrinkage ranks thin records of
 * latent quality better, and a downward-only shrinkage (mean above it, raw below it) nearly as well;
 * both were tried and rejected: each lets a split deal its clean orders to some shops and gain.
 * The price credit enters as scored (a split does not change it).
 */
public final class Evidence {
  private Evidence() {}

  /**
   * The goodness of every signal of every supplier of the scores' table: {@code [signal ordinal][row]};
   * a rate's as in the class doc with the scores' priors, the price credit as scored. Each in [0, 1].
   */
  public static double[][] goodness(Scores scores) {
    Strict.nonNull(scores, "scores", Scores.class);
    SupplierTable table = scores.table();
    ScoringConfig config = scores.config();
    Priors priors = scores.priors();
    int cap = config.claimCapPerBuyer();
    double low = config.priceBand().low();
    double high = config.priceBand().high();
    Signal[] signals = Signal.values();
    double[][] out = new double[signals.length][table.size()];
    for (Signal signal : signals) {
      double[] values = out[signal.ordinal()];
      for (int r = 0; r < values.length; r++) {
        values[r] = signal.isRate()
            ? goodness(signal, signal.part(table, r, cap), signal.whole(table, r),
                strength(priors, table.primaryCategory(r), signal))
            : Scorer.value(signal, table, r, 0, 0, cap, low, high);
      }
    }
    return out;
  }

  /**
   * What a supplier brings to the marketplace, additive over shops: its catalogue, the products it
   * lists. A search result is a listing, so exposure per listed product is the natural unit; a new shop
   * brings its catalogue before its first order, and listings without sales lower its new-product
   * rates' goodness.
   */
  public static double volume(SupplierTable table, int row) {
    Strict.nonNull(table, "table", SupplierTable.class);
    return table.count(Count.LISTED_PRODUCTS, row);
  }

  /**
   * A quality tier that opening shops cannot enter: in each primary category, the suppliers whose
   * quality is so high that the {@link #volume} of the category's suppliers of strictly higher
   * quality is below {@code share} of the category's volume. The tier is a share of what the category
   * brings, not of its headcount, so shops add no seats; and a shop cut from a supplier has a quality
   * at most the supplier's and at least as much volume above it, so it is in the tier only if the
   * supplier was. Ties share a seat, so the tier never depends on ids.
   *
   * @param quality the qualities by row, each no higher for a shop cut from a supplier than for the
   *     supplier (e.g. {@code EvidenceMerit.quality} of the same scores)
   * @param share the share of each category's volume, in (0, 1]
   * @return membership by row of the scores' table
   * @throws IllegalArgumentException if the share is out of range or {@code quality} has another length
   */
  public static boolean[] qualityTier(Scores scores, double[] quality, double share) {
    Strict.nonNull(scores, "scores", Scores.class);
    Strict.nonNull(quality, "quality", double[].class);
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share (" + share + "): expected a number in (0, 1]");
    }
    SupplierTable table = scores.table();
    int n = table.size();
    if (quality.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "quality has %d values: expected one per scored supplier (%d)", quality.length, n));
    }
    // the scores' own grouping by primary category; within each, positions by quality, best first
    CategoryGroups groups = scores.groups();
    int[] order = groups.rowAt.clone();
    boolean[] tier = new boolean[n];
    for (int g = 0; g < groups.category.length; g++) {
      int from = groups.start[g];
      int to = groups.start[g + 1];
      IntArrays.quickSort(order, from, to, (a, b) -> Double.compare(quality[b], quality[a]));
      double total = 0;
      for (int i = from; i < to; i++) {
        total += volume(table, order[i]);
      }
      double above = 0;
      for (int i = from; i < to; ) {
        int j = i;
        double tied = 0;
        while (j < to && quality[order[j]] == quality[order[i]]) {
          tied += volume(table, order[j++]);
        }
        for (int k = i; k < j; k++) {
          tier[order[k]] = above < share * total;
        }
        above += tied;
        i = j;
      }
    }
    return tier;
  }

  /** The strength {@code α + β} of a category's prior, as {@link Prior#strength} without a Prior. */
  private static double strength(Priors priors, int category, Signal signal) {
    return priors.alpha(category, signal.ordinal()) + priors.beta(category, signal.ordinal());
  }

  /** {@code good / (whole + m)}: the rate shrunk toward its worst end; 0 without trials. */
  static double goodness(Signal signal, double part, double whole, double strength) {
    double good = signal.direction() == Direction.HIGHER_IS_BETTER ? part : Math.max(0, whole - part);
    return good / (whole + strength);
  }
}
