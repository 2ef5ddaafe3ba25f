package org.beltway.spark;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * The small tables of a {@link SparkProblem}, collected to the driver and checked: segments and
 * constrained suppliers sorted by id (their dense indexes), groups by index, combinations, penalties,
 * and the number of edges of each group. Messages name the row, the field, the value and what was
 * expected.
 */
final class DriverTables {
  final long[] segmentIds;
  final double[] traffic;
  final long[] supplierIds;
  final double[] demand;
  final double[] totalCap;
  final String[] groupNames;
  final double[] groupLower;
  final double[] groupUpper;
  final long[] comboGroups;
  final long[] groupEdges;
  final double guaranteePenalty;
  final double groupPenalty;

  DriverTables(SparkProblem p) {
    List<Row> segments = p.segments().collectAsList().stream()
        .sorted(Comparator.comparingLong(r -> r.getLong(0))).toList();
    segmentIds = new long[segments.size()];
    traffic = new double[segments.size()];
    for (int j = 0; j < segmentIds.length; j++) {
      segmentIds[j] = segments.get(j).getLong(0);
      traffic[j] = segments.get(j).getDouble(1);
      if (j > 0 && segmentIds[j] == segmentIds[j - 1]) {
        throw fail("segment %d: listed twice: expected one row per segment", segmentIds[j]);
      }
      if (!(traffic[j] >= 0) || traffic[j] == Double.POSITIVE_INFINITY) {
        throw fail("segment %d: traffic is %s: expected a finite number >= 0", segmentIds[j],
            traffic[j]);
      }
    }
    List<Row> suppliers = p.suppliers().collectAsList().stream()
        .sorted(Comparator.comparingLong(r -> r.getLong(0))).toList();
    supplierIds = new long[suppliers.size()];
    demand = new double[suppliers.size()];
    totalCap = new double[suppliers.size()];
    for (int k = 0; k < supplierIds.length; k++) {
      supplierIds[k] = suppliers.get(k).getLong(0);
      demand[k] = suppliers.get(k).getDouble(1);
      totalCap[k] = suppliers.get(k).getDouble(2);
      if (k > 0 && supplierIds[k] == supplierIds[k - 1]) {
        throw fail("supplier %d: listed twice: expected one row per supplier", supplierIds[k]);
      }
      if (!(demand[k] >= 0) || demand[k] == Double.POSITIVE_INFINITY) {
        throw fail("supplier %d: guarantee is %s: expected a finite number >= 0 (0 for none)",
            supplierIds[k], demand[k]);
      }
      if (!(totalCap[k] >= 0)) {
        throw fail("supplier %d: total_cap is %s: expected a number >= 0 (+Infinity for none)",
            supplierIds[k], totalCap[k]);
      }
    }
    List<Row> groups = p.groups().collectAsList().stream()
        .sorted(Comparator.comparingInt(r -> r.getInt(0))).toList();
    if (groups.size() > 64) {
      throw fail("groups: %d rows: expected at most 64 group shares", groups.size());
    }
    groupNames = new String[groups.size()];
    groupLower = new double[groups.size()];
    groupUpper = new double[groups.size()];
    for (int g = 0; g < groupNames.length; g++) {
      Row r = groups.get(g);
      if (r.getInt(0) != g) {
        throw fail("group %d ('%s'): index out of sequence: expected the indexes 0 .. %d",
            r.getInt(0), r.getString(1), groups.size() - 1);
      }
      groupNames[g] = r.getString(1);
      groupLower[g] = r.getDouble(2);
      groupUpper[g] = r.getDouble(3);
      if (!(groupLower[g] >= 0) || !(groupUpper[g] >= groupLower[g])) {
        throw fail("group '%s': targets [%s, %s]: expected 0 <= lower <= upper", groupNames[g],
            groupLower[g], groupUpper[g]);
      }
    }
    List<Row> combos = p.combos().collectAsList();
    int most = 0;
    for (Row r : combos) {
      most = Math.max(most, r.getInt(0));
    }
    comboGroups = new long[most + 1];
    for (Row r : combos) {
      int c = r.getInt(0);
      long mask = r.getLong(1);
      if (c < 0) {
        throw fail("combo %d: expected an index >= 0", c);
      }
      if (groupNames.length < 64 && (mask >>> groupNames.length) != 0) {
        throw fail("combo %d: groups 0x%x name a group beyond the %d of the groups table", c, mask,
            groupNames.length);
      }
      comboGroups[c] = mask;
    }
    List<Row> penalties = p.penalties().collectAsList();
    if (penalties.size() != 1) {
      throw fail("penalties: %d rows: expected exactly one", penalties.size());
    }
    guaranteePenalty = penalties.get(0).getDouble(0);
    groupPenalty = penalties.get(0).getDouble(1);
    if (!(guaranteePenalty > 0 && groupPenalty > 0) || Double.isInfinite(guaranteePenalty)
        || Double.isInfinite(groupPenalty)) {
      throw fail("penalties: guarantee %s, group %s: expected finite numbers > 0", guaranteePenalty,
          groupPenalty);
    }
    groupEdges = new long[groupNames.length];
    for (Row r : p.edges().groupBy("combo").count().collectAsList()) {
      int c = r.getInt(0);
      if (c < 0 || c >= comboGroups.length) {
        throw fail("edges: combo %d: expected one of the %d combinations of the combos table", c,
            comboGroups.length);
      }
      for (long m = comboGroups[c]; m != 0; m &= m - 1) {
        groupEdges[Long.numberOfTrailingZeros(m)] += r.getLong(1);
      }
    }
  }

  private static IllegalArgumentException fail(String format, Object... args) {
    return new IllegalArgumentException(String.format(Locale.ROOT, format, args));
  }
}
