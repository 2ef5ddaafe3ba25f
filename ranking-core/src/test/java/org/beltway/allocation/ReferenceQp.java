package org.beltway.allocation;

import java.math.BigDecimal;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The elastic allocation program of a {@link RandomInstance}, written out with explicit slack variables
 * and solved by ojAlgo's general QP solver (active set, {@code ConvexSolver}): an independent reference
 * for the dual solver. Fair exposure is recomputed from the instance's raw inputs, not taken from the
 * library; edges with zero fair exposure get no variable (their traffic is zero by definition).
 *
 * <p>ojAlgo 55.0.1 sometimes reports OPTIMAL for a point that is not: with its presolvers on, an LP
 * vertex that ignores the quadratic terms (e.g. seed 13; cf. optimatika/ojAlgo#647 on presolving
 * quadratic expressions); with them off, now and then a worse active set (e.g. seeds 8 and 10). The
 * reference therefore solves the model both ways, checks each point's hard constraints and recomputes
 * its objective from the raw inputs, and keeps the feasible point with the lower objective.
 */
final class ReferenceQp {
  record Solution(Optimisation.State state, double objective, double[] x) {}

  private ReferenceQp() {}

  static Solution solve(RandomInstance r) {
    Solution with = solve(r, true);
    Solution without = solve(r, false);
    boolean withOk = with.state().isOptimal() && feasible(r, with.x());
    boolean withoutOk = without.state().isOptimal() && feasible(r, without.x());
    if (withOk && (!withoutOk || with.objective() <= without.objective())) {
      return with;
    }
    return withoutOk ? without : with;
  }

  /** A plan's traffic in the instance's own edge order, the order of {@link Solution#x()}. */
  static double[] planned(RandomInstance r, AllocationPlan plan) {
    EligibilityGraph graph = plan.problem().graph();
    double[] x = new double[r.edges()];
    for (int k = 0; k < r.edges(); k++) {
      x[k] = plan.x(graph.edge(r.edgeSupplier[k], r.edgeSegment[k]));
    }
    return x;
  }

  /** The elastic objective of a point, recomputed from the instance's raw inputs. */
  static double objective(RandomInstance r, double[] x) {
    double[] theta = r.theta();
    double value = 0;
    for (int k = 0; k < r.edges(); k++) {
      if (theta[k] > 0) {
        double d = x[k] - theta[k];
        value += d * d / (2 * theta[k]);
      }
    }
    double[] total = new double[r.suppliers()];
    for (int k = 0; k < r.edges(); k++) {
      total[r.edgeSupplier[k]] += x[k];
    }
    for (int i = 0; i < r.suppliers(); i++) {
      if (r.guarantee[i] > 0) {
        value += r.priorities.guaranteePenalty() * Math.max(0, r.guarantee[i] - total[i]);
      }
    }
    for (RandomInstance.Group g : r.groups) {
      double scope = 0;
      for (int j = 0; j < r.segments(); j++) {
        scope += g.segments()[j] ? r.traffic[j] : 0;
      }
      double sum = 0;
      for (int k = 0; k < r.edges(); k++) {
        if (g.suppliers()[r.edgeSupplier[k]] && g.segments()[r.edgeSegment[k]]) {
          sum += x[k];
        }
      }
      value += r.priorities.groupPenalty() * (Math.max(0, g.atLeast() * scope - sum)
          + (g.atMost() < 1 ? Math.max(0, sum - g.atMost() * scope) : 0));
    }
    return value;
  }

  /** Whether a point keeps the hard constraints (supply, caps, total caps, x >= 0) to 1e-7. */
  static boolean feasible(RandomInstance r, double[] x) {
    double[] segment = new double[r.segments()];
    double[] supplier = new double[r.suppliers()];
    for (int k = 0; k < r.edges(); k++) {
      if (x[k] < -1e-7 || x[k] > r.cap(k) + 1e-7 * Math.max(1, r.cap(k))) {
        return false;
      }
      segment[r.edgeSegment[k]] += x[k];
      supplier[r.edgeSupplier[k]] += x[k];
    }
    for (int j = 0; j < r.segments(); j++) {
      if (segment[j] > r.traffic[j] + 1e-7 * Math.max(1, r.traffic[j])) {
        return false;
      }
    }
    for (int i = 0; i < r.suppliers(); i++) {
      if (supplier[i] > r.totalCap[i] + 1e-7 * Math.max(1, r.totalCap[i])) {
        return false;
      }
    }
    return true;
  }

  private static Solution solve(RandomInstance r, boolean presolve) {
    double[] theta = r.theta();
    double guaranteePenalty = r.priorities.guaranteePenalty();
    double groupPenalty = r.priorities.groupPenalty();
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    int e = r.edges();
    Variable[] x = new Variable[e];
    Expression objective = model.addExpression("objective").weight(BigDecimal.ONE);
    for (int k = 0; k < e; k++) {
      if (theta[k] <= 0) {
        continue;
      }
      x[k] = model.addVariable("x" + k).lower(BigDecimal.ZERO);
      double u = r.cap(k);
      if (u < Double.POSITIVE_INFINITY) {
        x[k].upper(BigDecimal.valueOf(u));
      }
      objective.set(x[k], x[k], 0.5 / theta[k]);
      objective.set(x[k], -1.0);
    }
    for (int j = 0; j < r.segments(); j++) {
      Expression supply = model.addExpression("supply" + j).upper(BigDecimal.valueOf(r.traffic[j]));
      for (int k = 0; k < e; k++) {
        if (r.edgeSegment[k] == j && x[k] != null) {
          supply.set(x[k], 1.0);
        }
      }
    }
    for (int i = 0; i < r.suppliers(); i++) {
      boolean hasVariable = false;
      for (int k = 0; k < e && !hasVariable; k++) {
        hasVariable = r.edgeSupplier[k] == i && x[k] != null;
      }
      if (r.guarantee[i] > 0 && hasVariable) {
        Variable slack = model.addVariable("short" + i).lower(BigDecimal.ZERO).weight(guaranteePenalty);
        Expression g = model.addExpression("guarantee" + i).lower(BigDecimal.valueOf(r.guarantee[i]));
        g.set(slack, 1.0);
        for (int k = 0; k < e; k++) {
          if (r.edgeSupplier[k] == i && x[k] != null) {
            g.set(x[k], 1.0);
          }
        }
      }
      if (r.totalCap[i] < Double.POSITIVE_INFINITY && hasVariable) {
        Expression c = model.addExpression("cap" + i).upper(BigDecimal.valueOf(r.totalCap[i]));
        for (int k = 0; k < e; k++) {
          if (r.edgeSupplier[k] == i && x[k] != null) {
            c.set(x[k], 1.0);
          }
        }
      }
    }
    int gi = 0;
    for (RandomInstance.Group group : r.groups) {
      double scope = 0;
      for (int j = 0; j < r.segments(); j++) {
        if (group.segments()[j]) {
          scope += r.traffic[j];
        }
      }
      if (group.atLeast() > 0) {
        Variable slack = model.addVariable("low" + gi).lower(BigDecimal.ZERO).weight(groupPenalty);
        Expression low = model.addExpression("low" + gi)
            .lower(BigDecimal.valueOf(group.atLeast() * scope));
        low.set(slack, 1.0);
        addGroupEdges(r, group, low, x);
      }
      if (group.atMost() < 1) {
        Variable slack = model.addVariable("high" + gi).lower(BigDecimal.ZERO).weight(groupPenalty);
        Expression high = model.addExpression("high" + gi)
            .upper(BigDecimal.valueOf(group.atMost() * scope));
        high.set(slack, -1.0);
        addGroupEdges(r, group, high, x);
      }
      gi++;
    }
    Optimisation.Result result;
    synchronized (ReferenceQp.class) {
      if (!presolve) {
        ExpressionsBasedModel.clearPresolvers();
      }
      try {
        result = model.minimise();
      } finally {
        ExpressionsBasedModel.resetPresolvers();
      }
    }
    double[] values = new double[e];
    for (int k = 0; k < e; k++) {
      values[k] = x[k] == null ? 0.0 : x[k].getValue().doubleValue();
    }
    return new Solution(result.getState(), objective(r, values), values);
  }

  private static void addGroupEdges(RandomInstance r, RandomInstance.Group group, Expression expr,
      Variable[] x) {
    for (int k = 0; k < r.edges(); k++) {
      if (x[k] != null && group.suppliers()[r.edgeSupplier[k]] && group.segments()[r.edgeSegment[k]]) {
        expr.set(x[k], 1.0);
      }
    }
  }
}
