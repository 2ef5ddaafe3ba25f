package org.beltway.score;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.List;
import java.util.Locale;
import org.beltway.internal.Strict;
import org.beltway.internal.Workers;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Count;
import org.beltway.supplier.SupplierTable;

/**
 * The six-dimension supplier scoring engine (docs/design.md §3). Columnar over all suppliers:
 *
 * <ol>
 *   <li>group the rows by primary category (the peer group), ordered by supplier id within it;
 *   <li>shrink every rate toward its category's empirical-Bayes beta prior ({@link Priors}), so that
 *       small samples do not win on luck; score the price index on the {@link PriceBand};
 *   <li>turn every signal into its mid-rank percentile within the category, ties averaged and inverted
 *       for lower-is-better signals (see {@link Direction}; the formula is {@code (below + (equal − 1)/2)
 *       / (m − 1)}, 0.5 for a category of one);
 *   <li>score each {@link Dimension} as the mean of its signals' percentiles, in [0, 1];
 *   <li>composite = Σ_d w_d · score_d with the category's {@link Weights}, in [0, 1];
 *   <li>rank within the category by composite, descending, ties broken by supplier id ascending (the
 *       smaller id first); the quality tier is the first {@code max(1, ⌈qualityShare · m⌉)} of each
 *       category; the head tier is the first {@code ⌈headShare · N⌉} of all N suppliers by orders,
 *       descending, ties by supplier id ascending. The head tier is global, not per category: it marks
 *       the marketplace's "lighthouse" suppliers that lack no orders, whose traffic the allocation may
 *       cap (docs/design.md §1).
 * </ol>
 *
 * <p>Every number is explained by {@link Scores#card(int)}. The same inputs in any row order give the
 * same scores per supplier id, bit for bit, and results do not depend on {@link ScoringConfig#threads()}:
 * categories (and, within them, dimensions) are independent units of work run on plain threads, and every
 * sum runs in supplier-id order. The hot path sorts packed primitive keys ({@link MidRanks}) and creates
 * no object per supplier.
 *
 * <p>Laws, tested as properties: all scores lie in [0, 1]; with fixed priors, improving one signal of
 * one supplier never lowers its dimension score, its composite or its rank; a malicious claim or an
 * appeal won never changes any score; pricing further below the band's low edge never changes any score.
 */
public final class Scorer {
  /** The scorer with {@link ScoringConfig#DEFAULT}. */
  public static final Scorer DEFAULT = new Scorer(ScoringConfig.DEFAULT);

  private static final int DIMENSIONS = Dimension.VALUES.length;
  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

  private final ScoringConfig config;

  private Scorer(ScoringConfig config) {
    this.config = config;
  }

  /**
   * A scorer with the given settings.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public static Scorer of(ScoringConfig config) {
    return new Scorer(Strict.nonNull(config, "config", ScoringConfig.class));
  }

  /** The settings. */
  public ScoringConfig config() {
    return config;
  }

  /**
   * Fits the priors on a reference table with this scorer's settings; the same as
   * {@link Priors#fit(SupplierTable, ScoringConfig)}.
   */
  public Priors fitPriors(SupplierTable reference) {
    return Priors.fit(reference, config);
  }

  /**
   * Scores a table with priors fitted on the table itself. Convenient, but the priors then move with the
   * data: for the monotonicity law use {@link #score(SupplierTable, Priors)} with fixed priors.
   *
   * @throws NullPointerException if {@code table} is null
   */
  public Scores score(SupplierTable table) {
    Strict.nonNull(table, "table", SupplierTable.class);
    CategoryGroups groups = CategoryGroups.of(table);
    return compute(table, groups, Priors.fit(table, groups, config));
  }

  /**
   * Scores a table with the given priors (e.g. fitted on the previous window). A category the priors do
   * not know gets the global priors.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the priors were fitted with another claim cap or minimum
   *     category size than this scorer's: the rates they shrink would be counted differently
   */
  public Scores score(SupplierTable table, Priors priors) {
    Strict.nonNull(table, "table", SupplierTable.class);
    Strict.nonNull(priors, "priors", Priors.class);
    if (priors.claimCapPerBuyer() != config.claimCapPerBuyer()) {
      throw mismatch("claimCapPerBuyer", priors.claimCapPerBuyer(), config.claimCapPerBuyer());
    }
    if (priors.minCategorySize() != config.minCategorySize()) {
      throw mismatch("minCategorySize", priors.minCategorySize(), config.minCategorySize());
    }
    return compute(table, CategoryGroups.of(table), priors);
  }

  private static IllegalArgumentException mismatch(String setting, int fitted, int mine) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "priors fitted with %s %d, this scorer uses %d: expected priors fitted with this scorer's"
            + " settings (Scorer.fitPriors)", setting, fitted, mine));
  }

  /** Rows per unit of the row-order passes. */
  static final int CHUNK = 1 << 14;

  /** Per-thread scratch, sized to the largest category. */
  private static final class Scratch {
    final double[] percentiles;
    final double[] values;
    final long[] bits;
    final MidRanks.Buffers buffers;
    final double[] row = new double[DIMENSIONS];

    Scratch(int size) {
      percentiles = new double[size];
      values = new double[size];
      bits = new long[size];
      buffers = new MidRanks.Buffers(size);
    }
  }

  private static Scratch scratch(Scratch[] scratch, int worker, int size) {
    Scratch s = scratch[worker];
    if (s == null) {
      s = new Scratch(size);
      scratch[worker] = s;
    }
    return s;
  }

  /**
   * Two passes per signal: in row order (sequential reads of the table's columns and sequential writes,
   * parallel over chunks of rows) the value ranked of every row; then per category (parallel over
   * categories) the category's values are gathered in supplier-id order and become percentiles, summed
   * into the dimension score, which is stored by position in the grouping. Then per category the
   * composite, rank and quality tier. (Writing the first pass straight to grouped positions scatters
   * one cache miss per write; gathering is cheaper.)
   */
  private Scores compute(SupplierTable table, CategoryGroups groups, Priors priors) {
    int n = table.size();
    int groupCount = groups.groups();
    int threads = config.threads();
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[][] dimensions = new double[DIMENSIONS][n];
    double[] composite = new double[n];
    int[] rank = new int[n];
    boolean[] quality = new boolean[n];
    int[] order = groups.largestFirst();
    Scratch[] scratch = new Scratch[threads];
    double[] values = new double[n];
    double[] alpha = new double[groupCount];
    double[] beta = new double[groupCount];
    int cap = config.claimCapPerBuyer();
    double low = config.priceBand().low();
    double high = config.priceBand().high();

    for (Dimension d : Dimension.VALUES) {
      List<Signal> signals = d.signals();
      int count = signals.size();
      double[] out = dimensions[d.ordinal()];
      for (int k = 0; k < count; k++) {
        Signal signal = signals.get(k);
        if (signal.isRate()) {
          for (int g = 0; g < groupCount; g++) {
            alpha[g] = priors.alpha(groups.category[g], signal.ordinal());
            beta[g] = priors.beta(groups.category[g], signal.ordinal());
          }
        }
        Workers.run(threads, chunks, (chunk, worker) -> {
          int[] groupOfRow = groups.groupOfRow;
          for (int r = chunk * CHUNK, end = Math.min(n, r + CHUNK); r < end; r++) {
            int g = groupOfRow[r];
            values[r] = value(signal, table, r, alpha[g], beta[g], cap, low, high);
          }
        });
        boolean last = k == count - 1;
        Workers.run(threads, groupCount, (unit, worker) -> {
          Scratch s = scratch(scratch, worker, groups.largest);
          int g = order[unit];
          int from = groups.start[g];
          int m = groups.start[g + 1] - from;
          double[] p = s.percentiles;
          double[] v = s.values;
          int[] rowAt = groups.rowAt;
          for (int i = 0; i < m; i++) {
            v[i] = values[rowAt[from + i]];
          }
          MidRanks.percentiles(v, 0, m, signal.direction(), s.bits, s.buffers, p);
          for (int i = 0; i < m; i++) {
            out[from + i] += p[i];
          }
          if (last) {
            for (int i = 0; i < m; i++) {
              out[from + i] /= count;
            }
          }
        });
      }
    }

    // One unit per category: composite, rank, quality tier.
    double share = config.qualityShare();
    Workers.run(threads, groupCount, (unit, worker) -> {
      Scratch s = scratch(scratch, worker, groups.largest);
      int g = order[unit];
      int from = groups.start[g];
      int to = groups.start[g + 1];
      int m = to - from;
      double[] weights = config.weights(groups.category[g]).toArray();
      double[] scoresOfRow = s.row;
      long[] bits = s.bits;
      for (int i = 0; i < m; i++) {
        for (int d = 0; d < DIMENSIONS; d++) {
          scoresOfRow[d] = dimensions[d][from + i];
        }
        double c = Weights.composite(weights, scoresOfRow);
        composite[from + i] = c;
        bits[i] = ONE_BITS - MidRanks.bits(c);
      }
      MidRanks.order(bits, m, s.buffers);
      long[] index = s.buffers.keys;
      // ties share a rank and a tier, so neither depends on ids (the anonymity law, design.md §7)
      long boundary = bits[(int) index[qualityCount(share, m) - 1]];
      int runRank = 1;
      for (int r = 0; r < m; r++) {
        int i = (int) index[r];
        if (r > 0 && bits[i] != bits[(int) index[r - 1]]) {
          runRank = r + 1;
        }
        rank[from + i] = runRank;
        quality[from + i] = bits[i] <= boundary;
      }
    });

    boolean[] head = headTier(table, groups, config.headShare());
    return new Scores(table, priors, config, groups, dimensions, composite, rank, quality, head);
  }

  /** The quality tier size of a category of {@code m}: {@code max(1, ⌈share · m⌉)}, at most m. */
  static int qualityCount(double share, int m) {
    return Math.min(m, Math.max(1, (int) Math.ceil(share * m - 1e-9)));
  }

  /** The head tier size of {@code n} suppliers: {@code ⌈share · n⌉}, at most n. */
  static int headCount(double share, int n) {
    return Math.min(n, Math.max(0, (int) Math.ceil(share * n - 1e-9)));
  }

  /**
   * The head tier by position: the top ⌈share · N⌉ by orders, and every supplier tied with the last of
   * them (so the tier never depends on ids); a supplier without orders is never head.
   */
  private static boolean[] headTier(SupplierTable table, CategoryGroups groups, double share) {
    int n = table.size();
    boolean[] head = new boolean[n];
    int h = headCount(share, n);
    if (h == 0) {
      return head;
    }
    int[] orders = new int[n];
    for (int r = 0; r < n; r++) {
      orders[r] = (int) table.count(Count.ORDERS, r);
    }
    int[] sorted = orders.clone();
    IntArrays.radixSort(sorted);
    int threshold = Math.max(1, sorted[n - h]);
    for (int r = 0; r < n; r++) {
      head[groups.positionOf[r]] = orders[r] >= threshold;
    }
    return head;
  }

  /**
   * The value ranked for a signal of a row: its shrunk rate under Beta(α, β), or its price credit.
   * Shared by scoring and score cards, so both see the same bits.
   */
  static double value(Signal signal, SupplierTable table, int row, double alpha, double beta,
      int claimCapPerBuyer, double low, double high) {
    if (signal.isRate()) {
      return Prior.shrink(signal.part(table, row, claimCapPerBuyer), signal.whole(table, row), alpha,
          beta);
    }
    return PriceBand.credit(table.amount(Amount.PRICE_INDEX, row), low, high);
  }
}
