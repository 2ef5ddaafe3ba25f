package org.beltway.sim;

import java.util.Locale;

/**
 * How many promises of a program were kept among those whose outcome is known at the end of a
 * simulation: the promise was met, or its window closed unmet. Promises still open and unmet at the end
 * are censored and not counted.
 *
 * @param met promises kept, in [0, counted]
 * @param counted promises whose outcome is known, {@code >= 0}
 */
public record Attainment(int met, int counted) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException unless {@code 0 <= met <= counted}
   */
  public Attainment {
    if (met < 0 || met > counted) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "attainment met (%d) and counted (%d): expected 0 <= met <= counted", met, counted));
    }
  }

  /** The share kept, {@code met / counted}; {@code NaN} when nothing was counted. */
  public double share() {
    return counted == 0 ? Double.NaN : (double) met / counted;
  }

  /** Promises broken: counted but not met. */
  public int broken() {
    return counted - met;
  }
}
