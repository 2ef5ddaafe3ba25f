package org.beltway.serving;

import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Locale;
import org.beltway.allocation.AllocationPlan;
import org.beltway.entity.ShopPlan;
import org.beltway.internal.Strict;
import org.beltway.internal.dual.Duals;
import org.beltway.supplier.SupplierTable;

/**
 * A plan as a search node holds it (docs/design.md §6): the plan's duals without its graph. Per supplier
 * its merit and level, per segment its dual, its fair-exposure normaliser {@code Σ μρ} and its cap, per
 * group its level and which suppliers and segments it holds. From these the boost of any candidate,
 *
 * <pre>  x_ij / θ_ij  with  θ_ij = S_j μ_i ρ_ij / Σ_k μ_k ρ_kj,  x_ij = clip(θ_ij (1 + t_i + γ_ij − β_j), 0, u_ij)</pre>
 *
 * is recomputed by the plan's own expressions in the plan's own order, so it equals
 * {@link AllocationPlan#boost} bit for bit on every edge. Edges whose cap is tighter than their
 * segment's, or whose relevance is not 1, are listed one by one (rare).
 *
 * <p>The snapshot does not hold the eligibility graph: it checks a candidate's opt-in (the segment's
 * channel program), not its category, which the search engine's retrieval already matched. A candidate
 * that is in the plan but not eligible in the segment by category gets the boost it would have there.
 *
 * <p>Immutable and safe to share between threads. Written and read by {@link SnapshotFormat}.
 */
public final class PlanSnapshot {
  private final SnapshotColumns c;
  private final SupplierDirectory directory;
  private final Long2IntOpenHashMap segmentIndex;
  private final Long2DoubleOpenHashMap capExceptions;
  private final Long2DoubleOpenHashMap relevanceExceptions;
  /** Per segment: bit 0 when some edge has its own cap, bit 1 when some edge has its own relevance. */
  private final byte[] segmentExceptions;
  private final int[] promisedIndexOfRow;

  PlanSnapshot(SnapshotColumns columns) {
    c = columns;
    SnapshotChecks.check(c);
    directory = new SupplierDirectory(c.supplierIds, c.merit, c.level, c.supplierCombo, c.programs);
    int m = c.segmentIds.length;
    segmentIndex = new Long2IntOpenHashMap(m);
    segmentIndex.defaultReturnValue(-1);
    for (int j = 0; j < m; j++) {
      int old = segmentIndex.put(c.segmentIds[j], j);
      if (old >= 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "segment %d appears twice (indexes %d and %d)", c.segmentIds[j], old, j));
      }
    }
    segmentExceptions = new byte[m];
    capExceptions = exceptions("cap", c.capRows, c.capSegments, c.capValues, 1);
    relevanceExceptions = exceptions("relevance", c.relevanceRows, c.relevanceSegments,
        c.relevanceValues, 2);
    promisedIndexOfRow = new int[c.supplierIds.length];
    java.util.Arrays.fill(promisedIndexOfRow, -1);
    for (int k = 0; k < c.promisedRows.length; k++) {
      promisedIndexOfRow[c.promisedRows[k]] = k;
    }
  }

  /** An edge listed twice would have two values: refused, not settled by which comes last. */
  private Long2DoubleOpenHashMap exceptions(String what, int[] rows, int[] segments, double[] values,
      int bit) {
    Long2DoubleOpenHashMap map = new Long2DoubleOpenHashMap(rows.length);
    for (int k = 0; k < rows.length; k++) {
      long key = edgeKey(rows[k], segments[k]);
      if (map.containsKey(key)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s exception %d: supplier %d in segment %d is listed twice: expected each edge once",
            what, k, c.supplierIds[rows[k]], c.segmentIds[segments[k]]));
      }
      map.put(key, values[k]);
      segmentExceptions[segments[k]] |= (byte) bit;
    }
    return map;
  }

  static long edgeKey(int row, int segment) {
    return ((long) segment << 32) | (row & 0xFFFFFFFFL);
  }

  /**
   * The snapshot of a plan.
   *
   * @param suppliers the table the plan's suppliers come from, for their programs (every supplier of
   *     the plan must be in it)
   * @throws IllegalArgumentException if a supplier of the plan is not in the table, or if the plan has
   *     more than 65 535 distinct group memberships
   */
  public static PlanSnapshot of(AllocationPlan plan, SupplierTable suppliers, SnapshotHeader header) {
    Strict.nonNull(plan, "plan", AllocationPlan.class);
    Strict.nonNull(suppliers, "suppliers", SupplierTable.class);
    Strict.nonNull(header, "header", SnapshotHeader.class);
    return new PlanSnapshot(SnapshotExport.columns(plan, suppliers, header));
  }

  /**
   * The snapshot of an entity plan shared among its shops, for a search node whose candidates are
   * shops: its directory is by shop id, and every shop's boost in a segment is its entity's there
   * ({@link ShopPlan#boost}), bit for bit, so a {@link Reranker} serves it unchanged. A shop is shown
   * only in the programs it joined; its planned impressions are {@link ShopPlan#shopTotal}, and its
   * guarantee and total cap its entity's times its share of the entity's plan. Written and read by
   * {@link SnapshotFormat} as any other snapshot.
   *
   * @throws IllegalArgumentException if the entity plan has more than 65 535 distinct group memberships
   */
  public static PlanSnapshot of(ShopPlan plan, SnapshotHeader header) {
    Strict.nonNull(plan, "plan", ShopPlan.class);
    Strict.nonNull(header, "header", SnapshotHeader.class);
    return new PlanSnapshot(ShopSnapshotExport.columns(plan, header));
  }

  SnapshotColumns columns() {
    return c;
  }

  SupplierDirectory directory() {
    return directory;
  }

  public SnapshotHeader header() {
    return c.header;
  }

  public SnapshotCertificate certificate() {
    return c.certificate;
  }

  /** The number of suppliers. */
  public int supplierCount() {
    return c.supplierIds.length;
  }

  /** The number of segments. */
  public int segmentCount() {
    return c.segmentIds.length;
  }

  /** The number of group shares. */
  public int groupCount() {
    return c.groupNames.length;
  }

  /** The row of a supplier, or -1 when the plan does not hold it. */
  public int row(long supplierId) {
    int b = directory.find(supplierId);
    return b < 0 ? -1 : directory.row(b);
  }

  public long supplierId(int row) {
    return c.supplierIds[row];
  }

  /** The index of a segment, or -1 when the plan does not hold it. */
  public int segment(long segmentId) {
    return segmentIndex.get(segmentId);
  }

  public long segmentId(int segment) {
    return c.segmentIds[segment];
  }

  /** The forecast traffic of a segment, in impressions. */
  public double traffic(int segment) {
    return c.traffic[segment];
  }

  /** The planned impressions of a supplier over all its segments (to float precision). */
  public double planned(int row) {
    return c.planned[row];
  }

  /** Whether the supplier has a guarantee. */
  public boolean guaranteed(int row) {
    int k = promisedIndexOfRow[row];
    return k >= 0 && c.guarantee[k] > 0;
  }

  /** The supplier's guarantee in impressions (to float precision), 0 when it has none. */
  public double guarantee(int row) {
    int k = promisedIndexOfRow[row];
    return k < 0 ? 0.0 : c.guarantee[k];
  }

  /** The supplier's total cap in impressions (rounded down to float), +∞ when it has none. */
  public double totalCap(int row) {
    int k = promisedIndexOfRow[row];
    return k < 0 ? Double.POSITIVE_INFINITY : c.totalCap[k];
  }

  /** Whether supplier {@code row} belongs to group {@code g}. */
  public boolean inGroup(int row, int g) {
    return (c.supplierMasks[c.supplierCombo[row]] & (1L << g)) != 0;
  }

  /** Whether segment {@code segment} is in group {@code g}'s scope. */
  public boolean inScope(int segment, int g) {
    return (c.segmentMask[segment] & (1L << g)) != 0;
  }

  public String groupName(int g) {
    return c.groupNames[g];
  }

  /** A group's level {@code λ − ν}, as in the plan. */
  public double groupLevel(int g) {
    return c.groupLevel[g];
  }

  /** Whether supplier {@code row} may be shown in the segment: it joined the channel's program. */
  public boolean optedIn(int row, int segment) {
    return joined(c.programs[row], c.segmentProgram[segment]);
  }

  static boolean joined(int supplierPrograms, int segmentProgram) {
    return segmentProgram == 0 || (supplierPrograms & (1 << (segmentProgram - 1))) != 0;
  }

  /**
   * The boost {@code x_ij / θ_ij} of a supplier in a segment, 0 when its fair exposure is 0.
   *
   * @throws IndexOutOfBoundsException for a row or segment out of range
   */
  public double boost(int row, int segment) {
    double gamma = Duals.comboLevel(c.supplierMasks[c.supplierCombo[row]] & c.segmentMask[segment],
        c.groupLevel);
    return boost(row, segment, c.merit[row], c.level[row], gamma);
  }

  /** The boost given the supplier's merit, level and the sum of its group levels in the segment. */
  double boost(int row, int segment, double merit, double level, double gamma) {
    byte exceptions = segmentExceptions[segment];
    double rho = (exceptions & 2) == 0 ? 1.0
        : relevanceExceptions.getOrDefault(edgeKey(row, segment), 1.0);
    double cap = (exceptions & 1) == 0 ? c.segmentCap[segment]
        : capExceptions.getOrDefault(edgeKey(row, segment), c.segmentCap[segment]);
    return boost(c.traffic[segment], c.normaliser[segment], merit * rho,
        Duals.level(level, gamma) - c.beta[segment], cap);
  }

  /**
   * The boost of an edge from its parts, by the plan's expressions: fair exposure {@code θ = S w / D}
   * as the problem computes it, then {@link Duals#clip}, then {@code x / θ}. The clip is written with
   * {@code min} and {@code max}, which give {@link Duals#clip}'s value bit for bit on finite inputs but
   * no branch to mispredict: a query's candidates are capped or not at random.
   */
  static double boost(double traffic, double normaliser, double weight, double level, double cap) {
    double theta = normaliser > 0 && traffic > 0 ? traffic * weight / normaliser : 0.0;
    double x = Math.min(Math.max(theta * level, 0.0), cap);
    return theta > 0 ? x / theta : 0.0;
  }

  // ------------------------------------------------------------------ for the reranker

  /** Whether no edge of the segment has its own cap or relevance, so its boosts need no lookup. */
  boolean plainEdges(int segment) {
    return segmentExceptions[segment] == 0;
  }

  int segmentProgram(int segment) {
    return c.segmentProgram[segment];
  }

  long segmentMask(int segment) {
    return c.segmentMask[segment];
  }

  long[] supplierMasks() {
    return c.supplierMasks;
  }

  double[] groupLevels() {
    return c.groupLevel;
  }

  /** Bytes of memory the snapshot's columns and indexes hold, roughly. */
  public long memoryBytes() {
    long n = c.supplierIds.length;
    long m = c.segmentIds.length;
    return directory.bytes() + n * (8 + 8 + 8 + 4 + 1 + 2 + 4) + m * (8 + 1 + 8 * 6 + 1 + 12)
        + 16L * (capExceptions.size() + relevanceExceptions.size()) * 2;
  }
}
