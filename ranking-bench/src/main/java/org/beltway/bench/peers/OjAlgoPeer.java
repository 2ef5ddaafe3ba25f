package org.beltway.bench.peers;

import java.math.BigDecimal;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * ojAlgo's general QP solver (active set) on an {@link ExplicitProgram}, with the elastic rows' slacks
 * priced like Beltway's. Its presolvers are off: with them on, ojAlgo 55 can report an LP vertex that
 * ignores the quadratic terms as optimal (see ranking-core's {@code ReferenceQp}). Exact on small
 * programs; its time grows about cubically, so it is a small-size reference, not a scale peer.
 */
final class OjAlgoPeer {
  record Result(double[] x, String state) {}

  private OjAlgoPeer() {}

  static synchronized Result solve(ExplicitProgram p) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    int n = p.variables();
    Variable[] x = new Variable[n];
    Expression objective = model.addExpression("objective").weight(BigDecimal.ONE);
    for (int v = 0; v < n; v++) {
      x[v] = model.addVariable("x" + v).lower(BigDecimal.ZERO);
      if (p.cap[v] < Double.POSITIVE_INFINITY) {
        x[v].upper(BigDecimal.valueOf(p.cap[v]));
      }
      objective.set(x[v], x[v], 0.5 / p.theta[v]);
      objective.set(x[v], -1.0);
    }
    for (int j = 0; j < p.traffic.length; j++) {
      Expression row = model.addExpression("supply" + j).upper(BigDecimal.valueOf(p.traffic[j]));
      for (int v = p.segmentStart[j]; v < p.segmentStart[j + 1]; v++) {
        row.set(x[v], 1.0);
      }
    }
    for (int k = 0; k < p.demand.length; k++) {
      Variable slack = model.addVariable("short" + k).lower(BigDecimal.ZERO).weight(p.guaranteePenalty);
      Expression row = model.addExpression("guarantee" + k).lower(BigDecimal.valueOf(p.demand[k]));
      row.set(slack, 1.0);
      for (int i = p.guaranteeStart[k]; i < p.guaranteeStart[k + 1]; i++) {
        row.set(x[p.guaranteeVars[i]], 1.0);
      }
    }
    for (int k = 0; k < p.totalCap.length; k++) {
      Expression row = model.addExpression("cap" + k).upper(BigDecimal.valueOf(p.totalCap[k]));
      for (int i = p.totalCapStart[k]; i < p.totalCapStart[k + 1]; i++) {
        row.set(x[p.totalCapVars[i]], 1.0);
      }
    }
    for (int g = 0; g < p.groupVars.size(); g++) {
      if (p.groupLower[g] > 0) {
        Variable slack = model.addVariable("low" + g).lower(BigDecimal.ZERO).weight(p.groupPenalty);
        Expression row = model.addExpression("low" + g).lower(BigDecimal.valueOf(p.groupLower[g]));
        row.set(slack, 1.0);
        for (int v : p.groupVars.get(g)) {
          row.set(x[v], 1.0);
        }
      }
      if (p.groupUpper[g] < Double.POSITIVE_INFINITY) {
        Variable slack = model.addVariable("high" + g).lower(BigDecimal.ZERO).weight(p.groupPenalty);
        Expression row = model.addExpression("high" + g).upper(BigDecimal.valueOf(p.groupUpper[g]));
        row.set(slack, -1.0);
        for (int v : p.groupVars.get(g)) {
          row.set(x[v], 1.0);
        }
      }
    }
    Optimisation.Result result;
    ExpressionsBasedModel.clearPresolvers();
    try {
      result = model.minimise();
    } finally {
      ExpressionsBasedModel.resetPresolvers();
    }
    double[] values = new double[n];
    for (int v = 0; v < n; v++) {
      values[v] = x[v].getValue().doubleValue();
    }
    return new Result(values, result.getState().name());
  }
}
