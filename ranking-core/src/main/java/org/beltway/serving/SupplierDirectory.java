package org.beltway.serving;

import it.unimi.dsi.fastutil.HashCommon;
import java.util.Locale;

/**
 * Supplier id to everything a query needs of the supplier, in one probe: a table whose slot holds four
 * longs (id, the reciprocal of merit, one plus the level, and row + combination + programs), so a
 * candidate costs one cache line, not one miss per column, and no division. Where the ids are dense
 * (they span no more than the slots a hash table would take, as ids handed out in sequence do), a slot
 * is addressed by the id's offset from the smallest: no hash, no probe sequence, no branch to
 * mispredict. Otherwise it is an open-addressing table at most half full. 32 bytes a slot (the file
 * holds less: {@link SnapshotFormat}).
 */
final class SupplierDirectory {
  static final int STRIDE = 4;
  private final long[] slots;
  /** Hashed: the slot mask. */
  private final int mask;
  /** Direct: the smallest id and the number of slots; span 0 when hashed. */
  private final long base;
  private final long span;

  SupplierDirectory(long[] ids, double[] merit, double[] level, short[] combo, byte[] programs) {
    int n = ids.length;
    int capacity = Integer.highestOneBit(Math.max(2, 2 * n - 1)) << 1;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long id : ids) {
      min = Math.min(min, id);
      max = Math.max(max, id);
    }
    // max - min + 1 may overflow to a negative or zero: then the ids are anything but dense
    long width = max - min + 1;
    boolean direct = n > 0 && width > 0 && width <= capacity;
    mask = capacity - 1;
    base = direct ? min : 0;
    span = direct ? width : 0;
    slots = new long[(direct ? (int) width : capacity) * STRIDE];
    for (int row = 0; row < n; row++) {
      long id = ids[row];
      int s = direct ? (int) (id - min) : (int) HashCommon.mix(id) & mask;
      while (slots[s * STRIDE + 3] != 0) {
        if (slots[s * STRIDE] == id) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "supplier %d appears twice (rows %d and %d)", id, row(s * STRIDE), row));
        }
        s = (s + 1) & mask;
      }
      int b = s * STRIDE;
      slots[b] = id;
      slots[b + 1] = Double.doubleToRawLongBits(merit[row] > 0 ? 1 / merit[row] : -1.0);
      slots[b + 2] = Double.doubleToRawLongBits(1.0 + level[row]);
      slots[b + 3] = ((long) (row + 1) << 32) | ((combo[row] & 0xFFFFL) << 8) | (programs[row] & 0xFFL);
    }
  }

  /** The slot base (index of the id) of a supplier, or -1 when it is not in the plan. */
  int find(long id) {
    long[] t = slots;
    if (span > 0) {
      long k = id - base;
      if (Long.compareUnsigned(k, span) >= 0) {
        return -1;
      }
      int b = (int) k * STRIDE;
      return t[b + 3] != 0 ? b : -1;
    }
    int s = (int) HashCommon.mix(id) & mask;
    while (true) {
      int b = s * STRIDE;
      if (t[b + 3] == 0) {
        return -1;
      }
      if (t[b] == id) {
        return b;
      }
      s = (s + 1) & mask;
    }
  }

  /** The row of the supplier whose slot base is {@code b}. */
  int row(int b) {
    return (int) (slots[b + 3] >>> 32) - 1;
  }

  /** {@code 1 / merit}, or -1 for a supplier of merit 0 (whose boost is 0). */
  double inverseMerit(int b) {
    return Double.longBitsToDouble(slots[b + 1]);
  }

  /** One plus the supplier's level, the part of {@link org.beltway.internal.dual.Duals#level} it owns. */
  double baseLevel(int b) {
    return Double.longBitsToDouble(slots[b + 2]);
  }

  int combo(int b) {
    return (int) (slots[b + 3] >>> 8) & 0xFFFF;
  }

  int programs(int b) {
    return (int) slots[b + 3] & 0xFF;
  }

  /** Bytes held. */
  long bytes() {
    return 8L * slots.length;
  }
}
