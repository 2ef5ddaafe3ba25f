package org.beltway.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.beltway.internal.Strict;

/**
 * The plan in service for one period, behind an atomic reference: queries read it without locks and
 * a swap replaces it without blocking them (docs/design.md §6). Every plan that served in the period
 * is kept, with its delivery counts, so that a query still running on a replaced plan loses nothing:
 * the period's delivered exposure of a supplier is the sum over all of them, and the newest plan
 * inherits every supplier's pacing factor by id.
 *
 * <p>Thread-safe. Swaps and pacing updates serialise on this object; queries never do.
 */
public final class LivePlan {
  private final AtomicReference<ServedPlan> current;
  private final List<ServedPlan> served = new CopyOnWriteArrayList<>();
  private final int stripes;
  private final AtomicInteger nextStripe = new AtomicInteger();
  final LongAdder queries = new LongAdder();
  final LongAdder candidates = new LongAdder();
  final LongAdder unknown = new LongAdder();
  final LongAdder excluded = new LongAdder();
  /** In exposure, not fixed-point units: a long of 2^32 units a unit would wrap near 2.1e9 exposure. */
  final DoubleAdder exposure = new DoubleAdder();
  private long swaps;

  /** A live plan starting with the given snapshot, with a delivery stripe per processor (at most 8). */
  public LivePlan(PlanSnapshot first) {
    this(first, Delivery.defaultStripes());
  }

  /**
   * @param stripes delivery counter stripes (rounded down to a power of two); more stripes, less
   *     contention between reranking threads, 8 bytes a supplier each
   */
  public LivePlan(PlanSnapshot first, int stripes) {
    Strict.nonNull(first, "first", PlanSnapshot.class);
    if (stripes < 1 || stripes > 64) {
      throw new IllegalArgumentException("stripes (" + stripes + "): expected 1 to 64");
    }
    this.stripes = stripes;
    ServedPlan plan = new ServedPlan(first, stripes);
    plan.newestRow(identity(first.supplierCount()));
    served.add(plan);
    current = new AtomicReference<>(plan);
  }

  /** The plan a query should use, from start to end. */
  public ServedPlan current() {
    return current.get();
  }

  /** The stripe for a new reranker: round robin. */
  int claimStripe() {
    return nextStripe.getAndIncrement();
  }

  /**
   * Puts a new plan into service. Queries already running finish on the old one; the new plan's
   * suppliers keep the pacing factors they had, by id.
   *
   * @throws IllegalArgumentException if the snapshot is of another marketplace
   */
  public synchronized void swap(PlanSnapshot next) {
    Strict.nonNull(next, "next", PlanSnapshot.class);
    ServedPlan old = current.get();
    String market = old.snapshot().header().marketplace();
    if (!next.header().marketplace().equals(market)) {
      throw new IllegalArgumentException("snapshot is of marketplace \"" + next.header().marketplace()
          + "\": this live plan serves \"" + market + "\"");
    }
    ServedPlan plan = new ServedPlan(next, stripes);
    PlanSnapshot prior = old.snapshot();
    for (int row = 0; row < next.supplierCount(); row++) {
      int oldRow = prior.row(next.supplierId(row));
      if (oldRow >= 0) {
        plan.inherit(row, old.pacing(oldRow), old.behindSchedule(oldRow));
        plan.startWindow(row, old.windowStart(oldRow), old.windowDelivered(oldRow));
      }
    }
    for (ServedPlan p : served) {
      PlanSnapshot s = p.snapshot();
      int[] rows = new int[s.supplierCount()];
      for (int row = 0; row < rows.length; row++) {
        rows[row] = next.row(s.supplierId(row));
      }
      p.newestRow(rows);
    }
    plan.newestRow(identity(next.supplierCount()));
    served.add(plan);
    current.set(plan);
    swaps++;
  }

  /**
   * The exposure delivered in the period to each supplier of the newest plan, by its row, summed over
   * every plan that served. Queries running meanwhile may add to it.
   */
  public synchronized double[] deliveredByRow() {
    ServedPlan newest = current.get();
    long[] units = new long[newest.snapshot().supplierCount()];
    for (ServedPlan p : served) {
      int[] rows = p.newestRow();
      Delivery d = p.delivery();
      for (int row = 0; row < rows.length; row++) {
        int to = rows[row];
        if (to >= 0) {
          units[to] += d.units(row);
        }
      }
    }
    double[] out = new double[units.length];
    for (int row = 0; row < out.length; row++) {
      out[row] = units[row] / Delivery.UNIT;
    }
    return out;
  }

  /** The exposure delivered in the period to a supplier, over every plan that served. */
  public double delivered(long supplierId) {
    long units = 0;
    for (ServedPlan p : served) {
      int row = p.snapshot().row(supplierId);
      if (row >= 0) {
        units += p.delivery().units(row);
      }
    }
    return units / Delivery.UNIT;
  }

  /** The plans that served in the period, oldest first. */
  public List<ServedPlan> served() {
    return new ArrayList<>(served);
  }

  public synchronized ServingStats stats() {
    return new ServingStats(queries.sum(), candidates.sum(), unknown.sum(), excluded.sum(), swaps,
        exposure.sum());
  }

  private static int[] identity(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }
}
