package org.beltway.serving;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Locale;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.SegmentTable;
import org.beltway.supplier.Program;
import org.beltway.supplier.SupplierTable;

/** The columns of a plan's snapshot, taken from the plan, its problem and the supplier table. */
final class SnapshotExport {
  private SnapshotExport() {}

  static SnapshotColumns columns(AllocationPlan plan, SupplierTable suppliers, SnapshotHeader header) {
    if (plan == null || suppliers == null || header == null) {
      throw new NullPointerException("plan, suppliers and header must not be null");
    }
    AllocationProblem problem = plan.problem();
    EligibilityGraph graph = problem.graph();
    SnapshotColumns c = new SnapshotColumns();
    c.header = header;
    c.certificate = SnapshotCertificate.of(plan.certificate());
    suppliersOf(c, plan, problem, graph, suppliers);
    segmentsOf(c, plan, problem, graph);
    edgeExceptions(c, problem, graph);
    return c;
  }

  private static void suppliersOf(SnapshotColumns c, AllocationPlan plan, AllocationProblem problem,
      EligibilityGraph graph, SupplierTable suppliers) {
    int n = graph.supplierCount();
    c.supplierIds = new long[n];
    c.merit = new double[n];
    c.level = new double[n];
    c.planned = new float[n];
    c.programs = new byte[n];
    c.supplierCombo = new short[n];
    Program[] programs = Program.values();
    int groups = problem.groupCount();
    Long2IntOpenHashMap comboOfMask = new Long2IntOpenHashMap();
    LongArrayList masks = new LongArrayList();
    comboOfMask.put(0L, 0);
    masks.add(0L);
    IntArrayList promised = new IntArrayList();
    for (int row = 0; row < n; row++) {
      long id = graph.supplierId(row);
      c.supplierIds[row] = id;
      c.merit[row] = problem.merit(row);
      c.level[row] = plan.supplierLevel(row);
      c.planned[row] = (float) plan.supplierTotalOfRow(row);
      int tableRow = suppliers.row(id);
      if (tableRow < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier %d of the plan is not in the supplier table", id));
      }
      int bits = 0;
      for (Program p : programs) {
        if (suppliers.joined(tableRow, p)) {
          bits |= 1 << p.ordinal();
        }
      }
      c.programs[row] = (byte) bits;
      long mask = 0;
      for (int g = 0; g < groups; g++) {
        if (problem.group(g).includesSupplier(row)) {
          mask |= 1L << g;
        }
      }
      int combo = comboOfMask.computeIfAbsent(mask, k -> masks.size());
      if (combo == masks.size()) {
        if (combo > 0xFFFF) {
          throw new IllegalArgumentException(
              "the plan's suppliers belong to more than 65535 distinct sets of groups");
        }
        masks.add(mask);
      }
      c.supplierCombo[row] = (short) combo;
      if (c.level[row] != 0 || problem.guarantee(row) > 0
          || problem.totalCap(row) < Double.POSITIVE_INFINITY) {
        promised.add(row);
      }
    }
    c.supplierMasks = masks.toLongArray();
    c.promisedRows = promised.toIntArray();
    c.guarantee = new float[c.promisedRows.length];
    c.totalCap = new float[c.promisedRows.length];
    for (int k = 0; k < c.promisedRows.length; k++) {
      int row = c.promisedRows[k];
      c.guarantee[k] = (float) problem.guarantee(row);
      double cap = problem.totalCap(row);
      float f = (float) cap;
      c.totalCap[k] = f > cap ? Math.nextDown(f) : f;
    }
  }

  private static void segmentsOf(SnapshotColumns c, AllocationPlan plan, AllocationProblem problem,
      EligibilityGraph graph) {
    SegmentTable segments = graph.segments();
    int m = segments.size();
    c.segmentIds = new long[m];
    c.segmentProgram = new byte[m];
    c.traffic = new double[m];
    c.normaliser = new double[m];
    c.beta = new double[m];
    c.segmentCap = new double[m];
    c.segmentMask = new long[m];
    double capShare = problem.capShareOfSegment();
    int groups = problem.groupCount();
    for (int j = 0; j < m; j++) {
      c.segmentIds[j] = segments.id(j);
      Program p = segments.channel(j).program();
      c.segmentProgram[j] = (byte) (p == null ? 0 : p.ordinal() + 1);
      double s = segments.traffic(j);
      c.traffic[j] = s;
      double denominator = 0;
      for (int e = graph.segmentStart(j), end = e + graph.segmentDegree(j); e < end; e++) {
        denominator += problem.merit(graph.supplierOf(e)) * problem.relevance(e);
      }
      c.normaliser[j] = denominator;
      c.beta[j] = plan.segmentDual(j);
      c.segmentCap[j] = Double.isNaN(capShare) ? Double.POSITIVE_INFINITY : capShare * s;
      long mask = 0;
      for (int g = 0; g < groups; g++) {
        if (problem.group(g).includesSegment(j)) {
          mask |= 1L << g;
        }
      }
      c.segmentMask[j] = mask;
    }
    c.groupNames = new String[groups];
    c.groupLevel = new double[groups];
    c.groupAtLeast = new double[groups];
    c.groupAtMost = new double[groups];
    for (int g = 0; g < groups; g++) {
      GroupShare share = problem.group(g);
      c.groupNames[g] = share.name();
      c.groupLevel[g] = plan.groupLevel(g);
      c.groupAtLeast[g] = share.atLeast();
      c.groupAtMost[g] = share.atMost();
    }
  }

  /** The edges whose cap is not their segment's, and those whose relevance is not 1. */
  private static void edgeExceptions(SnapshotColumns c, AllocationProblem problem,
      EligibilityGraph graph) {
    IntArrayList capRows = new IntArrayList();
    IntArrayList capSegments = new IntArrayList();
    DoubleArrayList capValues = new DoubleArrayList();
    IntArrayList relRows = new IntArrayList();
    IntArrayList relSegments = new IntArrayList();
    DoubleArrayList relValues = new DoubleArrayList();
    boolean relevance = problem.hasRelevance();
    for (int e = 0, edges = graph.edgeCount(); e < edges; e++) {
      int row = graph.supplierOf(e);
      int j = graph.segmentOf(e);
      double cap = problem.edgeCap(e);
      if (Double.doubleToRawLongBits(cap) != Double.doubleToRawLongBits(c.segmentCap[j])) {
        capRows.add(row);
        capSegments.add(j);
        capValues.add(cap);
      }
      double rho = relevance ? problem.relevance(e) : 1.0;
      if (Double.doubleToRawLongBits(rho) != Double.doubleToRawLongBits(1.0)) {
        relRows.add(row);
        relSegments.add(j);
        relValues.add(rho);
      }
    }
    c.capRows = capRows.toIntArray();
    c.capSegments = capSegments.toIntArray();
    c.capValues = capValues.toDoubleArray();
    c.relevanceRows = relRows.toIntArray();
    c.relevanceSegments = relSegments.toIntArray();
    c.relevanceValues = relValues.toDoubleArray();
  }
}
