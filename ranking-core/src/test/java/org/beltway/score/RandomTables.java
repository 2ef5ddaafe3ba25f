package org.beltway.score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Count;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;

/**
 * A seeded generator of small random valid supplier tables for property tests: a few categories,
 * skewed evidence (some suppliers with a handful of orders, some with hundreds, some with none), parts
 * drawn as rates with coarse steps so that ties occur, prices around the band, and refund claimants with
 * malicious claims and appeals won.
 */
final class RandomTables {
  private RandomTables() {}

  /** One row of a table, as values. */
  record Row(Supplier supplier, Signals signals) {}

  /** Rows with distinct random ids over {@code categories} categories (ids 0..categories-1 shuffled). */
  static List<Row> rows(long seed, int categories, int suppliers) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>(suppliers);
    long id = random.nextInt(1000);
    for (int i = 0; i < suppliers; i++) {
      id += 1 + random.nextInt(50);
      int primary = i < categories ? i : random.nextInt(categories);
      int[] cats = random.nextInt(4) == 0 && categories > 1
          ? new int[] {primary, (primary + 1) % categories} : new int[] {primary};
      Supplier supplier = Supplier.builder(id).categories(cats).build();
      rows.add(new Row(supplier, signals(random)));
    }
    Collections.shuffle(rows, new java.util.Random(random.nextLong()));
    return rows;
  }

  static SupplierTable table(long seed, int categories, int suppliers) {
    return build(rows(seed, categories, suppliers));
  }

  static SupplierTable build(List<Row> rows) {
    SupplierTable.Builder b = SupplierTable.builder(rows.size());
    for (Row r : rows) {
      b.add(r.supplier(), r.signals());
    }
    return b.build();
  }

  private static int whole(SplittableRandom random) {
    switch (random.nextInt(5)) {
      case 0:
        return 0;
      case 1:
        return random.nextInt(6);
      default:
        return random.nextInt(400);
    }
  }

  private static int part(SplittableRandom random, int whole, double meanRate) {
    if (whole == 0) {
      return 0;
    }
    double rate = Math.min(1, Math.max(0, meanRate + (random.nextInt(5) - 2) * 0.1));
    int k = 0;
    for (int i = 0; i < whole; i++) {
      if (random.nextDouble() < rate) {
        k++;
      }
    }
    return k;
  }

  static Signals signals(SplittableRandom random) {
    Signals.Builder b = Signals.builder();
    int orders = whole(random);
    int ratings = whole(random);
    int buyers = whole(random);
    int chats = whole(random);
    int inquiries = whole(random);
    int listed = whole(random);
    b.count(Count.ORDERS, orders)
        .count(Count.QUALITY_REFUND_ORDERS, part(random, orders, 0.05))
        .count(Count.DESCRIPTION_RATINGS, ratings)
        .count(Count.DESCRIPTION_MATCHES, part(random, ratings, 0.8))
        .count(Count.BUYERS, buyers)
        .count(Count.REPEAT_BUYERS, part(random, buyers, 0.3))
        .count(Count.CHATS, chats)
        .count(Count.CHATS_ANSWERED_IN_3_MIN, part(random, chats, 0.7))
        .count(Count.SILENT_ORDERS, part(random, orders, 0.6))
        .count(Count.INQUIRIES, inquiries)
        .count(Count.INQUIRY_ORDERS, part(random, inquiries, 0.2))
        .count(Count.SHIPPED_IN_48H, part(random, orders, 0.8))
        .count(Count.ON_TIME_DELIVERIES, part(random, orders, 0.85))
        .count(Count.VALID_TRACKING, part(random, orders, 0.9))
        .count(Count.SELLER_CANCELLATIONS, part(random, orders, 0.03))
        .count(Count.DISPUTES, part(random, orders, 0.02))
        .count(Count.LISTED_PRODUCTS, listed)
        .count(Count.NEW_PRODUCTS_WITH_SALES, part(random, listed, 0.2))
        .count(Count.HIT_PRODUCTS, part(random, listed, 0.05))
        .count(Count.LIGHT_CUSTOM_ORDERS, part(random, orders, 0.1));
    // Prices on a coarse grid so that equal prices (and equal credits) occur.
    b.amount(Amount.PRICE_INDEX, 0.5 + 0.05 * random.nextInt(25));
    double sales = random.nextInt(4) == 0 ? 0 : 10.0 * random.nextInt(1000);
    b.amount(Amount.SALES, sales).amount(Amount.NEW_PRODUCT_SALES, sales * 0.1 * random.nextInt(11));
    int claimsLeft = orders / 2;
    int claimants = claimsLeft == 0 ? 0 : random.nextInt(4);
    for (int c = 0; c < claimants && claimsLeft > 0; c++) {
      int claims = 1 + random.nextInt(Math.min(claimsLeft, 6));
      int malicious = random.nextInt(claims + 1);
      int appeals = random.nextInt(claims - malicious + 1);
      b.claimant(claims, malicious, appeals, 0.25 * random.nextInt(5));
      claimsLeft -= claims;
    }
    return b.build();
  }
}
