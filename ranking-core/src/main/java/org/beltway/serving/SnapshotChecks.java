package org.beltway.serving;

import java.util.Locale;

/**
 * The invariants of a snapshot's columns, checked once whether they come from a plan or a file: a file
 * that passes its checksum may still have been written by a faulty program, and a search node must not
 * serve NaN boosts from it.
 */
final class SnapshotChecks {
  private SnapshotChecks() {}

  static void check(SnapshotColumns c) {
    if (c.header == null || c.certificate == null) {
      throw new IllegalArgumentException("snapshot: header and certificate are required");
    }
    int n = c.supplierIds.length;
    length("merit", c.merit.length, n, "supplier");
    length("level", c.level.length, n, "supplier");
    length("planned", c.planned.length, n, "supplier");
    length("programs", c.programs.length, n, "supplier");
    length("supplier group set", c.supplierCombo.length, n, "supplier");
    if (c.supplierMasks.length == 0 || c.supplierMasks[0] != 0) {
      throw new IllegalArgumentException("snapshot: the first supplier group set must be empty");
    }
    int groups = c.groupNames.length;
    long groupBits = groups == 64 ? -1L : (1L << groups) - 1;
    for (long mask : c.supplierMasks) {
      if ((mask & ~groupBits) != 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "snapshot: supplier group set %x names a group beyond the %d groups", mask, groups));
      }
    }
    for (int row = 0; row < n; row++) {
      long id = c.supplierIds[row];
      if (!(c.merit[row] > 0) || !Double.isFinite(c.merit[row])) {
        throw supplier(id, "merit", c.merit[row], "a finite number > 0");
      }
      if (!Double.isFinite(c.level[row])) {
        throw supplier(id, "level", c.level[row], "a finite number");
      }
      if (!(c.planned[row] >= 0) || Float.isInfinite(c.planned[row])) {
        throw supplier(id, "planned", c.planned[row], "a finite number >= 0");
      }
      if ((c.supplierCombo[row] & 0xFFFF) >= c.supplierMasks.length) {
        throw supplier(id, "group set", c.supplierCombo[row] & 0xFFFF,
            "an index below " + c.supplierMasks.length);
      }
    }
    int p = c.promisedRows.length;
    length("guarantee", c.guarantee.length, p, "promised supplier");
    length("total cap", c.totalCap.length, p, "promised supplier");
    for (int k = 0; k < p; k++) {
      int row = c.promisedRows[k];
      if (row < 0 || row >= n || (k > 0 && row <= c.promisedRows[k - 1])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "snapshot: promised supplier %d has row %d: expected increasing rows below %d", k, row, n));
      }
      if (!(c.guarantee[k] >= 0) || Float.isInfinite(c.guarantee[k])) {
        throw supplier(c.supplierIds[row], "guarantee", c.guarantee[k], "a finite number >= 0");
      }
      if (!(c.totalCap[k] >= 0)) {
        throw supplier(c.supplierIds[row], "total cap", c.totalCap[k], "a number >= 0");
      }
    }
    checkSegments(c, groupBits);
    length("group level", c.groupLevel.length, groups, "group");
    length("group floor", c.groupAtLeast.length, groups, "group");
    length("group cap", c.groupAtMost.length, groups, "group");
    for (int g = 0; g < groups; g++) {
      if (!Double.isFinite(c.groupLevel[g])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "snapshot: group \"%s\": level (%s): expected a finite number", c.groupNames[g],
            c.groupLevel[g]));
      }
    }
    checkEdges("cap", c.capRows, c.capSegments, c.capValues, n, c.segmentIds.length);
    checkEdges("relevance", c.relevanceRows, c.relevanceSegments, c.relevanceValues, n,
        c.segmentIds.length);
  }

  private static void checkSegments(SnapshotColumns c, long groupBits) {
    int m = c.segmentIds.length;
    length("segment program", c.segmentProgram.length, m, "segment");
    length("traffic", c.traffic.length, m, "segment");
    length("normaliser", c.normaliser.length, m, "segment");
    length("segment dual", c.beta.length, m, "segment");
    length("segment cap", c.segmentCap.length, m, "segment");
    length("segment group set", c.segmentMask.length, m, "segment");
    for (int j = 0; j < m; j++) {
      long id = c.segmentIds[j];
      if (c.segmentProgram[j] < 0 || c.segmentProgram[j] > 8) {
        throw segment(id, "program", c.segmentProgram[j], "0 (none) or a program number 1 to 8");
      }
      nonNegativeFinite(id, "traffic", c.traffic[j]);
      nonNegativeFinite(id, "normaliser", c.normaliser[j]);
      nonNegativeFinite(id, "dual", c.beta[j]);
      if (!(c.segmentCap[j] >= 0)) {
        throw segment(id, "cap", c.segmentCap[j], "a number >= 0");
      }
      if ((c.segmentMask[j] & ~groupBits) != 0) {
        throw segment(id, "group set", c.segmentMask[j], "groups below " + c.groupNames.length);
      }
    }
  }

  private static void checkEdges(String what, int[] rows, int[] segments, double[] values, int n,
      int m) {
    length(what + " exception segments", segments.length, rows.length, "exception");
    length(what + " exception values", values.length, rows.length, "exception");
    for (int k = 0; k < rows.length; k++) {
      if (rows[k] < 0 || rows[k] >= n || segments[k] < 0 || segments[k] >= m
          || !(values[k] >= 0) || (what.equals("relevance") && !Double.isFinite(values[k]))) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "snapshot: %s exception %d (row %d, segment %d, value %s): expected a row below %d, a"
                + " segment below %d and a value >= 0", what, k, rows[k], segments[k], values[k], n, m));
      }
    }
  }

  private static void nonNegativeFinite(long segmentId, String field, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw segment(segmentId, field, value, "a finite number >= 0");
    }
  }

  private static void length(String what, int length, int expected, String per) {
    if (length != expected) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "snapshot: %s has %d values: expected one per %s (%d)", what, length, per, expected));
    }
  }

  private static IllegalArgumentException supplier(long id, String field, Object value,
      String expected) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "snapshot: supplier %d: %s (%s): expected %s", id, field, value, expected));
  }

  private static IllegalArgumentException segment(long id, String field, Object value,
      String expected) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "snapshot: segment %d: %s (%s): expected %s", id, field, value, expected));
  }
}
