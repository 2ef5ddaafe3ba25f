package org.beltway.sim;

/**
 * Why a buyer promise could not be kept whatever the strategy: judged once, when the supplier enrols,
 * against its own true conversion rate and the forecast traffic, ignoring every other supplier. Promises
 * judged infeasible are counted and explained apart and do not enter attainment rates.
 */
public enum Infeasibility {
  /** The supplier is eligible in no segment with traffic (it sells nowhere it can be shown). */
  NO_ELIGIBLE_SEGMENT("no eligible segment with traffic"),
  /**
   * The buyers still to win exceed the buyers of its reachable pool it has not won already (see
   * {@link BuyerModel}): there are not enough buyers to win.
   */
  BUYER_POOL_EXHAUSTED("more buyers needed than its reachable pool has left"),
  /**
   * Even the largest plan allowed, the segment cap share of every eligible segment's forecast on every
   * day left in the window, would win fewer buyers in expectation than needed (the saturation taken at
   * the buyers already won plus half the buyers still needed).
   */
  ABOVE_ELIGIBLE_SUPPLY("demand above eligible supply at the segment cap");

  private final String description;

  Infeasibility(String description) {
    this.description = description;
  }

  /** A short description for reports. */
  public String description() {
    return description;
  }
}
