package org.beltway.entity;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.EnumSet;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Count;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.PriorityClass;
import org.beltway.supplier.Program;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;

/** Merges each entity's shops into one row, as {@link Entities} documents. */
final class EntityMerge {
  private static final MembershipTier[] TIERS = MembershipTier.values();
  private static final Program[] PROGRAMS = Program.values();
  private static final PriorityClass[] CLASSES = PriorityClass.values();

  private EntityMerge() {}

  static SupplierTable merge(Entities entities) {
    SupplierTable.Builder b = SupplierTable.builder(entities.size());
    for (int e = 0, n = entities.size(); e < n; e++) {
      b.add(supplier(entities, e), signals(entities, e));
    }
    return b.build();
  }

  private static Supplier supplier(Entities entities, int e) {
    SupplierTable shops = entities.shops();
    int shopCount = entities.shopCount(e);
    int lead = entities.shop(e, 0);
    int tier = 0;
    boolean factory = false;
    int days = 0;
    EnumSet<Program> programs = EnumSet.noneOf(Program.class);
    EnumSet<PriorityClass> classes = EnumSet.noneOf(PriorityClass.class);
    for (int k = 0; k < shopCount; k++) {
      int r = entities.shop(e, k);
      if (shops.count(Count.ORDERS, r) > shops.count(Count.ORDERS, lead)) {
        lead = r;
      }
      tier = Math.max(tier, shops.tier(r).ordinal());
      factory |= shops.isFactory(r);
      days = Math.max(days, shops.daysOnPlatform(r));
      for (Program p : PROGRAMS) {
        if (shops.joined(r, p)) {
          programs.add(p);
        }
      }
      for (PriorityClass c : CLASSES) {
        if (shops.inPriorityClass(r, c)) {
          classes.add(c);
        }
      }
    }
    IntArrayList categories = new IntArrayList();
    IntOpenHashSet seen = new IntOpenHashSet();
    addCategories(shops, lead, categories, seen);
    for (int k = 0; k < shopCount; k++) {
      addCategories(shops, entities.shop(e, k), categories, seen);
    }
    long id = entities.id(e);
    return new Supplier(id, id, TIERS[tier], factory, shops.belt(lead), shops.city(lead),
        categories.toIntArray(), programs, classes, days);
  }

  private static void addCategories(SupplierTable shops, int row, IntArrayList out, IntOpenHashSet seen) {
    for (int k = 0, d = shops.categoryCount(row); k < d; k++) {
      int c = shops.category(row, k);
      if (seen.add(c)) {
        out.add(c);
      }
    }
  }

  private static Signals signals(Entities entities, int e) {
    SupplierTable shops = entities.shops();
    long id = entities.id(e);
    int shopCount = entities.shopCount(e);
    Signals.Builder b = Signals.builder();
    for (Count c : Count.values()) {
      long sum = 0;
      for (int k = 0; k < shopCount; k++) {
        sum += shops.count(c, entities.shop(e, k));
      }
      if (sum > Integer.MAX_VALUE) {
        throw Entities.error(id, c.field(), sum + " over " + shopCount + " shops",
            "a sum <= " + Integer.MAX_VALUE);
      }
      b.count(c, sum);
    }
    b.amount(Amount.PRICE_INDEX, priceIndex(shops, entities, e));
    for (Amount a : Amount.values()) {
      if (a == Amount.PRICE_INDEX) {
        continue;
      }
      double sum = 0;
      for (int k = 0; k < shopCount; k++) {
        sum += shops.amount(a, entities.shop(e, k));
      }
      if (!Double.isFinite(sum)) {
        throw Entities.error(id, a.field(), sum + " over " + shopCount + " shops", "a finite sum");
      }
      b.amount(a, sum);
    }
    for (int k = 0; k < shopCount; k++) {
      int r = entities.shop(e, k);
      for (int c = shops.claimantStart(r), end = shops.claimantStart(r + 1); c < end; c++) {
        b.claimant(shops.claimantClaims(c), shops.claimantMalicious(c), shops.claimantAppealsWon(c),
            shops.claimantCredibility(c));
      }
    }
    return b.build();
  }

  /** The orders-weighted mean price index; a value every shop shares is kept exactly. */
  private static double priceIndex(SupplierTable shops, Entities entities, int e) {
    int shopCount = entities.shopCount(e);
    double first = shops.amount(Amount.PRICE_INDEX, entities.shop(e, 0));
    boolean same = true;
    double weighted = 0;
    double plain = 0;
    long orders = 0;
    for (int k = 0; k < shopCount; k++) {
      int r = entities.shop(e, k);
      double p = shops.amount(Amount.PRICE_INDEX, r);
      same &= p == first;
      weighted += p * shops.count(Count.ORDERS, r);
      plain += p;
      orders += shops.count(Count.ORDERS, r);
    }
    if (same) {
      return first;
    }
    return orders > 0 ? weighted / orders : plain / shopCount;
  }
}
