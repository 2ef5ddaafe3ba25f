package org.beltway.allocation;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Locale;
import org.beltway.internal.Strict;
import org.beltway.score.Dimension;
import org.beltway.score.Evidence;
import org.beltway.score.Scores;
import org.beltway.score.Signal;
import org.beltway.score.Weights;
import org.beltway.supplier.SupplierTable;

/**
 * Split-proof merit: a supplier's fair-exposure weight is what it brings times how well it serves,
 * {@code w_i = (v_i + ε) · map(q_i)}, with {@link Evidence#volume v} its catalogue (additive over shops)
 * and {@link #quality q} the composite of six dimensions as the scorer forms it, but of each signal's
 * {@link Evidence#goodness absolute goodness} (shrunk toward the worst end, so never higher for a
 * thinner record) read as a percentile on a fixed reference's suppliers of the same primary category
 * (docs/design.md §7, "Split-proof merit"). Percentiles keep the composite's spread and its balance
 * between signals; a fixed scale is one a new shop does not move.
 *
 * <p>Cut into N unlinked shops with the same total evidence, a supplier's shops have catalogues that
 * add up to its own and goodnesses, hence percentiles, qualities and merits, each at most its own, so
 * their combined weight is at most its weight (up to how the integer counts were dealt, and N·ε): fair
 * exposure can no longer be multiplied by opening shops. The composite map
 * ({@code scores(Scores, Merit)}) gives every shop at least {@code map.floor()}, so fair exposure grows
 * with the number of shops. The reference is fixed as the priors are: calibrate on today's table and
 * keep the scale while judging a change.
 *
 * <p>The price is that exposure grows with the catalogue: a supplier listing ten times the products
 * gets about ten times the fair exposure of one of equal quality, where the composite map gave every
 * supplier the same whatever its size; and the worst-end shrinkage ranks thin records low whatever
 * their latent quality. Small suppliers then owe their exposure to the policy's rules (guarantees,
 * group shares); on the 1% demo the smaller half of suppliers got 9.5% of impressions against 25%
 * under the composite map (README, "Split-proof merit").
 */
public final class EvidenceMerit {
  /** The volume of a supplier with no listings, so that merit is positive. */
  public static final double DEFAULT_EPSILON = 1e-3;

  private static final int SIGNALS = Signal.values().length;

  private final Merit map;
  private final double epsilon;
  /** Sorted reference goodness by primary category, {@code [signal][k]}; {@link #all} for the rest. */
  private final Int2ObjectOpenHashMap<double[][]> byCategory;
  private final double[][] all;

  private EvidenceMerit(Merit map, double epsilon, Int2ObjectOpenHashMap<double[][]> byCategory,
      double[][] all) {
    this.map = map;
    this.epsilon = epsilon;
    this.byCategory = byCategory;
    this.all = all;
  }

  /** Calibrated on a reference's suppliers, with {@link Merit#DEFAULT} and {@link #DEFAULT_EPSILON}. */
  public static EvidenceMerit calibrate(Scores reference) {
    return calibrate(reference, Merit.DEFAULT, DEFAULT_EPSILON);
  }

  /**
   * Calibrated on the goodness of a reference's suppliers, e.g. today's scores.
   *
   * @param map the map from quality to merit per unit of volume
   * @param epsilon the volume of a supplier with no listings, finite and {@code > 0}; each extra shop
   *     adds at most this much
   * @throws IllegalArgumentException if {@code epsilon} is not a finite number {@code > 0}
   */
  public static EvidenceMerit calibrate(Scores reference, Merit map, double epsilon) {
    Strict.nonNull(reference, "reference", Scores.class);
    Strict.nonNull(map, "map", Merit.class);
    if (!(epsilon > 0 && epsilon < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("epsilon (" + epsilon + "): expected a finite number > 0");
    }
    double[][] goodness = Evidence.goodness(reference);
    SupplierTable table = reference.table();
    Int2ObjectOpenHashMap<IntArrayList> rows = new Int2ObjectOpenHashMap<>();
    for (int r = 0; r < table.size(); r++) {
      rows.computeIfAbsent(table.primaryCategory(r), c -> new IntArrayList()).add(r);
    }
    Int2ObjectOpenHashMap<double[][]> byCategory = new Int2ObjectOpenHashMap<>(rows.size());
    rows.forEach((category, members) -> {
      double[][] scale = new double[SIGNALS][members.size()];
      for (int s = 0; s < SIGNALS; s++) {
        for (int k = 0; k < members.size(); k++) {
          scale[s][k] = goodness[s][members.getInt(k)];
        }
        Arrays.sort(scale[s]);
      }
      byCategory.put((int) category, scale);
    });
    double[][] all = new double[SIGNALS][];
    for (int s = 0; s < SIGNALS; s++) {
      all[s] = goodness[s].clone();
      Arrays.sort(all[s]);
    }
    return new EvidenceMerit(map, epsilon, byCategory, all);
  }

  /**
   * The share of the reference's suppliers of this primary category whose goodness of the signal is
   * lower, ties counted half, in [0, 1]: nondecreasing in the goodness. A category the reference lacks
   * is read on all its suppliers; an empty reference gives 0.5.
   */
  public double percentile(int category, Signal signal, double goodness) {
    Strict.nonNull(signal, "signal", Signal.class);
    double[] scale = byCategory.getOrDefault(category, all)[signal.ordinal()];
    if (scale.length == 0) {
      return 0.5;
    }
    int below = countBelow(scale, goodness, false);
    int upTo = countBelow(scale, goodness, true);
    return (below + 0.5 * (upTo - below)) / scale.length;
  }

  /**
   * The quality of every supplier of the scores' table, by its row, in [0, 1]: each dimension the mean
   * percentile of its signals' goodness on this scale, the dimensions weighted by the category's
   * weights, as the composite is formed.
   */
  public double[] quality(Scores scores) {
    Strict.nonNull(scores, "scores", Scores.class);
    SupplierTable table = scores.table();
    double[][] goodness = Evidence.goodness(scores);
    double[] out = new double[table.size()];
    Dimension[] dimensions = Dimension.values();
    for (int r = 0; r < out.length; r++) {
      int category = table.primaryCategory(r);
      Weights weights = scores.config().weights(category);
      double sum = 0;
      for (Dimension d : dimensions) {
        double mean = 0;
        for (Signal signal : d.signals()) {
          mean += percentile(category, signal, goodness[signal.ordinal()][r]);
        }
        sum += weights.weight(d) * (mean / d.signals().size());
      }
      out[r] = Math.max(0, Math.min(1, sum));
    }
    return out;
  }

  /** The weight of every supplier of the scores' table, by its row; each {@code > 0}. */
  public double[] apply(Scores scores) {
    Strict.nonNull(scores, "scores", Scores.class);
    return apply(scores, quality(scores));
  }

  /**
   * {@link #apply(Scores)} from the qualities {@link #quality} already gave for these scores, e.g. for
   * a quality tier as well, so they are not computed twice.
   *
   * @throws IllegalArgumentException if {@code quality} is not one value per scored supplier
   */
  public double[] apply(Scores scores, double[] quality) {
    Strict.nonNull(scores, "scores", Scores.class);
    Strict.nonNull(quality, "quality", double[].class);
    SupplierTable table = scores.table();
    if (quality.length != table.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "quality has %d values: expected one per scored supplier (%d)", quality.length, table.size()));
    }
    double[] out = new double[quality.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = (Evidence.volume(table, r) + epsilon) * map.of(quality[r]);
    }
    return out;
  }

  /** The map from quality to merit per unit of volume. */
  public Merit map() {
    return map;
  }

  /** The volume of a supplier with no listings. */
  public double epsilon() {
    return epsilon;
  }

  /** How many of the sorted values are below {@code x}, or at most {@code x} when {@code orEqual}. */
  private static int countBelow(double[] sorted, double x, boolean orEqual) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x || (orEqual && sorted[mid] == x)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
