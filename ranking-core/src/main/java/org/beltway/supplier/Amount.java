package org.beltway.supplier;

/** The measured (non-count) signals of a window. All must be finite and non-negative. */
public enum Amount {
  /**
   * The supplier's price over the category reference price (1.0 = at reference). Must be positive:
   * scoring rewards value within a band, never "cheaper is always better".
   */
  PRICE_INDEX("price.priceIndex", null),
  /** Sales in the window, in RMB. */
  SALES("newProduct.sales", null),
  /** Sales from products under 90 days old, in RMB; part of {@link #SALES}. */
  NEW_PRODUCT_SALES("newProduct.newProductSales", SALES);

  static final Amount[] VALUES = values();

  private final String field;
  private final Amount whole;

  Amount(String field, Amount whole) {
    this.field = field;
    this.whole = whole;
  }

  /** The field name used in error messages and score cards. */
  public String field() {
    return field;
  }

  /** The amount this one is a part of, or {@code null}. */
  public Amount whole() {
    return whole;
  }
}
