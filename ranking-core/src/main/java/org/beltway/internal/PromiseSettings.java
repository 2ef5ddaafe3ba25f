package org.beltway.internal;

import java.util.Locale;

/**
 * The ranges of the settings a promise's demand is planned with, checked by the demand conversion
 * that uses them and by the simulation's configuration that passes them on, with one message each.
 */
public final class PromiseSettings {
  private PromiseSettings() {}

  /**
   * Checks a risk of missing a promise.
   *
   * @throws IllegalArgumentException if not in (0, 0.5)
   */
  public static void checkRisk(double risk) {
    if (!(risk > 0 && risk < 0.5)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "risk must be a probability of missing a promise in (0, 0.5): %s", risk));
    }
  }

  /**
   * Checks the share of a promise's window it is planned to be met by.
   *
   * @throws IllegalArgumentException if not in (0, 1]
   */
  public static void checkFrontLoad(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "frontLoad must be a share of the window in (0, 1]: %s", share));
    }
  }
}
