package org.beltway.supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SupplierTableTest {

  private static Supplier supplier(long id) {
    return Supplier.builder(id).tier(MembershipTier.POWER_MERCHANT).factory(true).belt(3).city(7)
        .categories(11, 12).join(Program.CROSS_BORDER).priority(PriorityClass.SPECIALISED_SME)
        .daysOnPlatform(400).build();
  }

  private static Signals.Builder signals() {
    return Signals.builder().count(Count.ORDERS, 300).count(Count.SHIPPED_IN_48H, 290)
        .count(Count.CHATS, 100).count(Count.CHATS_ANSWERED_IN_3_MIN, 80)
        .amount(Amount.PRICE_INDEX, 0.95).amount(Amount.SALES, 1000).amount(Amount.NEW_PRODUCT_SALES, 200)
        .claimant(3, 1, 1, 0.8);
  }

  private static String rejection(Supplier s, Signals sig) {
    SupplierTable.Builder b = SupplierTable.builder(4);
    return assertThrows(IllegalArgumentException.class, () -> b.add(s, sig)).getMessage();
  }

  private static String rejection(UnaryOperator<Signals.Builder> edit) {
    return rejection(supplier(1042), edit.apply(signals()).build());
  }

  @Test
  void storesEveryFieldAndRoundTripsRows() {
    Supplier s = supplier(1042);
    Signals sig = signals().build();
    SupplierTable table = SupplierTable.builder(0).add(s, sig).add(supplier(7), sig).build();
    assertEquals(2, table.size());
    assertEquals(0, table.row(1042));
    assertEquals(1, table.row(7));
    assertEquals(-1, table.row(8));
    assertEquals(s, table.supplier(0));
    assertEquals(sig, table.signals(0));
    assertEquals(11, table.primaryCategory(0));
    assertTrue(table.sellsIn(0, 12));
    assertTrue(table.joined(0, Program.CROSS_BORDER));
    assertEquals(13, table.categoryLimit());
    assertEquals(290, table.count(Count.SHIPPED_IN_48H, 0));
    assertTrue(table.columnBytes() > 0);
  }

  @Test
  void growsPastItsExpectedSize() {
    SupplierTable.Builder b = SupplierTable.builder(1);
    for (int i = 0; i < 1000; i++) {
      b.add(supplier(i), signals().build());
    }
    SupplierTable table = b.build();
    assertEquals(1000, table.size());
    assertEquals(999, table.row(999));
    assertEquals(signals().build(), table.signals(999));
  }

  @Test
  void rejectsAPartLargerThanItsWhole() {
    assertEquals("supplier 1042: fulfilment.shippedIn48h (312) exceeds product.orders (300)",
        rejection(b -> Signals.builder().count(Count.ORDERS, 300).count(Count.SHIPPED_IN_48H, 312)
            .count(Count.CHATS, 1)));
    assertEquals("supplier 1042: service.chatsAnsweredIn3Min (5) exceeds service.chats (4)",
        rejection(b -> Signals.builder().count(Count.CHATS, 4).count(Count.CHATS_ANSWERED_IN_3_MIN, 5)));
    assertEquals("supplier 1042: newProduct.newProductSales (5.0) exceeds newProduct.sales (4.0)",
        rejection(b -> Signals.builder().amount(Amount.SALES, 4).amount(Amount.NEW_PRODUCT_SALES, 5)));
  }

  @Test
  void rejectsNegativeCounts() {
    assertEquals("supplier 1042: product.orders (-1): expected >= 0",
        rejection(b -> Signals.builder().count(Count.ORDERS, -1)));
  }

  @Test
  void rejectsNanInfiniteAndNonPositiveAmounts() {
    assertEquals("supplier 1042: price.priceIndex (NaN): expected a finite number",
        rejection(b -> Signals.builder().amount(Amount.PRICE_INDEX, Double.NaN)));
    assertEquals("supplier 1042: newProduct.sales (Infinity): expected a finite number",
        rejection(b -> Signals.builder().amount(Amount.SALES, Double.POSITIVE_INFINITY)));
    assertEquals("supplier 1042: price.priceIndex (0.0): expected > 0",
        rejection(b -> Signals.builder().amount(Amount.PRICE_INDEX, 0)));
    assertEquals("supplier 1042: newProduct.sales (-2.5): expected >= 0",
        rejection(b -> Signals.builder().amount(Amount.SALES, -2.5)));
  }

  @Test
  void rejectsInvalidClaimants() {
    assertEquals("supplier 1042: afterSales.claimants[0].malicious + appealsWon (4) exceeds claims (3)",
        rejection(b -> Signals.builder().count(Count.ORDERS, 10).claimant(3, 2, 2, 0.5)));
    // regression (issue 14): the int sum wrapped negative, passed, and improved the after-sales score
    assertEquals("supplier 1042: afterSales.claimants[0].malicious + appealsWon (2147483648) exceeds"
        + " claims (3)", rejection(b -> Signals.builder().count(Count.ORDERS, 10)
            .claimant(3, Integer.MAX_VALUE, 1, 0.5)));
    assertEquals("supplier 1042: afterSales.claimants[1].credibility (1.5): expected a number in [0, 1]",
        rejection(b -> Signals.builder().count(Count.ORDERS, 10).claimant(1, 0, 0, 1).claimant(1, 0, 0, 1.5)));
    assertEquals("supplier 1042: afterSales.refundClaims (4) exceeds product.orders (3)",
        rejection(b -> Signals.builder().count(Count.ORDERS, 3).claimant(4, 0, 0, 1)));
    assertEquals("supplier 1042: afterSales.claimants[0] (Claimant[claims=-1, malicious=0, appealsWon=0,"
        + " credibility=1.0]): expected non-negative claim counts",
        rejection(b -> Signals.builder().claimant(-1, 0, 0, 1)));
  }

  @Test
  void rejectsUnknownTierEmptyCategoriesAndBadIds() {
    Signals sig = signals().build();
    assertEquals("supplier 5: tier: expected a non-null MembershipTier", assertThrows(
        NullPointerException.class, () -> Supplier.builder(5).tier(null)).getMessage());
    assertEquals("supplier 5: categories: expected a non-null int[]", assertThrows(
        NullPointerException.class, () -> Supplier.builder(5).categories((int[]) null)).getMessage());
    assertEquals("supplier 5: joined[1]: expected a non-null Program", assertThrows(
        NullPointerException.class, () -> Supplier.builder(5).join(Program.values()[0], null)).getMessage());
    assertEquals("supplier 5: categories ([]): expected at least one category",
        rejection(Supplier.builder(5).build(), sig));
    assertEquals("supplier 5: categories ([1, 1]): expected no category listed twice",
        rejection(Supplier.builder(5).categories(1, 1).build(), sig));
    assertEquals("supplier 5: categories ([-3]): expected category ids >= 0",
        rejection(Supplier.builder(5).categories(-3).build(), sig));
    assertEquals("supplier 5: daysOnPlatform (-1): expected >= 0",
        rejection(Supplier.builder(5).categories(1).daysOnPlatform(-1).build(), sig));
    assertEquals("supplier 5: city (-2): expected a city id >= 0",
        rejection(Supplier.builder(5).categories(1).city(-2).build(), sig));
    assertEquals("supplier 5: belt (-4): expected a belt id >= 0 or NO_BELT (-1)",
        rejection(Supplier.builder(5).categories(1).belt(-4).build(), sig));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> MembershipTier.parse("gold"));
    assertEquals("unknown membership tier \"gold\": expected one of [TRUSTPASS, POWER_MERCHANT, SUPER_FACTORY]",
        unknown.getMessage());
  }

  @Test
  void rejectsADuplicateSupplierId() {
    SupplierTable.Builder b = SupplierTable.builder(2).add(supplier(9), signals().build());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.add(supplier(9), signals().build()));
    assertEquals("supplier 9: id (9): expected a supplier id not already in the table", e.getMessage());
  }

  @Test
  void signalsBuilderIsStrict() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Signals.builder().count(Count.ORDERS, 1).count(Count.ORDERS, 2));
    assertEquals("product.orders was already set to 1", e.getMessage());
    assertEquals("price.priceIndex was already set to 0.9", assertThrows(IllegalStateException.class,
        () -> Signals.builder().amount(Amount.PRICE_INDEX, 0.9).amount(Amount.PRICE_INDEX, 1.1)).getMessage());
  }

  @Test
  void builderBuildsOnce() {
    SupplierTable.Builder b = SupplierTable.builder(1);
    b.build();
    assertThrows(IllegalStateException.class, b::build);
  }
  @Test
  void withCountsReplacesColumnsAndSharesTheRest() {
    Signals sig = signals().build();
    SupplierTable table = SupplierTable.builder(2).add(supplier(1042), sig).add(supplier(7), sig).build();
    SupplierTable later = table.withCounts(Map.of(Count.ORDERS, new int[] {400, 300},
        Count.SHIPPED_IN_48H, new int[] {390, 290}));
    assertEquals(400, later.count(Count.ORDERS, 0));
    assertEquals(390, later.count(Count.SHIPPED_IN_48H, 0));
    assertEquals(300, later.count(Count.ORDERS, 1));
    assertEquals(100, later.count(Count.CHATS, 0));
    assertEquals(300, table.count(Count.ORDERS, 0), "the original is unchanged");
    assertEquals(table.supplier(0), later.supplier(0));
    assertEquals(1, later.row(7));
    assertEquals(0.95, later.amount(Amount.PRICE_INDEX, 1));
  }

  @Test
  void withCountsRejectsInvalidColumnsWithTheSupplierInTheMessage() {
    Signals sig = signals().build();
    SupplierTable table = SupplierTable.builder(2).add(supplier(1042), sig).add(supplier(7), sig).build();
    assertEquals("service.chats has 1 values: expected one per supplier row (2)",
        assertThrows(IllegalArgumentException.class,
            () -> table.withCounts(Map.of(Count.CHATS, new int[] {1}))).getMessage());
    assertEquals("supplier 7: service.chats (-1): expected >= 0",
        assertThrows(IllegalArgumentException.class,
            () -> table.withCounts(Map.of(Count.CHATS, new int[] {100, -1}))).getMessage());
    assertEquals("supplier 1042: fulfilment.shippedIn48h (290) exceeds product.orders (289)",
        assertThrows(IllegalArgumentException.class,
            () -> table.withCounts(Map.of(Count.ORDERS, new int[] {289, 300}))).getMessage());
    assertEquals("supplier 7: service.chatsAnsweredIn3Min (101) exceeds service.chats (100)",
        assertThrows(IllegalArgumentException.class, () -> table.withCounts(
            Map.of(Count.CHATS_ANSWERED_IN_3_MIN, new int[] {80, 101}))).getMessage());
    SupplierTable noShipping = table.withCounts(Map.of(Count.SHIPPED_IN_48H, new int[] {0, 0}));
    assertEquals("supplier 1042: afterSales.refundClaims (3) exceeds product.orders (2)",
        assertThrows(IllegalArgumentException.class,
            () -> noShipping.withCounts(Map.of(Count.ORDERS, new int[] {2, 300}))).getMessage());
  }
}
