package org.beltway.spark;

/**
 * A promise a Spark plan does not keep (beyond the violation tolerance): which, its target, what is
 * planned and by how much it misses. {@code givenUp}: its dual sits at its penalty, so the elastic
 * program gave it up for the hard constraints or a higher priority (docs/design.md §4.6); otherwise the
 * solve did not converge. The single-machine plan loaded from the same duals ({@code
 * AllocationSolver.certify}) says also what binds.
 *
 * @param kind {@code guarantee}, {@code share floor} or {@code share cap}
 * @param who {@code supplier <id>} or {@code group '<name>'}
 */
public record Shortfall(String kind, String who, double target, double planned, double shortfall,
    boolean givenUp) {}
