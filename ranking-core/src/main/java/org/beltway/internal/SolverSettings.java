package org.beltway.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * The settings the single-machine and the Spark solver share, stated once: the penalty stages of a
 * cold start and the checks of the stopping settings their builders take.
 */
public final class SolverSettings {
  /** The first stage's bound on the guarantee duals of a cold start. */
  public static final double FIRST_STAGE_PENALTY = 10.0;
  /** The factor by which each later stage raises the bounds. */
  public static final double STAGE_FACTOR = 10.0;

  private SolverSettings() {}

  /**
   * A relative tolerance (gap or violation).
   *
   * @throws IllegalArgumentException unless in (0, 1), naming the setting and the value
   */
  public static double tolerance(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be in (0, 1): %s", name,
          value));
    }
    return value;
  }

  /**
   * The most passes of a solve.
   *
   * @throws IllegalArgumentException if {@code passes < 1}
   */
  public static int maxPasses(int passes) {
    if (passes < 1) {
      throw new IllegalArgumentException("maxPasses must be >= 1: " + passes);
    }
    return passes;
  }

  /**
   * The longest a solve may run.
   *
   * @throws IllegalArgumentException if not positive
   */
  public static Duration timeLimit(Duration limit) {
    Strict.nonNull(limit, "timeLimit", Duration.class);
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("timeLimit must be positive: " + limit);
    }
    return limit;
  }
}
