package org.beltway.serving;

import it.unimi.dsi.fastutil.HashCommon;
import java.util.Locale;

/**
 * Supplier id to everything a query needs of the supplier, in one probe: an open-addressing table whose
 * slot holds four longs (id, merit, level, and row + combination + programs), so a candidate costs one
 * cache line, not one miss per column. At most half full; 32 bytes a slot, so about 64 bytes a
 * supplier in memory (the file holds less: {@link SnapshotFormat}).
 */
final class SupplierDirectory {
  static final int STRIDE = 4;
  private final long[] slots;
  private final int mask;

  SupplierDirectory(long[] ids, double[] merit, double[] level, short[] combo, byte[] programs) {
    int n = ids.length;
    int capacity = Integer.highestOneBit(Math.max(2, 2 * n - 1)) << 1;
    mask = capacity - 1;
    slots = new long[capacity * STRIDE];
    for (int row = 0; row < n; row++) {
      long id = ids[row];
      int s = (int) HashCommon.mix(id) & mask;
      while (slots[s * STRIDE + 3] != 0) {
        if (slots[s * STRIDE] == id) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "supplier %d appears twice (rows %d and %d)", id, row(s * STRIDE), row));
        }
        s = (s + 1) & mask;
      }
      int b = s * STRIDE;
      slots[b] = id;
      slots[b + 1] = Double.doubleToRawLongBits(merit[row]);
      slots[b + 2] = Double.doubleToRawLongBits(level[row]);
      slots[b + 3] = ((long) (row + 1) << 32) | ((combo[row] & 0xFFFFL) << 8) | (programs[row] & 0xFFL);
    }
  }

  /** The slot base (index of the id) of a supplier, or -1 when it is not in the plan. */
  int find(long id) {
    long[] t = slots;
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

  double merit(int b) {
    return Double.longBitsToDouble(slots[b + 1]);
  }

  double level(int b) {
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
