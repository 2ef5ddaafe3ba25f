package org.beltway.internal.dual;

/**
 * The dual function, in one place. With traffic {@code x(y)} the primal optimum given the duals
 * {@code y},
 *
 * <pre>  D(y) = Σ_E (x − θ)²/(2θ) + Σ_j β_j (Σ_i x_ij − S_j) + Σ_i α_i (d_i − Σ_j x_ij)
 *        − Σ_i κ_i (C_i − Σ_j x_ij) + Σ_g λ_g (L_g − X_g) + Σ_g ν_g (X_g − U_g)</pre>
 *
 * is a lower bound on the optimum of the penalised problem for any {@code y} in the dual domain. The
 * primal objective adds the penalty of each promise whose dual sits at its bound (given up) to the
 * distance. The point is given by its duals and the totals measured there, so the certificate (at the
 * solver's duals) and the line search (at trial points) evaluate it alike, in one sweep.
 *
 * <p>The sweep sums {@code D} two ways, which differ only by rounding: by family (the distance, then
 * the multiplier terms: {@link DualValue#dual}, with the primal objective and the gap) and block by
 * block (each segment's distance with its supply term, then each supplier's, then each group's:
 * {@link DualValue#dualByBlock}, which the line search compares). The two orders are the ones the
 * solver has always used; a line search deciding near a tie on a different rounding would take a
 * different path, so plans would change in their last bits.
 */
public final class DualFunction {
  private final double[] traffic;
  private final double totalTraffic;
  private final double[] demand;
  private final double[] totalCap;
  private final double[] groupLower;
  private final double[] groupUpper;

  DualFunction(CompiledProblem p) {
    this(p.traffic, p.totalTraffic, p.demand, p.totalCap, p.groupLower, p.groupUpper);
  }

  /**
   * The dual function of a problem given by its targets alone (the edges enter only through the
   * measured totals), as a solver that holds its edges elsewhere evaluates it: the Spark runner.
   *
   * @param traffic forecast by segment
   * @param demand guarantee by constrained supplier (0 = none)
   * @param totalCap total cap by constrained supplier (+∞ = none)
   * @param groupLower lower target by group in impressions (0 = none)
   * @param groupUpper upper target by group in impressions (+∞ = none)
   */
  public DualFunction(double[] traffic, double totalTraffic, double[] demand, double[] totalCap,
      double[] groupLower, double[] groupUpper) {
    this.traffic = traffic;
    this.totalTraffic = totalTraffic;
    this.demand = demand;
    this.totalCap = totalCap;
    this.groupLower = groupLower;
    this.groupUpper = groupUpper;
  }

  /**
   * @param segmentCost per segment, the fair-exposure distance of its edges
   * @param segmentAllocated per segment, its traffic
   */
  public DualValue at(double guaranteePenalty, double groupPenalty, double[] alpha, double[] kappa,
      double[] beta, double[] lambda, double[] nu, double[] segmentCost, double[] segmentAllocated,
      double[] supplierTotal, double[] groupTotal) {
    double floor = Math.max(1e-9 * totalTraffic, Double.MIN_NORMAL);
    double objective = 0;
    double lagrange = 0;
    double byBlock = 0;
    double supplyViolation = 0;
    for (int j = 0; j < traffic.length; j++) {
      objective += segmentCost[j];
      double residual = segmentAllocated[j] - traffic[j];
      lagrange += beta[j] * residual;
      byBlock += segmentCost[j] + beta[j] * residual;
      supplyViolation = Math.max(supplyViolation, residual / Math.max(traffic[j], floor));
    }
    double penalty = 0;
    double guaranteeViolation = 0;
    double capViolation = 0;
    for (int k = 0; k < demand.length; k++) {
      double x = supplierTotal[k];
      double d = demand[k];
      if (d > 0) {
        double shortfall = d - x;
        if (alpha[k] >= guaranteePenalty) {
          penalty += guaranteePenalty * Math.max(0.0, shortfall);
        } else {
          guaranteeViolation = Math.max(guaranteeViolation, shortfall / Math.max(d, floor));
        }
        lagrange += alpha[k] * shortfall;
      }
      double c = totalCap[k];
      if (c < Double.POSITIVE_INFINITY) {
        capViolation = Math.max(capViolation, (x - c) / Math.max(c, floor));
        if (kappa[k] > 0) {
          lagrange -= kappa[k] * (c - x);
        }
      }
      if (alpha[k] > 0) {
        byBlock += alpha[k] * (d - x);
      }
      if (kappa[k] > 0) {
        byBlock -= kappa[k] * (c - x);
      }
    }
    double groupViolation = 0;
    for (int g = 0; g < groupLower.length; g++) {
      double x = groupTotal[g];
      double low = groupLower[g];
      double high = groupUpper[g];
      if (lambda[g] > 0) {
        byBlock += lambda[g] * (low - x);
      } else if (nu[g] > 0) {
        byBlock += nu[g] * (x - high);
      }
      if (low > 0) {
        double shortfall = low - x;
        if (lambda[g] >= groupPenalty) {
          penalty += groupPenalty * Math.max(0.0, shortfall);
        } else {
          groupViolation = Math.max(groupViolation, shortfall / Math.max(low, floor));
        }
        lagrange += lambda[g] * shortfall;
      }
      if (high < Double.POSITIVE_INFINITY) {
        double excess = x - high;
        if (nu[g] >= groupPenalty) {
          penalty += groupPenalty * Math.max(0.0, excess);
        } else {
          groupViolation = Math.max(groupViolation, excess / Math.max(high, floor));
        }
        lagrange += nu[g] * excess;
      }
    }
    double primal = objective + penalty;
    double dual = objective + lagrange;
    double scale = Math.max(Math.max(Math.abs(primal), Math.abs(dual)),
        Math.max(1e-12 * totalTraffic, Double.MIN_NORMAL));
    double gap = (primal - dual) / scale;
    return new DualValue(primal, dual, byBlock, gap, Math.max(0, supplyViolation),
        Math.max(0, guaranteeViolation), Math.max(0, capViolation), Math.max(0, groupViolation));
  }

  /**
   * An edge's fair-exposure distance at a level (its traffic is {@code clip(θL, 0, u)}): {@code θ/2} at
   * zero, {@code θ(L − 1)²/2} unclipped, {@code (u − θ)²/(2θ)} at the cap.
   */
  public static double distance(double th, double level, double u) {
    double z = th * level;
    if (z <= 0) {
      return 0.5 * th;
    }
    if (z < u) {
      double r = level - 1.0;
      return 0.5 * th * r * r;
    }
    double r = u - th;
    return 0.5 * r * r / th;
  }
}
