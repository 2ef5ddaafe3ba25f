package org.beltway.score;

import java.util.Arrays;

/**
 * Percentiles within a peer group, ties averaged, by sorting primitive keys. The percentile of a value
 * among {@code m} values is its mid-rank scaled to [0, 1]:
 *
 * <pre>
 *   percentile = (below + (equal − 1) / 2) / (m − 1)     for m ≥ 2;   0.5 for m = 1
 * </pre>
 *
 * where {@code below} counts the values strictly below it and {@code equal} the values equal to it
 * (itself included): the lowest distinct value gets 0, the highest 1, equal values the same percentile.
 * For a lower-is-better signal {@code below} is replaced by the count strictly above (the percentile of
 * the negated value). The percentile never falls when the value rises, which is what makes scores
 * monotone in every signal.
 *
 * <p>Sorting packs a prefix of each value's IEEE bits (values are non-negative, so their bits order like
 * the values) with the value's index into one {@code long}, and sorts those: with a comparison sort for
 * small groups, with a stable least-significant-digit radix sort on the prefix for large ones. Runs whose
 * prefixes collide but whose values differ are re-sorted on the remaining low bits, so the order is
 * exact: by value, then by index. No objects, no comparators.
 */
final class MidRanks {
  private MidRanks() {}

  /** From this size on, the radix sort. */
  static final int RADIX_THRESHOLD = 64;

  /** The percentile formula of the class doc; shared by scoring and score cards. */
  static double percentile(int below, int equal, int size) {
    return size == 1 ? 0.5 : (below + 0.5 * (equal - 1)) / (size - 1);
  }

  /** The sortable bits of a value {@code >= 0} ({@code -0.0} is read as {@code 0.0}). */
  static long bits(double value) {
    return Double.doubleToRawLongBits(value + 0.0);
  }

  /** Scratch for {@link #order}: a second key array and the radix counts. */
  static final class Buffers {
    final long[] keys;
    final long[] spare;
    final int[] counts = new int[256];

    Buffers(int size) {
      keys = new long[size];
      spare = new long[size];
    }
  }

  /**
   * Orders {@code m} entries by (bits ascending, index ascending): on return {@code buffers.keys[i]} is
   * the index of the i-th entry.
   *
   * @param bits the entries' sort bits, each {@code >= 0}
   */
  static void order(long[] bits, int m, Buffers buffers) {
    long[] keys = buffers.keys;
    int lowBits;
    if (m < RADIX_THRESHOLD) {
      lowBits = indexBits(m);
      long mask = (1L << lowBits) - 1;
      for (int i = 0; i < m; i++) {
        keys[i] = (bits[i] & ~mask) | i;
      }
      Arrays.sort(keys, 0, m);
    } else {
      lowBits = 32;
      for (int i = 0; i < m; i++) {
        keys[i] = (bits[i] >>> 31) << 32 | i;
      }
      radixSortHigh(keys, m, buffers.spare, buffers.counts);
    }
    // Resolve runs of equal prefix whose values differ, on the remaining low bits of the value.
    long mask = (1L << lowBits) - 1;
    long valueMask = lowBits == 32 ? (1L << 31) - 1 : mask;
    int i = 0;
    while (i < m) {
      long high = keys[i] & ~mask;
      int j = i + 1;
      while (j < m && (keys[j] & ~mask) == high) {
        j++;
      }
      if (j - i > 1 && !sameBits(bits, keys, i, j, mask)) {
        for (int k = i; k < j; k++) {
          int index = (int) (keys[k] & mask);
          keys[k] = ((bits[index] & valueMask) << lowBits) | index;
        }
        Arrays.sort(keys, i, j);
      }
      i = j;
    }
    for (int k = 0; k < m; k++) {
      keys[k] &= mask;
    }
  }

  /**
   * A stable LSD radix sort of {@code keys[0..m)} on their upper 32 bits, one byte per pass, skipping
   * passes whose byte is the same in every key.
   */
  private static void radixSortHigh(long[] keys, int m, long[] spare, int[] counts) {
    long[] src = keys;
    long[] dst = spare;
    for (int shift = 32; shift < 64; shift += 8) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < m; i++) {
        counts[(int) (src[i] >>> shift) & 0xFF]++;
      }
      if (counts[(int) (src[0] >>> shift) & 0xFF] == m) {
        continue;
      }
      int sum = 0;
      for (int b = 0; b < 256; b++) {
        int c = counts[b];
        counts[b] = sum;
        sum += c;
      }
      for (int i = 0; i < m; i++) {
        long key = src[i];
        dst[counts[(int) (key >>> shift) & 0xFF]++] = key;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != keys) {
      System.arraycopy(src, 0, keys, 0, m);
    }
  }

  /** Whether the run's entries all have the same bits: then it is already in index order. */
  private static boolean sameBits(long[] bits, long[] keys, int from, int to, long mask) {
    long first = bits[(int) (keys[from] & mask)];
    for (int k = from + 1; k < to; k++) {
      if (bits[(int) (keys[k] & mask)] != first) {
        return false;
      }
    }
    return true;
  }

  /** The bits needed to hold an index in [0, m). */
  static int indexBits(int m) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(m - 1));
  }

  /**
   * Writes the percentile of each of {@code values[from..from+m)} into {@code out[0..m)}.
   *
   * @param values non-negative, not NaN
   * @param bits scratch, at least {@code m} long
   */
  static void percentiles(double[] values, int from, int m, Direction direction, long[] bits,
      Buffers buffers, double[] out) {
    if (m == 1) {
      out[0] = 0.5;
      return;
    }
    for (int i = 0; i < m; i++) {
      bits[i] = bits(values[from + i]);
    }
    order(bits, m, buffers);
    long[] index = buffers.keys;
    boolean higher = direction == Direction.HIGHER_IS_BETTER;
    int i = 0;
    while (i < m) {
      long v = bits[(int) index[i]];
      int j = i + 1;
      while (j < m && bits[(int) index[j]] == v) {
        j++;
      }
      double p = percentile(higher ? i : m - j, j - i, m);
      for (int k = i; k < j; k++) {
        out[(int) index[k]] = p;
      }
      i = j;
    }
  }
}
