package org.beltway.serving;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Delivered exposure per supplier row, in fixed point ({@value #UNIT_BITS} fractional bits), in
 * striped counters: each reranker adds to its own stripe with an atomic add, so no update is lost under
 * any number of threads, threads on different stripes never contend, and the totals do not depend on
 * the order of the additions (integers add exactly).
 */
final class Delivery {
  static final int UNIT_BITS = 32;
  static final double UNIT = 0x1p32;
  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
  private final long[][] stripes;
  private final int mask;

  Delivery(int rows, int stripeCount) {
    int s = Integer.highestOneBit(Math.max(1, stripeCount));
    stripes = new long[s][rows];
    mask = s - 1;
  }

  /** Stripes for this machine: the processor count rounded down to a power of two, at most 8. */
  static int defaultStripes() {
    return Math.min(8, Integer.highestOneBit(Runtime.getRuntime().availableProcessors()));
  }

  int stripes() {
    return stripes.length;
  }

  void add(int stripe, int row, long units) {
    LONGS.getAndAdd(stripes[stripe & mask], row, units);
  }

  /** Units delivered to a row so far (a consistent value of each stripe; a sum of them). */
  long units(int row) {
    long sum = 0;
    for (long[] stripe : stripes) {
      sum += (long) LONGS.getOpaque(stripe, row);
    }
    return sum;
  }

  /** The exposure of a row so far. */
  double exposure(int row) {
    return units(row) / UNIT;
  }

  /** The exposure of a weight, in units (rounded to nearest). */
  static long units(double weight) {
    return Math.round(weight * UNIT);
  }
}
