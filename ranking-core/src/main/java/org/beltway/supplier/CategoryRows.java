package org.beltway.supplier;

import java.util.Arrays;

/**
 * The categories of a supplier table, row by row in compressed sparse rows, primary first, with each
 * category also as its dense index among the table's distinct categories, so that arrays indexed by
 * category follow the number of categories, not the largest id. Immutable; package-private, behind
 * {@link SupplierTable}'s category methods.
 */
final class CategoryRows {
  private final int[] start;
  private final int[] ids;
  /** The distinct category ids, ascending: dense index → id. */
  private final int[] distinct;
  /** Each entry of {@link #ids} as its dense index. */
  private final int[] dense;

  /** From the first {@code rows} rows of a builder's buffers (copied). */
  CategoryRows(int[] start, int[] ids, int rows) {
    this.start = Arrays.copyOf(start, rows + 1);
    this.ids = Arrays.copyOf(ids, this.start[rows]);
    distinct = Arrays.stream(this.ids).distinct().sorted().toArray();
    dense = new int[this.ids.length];
    for (int k = 0; k < this.ids.length; k++) {
      dense[k] = Arrays.binarySearch(distinct, this.ids[k]);
    }
  }

  int count(int row) {
    return start[row + 1] - start[row];
  }

  int id(int row, int k) {
    return ids[start[row] + k];
  }

  boolean sellsIn(int row, int category) {
    for (int k = start[row], end = start[row + 1]; k < end; k++) {
      if (ids[k] == category) {
        return true;
      }
    }
    return false;
  }

  /** One more than the largest id, saturating at {@link Integer#MAX_VALUE}; 0 when empty. */
  int limit() {
    return distinct.length == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, distinct[distinct.length - 1] + 1L);
  }

  int distinctCount() {
    return distinct.length;
  }

  int idAt(int denseIndex) {
    return distinct[denseIndex];
  }

  int denseOf(int categoryId) {
    int k = Arrays.binarySearch(distinct, categoryId);
    return k < 0 ? -1 : k;
  }

  int dense(int row, int k) {
    return dense[start[row] + k];
  }

  /** A row's category ids, primary first (a copy). */
  int[] of(int row) {
    return Arrays.copyOfRange(ids, start[row], start[row + 1]);
  }

  /** Bytes of the entries (id and dense index each) and of the distinct ids; the row starts are per row. */
  long entryBytes() {
    return 4L * (ids.length + dense.length + distinct.length);
  }
}
