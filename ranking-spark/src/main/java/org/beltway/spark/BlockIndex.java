package org.beltway.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * Dense indexes of the ids a pass addresses by position, shipped once to every task: segments by
 * increasing id (their duals are one array), constrained suppliers by increasing id (their levels are
 * one array). Any other supplier has level 0.
 */
final class BlockIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  final long[] segmentIds;
  final double[] traffic;
  final long[] constrainedIds;
  final long[] comboGroups;

  BlockIndex(long[] segmentIds, double[] traffic, long[] constrainedIds, long[] comboGroups) {
    this.segmentIds = segmentIds;
    this.traffic = traffic;
    this.constrainedIds = constrainedIds;
    this.comboGroups = comboGroups;
  }

  /** The dense index of a segment id; fails naming the edge's segment when the table lacks it. */
  int segment(long id, long supplier) {
    int j = Arrays.binarySearch(segmentIds, id);
    if (j < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "edge (supplier %d, segment %d): segment %d is not in the segments table", supplier, id, id));
    }
    return j;
  }

  /** The constrained index of a supplier id, or -1. */
  int constrained(long id) {
    int k = Arrays.binarySearch(constrainedIds, id);
    return k < 0 ? -1 : k;
  }

  /** Checks an edge's combination; fails naming the edge when the combinations table lacks it. */
  int combo(int combo, long supplier, long segment) {
    if (combo < 0 || combo >= comboGroups.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "edge (supplier %d, segment %d): combo is %d: expected one of the %d combinations of the"
              + " combos table", supplier, segment, combo, comboGroups.length));
    }
    return combo;
  }
}
