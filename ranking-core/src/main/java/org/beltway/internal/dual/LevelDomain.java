package org.beltway.internal.dual;

/**
 * The domain of a supplier's and a group's level, stated once for the single-machine solver, the duals
 * it is given to certify and the Spark solver (docs/design.md §4.3). A supplier's level is
 * {@code α − κ}: at most the guarantee penalty when it has a guarantee (else 0, no α), and unbounded
 * below only when it has a total cap (else 0, no κ). A group's level is {@code λ − ν}: at most the
 * group penalty when it has a floor, at least minus it when it has a cap, else 0 on that side.
 */
public final class LevelDomain {
  private LevelDomain() {}

  /** The lowest level of a supplier with this total cap ({@code +∞} for none). */
  public static double supplierLow(double totalCap) {
    return totalCap < Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY : 0.0;
  }

  /** The highest level of a supplier with this guarantee demand, under this penalty. */
  public static double supplierHigh(double demand, double guaranteePenalty) {
    return demand > 0 ? guaranteePenalty : 0.0;
  }

  /** The lowest level of a group with this upper target ({@code +∞} for no cap). */
  public static double groupLow(double upper, double groupPenalty) {
    return upper < Double.POSITIVE_INFINITY ? -groupPenalty : 0.0;
  }

  /** The highest level of a group with this lower target (0 for no floor). */
  public static double groupHigh(double lower, double groupPenalty) {
    return lower > 0 ? groupPenalty : 0.0;
  }

  /** A supplier's level {@code t} projected onto its domain. */
  public static double supplier(double t, double demand, double totalCap, double guaranteePenalty) {
    return Math.max(supplierLow(totalCap), Math.min(supplierHigh(demand, guaranteePenalty), t));
  }

  /** A group's level {@code t} projected onto its domain. */
  public static double group(double t, double lower, double upper, double groupPenalty) {
    return Math.max(groupLow(upper, groupPenalty), Math.min(groupHigh(lower, groupPenalty), t));
  }
}
