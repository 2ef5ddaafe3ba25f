package org.beltway.internal.dual;

import it.unimi.dsi.fastutil.doubles.DoubleArrays;
import java.util.Arrays;
import org.beltway.internal.ClippedSum;
import org.beltway.internal.Workers;

/**
 * The edges of suppliers with neither a guarantee nor a total cap, aggregated per segment and group
 * combination (a <em>bin</em>), so that a segment's block update sweeps only its promised edges.
 *
 * <p>Such a supplier's level is always zero, so every edge of a bin has the same level {@code L = 1 +
 * γ_c − β_j} and carries {@code clip(θ_e L, 0, u_e)}: nothing when {@code L <= 0}, its cap when {@code L
 * >= u_e/θ_e}, {@code θ_e L} in between. Sorted by that ratio, with prefix sums of the caps and of
 * {@code u²/θ} and suffix sums of θ, a bin's traffic, one-sided slopes, neighbouring breakpoints and
 * fair-exposure distance at any level take one binary search rather than a sweep of its edges: the same
 * values as the edges summed one by one, up to rounding. On a national day these suppliers hold 78% of
 * the edges. Immutable after construction; built in parallel over segments.
 *
 * <p>Within a segment the ratio is {@code capShare · Σw / w_e}, whatever the day's traffic, so the order
 * of a bin changes only when merit is re-scored. A build may therefore start from a previous build's
 * {@link Order} on the same graph: in a bin whose remaining edges are still in ascending (ratio, edge)
 * order, only the newcomers (promises closed, tiers changed) are sorted, and merged in. The result is the
 * same as a fresh build's.
 */
public final class UnpromisedEdges {
  /** Which edges each bin holds, in order: all a later build needs from this one. */
  public static final class Order {
    /** Bins of segment {@code j}: {@code [binStart[j], binStart[j + 1])}. */
    final int[] binStart;
    /** The group combination of each bin. */
    final int[] binCombo;
    /** Entries of bin {@code b}: {@code [entryStart[b], entryStart[b + 1])}, by ascending ratio. */
    final int[] entryStart;
    /** The edge of each entry. */
    final int[] edgeOf;

    private Order(int[] binStart, int[] binCombo, int[] entryStart, int[] edgeOf) {
      this.binStart = binStart;
      this.binCombo = binCombo;
      this.entryStart = entryStart;
      this.edgeOf = edgeOf;
    }
  }

  final Order order;
  /** Bins of segment {@code j}: {@code [binStart[j], binStart[j + 1])}. */
  private final int[] binStart;
  /** The group combination of each bin. */
  final int[] binCombo;
  /** Entries of bin {@code b}: {@code [entryStart[b], entryStart[b + 1])}, by ascending ratio. */
  private final int[] entryStart;
  /** {@code u_e / θ_e} (+∞ without a cap). */
  private final double[] ratio;
  /** Σ u over the bin's entries up to and including this one. */
  private final double[] capPrefix;
  /** Σ u²/θ over the bin's entries up to and including this one. */
  private final double[] squarePrefix;
  /** Σ θ over this entry and the bin's later ones. */
  private final double[] thetaSuffix;

  /**
   * Aggregates the edges with {@code θ > 0} of the rows for which {@code promised} is false.
   *
   * @param cap the edge caps, or {@code null} for none
   * @param combo the group combination of each edge, or {@code null} when there are no groups
   * @param previous the order of an earlier build on the same graph (same edge numbering), or {@code
   *     null}
   */
  UnpromisedEdges(double[] theta, double[] cap, int[] segStart, int[] supOf, short[] combo,
      int combos, boolean[] promised, Workers workers, Order previous) {
    int segments = segStart.length - 1;
    // bins: count per segment, one per combination present
    int[] binsOf = new int[segments + 1];
    int[] entriesOf = new int[segments + 1];
    workers.forEach(chunks(segments), (c, w) -> {
      boolean[] present = new boolean[Math.max(1, combos)];
      for (int j = c * CHUNK, end = Math.min(segments, j + CHUNK); j < end; j++) {
        Arrays.fill(present, false);
        int bins = 0;
        int entries = 0;
        for (int e = segStart[j]; e < segStart[j + 1]; e++) {
          if (theta[e] > 0 && !promised[supOf[e]]) {
            int k = combo == null ? 0 : combo[e];
            if (!present[k]) {
              present[k] = true;
              bins++;
            }
            entries++;
          }
        }
        binsOf[j + 1] = bins;
        entriesOf[j + 1] = entries;
      }
    });
    for (int j = 0; j < segments; j++) {
      binsOf[j + 1] += binsOf[j];
      entriesOf[j + 1] += entriesOf[j];
    }
    binStart = binsOf;
    int bins = binsOf[segments];
    int entries = entriesOf[segments];
    binCombo = new int[bins];
    entryStart = new int[bins + 1];
    entryStart[bins] = entries;
    int[] edgeOf = new int[entries];
    ratio = new double[entries];
    capPrefix = new double[entries];
    squarePrefix = new double[entries];
    thetaSuffix = new double[entries];
    workers.forEach(chunks(segments), (c, w) -> {
      int kinds = Math.max(1, combos);
      int[] count = new int[kinds];
      int[] cursor = new int[kinds];
      double[] keys = new double[16];
      double[] ids = new double[16];
      Merge merge = previous == null ? null : new Merge();
      for (int j = c * CHUNK, end = Math.min(segments, j + CHUNK); j < end; j++) {
        int from = segStart[j];
        int to = segStart[j + 1];
        if (keys.length < to - from) {
          keys = new double[to - from];
          ids = new double[to - from];
        }
        // entries by combination (counting sort), then by (ratio, edge) within each
        Arrays.fill(count, 0);
        for (int e = from; e < to; e++) {
          if (theta[e] > 0 && !promised[supOf[e]]) {
            count[combo == null ? 0 : combo[e]]++;
          }
        }
        for (int k = 0, at = 0; k < kinds; k++) {
          cursor[k] = at;
          at += count[k];
        }
        for (int e = from; e < to; e++) {
          if (theta[e] > 0 && !promised[supOf[e]]) {
            int at = cursor[combo == null ? 0 : combo[e]]++;
            keys[at] = ratioOf(theta, cap, e);
            ids[at] = e; // exact: edge indices are below 2^53
          }
        }
        int bin = binsOf[j];
        int first = 0;
        for (int k = 0; k < kinds; k++) {
          int n = count[k];
          if (n == 0) {
            continue;
          }
          if (merge == null || !merge.sort(previous, j, k, from, keys, ids, first, n)) {
            DoubleArrays.quickSort(keys, ids, first, first + n);
          }
          int entry = entriesOf[j] + first;
          binCombo[bin] = k;
          entryStart[bin] = entry;
          double caps = 0;
          double squares = 0;
          for (int q = first; q < first + n; q++) {
            int e = (int) ids[q];
            double u = cap == null ? Double.POSITIVE_INFINITY : cap[e];
            edgeOf[entry + q - first] = e;
            ratio[entry + q - first] = keys[q];
            caps += u;
            squares += u * u / theta[e];
            capPrefix[entry + q - first] = caps;
            squarePrefix[entry + q - first] = squares;
          }
          double thetas = 0;
          for (int q = first + n - 1; q >= first; q--) {
            thetas += theta[(int) ids[q]];
            thetaSuffix[entry + q - first] = thetas;
          }
          first += n;
          bin++;
        }
      }
    });
    order = new Order(binStart, binCombo, entryStart, edgeOf);
  }

  /**
   * Sorts a bin's entries by (ratio, edge) from a previous build's order of the same segment and
   * combination: the edges still in the bin keep their order if it is still ascending, the newcomers
   * (promises closed, combinations changed) are sorted alone and merged in. The result is what the sort
   * gives. One per worker.
   */
  private static final class Merge {
    private int[] seen = new int[16];
    private int[] slot = new int[16];
    private int stamp;
    private double[] keys = new double[16];
    private double[] ids = new double[16];

    /**
     * Sorts {@code keys, ids [first, first + n)}, the bin of combination {@code k} in segment {@code
     * j} whose edges start at {@code from}.
     *
     * @return false, leaving the entries in place, where the previous order does not hold
     */
    boolean sort(Order previous, int j, int k, int from, double[] binKeys, double[] binIds, int first,
        int n) {
      int bin = previous.binStart[j];
      while (bin < previous.binStart[j + 1] && previous.binCombo[bin] != k) {
        bin++;
      }
      if (bin == previous.binStart[j + 1]) {
        return false;
      }
      int span = binIds.length;
      if (seen.length < span) {
        seen = new int[span];
        slot = new int[span];
      }
      if (keys.length < 2 * span) { // the kept at [0, kept), the newcomers at [n, 2n - kept)
        keys = new double[2 * span];
        ids = new double[2 * span];
      }
      stamp++;
      for (int q = first; q < first + n; q++) {
        int local = (int) binIds[q] - from;
        seen[local] = stamp;
        slot[local] = q;
      }
      // the kept edges in their old order, at [0, kept); ascending or no use
      int kept = 0;
      for (int q = previous.entryStart[bin]; q < previous.entryStart[bin + 1]; q++) {
        int local = previous.edgeOf[q] - from;
        if (local < 0 || local >= span || seen[local] != stamp) {
          continue; // left the bin
        }
        int at = slot[local];
        if (kept > 0 && !before(keys[kept - 1], ids[kept - 1], binKeys[at], binIds[at])) {
          return false;
        }
        keys[kept] = binKeys[at];
        ids[kept] = binIds[at];
        seen[local] = -stamp;
        kept++;
      }
      // the newcomers, sorted alone, at [n, 2n - kept)
      int fresh = n;
      for (int q = first; q < first + n; q++) {
        if (seen[(int) binIds[q] - from] == stamp) {
          keys[fresh] = binKeys[q];
          ids[fresh] = binIds[q];
          fresh++;
        }
      }
      DoubleArrays.quickSort(keys, ids, n, fresh);
      for (int a = 0, b = n, q = first; q < first + n; q++) {
        boolean takeKept = b == fresh || (a < kept && before(keys[a], ids[a], keys[b], ids[b]));
        int pick = takeKept ? a++ : b++;
        binKeys[q] = keys[pick];
        binIds[q] = ids[pick];
      }
      return true;
    }

    private static boolean before(double key, double id, double otherKey, double otherId) {
      return key < otherKey || (key == otherKey && id < otherId);
    }
  }

  private static final int CHUNK = 64;

  private static int chunks(int segments) {
    return (segments + CHUNK - 1) / CHUNK;
  }

  private static double ratioOf(double[] theta, double[] cap, int e) {
    return cap == null ? Double.POSITIVE_INFINITY : cap[e] / theta[e];
  }

  /** The first bin of segment {@code j}. */
  int firstBin(int j) {
    return binStart[j];
  }

  /** One past the last bin of segment {@code j}. */
  int endBin(int j) {
    return binStart[j + 1];
  }

  /** Number of bins. */
  int bins() {
    return binCombo.length;
  }

  /** How many of the bin's edges have {@code u/θ < level} (strictly at their cap). */
  private int below(int b, double level) {
    int lo = entryStart[b];
    int hi = entryStart[b + 1];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ratio[mid] < level) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - entryStart[b];
  }

  /** How many of the bin's edges have {@code u/θ <= level} (at their cap). */
  private int atMost(int b, double level) {
    int lo = entryStart[b];
    int hi = entryStart[b + 1];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ratio[mid] <= level) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - entryStart[b];
  }

  private double capsOfFirst(int b, int n) {
    return n == 0 ? 0.0 : capPrefix[entryStart[b] + n - 1];
  }

  private double squaresOfFirst(int b, int n) {
    return n == 0 ? 0.0 : squarePrefix[entryStart[b] + n - 1];
  }

  /** Σ θ of the bin's edges after its first {@code n}. */
  private double thetaAfter(int b, int n) {
    int p = entryStart[b] + n;
    return p < entryStart[b + 1] ? thetaSuffix[p] : 0.0;
  }

  /**
   * Adds the bin to an evaluation of {@link ClippedSum#evaluate} at {@code t} for edges whose offset is
   * {@code base} ({@code 1 + γ_c}, as the bin's level is {@code base + t}), with the same conventions
   * at the breakpoints.
   */
  void addTo(int b, double base, double t, double[] out) {
    double level = base + t;
    if (level < 0) {
      out[ClippedSum.NEXT_UP] = Math.min(out[ClippedSum.NEXT_UP], -base);
    } else if (level == 0) {
      out[ClippedSum.SLOPE_RIGHT] += thetaAfter(b, atMost(b, 0.0)); // edges with a positive cap
    } else {
      int capped = atMost(b, level);
      int strictly = capped > 0 && ratio[entryStart[b] + capped - 1] == level ? below(b, level) : capped;
      double free = thetaAfter(b, capped);
      out[ClippedSum.SUM] += capsOfFirst(b, capped) + level * free;
      out[ClippedSum.SLOPE_RIGHT] += free;
      out[ClippedSum.SLOPE_LEFT] += thetaAfter(b, strictly);
      if (strictly > 0) {
        double leaves = ratio[entryStart[b] + strictly - 1] - base;
        out[ClippedSum.NEXT_DOWN] = Math.max(out[ClippedSum.NEXT_DOWN], leaves);
      }
    }
  }

  /**
   * How many of the bin's edges are at their cap at a level (0 where the level is not positive): the
   * search that {@link #traffic}, {@link #freeTheta} and {@link #cost} share, for callers that need
   * more than one of them at the same level.
   */
  int capped(int b, double level) {
    return level <= 0 ? 0 : atMost(b, level);
  }

  /** The bin's traffic at a level. */
  double traffic(int b, double level) {
    return traffic(b, level, capped(b, level));
  }

  /** {@link #traffic(int, double)} given {@link #capped} at the same level. */
  double traffic(int b, double level, int capped) {
    if (level <= 0) {
      return 0.0;
    }
    return capsOfFirst(b, capped) + level * thetaAfter(b, capped);
  }

  /** Σ θ of the bin's unclipped edges at a level. */
  double freeTheta(int b, double level) {
    return freeTheta(b, level, capped(b, level));
  }

  /** {@link #freeTheta(int, double)} given {@link #capped} at the same level. */
  double freeTheta(int b, double level, int capped) {
    return level <= 0 ? 0.0 : thetaAfter(b, capped);
  }

  /** The bin's fair-exposure distance at a level: Σ of {@link DualFunction#distance} over its edges. */
  double cost(int b, double level) {
    return cost(b, level, capped(b, level));
  }

  /** {@link #cost(int, double)} given {@link #capped} at the same level. */
  double cost(int b, double level, int capped) {
    double all = thetaAfter(b, 0);
    if (level <= 0) {
      return 0.5 * all;
    }
    double free = thetaAfter(b, capped);
    double r = level - 1.0;
    double cappedCost = 0.5 * (squaresOfFirst(b, capped) + (all - free)) - capsOfFirst(b, capped);
    return cappedCost + 0.5 * free * r * r;
  }
}
