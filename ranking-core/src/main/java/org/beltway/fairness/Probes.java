package org.beltway.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.SegmentTable;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;

/**
 * Probes re-run a planner on a changed input and report where its plans differ when they should not
 * (docs/design.md §7): the order of the supplier table's rows, and the suppliers' ids, must change
 * nothing but names. A probe returns violations, one per (supplier, segment) whose impressions differ
 * by more than the tolerance times the segment's traffic.
 */
public final class Probes {
  private Probes() {}

  /** Whatever turns a marketplace into a plan: scoring, policy and solver together. */
  @FunctionalInterface
  public interface Planner {
    /** The plan of these suppliers over these segments. */
    AllocationPlan plan(SupplierTable suppliers, SegmentTable segments);
  }

  /**
   * Row order: the plan of the table with its rows shuffled (seeded) gives every supplier the same
   * impressions in every segment.
   *
   * @param tolerance relative to each segment's traffic, e.g. 1e-9 (sums in another order round
   *     differently)
   */
  public static List<Violation> rowOrder(Planner planner, SupplierTable suppliers, SegmentTable segments,
      long seed, double tolerance) {
    check(planner, suppliers, segments, tolerance);
    int n = suppliers.size();
    int[] order = shuffled(n, seed);
    SupplierTable.Builder b = SupplierTable.builder(n);
    for (int i = 0; i < n; i++) {
      b.add(suppliers.supplier(order[i]), suppliers.signals(order[i]));
    }
    return compare("row order", planner.plan(suppliers, segments), planner.plan(b.build(), segments),
        id -> id, tolerance);
  }

  /**
   * Anonymity: renaming every supplier (a seeded bijection onto ids above the table's largest) gives
   * each renamed supplier the impressions it had under its own name.
   */
  public static List<Violation> anonymity(Planner planner, SupplierTable suppliers, SegmentTable segments,
      long seed, double tolerance) {
    check(planner, suppliers, segments, tolerance);
    int n = suppliers.size();
    long base = 0;
    for (int r = 0; r < n; r++) {
      base = Math.max(base, suppliers.id(r));
    }
    if (base > Long.MAX_VALUE - n - 1) {
      throw new IllegalArgumentException("supplier ids leave no room above " + base + " for renaming");
    }
    int[] rename = shuffled(n, seed);
    long first = base + 1;
    SupplierTable.Builder b = SupplierTable.builder(n);
    for (int r = 0; r < n; r++) {
      Supplier s = suppliers.supplier(r);
      b.add(new Supplier(first + rename[r], s.tier(), s.factory(), s.belt(), s.city(), s.categories(),
          s.programs(), s.priorityClasses(), s.daysOnPlatform()), suppliers.signals(r));
    }
    return compare("anonymity", planner.plan(suppliers, segments), planner.plan(b.build(), segments),
        id -> first + rename[suppliers.row(id)], tolerance);
  }

  private static List<Violation> compare(String probe, AllocationPlan original, AllocationPlan changed,
      LongUnaryOperator idOf, double tolerance) {
    EligibilityGraph graph = original.problem().graph();
    List<Violation> out = new ArrayList<>();
    for (int e = 0, n = graph.edgeCount(); e < n; e++) {
      long supplier = graph.supplierId(graph.supplierOf(e));
      long segment = graph.segments().id(graph.segmentOf(e));
      double traffic = graph.segments().traffic(graph.segmentOf(e));
      double before = original.x(e);
      double after = changed.allocation(idOf.applyAsLong(supplier), segment);
      if (Math.abs(after - before) > tolerance * Math.max(1.0, traffic)) {
        out.add(new Violation(probe, "supplier " + supplier, before, after, String.format(Locale.ROOT,
            "%s: supplier %d has %.9g impressions in segment %d, %.9g before the change: expected a"
                + " difference within %s of the segment's %.1f", probe, supplier, after, segment, before,
            tolerance, traffic)));
      }
    }
    return out;
  }

  private static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static void check(Planner planner, SupplierTable suppliers, SegmentTable segments, double tolerance) {
    Objects.requireNonNull(planner, "planner must not be null");
    Objects.requireNonNull(suppliers, "suppliers must not be null");
    Objects.requireNonNull(segments, "segments must not be null");
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance (" + tolerance + "): expected a number in [0, 1)");
    }
  }
}
