package org.beltway.score;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import org.beltway.internal.Strict;
import org.beltway.internal.Workers;
import org.beltway.supplier.SupplierTable;

/**
 * The empirical-Bayes priors of every rate {@link Signal}, per category, fitted on a reference table
 * (e.g. the previous window, or the table being scored). Scoring takes priors as an explicit input so
 * that the laws of scoring hold exactly: with fixed priors, improving one signal of one supplier never
 * lowers its scores. A prior refitted on the changed table could break that law (the supplier's own
 * improvement moves its category's prior mean and strength, which moves every shrunk rate in the
 * category, its own included), so monotonicity is promised for fixed priors only.
 * {@link Scorer#score(SupplierTable)} is the convenience that fits the priors on the table it scores.
 *
 * <p><b>The fit.</b> For a signal and a category, take the suppliers with evidence ({@code n_i > 0}),
 * with parts {@code k_i}, raw rates {@code r_i = k_i / n_i}, {@code N} of them, {@code T = Σ n_i},
 * {@code K = Σ k_i}, pooled rate {@code m = K / T} and {@code W = Σ n_i (r_i − m)²}. Under the
 * beta-binomial model with mean μ and intra-class correlation {@code ρ = 1 / (α + β + 1)},
 * {@code E[W] = μ(1 − μ) [(N − 1)(1 − ρ) + ρ (T − Σ n_i² / T)]} (Kleinman, "Proportions with extraneous
 * variance", JASA 1973), so the method of moments gives
 *
 * <pre>
 *   ρ = (W / (m (1 − m)) − (N − 1)) / (T − Σ n_i² / T − (N − 1)),    strength α + β = 1/ρ − 1
 * </pre>
 *
 * with the guards: the strength is clamped to [{@link #MIN_STRENGTH}, {@link #MAX_STRENGTH}]; if no
 * over-dispersion is seen ({@code ρ ≤ 0}, or {@code m} is 0 or 1 so all rates agree) it is
 * {@code MAX_STRENGTH}; if ρ cannot be identified (the denominator is {@code ≤ 0}, e.g. every
 * {@code n_i = 1}) it is {@code MIN_STRENGTH}. The prior mean is the pooled rate smoothed away from 0 and
 * 1, {@code (K + ½) / (T + 1)}, so that α, β {@code > 0}; then {@code α = mean · strength},
 * {@code β = (1 − mean) · strength}.
 *
 * <p>A category gets its own prior for a signal when at least {@link ScoringConfig#minCategorySize()} of
 * its suppliers (by primary category) have evidence for it; otherwise it gets the global prior, fitted
 * the same way on all suppliers (W pooled exactly as the within-category sums plus the between-category
 * term {@code Σ_c T_c (m_c − m)²}). With no evidence at all the global prior is Beta(1, 1). Sums run over
 * the suppliers in id order, so priors do not depend on row order or thread count.
 */
public final class Priors {
  /** The weakest prior: worth two trials of evidence. */
  public static final double MIN_STRENGTH = 2.0;
  /** The strongest prior: never worth more than 1 000 trials of evidence. */
  public static final double MAX_STRENGTH = 1000.0;

  private static final int SIGNALS = Signal.VALUES.length;

  private final Int2IntOpenHashMap groupOf;
  private final double[] alpha;
  private final double[] beta;
  private final boolean[] own;
  private final int[] withEvidence;
  private final double[] globalAlpha;
  private final double[] globalBeta;
  private final int minCategorySize;
  private final int claimCapPerBuyer;

  private Priors(Int2IntOpenHashMap groupOf, double[] alpha, double[] beta, boolean[] own,
      int[] withEvidence, double[] globalAlpha, double[] globalBeta, int minCategorySize,
      int claimCapPerBuyer) {
    this.groupOf = groupOf;
    this.alpha = alpha;
    this.beta = beta;
    this.own = own;
    this.withEvidence = withEvidence;
    this.globalAlpha = globalAlpha;
    this.globalBeta = globalBeta;
    this.minCategorySize = minCategorySize;
    this.claimCapPerBuyer = claimCapPerBuyer;
  }

  /**
   * Fits the priors of every category of {@code reference} and the global priors (see the class doc),
   * using the config's {@link ScoringConfig#minCategorySize()}, {@link ScoringConfig#claimCapPerBuyer()}
   * and {@link ScoringConfig#threads()}.
   *
   * @param reference the suppliers to fit on, e.g. the previous window
   * @throws NullPointerException if an argument is null
   */
  public static Priors fit(SupplierTable reference, ScoringConfig config) {
    Strict.nonNull(reference, "reference", SupplierTable.class);
    Strict.nonNull(config, "config", ScoringConfig.class);
    return fit(reference, CategoryGroups.of(reference), config);
  }

  static Priors fit(SupplierTable table, CategoryGroups groups, ScoringConfig config) {
    int groupCount = groups.groups();
    int cap = config.claimCapPerBuyer();
    // Per (group, signal): N, T, K, Σn², W around the group's pooled rate.
    int[] count = new int[groupCount * SIGNALS];
    double[] total = new double[groupCount * SIGNALS];
    double[] parts = new double[groupCount * SIGNALS];
    double[] squares = new double[groupCount * SIGNALS];
    double[] within = new double[groupCount * SIGNALS];
    int threads = config.threads();
    int n = table.size();
    int chunks = (n + Scorer.CHUNK - 1) / Scorer.CHUNK;
    double[] part = new double[n];
    double[] whole = new double[n];
    int[] order = groups.largestFirst();
    for (Signal signal : Signal.VALUES) {
      if (!signal.isRate()) {
        continue;
      }
      // In row order, sequential reads and writes: the evidence of every row.
      Workers.run(threads, chunks, (chunk, worker) -> {
        for (int r = chunk * Scorer.CHUNK, end = Math.min(n, r + Scorer.CHUNK); r < end; r++) {
          part[r] = signal.part(table, r, cap);
          whole[r] = signal.whole(table, r);
        }
      });
      // Per category, in supplier-id order.
      Workers.run(threads, groupCount, (unit, worker) -> {
        int g = order[unit];
        int from = groups.start[g];
        int to = groups.start[g + 1];
        int at = g * SIGNALS + signal.ordinal();
        int c = 0;
        double t = 0;
        double k = 0;
        double q = 0;
        int[] rowAt = groups.rowAt;
        for (int i = from; i < to; i++) {
          double w = whole[rowAt[i]];
          if (w > 0) {
            c++;
            t += w;
            k += part[rowAt[i]];
            q += w * w;
          }
        }
        double spread = 0;
        if (c > 0) {
          double mean = k / t;
          for (int i = from; i < to; i++) {
            double w = whole[rowAt[i]];
            if (w > 0) {
              double d = part[rowAt[i]] / w - mean;
              spread += w * d * d;
            }
          }
        }
        count[at] = c;
        total[at] = t;
        parts[at] = k;
        squares[at] = q;
        within[at] = spread;
      });
    }
    int min = config.minCategorySize();
    double[] alpha = new double[groupCount * SIGNALS];
    double[] beta = new double[groupCount * SIGNALS];
    boolean[] own = new boolean[groupCount * SIGNALS];
    double[] globalAlpha = new double[SIGNALS];
    double[] globalBeta = new double[SIGNALS];
    for (Signal s : Signal.VALUES) {
      if (!s.isRate()) {
        continue;
      }
      int si = s.ordinal();
      long c = 0;
      double t = 0;
      double kk = 0;
      double q = 0;
      for (int g = 0; g < groupCount; g++) {
        int at = g * SIGNALS + si;
        c += count[at];
        t += total[at];
        kk += parts[at];
        q += squares[at];
      }
      double w = 0;
      if (c > 0) {
        double mean = kk / t;
        for (int g = 0; g < groupCount; g++) {
          int at = g * SIGNALS + si;
          if (count[at] > 0) {
            double d = parts[at] / total[at] - mean;
            w += within[at] + total[at] * d * d;
          }
        }
      }
      Prior global = moments(c, t, kk, q, w);
      globalAlpha[si] = global.alpha();
      globalBeta[si] = global.beta();
      for (int g = 0; g < groupCount; g++) {
        int at = g * SIGNALS + si;
        if (count[at] >= min) {
          Prior p = moments(count[at], total[at], parts[at], squares[at], within[at]);
          alpha[at] = p.alpha();
          beta[at] = p.beta();
          own[at] = true;
        } else {
          alpha[at] = global.alpha();
          beta[at] = global.beta();
        }
      }
    }
    Int2IntOpenHashMap groupOf = new Int2IntOpenHashMap(groupCount);
    groupOf.defaultReturnValue(-1);
    for (int g = 0; g < groupCount; g++) {
      groupOf.put(groups.category[g], g);
    }
    return new Priors(groupOf, alpha, beta, own, count, globalAlpha, globalBeta, min, cap);
  }

  /**
   * The method-of-moments beta prior of the class doc.
   *
   * @param count suppliers with evidence
   * @param total Σ n_i
   * @param parts Σ k_i
   * @param squares Σ n_i²
   * @param within Σ n_i (k_i/n_i − parts/total)²
   */
  static Prior moments(long count, double total, double parts, double squares, double within) {
    if (count == 0) {
      return new Prior(0.5 * MIN_STRENGTH, 0.5 * MIN_STRENGTH);
    }
    double m = parts / total;
    double strength;
    double spread = m * (1 - m);
    double denominator = total - squares / total - (count - 1);
    if (!(spread > 0)) {
      strength = MAX_STRENGTH;
    } else if (!(denominator > 0)) {
      strength = MIN_STRENGTH;
    } else {
      double rho = (within / spread - (count - 1)) / denominator;
      strength = rho > 0 ? 1 / rho - 1 : MAX_STRENGTH;
      strength = Math.max(MIN_STRENGTH, Math.min(MAX_STRENGTH, strength));
    }
    double mean = (parts + 0.5) / (total + 1);
    return new Prior(mean * strength, (1 - mean) * strength);
  }

  /**
   * The prior of a rate signal in a category: the category's own if it had enough suppliers with
   * evidence in the reference table, else the global prior (also for categories the reference lacks).
   *
   * @throws IllegalArgumentException if the signal is {@link Signal#PRICE_CREDIT}, which is not a rate
   */
  public Prior prior(int category, Signal signal) {
    int si = rateIndex(signal);
    int g = groupOf.get(category);
    if (g < 0) {
      return new Prior(globalAlpha[si], globalBeta[si]);
    }
    return new Prior(alpha[g * SIGNALS + si], beta[g * SIGNALS + si]);
  }

  /**
   * The global prior of a rate signal, fitted on all suppliers of the reference table.
   *
   * @throws IllegalArgumentException if the signal is {@link Signal#PRICE_CREDIT}
   */
  public Prior global(Signal signal) {
    int si = rateIndex(signal);
    return new Prior(globalAlpha[si], globalBeta[si]);
  }

  /**
   * Whether the category has its own prior for the signal (else it uses the global one).
   *
   * @throws IllegalArgumentException if the signal is {@link Signal#PRICE_CREDIT}
   */
  public boolean hasOwnPrior(int category, Signal signal) {
    int si = rateIndex(signal);
    int g = groupOf.get(category);
    return g >= 0 && own[g * SIGNALS + si];
  }

  /**
   * The number of the category's suppliers (by primary category) with evidence for the signal in the
   * reference table; 0 for a category the reference lacks.
   *
   * @throws IllegalArgumentException if the signal is {@link Signal#PRICE_CREDIT}
   */
  public int suppliersWithEvidence(int category, Signal signal) {
    int si = rateIndex(signal);
    int g = groupOf.get(category);
    return g < 0 ? 0 : withEvidence[g * SIGNALS + si];
  }

  /** The minimum category size the priors were fitted with. */
  public int minCategorySize() {
    return minCategorySize;
  }

  /** The claim cap per buyer the after-sales priors were fitted with. */
  public int claimCapPerBuyer() {
    return claimCapPerBuyer;
  }

  /** The α of a category's prior, hot path: {@code category} may be absent (then global). */
  double alpha(int category, int signal) {
    int g = groupOf.get(category);
    return g < 0 ? globalAlpha[signal] : alpha[g * SIGNALS + signal];
  }

  double beta(int category, int signal) {
    int g = groupOf.get(category);
    return g < 0 ? globalBeta[signal] : beta[g * SIGNALS + signal];
  }

  private static int rateIndex(Signal signal) {
    Strict.nonNull(signal, "signal", Signal.class);
    if (!signal.isRate()) {
      throw new IllegalArgumentException(signal + " is not a rate and has no prior");
    }
    return signal.ordinal();
  }
}
