package org.beltway.internal.dual;

/**
 * The dual function at one point, with the primal objective of the traffic there and the largest
 * relative violation of each constraint family: what a certificate reports and what a line search
 * compares.
 *
 * @param primal fair-exposure distance plus the penalties of promises given up
 * @param dual the Lagrangian at the duals: a lower bound on the optimum, summed by family
 * @param dualByBlock the same Lagrangian summed block by block (see {@link DualFunction})
 * @param gap {@code (primal − dual) / max(|primal|, |dual|)}
 */
public record DualValue(double primal, double dual, double dualByBlock, double gap, double supplyViolation,
    double guaranteeViolation, double capViolation, double groupViolation) {

  /** The largest violation of any family. */
  public double maxViolation() {
    return Math.max(Math.max(supplyViolation, guaranteeViolation), Math.max(capViolation,
        groupViolation));
  }
}
