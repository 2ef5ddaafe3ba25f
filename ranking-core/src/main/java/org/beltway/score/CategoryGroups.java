package org.beltway.score;

import it.unimi.dsi.fastutil.longs.LongArrays;
import org.beltway.supplier.SupplierTable;

/**
 * The rows of a table grouped by primary category (ascending), and within a category ordered by supplier
 * id (ascending). Everything computed over a category walks its rows in this order, so sums and ties come
 * out the same whatever the order of the table's rows. Built once per table: an indirect radix sort of the
 * ids, then a stable counting sort by category.
 */
final class CategoryGroups {
  /** Position → row. */
  final int[] rowAt;
  /** Row → position. */
  final int[] positionOf;
  /** Row → group. */
  final int[] groupOfRow;
  /** Group → first position; {@code start[groups]} is the table size. */
  final int[] start;
  /** Group → category id, ascending. */
  final int[] category;
  /** The size of the largest group. */
  final int largest;

  private CategoryGroups(int[] rowAt, int[] positionOf, int[] groupOfRow, int[] start, int[] category,
      int largest) {
    this.rowAt = rowAt;
    this.positionOf = positionOf;
    this.groupOfRow = groupOfRow;
    this.start = start;
    this.category = category;
    this.largest = largest;
  }

  static CategoryGroups of(SupplierTable table) {
    int n = table.size();
    long[] ids = new long[n];
    long[] rows = new long[n];
    for (int r = 0; r < n; r++) {
      ids[r] = table.id(r);
      rows[r] = r;
    }
    LongArrays.radixSort(ids, rows);
    int limit = table.distinctCategories();
    int[] primary = new int[n];
    int[] next = new int[limit + 1];
    for (int r = 0; r < n; r++) {
      primary[r] = table.densePrimaryCategory(r);
      next[primary[r] + 1]++;
    }
    int groups = 0;
    int largest = 0;
    for (int c = 0; c < limit; c++) {
      if (next[c + 1] > 0) {
        groups++;
        largest = Math.max(largest, next[c + 1]);
      }
    }
    int[] start = new int[groups + 1];
    int[] category = new int[groups];
    int[] groupOfCategory = new int[limit];
    int g = 0;
    for (int c = 0; c < limit; c++) {
      int size = next[c + 1];
      next[c + 1] = next[c] + size;
      if (size > 0) {
        category[g] = table.categoryIdAt(c);
        start[g] = next[c];
        groupOfCategory[c] = g;
        g++;
      }
    }
    start[groups] = n;
    int[] rowAt = new int[n];
    int[] positionOf = new int[n];
    int[] groupOfRow = new int[n];
    for (int r = 0; r < n; r++) {
      groupOfRow[r] = groupOfCategory[primary[r]];
    }
    for (int i = 0; i < n; i++) {
      int r = (int) rows[i];
      int p = next[primary[r]]++;
      rowAt[p] = r;
      positionOf[r] = p;
    }
    return new CategoryGroups(rowAt, positionOf, groupOfRow, start, category, largest);
  }

  int groups() {
    return category.length;
  }

  int size(int group) {
    return start[group + 1] - start[group];
  }

  /** The group holding a position. */
  int groupAt(int position) {
    int lo = 0;
    int hi = category.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= position) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The groups, largest first (ties by group), for load balancing across threads. */
  int[] largestFirst() {
    int groups = groups();
    long[] keys = new long[groups];
    for (int g = 0; g < groups; g++) {
      keys[g] = ((long) (Integer.MAX_VALUE - size(g)) << 32) | g;
    }
    java.util.Arrays.sort(keys);
    int[] order = new int[groups];
    for (int i = 0; i < groups; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }
}
