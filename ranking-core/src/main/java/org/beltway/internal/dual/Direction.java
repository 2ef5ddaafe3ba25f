package org.beltway.internal.dual;

/**
 * A direction in the dual space, to be followed by a {@link LineSearch}: a component per constrained
 * supplier level, per segment dual and per group level. Filled by {@link Extrapolation} after every
 * pass and by {@link NewtonStep} when it finds a direction (so an extrapolation tried after a Newton
 * step that moved nothing follows the Newton direction).
 */
final class Direction {
  final double[] level;
  final double[] beta;
  final double[] group;

  Direction(CompiledProblem p) {
    level = new double[p.constrained];
    beta = new double[p.segments];
    group = new double[p.groups];
  }
}
