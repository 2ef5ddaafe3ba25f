package org.beltway.supplier;

import java.util.Arrays;
import java.util.Locale;

/**
 * The checks {@link SupplierTable.Builder#add} runs on one row before it is stored: every message
 * names the supplier, the field, the value and what was expected, and nothing is ever clamped.
 */
final class RowCheck {
  private RowCheck() {}

  static void validate(Supplier s, Signals signals) {
    long id = s.id();
    int[] cats = s.categories();
    if (cats.length == 0) {
      throw error(id, "categories", "[]", "at least one category");
    }
    for (int i = 0; i < cats.length; i++) {
      if (cats[i] < 0) {
        throw error(id, "categories", Arrays.toString(cats), "category ids >= 0");
      }
      for (int j = 0; j < i; j++) {
        if (cats[j] == cats[i]) {
          throw error(id, "categories", Arrays.toString(cats), "no category listed twice");
        }
      }
    }
    if (s.belt() < Supplier.NO_BELT) {
      throw error(id, "belt", s.belt(), "a belt id >= 0 or NO_BELT (-1)");
    }
    if (s.city() < 0) {
      throw error(id, "city", s.city(), "a city id >= 0");
    }
    if (s.daysOnPlatform() < 0) {
      throw error(id, "daysOnPlatform", s.daysOnPlatform(), ">= 0");
    }
    for (Count c : Count.VALUES) {
      long v = signals.count(c);
      if (v < 0) {
        throw error(id, c.field(), v, ">= 0");
      }
      if (v > Integer.MAX_VALUE) {
        throw error(id, c.field(), v, "<= " + Integer.MAX_VALUE);
      }
    }
    for (Count c : Count.VALUES) {
      if (c.whole() != null && signals.count(c) > signals.count(c.whole())) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier %d: %s (%d) exceeds %s (%d)", id, c.field(), signals.count(c),
            c.whole().field(), signals.count(c.whole())));
      }
    }
    for (Amount a : Amount.VALUES) {
      double v = signals.amount(a);
      if (!Double.isFinite(v)) {
        throw error(id, a.field(), v, "a finite number");
      }
      if (a == Amount.PRICE_INDEX ? v <= 0 : v < 0) {
        throw error(id, a.field(), v, a == Amount.PRICE_INDEX ? "> 0" : ">= 0");
      }
    }
    for (Amount a : Amount.VALUES) {
      if (a.whole() != null && signals.amount(a) > signals.amount(a.whole())) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier %d: %s (%s) exceeds %s (%s)", id, a.field(), signals.amount(a),
            a.whole().field(), signals.amount(a.whole())));
      }
    }
    long claims = 0;
    int index = 0;
    for (Claimant c : signals.claimants()) {
      String field = "afterSales.claimants[" + index + "]";
      if (c.claims() < 0 || c.malicious() < 0 || c.appealsWon() < 0) {
        throw error(id, field, c, "non-negative claim counts");
      }
      // in long: malicious + appealsWon may pass Integer.MAX_VALUE and wrap below claims
      if ((long) c.malicious() + c.appealsWon() > c.claims()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier %d: %s.malicious + appealsWon (%d) exceeds claims (%d)", id, field,
            (long) c.malicious() + c.appealsWon(), c.claims()));
      }
      if (!(c.credibility() >= 0 && c.credibility() <= 1)) {
        throw error(id, field + ".credibility", c.credibility(), "a number in [0, 1]");
      }
      claims += c.claims();
      index++;
    }
    if (claims > signals.count(Count.ORDERS)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "supplier %d: afterSales.refundClaims (%d) exceeds %s (%d)", id, claims,
          Count.ORDERS.field(), signals.count(Count.ORDERS)));
    }
  }

  static IllegalArgumentException error(long id, String field, Object value, String expected) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "supplier %d: %s (%s): expected %s", id, field, value, expected));
  }
}
