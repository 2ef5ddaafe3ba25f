package org.beltway.score;

import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * The weights of the six dimensions in the composite score, {@code composite = Σ_d w_d · score_d}.
 * Each weight is finite and {@code >= 0} and they sum to 1 within {@code 1e-9}, so the composite of
 * dimension scores in [0, 1] lies in [0, 1] (it is clamped to 1 against the last ulps of rounding).
 * A category may have its own weights ({@link ScoringConfig.Builder#weights(int, Weights)}).
 *
 * @param product weight of {@link Dimension#PRODUCT}
 * @param price weight of {@link Dimension#PRICE}
 * @param service weight of {@link Dimension#SERVICE}
 * @param fulfilment weight of {@link Dimension#FULFILMENT}
 * @param afterSales weight of {@link Dimension#AFTER_SALES}
 * @param newProduct weight of {@link Dimension#NEW_PRODUCT}
 */
public record Weights(double product, double price, double service, double fulfilment,
    double afterSales, double newProduct) {

  /** The tolerance on the sum of the weights. */
  public static final double SUM_TOLERANCE = 1e-9;

  /** Every dimension weighs 1/6. */
  public static final Weights EQUAL = new Weights(1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6);

  /**
   * The default weights: product 0.25, price 0.10, service 0.15, fulfilment 0.20, after-sales 0.20, new
   * product 0.10. What buyers feel after the order (product, fulfilment, after-sales) weighs most; price
   * weighs least, after 不以低价论英雄 (a price race must not decide the ranking); new-product capability
   * keeps a tenth, enough to reward the belts' upgrade without crowding out the basics.
   */
  public static final Weights DEFAULT = new Weights(0.25, 0.10, 0.15, 0.20, 0.20, 0.10);

  /**
   * Validates the weights.
   *
   * @throws IllegalArgumentException naming the weight if one is negative, NaN or infinite, or giving
   *     the sum if they do not sum to 1 within {@link #SUM_TOLERANCE}
   */
  public Weights {
    check("product", product);
    check("price", price);
    check("service", service);
    check("fulfilment", fulfilment);
    check("afterSales", afterSales);
    check("newProduct", newProduct);
    double sum = product + price + service + fulfilment + afterSales + newProduct;
    if (!(Math.abs(sum - 1.0) <= SUM_TOLERANCE)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "weights must sum to 1 (within 1e-9): %s", sum));
    }
  }

  /** The weights in {@link Dimension} order; see the record doc. */
  public static Weights of(double product, double price, double service, double fulfilment,
      double afterSales, double newProduct) {
    return new Weights(product, price, service, fulfilment, afterSales, newProduct);
  }

  private static void check(String name, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "weights.%s must be a finite number >= 0: %s", name, value));
    }
  }

  /** The weight of a dimension. */
  public double weight(Dimension dimension) {
    Strict.nonNull(dimension, "dimension", Dimension.class);
    switch (dimension) {
      case PRODUCT:
        return product;
      case PRICE:
        return price;
      case SERVICE:
        return service;
      case FULFILMENT:
        return fulfilment;
      case AFTER_SALES:
        return afterSales;
      case NEW_PRODUCT:
        return newProduct;
      default:
        throw new AssertionError(dimension);
    }
  }

  /** The weights in {@link Dimension} order, as a fresh array. */
  double[] toArray() {
    return new double[] {product, price, service, fulfilment, afterSales, newProduct};
  }

  /**
   * The composite of six dimension scores: {@code min(1, Σ_d w_d · s_d)}, summed in {@link Dimension}
   * order. Scoring and score cards both call this, so they agree bit for bit.
   */
  static double composite(double[] weights, double[] scores) {
    double sum = 0;
    for (int d = 0; d < weights.length; d++) {
      sum += weights[d] * scores[d];
    }
    return Math.min(1.0, sum);
  }
}
