package org.beltway.bench.peers;

import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.bench.NationalInstance;

/** The instance every solver of the comparison gets at a scale, and Beltway's solve of it. */
final class PeerInstance {
  private PeerInstance() {}

  /** The benchmark instance of a scale (seed 42), written out. */
  static ExplicitProgram program(double scale) {
    NationalInstance instance = new NationalInstance(scale, 42L);
    AllocationProblem problem = instance.problem(instance.graph, instance.guarantees);
    return new ExplicitProgram(problem);
  }

  /** Beltway's cold solve, over the program's variables. */
  static double[] beltway(ExplicitProgram p, AllocationSolver solver) {
    AllocationPlan plan = solver.solve(p.problem);
    double[] x = new double[p.problem.graph().edgeCount()];
    for (int e = 0; e < x.length; e++) {
      x[e] = plan.x(e);
    }
    return p.byVariable(x);
  }
}
