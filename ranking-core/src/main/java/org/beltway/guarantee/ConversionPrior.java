package org.beltway.guarantee;

import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.Locale;
import org.beltway.internal.Strict;
import org.beltway.supplier.SupplierTable;

/**
 * A beta prior, per category, on the rate at which impressions win a supplier new buyers. A supplier's
 * rate is shrunk toward its category's prior as every rate in Beltway is (empirical-Bayes beta-binomial,
 * docs/design.md §3): with {@code k} new buyers in {@code n} impressions and a {@code Beta(a, b)}
 * prior, the estimate is the posterior mean {@code (k + a) / (n + a + b)}, so a supplier just enrolled
 * starts at the category's mean {@code a / (a + b)} and moves to its own rate as impressions accumulate.
 * A category without a prior of its own uses the global one.
 *
 * <p>{@link #fit} estimates the priors from observed (new buyers, impressions) per supplier by the method
 * of moments for the beta-binomial with unequal trials (Kleinman, "Proportions with extraneous
 * variance", JASA 1973): the mean is the pooled rate {@code K / N}; the intra-class correlation
 * {@code ρ = 1 / (a + b + 1)} solves {@code E[Σ n_i (p_i − μ)²] = μ(1 − μ)[(m − 1) + ρ(N − Σ n_i² / N − (m − 1))]}
 * with the observed weighted sum of squares. The prior strength {@code a + b = 1/ρ − 1} is clamped to
 * {@code [min(1, N), N]}: no stronger than the category's whole evidence (when the suppliers' rates vary
 * no more than binomial noise explains), never vanishing.
 *
 * <p>Immutable.
 */
public final class ConversionPrior {
  private final double globalAlpha;
  private final double globalBeta;
  /** Own priors by category id: maps, so memory follows the categories that have one, not the largest id. */
  private final Int2DoubleOpenHashMap alphas;
  private final Int2DoubleOpenHashMap betas;

  private ConversionPrior(double globalAlpha, double globalBeta, Int2DoubleOpenHashMap alphas,
      Int2DoubleOpenHashMap betas) {
    this.globalAlpha = globalAlpha;
    this.globalBeta = globalBeta;
    this.alphas = alphas;
    this.betas = betas;
  }

  /**
   * A prior {@code Beta(alpha, beta)} for every category.
   *
   * @throws IllegalArgumentException if alpha or beta is not a finite number {@code > 0}
   */
  public static ConversionPrior global(double alpha, double beta) {
    checkShape("global", alpha, beta);
    return new ConversionPrior(alpha, beta, new Int2DoubleOpenHashMap(), new Int2DoubleOpenHashMap());
  }

  /**
   * A copy of this prior with {@code Beta(alpha, beta)} for one category.
   *
   * @throws IllegalArgumentException if the category is negative or alpha or beta is not a finite
   *     number {@code > 0}
   */
  public ConversionPrior withCategory(int category, double alpha, double beta) {
    checkCategory(category);
    checkShape("category " + category, alpha, beta);
    Int2DoubleOpenHashMap a = new Int2DoubleOpenHashMap(alphas);
    Int2DoubleOpenHashMap b = new Int2DoubleOpenHashMap(betas);
    a.put(category, alpha);
    b.put(category, beta);
    return new ConversionPrior(globalAlpha, globalBeta, a, b);
  }

  /**
   * Fits a prior per category, and a global one, from observed new buyers and impressions per supplier
   * (see the class doc). Suppliers without impressions carry no evidence and are skipped. A category
   * gets a prior of its own when at least {@code minSuppliers} of its suppliers had impressions, it won
   * some new buyers but fewer than its impressions, and the moments are defined; otherwise it uses the
   * global prior.
   *
   * @param categories each supplier's category (the peer group of its rate), {@code >= 0}
   * @param newBuyers each supplier's new buyers, {@code >= 0} and at most its impressions
   * @param impressions each supplier's impressions, {@code >= 0}
   * @param minSuppliers suppliers with impressions a category needs for a prior of its own, {@code >= 2}
   * @throws IllegalArgumentException naming the supplier row and value when an input is invalid, when
   *     the arrays differ in length, or when even the global prior cannot be fitted (fewer than two
   *     suppliers with impressions, no new buyers at all, or as many new buyers as impressions)
   */
  public static ConversionPrior fit(int[] categories, long[] newBuyers, long[] impressions, int minSuppliers) {
    Strict.nonNull(categories, "categories", int[].class);
    Strict.nonNull(newBuyers, "newBuyers", long[].class);
    Strict.nonNull(impressions, "impressions", long[].class);
    if (minSuppliers < 2) {
      throw new IllegalArgumentException("minSuppliers must be >= 2: " + minSuppliers);
    }
    int n = categories.length;
    if (newBuyers.length != n || impressions.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "newBuyers has %d values and impressions %d: expected one per supplier (%d)", newBuyers.length,
          impressions.length, n));
    }
    for (int r = 0; r < n; r++) {
      if (categories[r] < 0) {
        throw rowError(r, "category", categories[r], ">= 0");
      }
      if (newBuyers[r] < 0) {
        throw rowError(r, "newBuyers", newBuyers[r], ">= 0");
      }
      if (impressions[r] < 0) {
        throw rowError(r, "impressions", impressions[r], ">= 0");
      }
      if (newBuyers[r] > impressions[r]) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier row %d: newBuyers (%d) exceeds impressions (%d)", r, newBuyers[r], impressions[r]));
      }
    }
    Moments all = new Moments();
    Int2ObjectOpenHashMap<Moments> byCategory = new Int2ObjectOpenHashMap<>();
    for (int r = 0; r < n; r++) {
      if (impressions[r] > 0) {
        all.add(newBuyers[r], impressions[r]);
        Moments m = byCategory.get(categories[r]);
        if (m == null) {
          m = new Moments();
          byCategory.put(categories[r], m);
        }
        m.add(newBuyers[r], impressions[r]);
      }
    }
    double[] global = all.fit(2);
    if (global == null) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot fit the global new-buyer prior from %d suppliers with impressions, %d new buyers in %d "
              + "impressions: expected at least 2 suppliers with impressions and 0 < new buyers < impressions",
          all.suppliers, all.buyers, all.impressions));
    }
    Int2DoubleOpenHashMap a = new Int2DoubleOpenHashMap();
    Int2DoubleOpenHashMap b = new Int2DoubleOpenHashMap();
    for (Int2ObjectMap.Entry<Moments> entry : byCategory.int2ObjectEntrySet()) {
      double[] own = entry.getValue().fit(minSuppliers);
      if (own != null) {
        a.put(entry.getIntKey(), own[0]);
        b.put(entry.getIntKey(), own[1]);
      }
    }
    return new ConversionPrior(global[0], global[1], a, b);
  }

  /**
   * Fits from per-row observations of a supplier table, each supplier's peer group being its primary
   * category; see {@link #fit(int[], long[], long[], int)}.
   */
  public static ConversionPrior fit(SupplierTable suppliers, long[] newBuyersByRow, long[] impressionsByRow,
      int minSuppliers) {
    Strict.nonNull(suppliers, "suppliers", SupplierTable.class);
    Strict.nonNull(newBuyersByRow, "newBuyersByRow", long[].class);
    Strict.nonNull(impressionsByRow, "impressionsByRow", long[].class);
    int[] categories = new int[suppliers.size()];
    for (int r = 0; r < categories.length; r++) {
      categories[r] = suppliers.primaryCategory(r);
    }
    return fit(categories, newBuyersByRow, impressionsByRow, minSuppliers);
  }

  /** Whether the category has a prior of its own rather than the global one. */
  public boolean hasOwnPrior(int category) {
    checkCategory(category);
    return alphas.containsKey(category);
  }

  /** The prior's {@code a} (pseudo new buyers) for a category. */
  public double alpha(int category) {
    return hasOwnPrior(category) ? alphas.get(category) : globalAlpha;
  }

  /** The prior's {@code b} (pseudo impressions that won no new buyer) for a category. */
  public double beta(int category) {
    return hasOwnPrior(category) ? betas.get(category) : globalBeta;
  }

  /** The prior mean new-buyer rate per impression of a category, {@code a / (a + b)}. */
  public double mean(int category) {
    double a = alpha(category);
    return a / (a + beta(category));
  }

  public double globalAlpha() {
    return globalAlpha;
  }

  public double globalBeta() {
    return globalBeta;
  }

  /**
   * A supplier's shrunk new-buyer rate per impression, {@code (newBuyers + a) / (impressions + a + b)}.
   *
   * @throws IllegalArgumentException if the category or a count is negative
   */
  public double rate(int category, long newBuyers, long impressions) {
    if (newBuyers < 0 || impressions < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "newBuyers (%d) and impressions (%d): expected counts >= 0", newBuyers, impressions));
    }
    boolean own = hasOwnPrior(category);
    double a = own ? alphas.get(category) : globalAlpha;
    double b = own ? betas.get(category) : globalBeta;
    return (newBuyers + a) / (impressions + a + b);
  }

  @Override
  public String toString() {
    int own = alphas.size();
    return String.format(Locale.ROOT, "ConversionPrior{global=Beta(%s, %s), categoriesWithOwnPrior=%d}",
        globalAlpha, globalBeta, own);
  }

  private static void checkShape(String what, double alpha, double beta) {
    if (!(alpha > 0 && Double.isFinite(alpha) && beta > 0 && Double.isFinite(beta))) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s prior Beta(%s, %s): expected finite alpha > 0 and beta > 0", what, alpha, beta));
    }
  }

  private static void checkCategory(int category) {
    if (category < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "category (%d): expected >= 0", category));
    }
  }

  private static IllegalArgumentException rowError(int row, String field, long value, String expected) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "supplier row %d: %s (%d): expected %s", row, field, value, expected));
  }

  /** Sufficient statistics of one peer group for the moment fit. */
  private static final class Moments {
    int suppliers;
    long buyers;
    long impressions;
    double squaredImpressions;
    double buyersSquaredOverImpressions;

    void add(long k, long n) {
      suppliers++;
      buyers += k;
      impressions += n;
      squaredImpressions += (double) n * n;
      buyersSquaredOverImpressions += (double) k * k / n;
    }

    /** {@code {a, b}}, or null when the group is too small or degenerate. */
    double[] fit(int minSuppliers) {
      if (suppliers < minSuppliers || buyers == 0 || buyers >= impressions) {
        return null;
      }
      double total = impressions;
      double mean = buyers / total;
      double between = suppliers - 1;
      double denominator = total - squaredImpressions / total - between;
      if (!(denominator > 0)) {
        return null;
      }
      double weightedSquares = buyersSquaredOverImpressions - buyers * mean; // Σ n_i (p_i − μ)²
      double rho = (weightedSquares / (mean * (1 - mean)) - between) / denominator;
      double strength = rho > 0 ? 1 / rho - 1 : total;
      strength = Math.max(Math.min(1, total), Math.min(total, strength));
      return new double[] {mean * strength, (1 - mean) * strength};
    }
  }
}
