package org.beltway.internal.dual;

/**
 * The duals a solve ended with, and the totals measured there: what a plan keeps of its solve (one
 * number per supplier, segment and group, and α, κ of the constrained suppliers). Never written after
 * construction; the arrays are copies owned by the snapshot.
 *
 * @param supplierLevel {@code t_i = α_i − κ_i} by supplier row
 * @param alpha guarantee duals by constrained index
 * @param kappa total-cap duals by constrained index
 * @param beta supply duals by segment
 * @param groupLevel {@code λ_g − ν_g} by group
 * @param gamma per group combination, the sum of its groups' levels
 * @param segmentAllocated per segment, the traffic its edges sum to
 * @param supplierTotal per constrained index, the supplier's planned traffic
 * @param groupTotal per group, its planned traffic
 * @param guaranteePenalty the bound of the guarantee duals at the end of the solve
 * @param groupPenalty the bound of the group duals at the end of the solve
 */
public record DualsSnapshot(double[] supplierLevel, double[] alpha, double[] kappa, double[] beta,
    double[] groupLevel, double[] lambda, double[] nu, double[] gamma, double[] segmentAllocated,
    double[] supplierTotal, double[] groupTotal, double guaranteePenalty, double groupPenalty) {

  /** The traffic of an edge of {@code p}: {@link Duals#clip} of {@link Duals#level}, as the solver. */
  public double traffic(CompiledProblem p, int e) {
    double th = p.theta[e];
    if (th <= 0) {
      return 0.0;
    }
    double base = Duals.level(supplierLevel[p.supOf[e]], gamma[p.comboOf(e)]);
    return Duals.clip(th, base - beta[p.segOf[e]], p.capOf(e));
  }
}
