package org.beltway.sim;

/**
 * What a strategy's solver did over a simulation so far, so that reports can show the cost of a
 * certified plan next to its outcome without knowing which strategy ran. Strategies without a solver
 * report {@link #NONE}.
 *
 * @param solves solves run, {@code >= 0}
 * @param passes dual-ascent passes over all solves, {@code >= 0}
 * @param unconverged solves that stopped at the solver's pass or time limit rather than converging
 * @param largestGap the largest relative duality gap of any solve, 0 before the first
 */
public record SolverStatistics(int solves, long passes, int unconverged, double largestGap) {

  /** No solver: no solves, passes or stops. */
  public static final SolverStatistics NONE = new SolverStatistics(0, 0, 0, 0.0);
}
