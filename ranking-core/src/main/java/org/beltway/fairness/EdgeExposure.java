package org.beltway.fairness;

import java.util.function.IntToDoubleFunction;
import org.beltway.allocation.EligibilityGraph;

/** An {@link Exposure} from two functions of the edge. */
record EdgeExposure(EligibilityGraph graph, IntToDoubleFunction x, IntToDoubleFunction theta)
    implements Exposure {
  @Override
  public double impressions(int edge) {
    return x.applyAsDouble(edge);
  }

  @Override
  public double fair(int edge) {
    return theta.applyAsDouble(edge);
  }
}
