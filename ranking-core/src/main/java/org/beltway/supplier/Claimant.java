package org.beltway.supplier;

/**
 * The refund claims one buyer made against a supplier in the window. Claims flagged malicious
 * (恶意仅退款, coupon abuse) and claims the supplier won on appeal are kept apart so that they never
 * count against the supplier; the buyer's credibility in [0, 1] weighs the claims that do count.
 *
 * @param claims all refund claims of this buyer, {@code >= 0}
 * @param malicious claims flagged malicious, part of {@code claims}
 * @param appealsWon claims the supplier won on appeal, part of {@code claims}
 * @param credibility the buyer's credibility in [0, 1]
 */
public record Claimant(int claims, int malicious, int appealsWon, double credibility) {

  /** The claims that may count against the supplier: neither malicious nor lost on appeal. */
  public int countedClaims() {
    return claims - malicious - appealsWon;
  }
}
