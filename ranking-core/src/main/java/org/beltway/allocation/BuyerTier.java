package org.beltway.allocation;

/**
 * The buyer side of "top 20% of suppliers to the top 20% of buyers": each category and channel is split
 * into the traffic of its top buyers and of the others.
 */
public enum BuyerTier {
  /** The top 20% of buyers by purchasing volume. */
  TOP,
  /** All other buyers. */
  OTHER;

  static final BuyerTier[] VALUES = values();

  static BuyerTier ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }
}
