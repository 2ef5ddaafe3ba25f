package org.beltway.serving;

import java.util.Locale;
import org.beltway.internal.Strict;

/** The argument checks {@link TopK#select} and {@link Reranker} share: one statement of each rule. */
final class QueryArguments {
  private QueryArguments() {}

  /**
   * Checks a query's arrays and sizes; {@code maxK} is {@link Integer#MAX_VALUE} where k is unbounded.
   * Names the arrays as the caller's parameters are named.
   */
  static void check(long[] supplierIds, double[] values, String valuesName, int count, int maxCandidates,
      int k, int maxK, int[] order, double[] out, String outName) {
    Strict.nonNull(supplierIds, "supplierIds", long[].class);
    Strict.nonNull(values, valuesName, double[].class);
    Strict.nonNull(order, "order", int[].class);
    if (count < 0 || count > maxCandidates) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "count (%d): expected 0 to maxCandidates (%d)", count, maxCandidates));
    }
    if (supplierIds.length < count || values.length < count) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "supplierIds has %d values and %s %d: expected at least count (%d) each",
          supplierIds.length, valuesName, values.length, count));
    }
    if (k < 1 || k > maxK) {
      throw new IllegalArgumentException(maxK == Integer.MAX_VALUE
          ? String.format(Locale.ROOT, "k (%d): expected at least 1", k)
          : String.format(Locale.ROOT, "k (%d): expected 1 to maxK (%d)", k, maxK));
    }
    int page = Math.min(k, count);
    if (order.length < page || (out != null && out.length < page)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "order has %d places%s: expected at least min(k, count) = %d", order.length,
          out == null ? "" : " and " + outName + " " + out.length, page));
    }
  }
}
