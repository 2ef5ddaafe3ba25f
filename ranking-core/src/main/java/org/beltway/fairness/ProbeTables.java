package org.beltway.fairness;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.beltway.score.Direction;
import org.beltway.score.Signal;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Count;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;

/** The changed tables the {@link Probes} re-plan: shuffled, renamed, split, joined by Sybils, improved. */
final class ProbeTables {
  private ProbeTables() {}

  static SupplierTable shuffled(SupplierTable suppliers, long seed) {
    int n = suppliers.size();
    int[] order = shuffle(n, seed);
    SupplierTable.Builder b = SupplierTable.builder(n);
    for (int i = 0; i < n; i++) {
      b.add(suppliers.supplier(order[i]), suppliers.signals(order[i]));
    }
    return b.build();
  }

  /** Shop ids onto {@code first + rename[row]}, entity ids onto a seeded bijection above those. */
  static SupplierTable renamed(SupplierTable suppliers, long first, int[] rename, long seed) {
    int n = suppliers.size();
    Long2LongOpenHashMap entity = new Long2LongOpenHashMap();
    int[] entityRename = shuffle(n, ~seed);
    for (int r = 0; r < n; r++) {
      if (!entity.containsKey(suppliers.entity(r))) {
        entity.put(suppliers.entity(r), first + n + entityRename[entity.size()]);
      }
    }
    SupplierTable.Builder b = SupplierTable.builder(n);
    for (int r = 0; r < n; r++) {
      b.add(with(suppliers.supplier(r), first + rename[r], entity.get(suppliers.entity(r))),
          suppliers.signals(r));
    }
    return b.build();
  }

  /**
   * The table with one row cut into {@code shops} rows in its place: the first keeps its id, the others
   * take ids {@code first, first + 1, …}; all keep its entity and attributes.
   */
  static SupplierTable split(SupplierTable suppliers, int row, int shops, long first, long seed) {
    return split(suppliers, row, shops, first, seed, true);
  }

  /**
   * As {@link #split(SupplierTable, int, int, long, long)}; when not {@code linked}, every new shop is
   * its own entity (its id), as a split the platform has not linked: only the first keeps the entity.
   */
  static SupplierTable split(SupplierTable suppliers, int row, int shops, long first, long seed,
      boolean linked) {
    Signals[] parts = ShopSplit.split(suppliers.signals(row), shops, new SplittableRandom(seed));
    Supplier s = suppliers.supplier(row);
    SupplierTable.Builder b = SupplierTable.builder(suppliers.size() + shops - 1);
    for (int r = 0; r < suppliers.size(); r++) {
      if (r != row) {
        b.add(suppliers.supplier(r), suppliers.signals(r));
        continue;
      }
      for (int k = 0; k < shops; k++) {
        long id = k == 0 ? s.id() : first + k - 1;
        b.add(with(s, id, linked || k == 0 ? s.entity() : id), parts[k]);
      }
    }
    return b.build();
  }

  /**
   * The table with {@code shops} new shops after it, each its own entity with ids {@code first, …},
   * copying the row's attributes and price, each with a flawless record of {@code orders} orders: every
   * whole counts {@code orders}, every part of a higher-is-better rate is its whole and every other part
   * 0, all sales are of new products, and no refund claims.
   */
  static SupplierTable sybils(SupplierTable suppliers, int row, int shops, int orders, long first) {
    Supplier s = suppliers.supplier(row);
    Signals.Builder flawless = Signals.builder();
    Map<Count, Direction> direction = new EnumMap<>(Count.class);
    for (Signal signal : Signal.values()) {
      if (signal.part() != null) {
        direction.put(signal.part(), signal.direction());
      }
    }
    for (Count c : Count.values()) {
      boolean full = c.whole() == null || direction.get(c) == Direction.HIGHER_IS_BETTER;
      flawless.count(c, full ? orders : 0);
    }
    double perOrder = suppliers.count(Count.ORDERS, row) > 0
        ? suppliers.amount(Amount.SALES, row) / suppliers.count(Count.ORDERS, row) : 0;
    flawless.amount(Amount.PRICE_INDEX, suppliers.amount(Amount.PRICE_INDEX, row));
    flawless.amount(Amount.SALES, perOrder * orders);
    flawless.amount(Amount.NEW_PRODUCT_SALES, perOrder * orders);
    Signals signals = flawless.build();
    SupplierTable.Builder b = SupplierTable.builder(suppliers.size() + shops);
    for (int r = 0; r < suppliers.size(); r++) {
      b.add(suppliers.supplier(r), suppliers.signals(r));
    }
    for (int k = 0; k < shops; k++) {
      b.add(with(s, first + k, first + k), signals);
    }
    return b.build();
  }

  /**
   * The table with one row's signal improved by up to {@code delta} of its evidence: a part of a
   * higher-is-better rate rises toward its whole, one of a lower-is-better rate falls toward 0.
   *
   * @throws IllegalArgumentException for a signal that is not a counted rate
   */
  static SupplierTable improved(SupplierTable suppliers, int row, Signal signal, int delta) {
    Count part = signal.part();
    if (part == null || part.whole() == null) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "signal %s is computed, not counted: expected a signal with a counted part", signal));
    }
    int[] values = new int[suppliers.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = (int) suppliers.count(part, r);
    }
    long whole = suppliers.count(part.whole(), row);
    values[row] = (int) (signal.direction() == Direction.HIGHER_IS_BETTER
        ? Math.min(whole, values[row] + (long) delta) : Math.max(0, values[row] - (long) delta));
    return suppliers.withCounts(Map.of(part, values));
  }

  private static Supplier with(Supplier s, long id, long entity) {
    return new Supplier(id, entity, s.tier(), s.factory(), s.belt(), s.city(), s.categories(),
        s.programs(), s.priorityClasses(), s.daysOnPlatform());
  }

  static int[] shuffle(int n, long seed) {
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
}
