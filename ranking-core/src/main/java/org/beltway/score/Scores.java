package org.beltway.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beltway.internal.Strict;
import org.beltway.supplier.Amount;
import org.beltway.supplier.SupplierTable;

/**
 * The scores of every supplier of a table, column by column: per row the composite, the six dimension
 * scores (all in [0, 1]), the rank within the primary category (1 = best), and the quality and head tier
 * flags. Produced by {@link Scorer}; immutable. Read by row (the table's row numbers) or by supplier id;
 * no array escapes ({@link #composites()} returns a copy). {@link #card(int)} explains every number.
 */
public final class Scores {
  private final SupplierTable table;
  private final Priors priors;
  private final ScoringConfig config;
  private final CategoryGroups groups;
  // All by position in the category grouping; rows map through groups.positionOf.
  private final double[][] dimensions;
  private final double[] composite;
  private final int[] rank;
  private final boolean[] quality;
  private final boolean[] head;
  private final int qualitySize;
  private final int headSize;

  Scores(SupplierTable table, Priors priors, ScoringConfig config, CategoryGroups groups,
      double[][] dimensions, double[] composite, int[] rank, boolean[] quality, boolean[] head) {
    this.table = table;
    this.priors = priors;
    this.config = config;
    this.groups = groups;
    this.dimensions = dimensions;
    this.composite = composite;
    this.rank = rank;
    this.quality = quality;
    this.head = head;
    int q = 0;
    int h = 0;
    for (int p = 0; p < quality.length; p++) {
      q += quality[p] ? 1 : 0;
      h += head[p] ? 1 : 0;
    }
    qualitySize = q;
    headSize = h;
  }

  /** The number of suppliers scored (the table's size). */
  public int size() {
    return composite.length;
  }

  /** The rows grouped by primary category, as they were scored. */
  CategoryGroups groups() {
    return groups;
  }

  /** The table scored. */
  public SupplierTable table() {
    return table;
  }

  /** The priors the rates were shrunk toward. */
  public Priors priors() {
    return priors;
  }

  /** The settings scored with. */
  public ScoringConfig config() {
    return config;
  }

  /**
   * The row of a supplier id.
   *
   * @throws IllegalArgumentException if the table has no such supplier
   */
  public int row(long supplierId) {
    int row = table.row(supplierId);
    if (row < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "supplier %d: not in the scored table", supplierId));
    }
    return row;
  }

  /** The row's position, or an exception naming the row and this table's size (a row of another table?). */
  private int position(int row) {
    if (row < 0 || row >= composite.length) {
      throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
          "row %d: expected a row of the %d scored suppliers", row, composite.length));
    }
    return groups.positionOf[row];
  }

  /**
   * The composite score of a row, in [0, 1].
   *
   * @throws IndexOutOfBoundsException if the row is not in [0, size)
   */
  public double composite(int row) {
    return composite[position(row)];
  }

  /**
   * A dimension score of a row, in [0, 1].
   *
   * @throws IndexOutOfBoundsException if the row is not in [0, size)
   */
  public double dimension(int row, Dimension dimension) {
    Strict.nonNull(dimension, "dimension", Dimension.class);
    return dimensions[dimension.ordinal()][position(row)];
  }

  /**
   * Whether a row is in its category's quality tier (the top {@link ScoringConfig#qualityShare()} by
   * composite, and every supplier tied with the last of them).
   *
   * @throws IndexOutOfBoundsException if the row is not in [0, size)
   */
  public boolean qualityTier(int row) {
    return quality[position(row)];
  }

  /**
   * Whether a row is in the head tier (the top {@link ScoringConfig#headShare()} of all suppliers by
   * orders, and every supplier tied with the last of them; never a supplier without orders).
   *
   * @throws IndexOutOfBoundsException if the row is not in [0, size)
   */
  public boolean headTier(int row) {
    return head[position(row)];
  }

  /**
   * The rank of a row within its primary category by composite: 1 is the best; equal composites share
   * the best of their ranks (1, 2, 2, 4), so ranks never depend on ids.
   *
   * @throws IndexOutOfBoundsException if the row is not in [0, size)
   */
  public int rank(int row) {
    return rank[position(row)];
  }

  /**
   * The number of suppliers in a row's primary category (its peer group).
   *
   * @throws IndexOutOfBoundsException if the row is not in [0, size)
   */
  public int categorySize(int row) {
    return groups.size(groups.groupAt(position(row)));
  }

  /** The number of suppliers in the quality tier, over all categories. */
  public int qualityTierSize() {
    return qualitySize;
  }

  /** The number of suppliers in the head tier. */
  public int headTierSize() {
    return headSize;
  }

  /** The composite of every row, in row order: a fresh copy. */
  public double[] composites() {
    double[] out = new double[composite.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = composite[groups.positionOf[r]];
    }
    return out;
  }

  /** {@link #composite(int)} of a supplier id; throws as {@link #row(long)}. */
  public double compositeById(long supplierId) {
    return composite(row(supplierId));
  }

  /** {@link #dimension(int, Dimension)} of a supplier id; throws as {@link #row(long)}. */
  public double dimensionById(long supplierId, Dimension dimension) {
    Strict.nonNull(dimension, "dimension", Dimension.class);
    return dimension(row(supplierId), dimension);
  }

  /** {@link #qualityTier(int)} of a supplier id; throws as {@link #row(long)}. */
  public boolean qualityTierById(long supplierId) {
    return qualityTier(row(supplierId));
  }

  /** {@link #headTier(int)} of a supplier id; throws as {@link #row(long)}. */
  public boolean headTierById(long supplierId) {
    return headTier(row(supplierId));
  }

  /** {@link #rank(int)} of a supplier id; throws as {@link #row(long)}. */
  public int rankById(long supplierId) {
    return rank(row(supplierId));
  }

  /** {@link #card(int)} of a supplier id; throws as {@link #row(long)}. */
  public ScoreCard cardById(long supplierId) {
    return card(row(supplierId));
  }

  /**
   * The score card of a row: every signal's evidence, raw rate, shrunk rate, prior and percentile, every
   * dimension's score, weight and contribution, the composite, rank and tiers. It recomputes the row's
   * category (time linear in the category's size) with the same arithmetic as scoring, so its numbers
   * equal the stored scores bit for bit.
   *
   * @throws IndexOutOfBoundsException if the row is not in [0, size)
   */
  public ScoreCard card(int row) {
    int position = position(row);
    int g = groups.groupAt(position);
    int from = groups.start[g];
    int to = groups.start[g + 1];
    int m = to - from;
    int self = position - from;
    int category = groups.category[g];
    double[] values = new double[m];
    double[] weights = config.weights(category).toArray();
    double[] dimensionScores = new double[Dimension.VALUES.length];
    int cap = config.claimCapPerBuyer();
    double low = config.priceBand().low();
    double high = config.priceBand().high();
    List<DimensionScore> lines = new ArrayList<>();
    for (Dimension d : Dimension.VALUES) {
      List<SignalScore> signalLines = new ArrayList<>();
      double sum = 0;
      for (Signal signal : d.signals()) {
        double alpha = signal.isRate() ? priors.alpha(category, signal.ordinal()) : Double.NaN;
        double beta = signal.isRate() ? priors.beta(category, signal.ordinal()) : Double.NaN;
        for (int i = 0; i < m; i++) {
          values[i] = Scorer.value(signal, table, groups.rowAt[from + i], alpha, beta, cap, low, high);
        }
        long v = MidRanks.bits(values[self]);
        int below = 0;
        int equal = 0;
        for (int i = 0; i < m; i++) {
          long b = MidRanks.bits(values[i]);
          if (b < v) {
            below++;
          } else if (b == v) {
            equal++;
          }
        }
        int better = signal.direction() == Direction.HIGHER_IS_BETTER ? below : m - below - equal;
        double percentile = MidRanks.percentile(better, equal, m);
        sum += percentile;
        if (signal.isRate()) {
          double k = signal.part(table, row, cap);
          double n = signal.whole(table, row);
          signalLines.add(new SignalScore(signal, k, n, n > 0 ? k / n : Double.NaN, values[self],
              Prior.of(alpha, beta).mean(), alpha, beta, priors.hasOwnPrior(category, signal),
              percentile));
        } else {
          signalLines.add(new SignalScore(signal, Double.NaN, Double.NaN,
              table.amount(Amount.PRICE_INDEX, row), values[self], Double.NaN, Double.NaN, Double.NaN,
              false, percentile));
        }
      }
      double score = sum / d.signals().size();
      dimensionScores[d.ordinal()] = score;
      double w = weights[d.ordinal()];
      lines.add(new DimensionScore(d, signalLines, score, w, w * score));
    }
    return new ScoreCard(table.id(row), row, category, m, lines,
        Weights.composite(weights, dimensionScores), rank[position], quality[position],
        head[position]);
  }
}
