package org.beltway.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.SegmentTable;
import org.beltway.internal.Strict;
import org.beltway.score.Signal;
import org.beltway.supplier.SupplierTable;

/**
 * Probes re-run a planner on a changed input and report where its plans break a law they should keep
 * (docs/design.md §7). Tolerances are relative to each segment's traffic.
 *
 * <ul>
 *   <li>{@link #rowOrder} and {@link #anonymity}: the order of the rows, and the ids, change nothing
 *       but names (scores bit for bit; plans to about 1e-15 of a segment's traffic, not bitwise, since
 *       a segment's sums run in row order);
 *   <li>{@link #split}: one supplier cut into N shops of its entity with the same total signals never
 *       raises their combined traffic in any segment;
 *   <li>{@link #splitUnlinked}: the same cut into shops the platform has not linked gains at most a
 *       given share of combined traffic;
 *   <li>{@link #sybil}: shops of other entities with small flawless records never get more traffic
 *       than the established supplier they imitate;
 *   <li>{@link #monotonicity}: improving a signal never lowers the supplier's planned traffic.
 * </ul>
 *
 * A planner that re-fits its priors on the changed table moves every supplier's score with the data; to
 * test a law of the policy, give it fixed priors.
 */
public final class Probes {
  private Probes() {}

  /** Whatever turns a marketplace into planned exposure: scoring, policy and solver together. */
  @FunctionalInterface
  public interface Planner {
    /** The planned exposure of these suppliers over these segments. */
    Exposure plan(SupplierTable suppliers, SegmentTable segments);
  }

  /**
   * Row order: the plan of the table with its rows shuffled (seeded) gives every supplier the same
   * impressions in every segment, to rounding: plans of the same problem with rows shuffled agree to
   * about 1e-15 relative, not bitwise, because a segment's sums run in row order and floating-point
   * addition is not associative (docs/design.md §4, {@code RowOrderLawTest}).
   *
   * @param tolerance relative to each segment's traffic, e.g. 1e-9: far above that rounding, far below
   *     the solver's tolerances
   */
  public static List<Violation> rowOrder(Planner planner, SupplierTable suppliers, SegmentTable segments,
      long seed, double tolerance) {
    check(planner, suppliers, segments, tolerance);
    return compare("row order", planner.plan(suppliers, segments),
        planner.plan(ProbeTables.shuffled(suppliers, seed), segments), id -> id, tolerance);
  }

  /**
   * Anonymity: renaming every supplier and every entity (seeded bijections onto ids above the table's
   * largest) gives each renamed supplier the impressions it had under its own name.
   */
  public static List<Violation> anonymity(Planner planner, SupplierTable suppliers, SegmentTable segments,
      long seed, double tolerance) {
    check(planner, suppliers, segments, tolerance);
    int n = suppliers.size();
    long first = freeIdsAbove(suppliers, 2L * n) + 1;
    int[] rename = ProbeTables.shuffle(n, seed);
    return compare("anonymity", planner.plan(suppliers, segments),
        planner.plan(ProbeTables.renamed(suppliers, first, rename, seed), segments),
        id -> first + rename[suppliers.row(id)], tolerance);
  }

  /**
   * Split-proofness: the supplier cut into {@code shops} shops of its own entity, with random sizes
   * (seeded) and the same total signals, gets in no segment more combined impressions than it had
   * whole. The first shop keeps the supplier's id; the others take ids above the table's largest.
   *
   * @throws IllegalArgumentException for an unknown supplier or {@code shops < 2}
   */
  public static List<Violation> split(Planner planner, SupplierTable suppliers, SegmentTable segments,
      long supplierId, int shops, long seed, double tolerance) {
    check(planner, suppliers, segments, tolerance);
    int row = rowOf(suppliers, supplierId);
    checkShops(shops);
    long first = freeIdsAbove(suppliers, shops) + 1;
    SupplierTable changed = ProbeTables.split(suppliers, row, shops, first, seed);
    Exposure before = planner.plan(suppliers, segments);
    Exposure after = planner.plan(changed, segments);
    return exceeding("split", before, supplierId, after, shopIds(supplierId, first, shops - 1),
        "the " + shops + " shops it was split into", tolerance);
  }

  /**
   * Split-proofness without links: the supplier cut into {@code shops} shops that the platform has not
   * linked (each new shop its own entity; the first keeps the supplier's id and entity), with random
   * sizes (seeded) and the same total signals and catalogue, gets over all its segments combined at
   * most {@code 1 + maxGain} times the impressions it had whole. Entity plans cannot help here; only a
   * merit rule that follows what a supplier brings can ({@code EvidenceMerit}, docs/design.md §7).
   *
   * @param maxGain the relative gain allowed, e.g. 0.1, in [0, 1)
   * @throws IllegalArgumentException for an unknown supplier, {@code shops < 2} or a bad gain
   */
  public static List<Violation> splitUnlinked(Planner planner, SupplierTable suppliers,
      SegmentTable segments, long supplierId, int shops, long seed, double maxGain) {
    check(planner, suppliers, segments, 0);
    if (!(maxGain >= 0 && maxGain < 1)) {
      throw new IllegalArgumentException("maxGain (" + maxGain + "): expected a number in [0, 1)");
    }
    int row = rowOf(suppliers, supplierId);
    checkShops(shops);
    long first = freeIdsAbove(suppliers, shops) + 1;
    SupplierTable changed = ProbeTables.split(suppliers, row, shops, first, seed, false);
    double before = total(planner.plan(suppliers, segments), supplierId);
    Exposure after = planner.plan(changed, segments);
    double combined = 0;
    for (long shop : shopIds(supplierId, first, shops - 1)) {
      combined += total(after, shop);
    }
    if (combined > (1 + maxGain) * before + 1e-9 * Math.max(1.0, before)) {
      return List.of(new Violation("unlinked split", "supplier " + supplierId, before, combined,
          String.format(Locale.ROOT, "unlinked split: the %d unlinked shops supplier %d was split into"
              + " get %.9g impressions, %.4g times its %.9g whole: expected at most %s times", shops,
              supplierId, combined, combined / before, before, 1 + maxGain)));
    }
    return List.of();
  }

  /**
   * Sybil-proofness of small samples: {@code shops} new shops, each its own entity, copying the
   * supplier's attributes with a flawless record of only {@code orders} orders each (every good rate
   * 1, every bad rate 0), get in no segment more impressions each than the supplier gets beside them.
   * A small sample is weak evidence, so it must not outweigh an established record; the probe is
   * meant for suppliers whose record is good, where an unshrunk score would be beaten.
   *
   * @throws IllegalArgumentException for an unknown supplier, {@code shops < 1} or {@code orders < 1}
   */
  public static List<Violation> sybil(Planner planner, SupplierTable suppliers, SegmentTable segments,
      long supplierId, int shops, int orders, double tolerance) {
    check(planner, suppliers, segments, tolerance);
    int row = rowOf(suppliers, supplierId);
    if (shops < 1 || orders < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "shops (%d) and orders (%d): expected at least 1 each", shops, orders));
    }
    long first = freeIdsAbove(suppliers, shops) + 1;
    Exposure plan = planner.plan(ProbeTables.sybils(suppliers, row, shops, orders, first), segments);
    List<Violation> out = new ArrayList<>();
    for (int k = 0; k < shops; k++) {
      out.addAll(exceeding("sybil", plan, supplierId, plan, new long[] {first + k},
          "a Sybil shop with " + orders + " flawless orders", tolerance));
    }
    return out;
  }

  /**
   * Monotonicity: the supplier's signal improved by up to {@code delta} of its evidence (a part of a
   * higher-is-better rate raised toward its whole, one of a lower-is-better rate lowered toward 0) never
   * lowers its planned impressions over all its segments.
   *
   * @throws IllegalArgumentException for an unknown supplier, a computed signal or {@code delta < 1}
   */
  public static List<Violation> monotonicity(Planner planner, SupplierTable suppliers,
      SegmentTable segments, long supplierId, Signal signal, int delta, double tolerance) {
    check(planner, suppliers, segments, tolerance);
    Strict.nonNull(signal, "signal", Signal.class);
    int row = rowOf(suppliers, supplierId);
    if (delta < 1) {
      throw new IllegalArgumentException("delta (" + delta + "): expected at least 1");
    }
    SupplierTable improved = ProbeTables.improved(suppliers, row, signal, delta);
    double before = total(planner.plan(suppliers, segments), supplierId);
    Exposure after = planner.plan(improved, segments);
    double now = total(after, supplierId);
    double scale = 0;
    for (int j = 0; j < segments.size(); j++) {
      scale = Math.max(scale, segments.traffic(j));
    }
    if (now < before - tolerance * Math.max(1.0, scale)) {
      return List.of(new Violation("monotonicity", "supplier " + supplierId, before, now,
          String.format(Locale.ROOT, "monotonicity: supplier %d has %.9g impressions after %s improved"
              + " by up to %d, %.9g before: expected no fewer", supplierId, now, signal, delta, before)));
    }
    return List.of();
  }

  private static double total(Exposure plan, long supplierId) {
    EligibilityGraph graph = plan.graph();
    int row = graph.row(supplierId);
    double sum = 0;
    for (int k = 0, d = graph.supplierDegree(row); k < d; k++) {
      sum += plan.impressions(graph.supplierEdge(row, k));
    }
    return sum;
  }

  /** Violations where the shops' combined impressions in a segment pass the reference supplier's. */
  private static List<Violation> exceeding(String probe, Exposure reference, long supplierId,
      Exposure changed, long[] shops, String who, double tolerance) {
    EligibilityGraph graph = reference.graph();
    int row = graph.row(supplierId);
    List<Violation> out = new ArrayList<>();
    for (int k = 0, d = graph.supplierDegree(row); k < d; k++) {
      int e = graph.supplierEdge(row, k);
      long segment = graph.segments().id(graph.segmentOf(e));
      double traffic = graph.segments().traffic(graph.segmentOf(e));
      double before = reference.impressions(e);
      double after = 0;
      for (long shop : shops) {
        after += changed.impressions(shop, segment);
      }
      if (after > before + tolerance * Math.max(1.0, traffic)) {
        out.add(new Violation(probe, "supplier " + supplierId, before, after, String.format(Locale.ROOT,
            "%s: %s get %.9g impressions in segment %d, supplier %d gets %.9g: expected no more",
            probe, who, after, segment, supplierId, before)));
      }
    }
    return out;
  }

  private static long[] shopIds(long kept, long first, int others) {
    long[] ids = new long[others + 1];
    ids[0] = kept;
    for (int k = 0; k < others; k++) {
      ids[k + 1] = first + k;
    }
    return ids;
  }

  private static List<Violation> compare(String probe, Exposure original, Exposure changed,
      LongUnaryOperator idOf, double tolerance) {
    EligibilityGraph graph = original.graph();
    List<Violation> out = new ArrayList<>();
    for (int e = 0, n = graph.edgeCount(); e < n; e++) {
      long supplier = graph.supplierId(graph.supplierOf(e));
      long segment = graph.segments().id(graph.segmentOf(e));
      double traffic = graph.segments().traffic(graph.segmentOf(e));
      double before = original.impressions(e);
      double after = changed.impressions(idOf.applyAsLong(supplier), segment);
      if (Math.abs(after - before) > tolerance * Math.max(1.0, traffic)) {
        out.add(new Violation(probe, "supplier " + supplier, before, after, String.format(Locale.ROOT,
            "%s: supplier %d has %.9g impressions in segment %d, %.9g before the change: expected a"
                + " difference within %s of the segment's %.1f", probe, supplier, after, segment, before,
            tolerance, traffic)));
      }
    }
    return out;
  }

  /** The largest supplier or entity id, checked to leave {@code room} ids above it. */
  private static long freeIdsAbove(SupplierTable suppliers, long room) {
    long base = 0;
    for (int r = 0; r < suppliers.size(); r++) {
      base = Math.max(base, Math.max(suppliers.id(r), suppliers.entity(r)));
    }
    if (base > Long.MAX_VALUE - room - 1) {
      throw new IllegalArgumentException("supplier ids leave no room above " + base + " for new ids");
    }
    return base;
  }

  private static int rowOf(SupplierTable suppliers, long supplierId) {
    int row = suppliers.row(supplierId);
    if (row < 0) {
      throw new IllegalArgumentException("unknown supplier " + supplierId);
    }
    return row;
  }

  private static void checkShops(int shops) {
    if (shops < 2) {
      throw new IllegalArgumentException("shops (" + shops + "): expected at least 2");
    }
  }

  private static void check(Planner planner, SupplierTable suppliers, SegmentTable segments, double tolerance) {
    Strict.nonNull(planner, "planner", Planner.class);
    Strict.nonNull(suppliers, "suppliers", SupplierTable.class);
    Strict.nonNull(segments, "segments", SegmentTable.class);
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance (" + tolerance + "): expected a number in [0, 1)");
    }
  }
}
