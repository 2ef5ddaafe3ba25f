package org.beltway.bench.peers;

/**
 * One solution judged from its {@code x} alone, the same way for every solver: the elastic objective
 * of {@link ExplicitProgram}, its quadratic part, and the largest relative violation of each family
 * (supply and caps relative to the bound; guarantee and group shortfalls, which the objective prices,
 * relative to the promise).
 *
 * @param objective Σ (x − θ)² / (2θ) plus the penalties of every shortfall
 * @param distance the quadratic part alone, Σ (x − θ)² / (2θ)
 * @param hardViolation the largest relative excess of a segment's supply, an edge cap or a total cap,
 *     or the most negative x relative to its segment's traffic
 * @param guaranteeShortfall the largest relative shortfall of a guarantee
 * @param groupShortfall the largest miss of a group share, relative to its bound
 */
record PlanQuality(double objective, double distance, double hardViolation, double guaranteeShortfall,
    double groupShortfall) {

  static PlanQuality of(ExplicitProgram p, double[] x) {
    double distance = 0;
    double hard = 0;
    for (int j = 0; j < p.traffic.length; j++) {
      double sum = 0;
      for (int v = p.segmentStart[j]; v < p.segmentStart[j + 1]; v++) {
        double d = x[v] - p.theta[v];
        distance += d * d / (2 * p.theta[v]);
        sum += x[v];
        hard = Math.max(hard, -x[v] / Math.max(1e-9, p.traffic[j]));
        if (p.cap[v] < Double.POSITIVE_INFINITY) {
          hard = Math.max(hard, (x[v] - p.cap[v]) / Math.max(1e-9, p.cap[v]));
        }
      }
      hard = Math.max(hard, (sum - p.traffic[j]) / Math.max(1e-9, p.traffic[j]));
    }
    double penalty = 0;
    double guarantee = 0;
    for (int k = 0; k < p.demand.length; k++) {
      double sum = 0;
      for (int i = p.guaranteeStart[k]; i < p.guaranteeStart[k + 1]; i++) {
        sum += x[p.guaranteeVars[i]];
      }
      double shortfall = Math.max(0, p.demand[k] - sum);
      penalty += p.guaranteePenalty * shortfall;
      guarantee = Math.max(guarantee, shortfall / p.demand[k]);
    }
    for (int k = 0; k < p.totalCap.length; k++) {
      double sum = 0;
      for (int i = p.totalCapStart[k]; i < p.totalCapStart[k + 1]; i++) {
        sum += x[p.totalCapVars[i]];
      }
      hard = Math.max(hard, (sum - p.totalCap[k]) / Math.max(1e-9, p.totalCap[k]));
    }
    double group = 0;
    for (int g = 0; g < p.groupVars.size(); g++) {
      double sum = 0;
      for (int v : p.groupVars.get(g)) {
        sum += x[v];
      }
      double below = Math.max(0, p.groupLower[g] - sum);
      double above = p.groupUpper[g] < Double.POSITIVE_INFINITY ? Math.max(0, sum - p.groupUpper[g]) : 0;
      penalty += p.groupPenalty * (below + above);
      if (below > 0) {
        group = Math.max(group, below / p.groupLower[g]);
      }
      if (above > 0) {
        group = Math.max(group, above / p.groupUpper[g]);
      }
    }
    return new PlanQuality(distance + penalty, distance, Math.max(0, hard), guarantee, group);
  }

  /**
   * The largest difference between two solutions on one edge, relative to its segment's traffic:
   * how far one plan is from the other where it matters to a supplier.
   */
  static double largestDifference(ExplicitProgram p, double[] a, double[] b) {
    double worst = 0;
    for (int j = 0; j < p.traffic.length; j++) {
      for (int v = p.segmentStart[j]; v < p.segmentStart[j + 1]; v++) {
        worst = Math.max(worst, Math.abs(a[v] - b[v]) / Math.max(1e-9, p.traffic[j]));
      }
    }
    return worst;
  }
}
