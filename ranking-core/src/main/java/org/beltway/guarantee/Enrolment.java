package org.beltway.guarantee;

import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * A supplier's enrolment in a guarantee program. Days are day numbers of the marketplace's calendar
 * (day 0 is any fixed origin, e.g. the first day of a simulation).
 *
 * @param supplierId the supplier
 * @param program the guarantee program
 * @param day the enrolment day, {@code >= 0}: the first day whose buyers count
 * @param baselineBuyers distinct buyers in the reference window before enrolment, {@code >= 0}; only
 *     {@link GuaranteeProgram.Rule#MULTIPLE_OF_BASELINE} programs use it
 */
public record Enrolment(long supplierId, GuaranteeProgram program, int day, int baselineBuyers) {

  /**
   * Validates the enrolment.
   *
   * @throws NullPointerException if the program is null
   * @throws IllegalArgumentException naming the supplier, the field, the value and the expectation when
   *     the day or baseline is negative, the window would end after day {@link Integer#MAX_VALUE}, or
   *     the target does not fit an int
   */
  public Enrolment {
    if (program == null) {
      throw Strict.nullArgument("supplier " + supplierId + ": program", GuaranteeProgram.class);
    }
    if (day < 0) {
      throw error(supplierId, "enrolment day", day, ">= 0");
    }
    if (day > Integer.MAX_VALUE - program.windowDays()) {
      throw error(supplierId, "enrolment day", day,
          "<= " + (Integer.MAX_VALUE - program.windowDays()) + " so that the window's end is a valid day");
    }
    if (baselineBuyers < 0) {
      throw error(supplierId, "baselineBuyers", baselineBuyers, ">= 0");
    }
    program.newBuyersNeeded(baselineBuyers);
  }

  /** The new buyers to win, {@link GuaranteeProgram#newBuyersNeeded(int)} of the baseline. */
  public int target() {
    return program.newBuyersNeeded(baselineBuyers);
  }

  /** The first day after the window: buyers won on days in {@code [day, deadline())} count. */
  public int deadline() {
    return day + program.windowDays();
  }

  /** {@code "supplier 17: field (value): expected ..."}, the package's message for a supplier's bad value. */
  static IllegalArgumentException error(long supplierId, String field, Object value, String expected) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "supplier %d: %s (%s): expected %s", supplierId, field, value, expected));
  }
}
