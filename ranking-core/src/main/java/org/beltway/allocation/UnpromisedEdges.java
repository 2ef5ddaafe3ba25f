package org.beltway.allocation;

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
 * of a bin changes only when merit is re-scored or the promised set changes. A build may therefore start
 * from a previous build's {@link Order} on the same graph: a segment whose bins hold the same edges, still
 * in ascending (ratio, edge) order, skips the sort. The result is the same as a fresh build's.
 */
final class UnpromisedEdges {
  /** Which edges each bin holds, in order: all a later build needs from this one. */
  static final class Order {
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
        boolean sorted = previous != null
            && reuse(previous, j, count, theta, cap, supOf, combo, promised, keys, ids);
        if (!sorted) {
          for (int e = from; e < to; e++) {
            if (theta[e] > 0 && !promised[supOf[e]]) {
              int at = cursor[combo == null ? 0 : combo[e]]++;
              keys[at] = ratioOf(theta, cap, e);
              ids[at] = e; // exact: edge indices are below 2^53
            }
          }
        }
        int bin = binsOf[j];
        int first = 0;
        for (int k = 0; k < kinds; k++) {
          int n = count[k];
          if (n == 0) {
            continue;
          }
          if (!sorted) {
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
   * Fills a segment's entries, grouped by combination, from a previous build's order if its bins hold the
   * same edges and they are still in strictly ascending (ratio, edge) order, the order the sort gives.
   *
   * @param count the segment's entries per combination now
   * @return whether the entries were filled (else nothing was written that matters)
   */
  private static boolean reuse(Order previous, int j, int[] count, double[] theta, double[] cap,
      int[] supOf, short[] combo, boolean[] promised, double[] keys, double[] ids) {
    int kinds = count.length;
    int firstBin = previous.binStart[j];
    int endBin = previous.binStart[j + 1];
    int present = 0;
    for (int k = 0; k < kinds; k++) {
      if (count[k] > 0) {
        present++;
      }
    }
    if (endBin - firstBin != present) {
      return false;
    }
    int at = 0;
    for (int b = firstBin; b < endBin; b++) {
      int k = previous.binCombo[b];
      int n = previous.entryStart[b + 1] - previous.entryStart[b];
      if (k >= kinds || count[k] != n) {
        return false;
      }
      double lastKey = Double.NEGATIVE_INFINITY;
      int lastEdge = -1;
      for (int q = previous.entryStart[b]; q < previous.entryStart[b + 1]; q++) {
        int e = previous.edgeOf[q];
        if (!(theta[e] > 0) || promised[supOf[e]] || (combo == null ? 0 : combo[e]) != k) {
          return false;
        }
        double key = ratioOf(theta, cap, e);
        if (!(key > lastKey || (key == lastKey && e > lastEdge))) {
          return false;
        }
        keys[at] = key;
        ids[at] = e;
        at++;
        lastKey = key;
        lastEdge = e;
      }
    }
    return true;
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

  /** The bin's fair-exposure distance at a level: Σ of {@link DualAscent#distance} over its edges. */
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
