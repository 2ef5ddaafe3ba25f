package org.beltway.score;

import org.beltway.supplier.Amount;
import org.beltway.supplier.Count;
import org.beltway.supplier.SupplierTable;

/**
 * The signals that make up the six {@link Dimension dimensions} (docs/design.md §3). Every signal but
 * {@link #PRICE_CREDIT} is a rate, a part over a whole, so that it can be shrunk toward its category
 * prior by how much evidence (the whole) stands behind it. A signal is named in score cards by its
 * {@link #field()}, the field name of its numerator in {@link Count} or {@link Amount}.
 *
 * <p>Three signals are computed rather than read:
 *
 * <ul>
 *   <li>{@link #SELLER_REFUND_RATE}: the part is Σ over the supplier's refund claimants of
 *       {@code min(claimCapPerBuyer, claims − malicious − appealsWon) × credibility}, so that claims
 *       flagged malicious (恶意仅退款, coupon abuse) and appeals the supplier won never count, no single
 *       buyer counts for more than the cap, and low-credibility buyers count less; the whole is orders.
 *   <li>{@link #NEW_PRODUCT_SALES_SHARE}: the share of sales from products under 90 days old is an
 *       amount ratio, not a count ratio. It is shrunk as a rate with an effective trial count equal to
 *       the supplier's orders (the share was measured over that many orders): whole = orders and part =
 *       orders × newProductSales / sales. A supplier without sales has no evidence (whole = 0) and gets
 *       the prior mean.
 *   <li>{@link #PRICE_CREDIT}: the price index's credit on the {@link PriceBand}; not a rate, not
 *       shrunk.
 * </ul>
 */
public enum Signal {
  /** Orders refunded for a quality defect over orders. */
  QUALITY_REFUND_RATE(Dimension.PRODUCT, Count.QUALITY_REFUND_ORDERS, Direction.LOWER_IS_BETTER),
  /** Ratings saying the product matched its description over such ratings. */
  DESCRIPTION_MATCH_RATE(Dimension.PRODUCT, Count.DESCRIPTION_MATCHES, Direction.HIGHER_IS_BETTER),
  /** Buyers who ordered more than once over buyers. */
  REPEAT_BUYER_RATE(Dimension.PRODUCT, Count.REPEAT_BUYERS, Direction.HIGHER_IS_BETTER),

  /** The credit of the price index on the category's price band (1 at or below the band's low edge). */
  PRICE_CREDIT(Dimension.PRICE, Amount.PRICE_INDEX.field(), null, null, Direction.HIGHER_IS_BETTER),

  /** Chats answered within three minutes over chats. */
  QUICK_REPLY_RATE(Dimension.SERVICE, Count.CHATS_ANSWERED_IN_3_MIN, Direction.HIGHER_IS_BETTER),
  /** Orders placed without chatting to the seller (静默下单) over orders. */
  SILENT_ORDER_SHARE(Dimension.SERVICE, Count.SILENT_ORDERS, Direction.HIGHER_IS_BETTER),
  /** Inquiries that became an order over inquiries. */
  INQUIRY_CONVERSION_RATE(Dimension.SERVICE, Count.INQUIRY_ORDERS, Direction.HIGHER_IS_BETTER),

  /** Orders shipped within 48 hours over orders. */
  SHIPPED_IN_48H_RATE(Dimension.FULFILMENT, Count.SHIPPED_IN_48H, Direction.HIGHER_IS_BETTER),
  /** Orders delivered on time over orders. */
  ON_TIME_DELIVERY_RATE(Dimension.FULFILMENT, Count.ON_TIME_DELIVERIES, Direction.HIGHER_IS_BETTER),
  /** Orders with a valid tracking number over orders. */
  VALID_TRACKING_RATE(Dimension.FULFILMENT, Count.VALID_TRACKING, Direction.HIGHER_IS_BETTER),
  /** Orders cancelled by the seller's fault over orders. */
  SELLER_CANCELLATION_RATE(Dimension.FULFILMENT, Count.SELLER_CANCELLATIONS, Direction.LOWER_IS_BETTER),

  /** Seller-responsible refunds (see the class doc) over orders. */
  SELLER_REFUND_RATE(Dimension.AFTER_SALES, "afterSales.sellerResponsibleRefunds", null, Count.ORDERS,
      Direction.LOWER_IS_BETTER),
  /** Disputes escalated to the platform over orders. */
  DISPUTE_RATE(Dimension.AFTER_SALES, Count.DISPUTES, Direction.LOWER_IS_BETTER),

  /** New products (under 90 days old) that sold over products listed. */
  NEW_PRODUCTS_WITH_SALES_RATE(Dimension.NEW_PRODUCT, Count.NEW_PRODUCTS_WITH_SALES,
      Direction.HIGHER_IS_BETTER),
  /** Products among the category's top sellers over products listed. */
  HIT_PRODUCT_RATE(Dimension.NEW_PRODUCT, Count.HIT_PRODUCTS, Direction.HIGHER_IS_BETTER),
  /** Sales from new products over sales, with orders as the effective trial count (see the class doc). */
  NEW_PRODUCT_SALES_SHARE(Dimension.NEW_PRODUCT, Amount.NEW_PRODUCT_SALES.field(), null, Count.ORDERS,
      Direction.HIGHER_IS_BETTER),
  /** Orders for light-customised products (轻定制) over orders. */
  LIGHT_CUSTOM_SHARE(Dimension.NEW_PRODUCT, Count.LIGHT_CUSTOM_ORDERS, Direction.HIGHER_IS_BETTER);

  static final Signal[] VALUES = values();

  private final Dimension dimension;
  private final String field;
  private final Count part;
  private final Count whole;
  private final Direction direction;

  Signal(Dimension dimension, Count part, Direction direction) {
    this(dimension, part.field(), part, part.whole(), direction);
  }

  Signal(Dimension dimension, String field, Count part, Count whole, Direction direction) {
    this.dimension = dimension;
    this.field = field;
    this.part = part;
    this.whole = whole;
    this.direction = direction;
  }

  /** The dimension this signal belongs to. */
  public Dimension dimension() {
    return dimension;
  }

  /** The field name of the numerator, e.g. {@code fulfilment.shippedIn48h}; used in score cards. */
  public String field() {
    return field;
  }

  /** The counted numerator, or {@code null} when the numerator is computed (see the class doc). */
  public Count part() {
    return part;
  }

  /** The whole (the evidence a rate is shrunk by), or {@code null} for {@link #PRICE_CREDIT}. */
  public Count whole() {
    return whole;
  }

  /** Whether more is better or worse. */
  public Direction direction() {
    return direction;
  }

  /** Whether the signal is a rate shrunk toward a prior; false only for {@link #PRICE_CREDIT}. */
  public boolean isRate() {
    return whole != null;
  }

  /**
   * The part (numerator) of a rate signal for a row; see the class doc for the computed ones. Scoring,
   * prior fitting and score cards all call this, so they see the same bits.
   */
  double part(SupplierTable t, int row, int claimCapPerBuyer) {
    switch (this) {
      case SELLER_REFUND_RATE:
        return sellerRefunds(t, row, claimCapPerBuyer);
      case NEW_PRODUCT_SALES_SHARE: {
        double sales = t.amount(Amount.SALES, row);
        return sales > 0 ? t.count(Count.ORDERS, row) * (t.amount(Amount.NEW_PRODUCT_SALES, row) / sales)
            : 0.0;
      }
      case PRICE_CREDIT:
        throw new IllegalStateException("the price credit is not a rate");
      default:
        return t.count(part, row);
    }
  }

  /** The whole (evidence) of a rate signal for a row. */
  double whole(SupplierTable t, int row) {
    switch (this) {
      case NEW_PRODUCT_SALES_SHARE:
        return t.amount(Amount.SALES, row) > 0 ? t.count(Count.ORDERS, row) : 0.0;
      case PRICE_CREDIT:
        throw new IllegalStateException("the price credit is not a rate");
      default:
        return t.count(whole, row);
    }
  }

  /**
   * The seller-responsible refunds of a row: Σ over claimants of
   * {@code min(cap, claims − malicious − appealsWon) × credibility}, summed in claimant order.
   */
  static double sellerRefunds(SupplierTable t, int row, int claimCapPerBuyer) {
    double sum = 0;
    for (int k = t.claimantStart(row), end = t.claimantStart(row + 1); k < end; k++) {
      int counted = t.claimantClaims(k) - t.claimantMalicious(k) - t.claimantAppealsWon(k);
      sum += Math.min(claimCapPerBuyer, counted) * t.claimantCredibility(k);
    }
    return sum;
  }
}
