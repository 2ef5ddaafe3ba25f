package org.beltway.serving;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.SegmentTable;
import org.beltway.supplier.Program;
import org.beltway.supplier.SupplierTable;

/** The columns of a plan's snapshot, taken from the plan, its problem and the supplier table. */
final class SnapshotExport {
  private static final Program[] PROGRAMS = Program.values();

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
    supplierColumns(c, n);
    GroupSets sets = new GroupSets();
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
      c.programs[row] = programBits(suppliers, tableRow);
      c.supplierCombo[row] = sets.of(groupMask(problem, row));
      if (promised(plan, problem, row)) {
        promised.add(row);
      }
    }
    c.supplierMasks = sets.masks();
    promisedColumns(c, promised, problem::guarantee, problem::totalCap);
  }

  /** Sizes the per-supplier columns for {@code n} suppliers. */
  static void supplierColumns(SnapshotColumns c, int n) {
    c.supplierIds = new long[n];
    c.merit = new double[n];
    c.level = new double[n];
    c.planned = new float[n];
    c.programs = new byte[n];
    c.supplierCombo = new short[n];
  }

  /**
   * The promised rows' columns: each row's guarantee and total cap (+∞ for none), by snapshot row;
   * caps rounded down so that serving never allows more than the plan.
   */
  static void promisedColumns(SnapshotColumns c, IntArrayList promised, IntToDoubleFunction guarantee,
      IntToDoubleFunction totalCap) {
    c.promisedRows = promised.toIntArray();
    c.guarantee = new float[c.promisedRows.length];
    c.totalCap = new float[c.promisedRows.length];
    for (int k = 0; k < c.promisedRows.length; k++) {
      int row = c.promisedRows[k];
      c.guarantee[k] = (float) guarantee.applyAsDouble(row);
      c.totalCap[k] = capDown(totalCap.applyAsDouble(row));
    }
  }

  /** Bit {@code p} set when the table's supplier joined program {@code p} (ordinal). */
  static byte programBits(SupplierTable suppliers, int tableRow) {
    int bits = 0;
    for (Program p : PROGRAMS) {
      if (suppliers.joined(tableRow, p)) {
        bits |= 1 << p.ordinal();
      }
    }
    return (byte) bits;
  }

  /** The groups that hold a supplier row of the problem, as bits. */
  static long groupMask(AllocationProblem problem, int row) {
    long mask = 0;
    for (int g = 0, groups = problem.groupCount(); g < groups; g++) {
      if (problem.group(g).includesSupplier(row)) {
        mask |= 1L << g;
      }
    }
    return mask;
  }

  /** Whether a supplier row has a promise: a level, a guarantee or a total cap. */
  static boolean promised(AllocationPlan plan, AllocationProblem problem, int row) {
    return plan.supplierLevel(row) != 0 || problem.guarantee(row) > 0
        || problem.totalCap(row) < Double.POSITIVE_INFINITY;
  }

  /** A total cap rounded down to float, so that serving never allows more than the plan. */
  static float capDown(double cap) {
    float f = (float) cap;
    return f > cap ? Math.nextDown(f) : f;
  }

  /** The distinct group sets of suppliers, numbered as they come; set 0 is the empty one. */
  static final class GroupSets {
    private final Long2IntOpenHashMap indexOfMask = new Long2IntOpenHashMap();
    private final LongArrayList masks = new LongArrayList();

    GroupSets() {
      indexOfMask.put(0L, 0);
      masks.add(0L);
    }

    /** @throws IllegalArgumentException past 65 535 distinct sets */
    short of(long mask) {
      int index = indexOfMask.computeIfAbsent(mask, k -> masks.size());
      if (index == masks.size()) {
        if (index > 0xFFFF) {
          throw new IllegalArgumentException(
              "the plan's suppliers belong to more than 65535 distinct sets of groups");
        }
        masks.add(mask);
      }
      return (short) index;
    }

    long[] masks() {
      return masks.toLongArray();
    }
  }

  static void segmentsOf(SnapshotColumns c, AllocationPlan plan, AllocationProblem problem,
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

  private static void edgeExceptions(SnapshotColumns c, AllocationProblem problem,
      EligibilityGraph graph) {
    edgeExceptions(c, problem, graph.edgeCount(), graph::supplierOf, graph::segmentOf, e -> e);
  }

  /**
   * The served edges whose cap is not their segment's, and those whose relevance is not 1: served edge
   * {@code k} is row {@code rowOf(k)} in segment {@code segmentOf(k)} and has the values of the plan's
   * edge {@code planEdgeOf(k)}.
   */
  static void edgeExceptions(SnapshotColumns c, AllocationProblem problem, int edges,
      IntUnaryOperator rowOf, IntUnaryOperator segmentOf, IntUnaryOperator planEdgeOf) {
    IntArrayList capRows = new IntArrayList();
    IntArrayList capSegments = new IntArrayList();
    DoubleArrayList capValues = new DoubleArrayList();
    IntArrayList relRows = new IntArrayList();
    IntArrayList relSegments = new IntArrayList();
    DoubleArrayList relValues = new DoubleArrayList();
    boolean relevance = problem.hasRelevance();
    for (int k = 0; k < edges; k++) {
      int row = rowOf.applyAsInt(k);
      int j = segmentOf.applyAsInt(k);
      int e = planEdgeOf.applyAsInt(k);
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
