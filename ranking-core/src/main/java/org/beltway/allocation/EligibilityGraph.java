package org.beltway.allocation;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.Locale;
import org.beltway.internal.Strict;
import org.beltway.internal.dual.EdgeIndex;
import org.beltway.supplier.Program;
import org.beltway.supplier.SupplierTable;

/**
 * Which supplier may be shown in which segment: supplier {@code i} is eligible in segment {@code j}
 * only if it sells in {@code j}'s category and, for every channel but wholesale, joined the channel's
 * program (docs/design.md §1: 帮卖 from auto-selection to opt-in; a supplier never receives traffic
 * from a program it did not join). Regions do not restrict eligibility: a supplier may be shown in every
 * region of a category it sells in.
 *
 * <p>The graph is stored in compressed sparse rows in both directions, in primitive arrays only, so a
 * national graph (1.07 M suppliers, 20 k segments, 10 M edges) takes about 12 bytes per edge. Edges are
 * numbered segment by segment: the edges of segment {@code j} are {@code segmentStart(j) ..
 * segmentStart(j+1)-1}, in increasing supplier row; the edges of a supplier are listed in increasing
 * edge number, which is increasing segment index. Immutable.
 */
public final class EligibilityGraph {
  private final long[] supplierIds;
  private final Long2IntOpenHashMap rowById;
  private final SupplierTable suppliers;
  private final SegmentTable segments;
  private final int[] segmentStart;
  private final int[] supplierOfEdge;
  private final int[] segmentOfEdge;
  private final int[] supplierStart;
  private final int[] supplierEdges;
  private final EdgeIndex index;

  private EligibilityGraph(long[] supplierIds, Long2IntOpenHashMap rowById, SupplierTable suppliers,
      SegmentTable segments, int[] segmentStart, int[] supplierOfEdge, int[] supplierStart,
      int[] supplierEdges) {
    this.supplierIds = supplierIds;
    this.rowById = rowById;
    this.suppliers = suppliers;
    this.segments = segments;
    this.segmentStart = segmentStart;
    this.supplierOfEdge = supplierOfEdge;
    this.supplierStart = supplierStart;
    this.supplierEdges = supplierEdges;
    int[] segOf = new int[supplierOfEdge.length];
    for (int j = 0; j < segments.size(); j++) {
      Arrays.fill(segOf, segmentStart[j], segmentStart[j + 1], j);
    }
    this.segmentOfEdge = segOf;
    this.index = new EdgeIndex(supplierIds.length, segments.size(), segmentStart, supplierOfEdge, segOf,
        supplierStart, supplierEdges);
  }

  /**
   * The graph of a marketplace: every supplier of the table in every segment of a category it sells
   * in, when it joined the segment's channel program. Runs in time linear in the number of edges:
   * segments are indexed by category, then each supplier's categories are walked twice (count, fill).
   *
   * @throws IllegalArgumentException if the graph would have more than {@code Integer.MAX_VALUE - 8}
   *     edges
   */
  public static EligibilityGraph of(SupplierTable suppliers, SegmentTable segments) {
    Strict.nonNull(suppliers, "suppliers", SupplierTable.class);
    Strict.nonNull(segments, "segments", SegmentTable.class);
    int n = suppliers.size();
    int segmentCount = segments.size();
    // segments by dense category index (only categories some supplier sells in matter), so memory
    // follows the number of categories, not the largest category id
    int categoryLimit = suppliers.distinctCategories();
    int[] segmentCategory = new int[segmentCount];
    int[] catStart = new int[categoryLimit + 1];
    for (int j = 0; j < segmentCount; j++) {
      int c = suppliers.denseCategoryOf(segments.category(j));
      segmentCategory[j] = c;
      if (c >= 0) {
        catStart[c + 1]++;
      }
    }
    for (int c = 0; c < categoryLimit; c++) {
      catStart[c + 1] += catStart[c];
    }
    int[] catSegments = new int[catStart[categoryLimit]];
    byte[] catProgram = new byte[catSegments.length]; // program ordinal + 1, 0 for none
    int[] fill = Arrays.copyOf(catStart, categoryLimit);
    for (int j = 0; j < segmentCount; j++) {
      int c = segmentCategory[j];
      if (c >= 0) {
        int k = fill[c]++;
        catSegments[k] = j;
        Program p = segments.channel(j).program();
        catProgram[k] = (byte) (p == null ? 0 : p.ordinal() + 1);
      }
    }
    Program[] programs = Program.values();
    // pass 1: degrees
    int[] supplierStart = new int[n + 1];
    int[] segmentDegree = new int[segmentCount];
    long total = 0;
    for (int i = 0; i < n; i++) {
      int degree = 0;
      for (int k = 0, kc = suppliers.categoryCount(i); k < kc; k++) {
        int c = suppliers.denseCategory(i, k);
        for (int s = catStart[c], end = catStart[c + 1]; s < end; s++) {
          int p = catProgram[s];
          if (p == 0 || suppliers.joined(i, programs[p - 1])) {
            degree++;
            segmentDegree[catSegments[s]]++;
          }
        }
      }
      total += degree;
      if (total > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "eligibility graph has more than %d edges", Integer.MAX_VALUE - 8));
      }
      supplierStart[i + 1] = (int) total;
    }
    int[] segmentStart = new int[segmentCount + 1];
    for (int j = 0; j < segmentCount; j++) {
      segmentStart[j + 1] = segmentStart[j] + segmentDegree[j];
    }
    // pass 2: fill, suppliers in row order so each segment lists its suppliers in increasing row
    int edges = (int) total;
    int[] supplierOfEdge = new int[edges];
    int[] supplierEdges = new int[edges];
    int[] cursor = Arrays.copyOf(segmentStart, segmentCount);
    for (int i = 0; i < n; i++) {
      int out = supplierStart[i];
      for (int k = 0, kc = suppliers.categoryCount(i); k < kc; k++) {
        int c = suppliers.denseCategory(i, k);
        for (int s = catStart[c], end = catStart[c + 1]; s < end; s++) {
          int p = catProgram[s];
          if (p == 0 || suppliers.joined(i, programs[p - 1])) {
            int e = cursor[catSegments[s]]++;
            supplierOfEdge[e] = i;
            supplierEdges[out++] = e;
          }
        }
      }
      Arrays.sort(supplierEdges, supplierStart[i], out);
    }
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = suppliers.id(i);
    }
    return new EligibilityGraph(ids, null, suppliers, segments, segmentStart, supplierOfEdge,
        supplierStart, supplierEdges);
  }

  /**
   * A builder of a graph from explicit edges over suppliers known by id alone, for hand-built and
   * generated cases. Without the suppliers' programs it cannot check opt-in, so it takes edges into
   * wholesale segments only (the one channel without a program); use
   * {@link #builder(SupplierTable, SegmentTable)} for the others.
   *
   * <p>The graph's rows are in the order of {@code supplierIds}, which need not be any table's: the
   * problem's positional by-row arrays ({@code merit}, {@code guarantees}, masks) follow it, while
   * values of a table ({@code Scores}, a share over scores) are placed by supplier id.
   *
   * @param supplierIds the suppliers' ids, one per row, no duplicates (copied)
   * @param segments the segments
   * @throws IllegalArgumentException naming a duplicate supplier id
   * @throws NullPointerException naming a null argument
   */
  public static Builder builder(long[] supplierIds, SegmentTable segments) {
    Strict.nonNull(supplierIds, "supplierIds", long[].class);
    Strict.nonNull(segments, "segments", SegmentTable.class);
    return new Builder(supplierIds.clone(), null, segments);
  }

  /**
   * A builder of a graph from explicit edges over a supplier table, whose rows are the graph's rows. An
   * edge into a segment whose channel has a program is refused unless the supplier joined it: a
   * supplier never receives traffic from a program it did not join (docs/design.md §1).
   *
   * @throws NullPointerException naming a null argument
   */
  public static Builder builder(SupplierTable suppliers, SegmentTable segments) {
    Strict.nonNull(suppliers, "suppliers", SupplierTable.class);
    Strict.nonNull(segments, "segments", SegmentTable.class);
    long[] ids = new long[suppliers.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = suppliers.id(i);
    }
    return new Builder(ids, suppliers, segments);
  }

  /** The number of suppliers (rows). */
  public int supplierCount() {
    return supplierIds.length;
  }

  /** The number of segments. */
  public int segmentCount() {
    return segments.size();
  }

  /** The number of edges. */
  public int edgeCount() {
    return supplierOfEdge.length;
  }

  /** The segments, with their forecast traffic. */
  public SegmentTable segments() {
    return segments;
  }

  /** The supplier id of a row. */
  public long supplierId(int row) {
    return supplierIds[row];
  }

  /** The row of a supplier id, or -1 if the graph has no such supplier. */
  public int row(long supplierId) {
    return suppliers != null ? suppliers.row(supplierId) : rowById.get(supplierId);
  }

  /** The first edge of a segment; its edges are {@code segmentStart(j) .. segmentStart(j+1)-1}. */
  public int segmentStart(int segment) {
    return segmentStart[segment];
  }

  /** The number of suppliers eligible in a segment. */
  public int segmentDegree(int segment) {
    return segmentStart[segment + 1] - segmentStart[segment];
  }

  /** The number of segments a supplier is eligible in. */
  public int supplierDegree(int row) {
    return supplierStart[row + 1] - supplierStart[row];
  }

  /** The {@code k}-th edge of a supplier, in increasing segment order. */
  public int supplierEdge(int row, int k) {
    return supplierEdges[supplierStart[row] + k];
  }

  /** The supplier row of an edge. */
  public int supplierOf(int edge) {
    return supplierOfEdge[edge];
  }

  /** The segment index of an edge. */
  public int segmentOf(int edge) {
    return segmentOfEdge[edge];
  }

  /** The edge of supplier row {@code row} in segment index {@code segment}, or -1 if not eligible. */
  public int edge(int row, int segment) {
    return index.edge(row, segment);
  }

  /** The heap taken by the graph's arrays, in bytes (array headers and the id index ignored). */
  public long arrayBytes() {
    return 8L * supplierIds.length + 4L * (segmentStart.length + supplierStart.length)
        + 4L * 3 * supplierOfEdge.length;
  }

  /** The edges as the solver reads them (never handed to users). */
  EdgeIndex edgeIndex() {
    return index;
  }

  /**
   * Builds a graph from explicit (supplier id, segment id) edges. Each {@link #edge} validates at once.
   */
  public static final class Builder {
    private final long[] ids;
    private final Long2IntOpenHashMap rowById;
    private final SupplierTable suppliers;
    private final SegmentTable segments;
    private long[] keys = new long[64];
    private int size;
    private boolean built;

    private Builder(long[] ids, SupplierTable suppliers, SegmentTable segments) {
      this.ids = ids;
      this.suppliers = suppliers;
      this.segments = segments;
      rowById = new Long2IntOpenHashMap(Math.max(16, ids.length));
      rowById.defaultReturnValue(-1);
      for (int i = 0; i < ids.length; i++) {
        if (rowById.put(ids[i], i) != -1) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "supplier %d: id listed twice in supplierIds", ids[i]));
        }
      }
    }

    /**
     * Adds the edge "supplier may be shown in segment".
     *
     * @throws IllegalArgumentException for an unknown supplier or segment id, or an edge into a
     *     channel's segment from a supplier that did not join the channel's program (or whose programs
     *     this builder does not know)
     */
    public Builder edge(long supplierId, long segmentId) {
      if (built) {
        throw new IllegalStateException("this builder has already built its graph");
      }
      int row = rowById.get(supplierId);
      if (row < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "edge (supplier %d, segment %d): unknown supplier %d", supplierId, segmentId, supplierId));
      }
      int seg = segments.index(segmentId);
      if (seg < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "edge (supplier %d, segment %d): unknown segment %d", supplierId, segmentId, segmentId));
      }
      Program program = segments.channel(seg).program();
      if (program != null && suppliers == null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "edge (supplier %d, segment %d): segment %d is on channel %s, which needs program %s; a"
                + " builder over supplier ids alone cannot check opt-in: expected builder(SupplierTable,"
                + " SegmentTable)", supplierId, segmentId, segmentId, segments.channel(seg), program));
      }
      if (program != null && !suppliers.joined(row, program)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "edge (supplier %d, segment %d): supplier %d did not join program %s of channel %s: a"
                + " supplier never receives traffic from a program it did not join", supplierId, segmentId,
            supplierId, program, segments.channel(seg)));
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
      }
      keys[size++] = ((long) seg << 32) | row;
      return this;
    }

    /**
     * Returns the graph.
     *
     * @throws IllegalArgumentException naming an edge given twice
     */
    public EligibilityGraph build() {
      if (built) {
        throw new IllegalStateException("this builder has already built its graph");
      }
      built = true;
      long[] sorted = Arrays.copyOf(keys, size);
      Arrays.sort(sorted);
      int n = ids.length;
      int segmentCount = segments.size();
      int[] segmentStart = new int[segmentCount + 1];
      int[] supplierOfEdge = new int[size];
      int[] supplierStart = new int[n + 1];
      for (int e = 0; e < size; e++) {
        int seg = (int) (sorted[e] >>> 32);
        int row = (int) sorted[e];
        if (e > 0 && sorted[e] == sorted[e - 1]) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "edge (supplier %d, segment %d) given twice", ids[row], segments.id(seg)));
        }
        segmentStart[seg + 1]++;
        supplierOfEdge[e] = row;
        supplierStart[row + 1]++;
      }
      for (int j = 0; j < segmentCount; j++) {
        segmentStart[j + 1] += segmentStart[j];
      }
      for (int i = 0; i < n; i++) {
        supplierStart[i + 1] += supplierStart[i];
      }
      int[] supplierEdges = new int[size];
      int[] cursor = Arrays.copyOf(supplierStart, n);
      for (int e = 0; e < size; e++) {
        supplierEdges[cursor[supplierOfEdge[e]]++] = e;
      }
      return new EligibilityGraph(ids, rowById, suppliers, segments, segmentStart, supplierOfEdge,
          supplierStart, supplierEdges);
    }
  }
}
