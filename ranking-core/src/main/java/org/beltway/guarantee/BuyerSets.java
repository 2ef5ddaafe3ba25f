package org.beltway.guarantee;

import it.unimi.dsi.fastutil.HashCommon;
import java.util.Arrays;

/**
 * One set of buyer ids per enrolment, each a bare open-addressing {@code long[]} table with linear
 * probing, created on the first buyer. A national ledger holds about a million sets of tens of buyers:
 * a bare array costs one 16-byte header and 8 bytes per slot at a load of at most 3/4, where a
 * {@code LongOpenHashSet} per enrolment would add an object of about 60 bytes to each, and a single
 * table of packed (enrolment, buyer) pairs would either bound buyer ids or need 12-byte slots and
 * whole-table rehashes of tens of millions of entries. Buyer ids are {@code >= 0}; {@code -1} marks a
 * free slot.
 */
final class BuyerSets {
  private static final int FIRST_CAPACITY = 8;
  private static final long FREE = -1L;

  private long[][] tables = new long[16][];
  private int[] sizes = new int[16];

  /** Makes room for sets {@code [0, count)}. */
  void ensureSets(int count) {
    if (count > tables.length) {
      int cap = Math.max(count, tables.length + (tables.length >> 1));
      tables = Arrays.copyOf(tables, cap);
      sizes = Arrays.copyOf(sizes, cap);
    }
  }

  /** The number of buyers in a set. */
  int size(int set) {
    return sizes[set];
  }

  boolean contains(int set, long buyer) {
    long[] table = tables[set];
    return table != null && table[slotOf(table, buyer)] == buyer;
  }

  /**
   * Adds a buyer ({@code >= 0}) to a set.
   *
   * @return whether the buyer was not in the set before
   */
  boolean add(int set, long buyer) {
    long[] table = tables[set];
    if (table == null) {
      table = new long[FIRST_CAPACITY];
      Arrays.fill(table, FREE);
      tables[set] = table;
    }
    int slot = slotOf(table, buyer);
    if (table[slot] == buyer) {
      return false;
    }
    if ((sizes[set] + 1) * 4L > table.length * 3L) {
      table = grow(table);
      tables[set] = table;
      slot = slotOf(table, buyer);
    }
    table[slot] = buyer;
    sizes[set]++;
    return true;
  }

  /** The heap taken by the sets: array headers and slots, plus the per-set columns. */
  long heapBytes() {
    long bytes = (long) tables.length * (4 + 4); // reference (compressed) and size
    for (long[] table : tables) {
      if (table != null) {
        bytes += 16 + 8L * table.length;
      }
    }
    return bytes;
  }

  private static long[] grow(long[] table) {
    long[] bigger = new long[table.length * 2];
    Arrays.fill(bigger, FREE);
    for (long buyer : table) {
      if (buyer != FREE) {
        bigger[slotOf(bigger, buyer)] = buyer;
      }
    }
    return bigger;
  }

  /** The slot holding the buyer, or else the free slot where it belongs (a table is never full). */
  private static int slotOf(long[] table, long buyer) {
    int mask = table.length - 1;
    int slot = (int) HashCommon.mix(buyer) & mask;
    while (table[slot] != buyer && table[slot] != FREE) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
