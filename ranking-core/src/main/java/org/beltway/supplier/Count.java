package org.beltway.supplier;

/**
 * The counted signals of a window. Rates are never stored pre-computed: each rate is a count over its
 * {@link #whole()}, so that scoring can shrink it by how much evidence stands behind it. A count may not
 * exceed its whole; {@link SupplierTable.Builder#add} rejects such a row.
 */
public enum Count {
  /** Orders in the window; the whole of most order-based rates. */
  ORDERS("product.orders", null),
  /** Orders refunded for a quality defect. */
  QUALITY_REFUND_ORDERS("product.qualityRefundOrders", ORDERS),
  /** Buyer ratings of "matches the description". */
  DESCRIPTION_RATINGS("product.descriptionRatings", null),
  /** Ratings that said the product matched its description. */
  DESCRIPTION_MATCHES("product.descriptionMatches", DESCRIPTION_RATINGS),
  /** Distinct buyers in the window. */
  BUYERS("product.buyers", null),
  /** Buyers who ordered more than once. */
  REPEAT_BUYERS("product.repeatBuyers", BUYERS),

  /** Buyer chats opened. */
  CHATS("service.chats", null),
  /** Chats answered within three minutes. */
  CHATS_ANSWERED_IN_3_MIN("service.chatsAnsweredIn3Min", CHATS),
  /** Orders placed without chatting to the seller (静默下单). */
  SILENT_ORDERS("service.silentOrders", ORDERS),
  /** Inquiries received. */
  INQUIRIES("service.inquiries", null),
  /** Inquiries that became an order. */
  INQUIRY_ORDERS("service.inquiryOrders", INQUIRIES),

  /** Orders shipped within 48 hours. */
  SHIPPED_IN_48H("fulfilment.shippedIn48h", ORDERS),
  /** Orders delivered on time. */
  ON_TIME_DELIVERIES("fulfilment.onTimeDeliveries", ORDERS),
  /** Orders with a valid tracking number. */
  VALID_TRACKING("fulfilment.validTracking", ORDERS),
  /** Orders cancelled by the seller's fault. */
  SELLER_CANCELLATIONS("fulfilment.sellerCancellations", ORDERS),

  /** Disputes escalated to the platform. */
  DISPUTES("afterSales.disputes", ORDERS),

  /** Products listed in the window. */
  LISTED_PRODUCTS("newProduct.listedProducts", null),
  /** New products (under 90 days old) that sold in the window. */
  NEW_PRODUCTS_WITH_SALES("newProduct.newProductsWithSales", LISTED_PRODUCTS),
  /** Products among the category's top sellers. */
  HIT_PRODUCTS("newProduct.hitProducts", LISTED_PRODUCTS),
  /** Orders for light-customised products. */
  LIGHT_CUSTOM_ORDERS("newProduct.lightCustomOrders", ORDERS);

  static final Count[] VALUES = values();

  private final String field;
  private final Count whole;

  Count(String field, Count whole) {
    this.field = field;
    this.whole = whole;
  }

  /** The field name used in error messages and score cards, e.g. {@code fulfilment.shippedIn48h}. */
  public String field() {
    return field;
  }

  /** The count this one is a part of, or {@code null} when it is a whole itself. */
  public Count whole() {
    return whole;
  }
}
