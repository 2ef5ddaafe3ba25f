package org.beltway.guarantee;

import org.beltway.internal.Strict;

/**
 * Where one enrolment stands as at the start of a day: every buyer event of the days before it counted,
 * none of that day or later.
 *
 * @param supplierId the supplier
 * @param program the guarantee program
 * @param enrolmentDay the enrolment day
 * @param day the day the status is taken at (its start)
 * @param won new unique buyers won in the window so far
 * @param target new buyers needed to keep the promise, {@code >= 1}
 * @param impressions impressions delivered to the supplier in the window so far
 * @param standing met, on schedule, behind schedule, expired unmet, or not started
 */
public record EnrolmentStatus(long supplierId, GuaranteeProgram program, int enrolmentDay, int day,
    int won, int target, long impressions, Standing standing) {

  /** Rejects a null program or standing. */
  public EnrolmentStatus {
    Strict.nonNull(program, "program", GuaranteeProgram.class);
    Strict.nonNull(standing, "standing", Standing.class);
  }

  /** Where a promise stands. */
  public enum Standing {
    /** The enrolment day is still to come. */
    PENDING,
    /** Unmet, the window open, and at least the pro-rata share of the target won. */
    ON_SCHEDULE,
    /** Unmet, the window open, and fewer buyers won than the pro-rata share of the target. */
    BEHIND_SCHEDULE,
    /** The target is reached (final: buyers are only counted inside the window). */
    MET,
    /** The window has closed short of the target: the promise was broken. */
    EXPIRED_UNMET;

    /**
     * The standing at the start of {@code day} of an enrolment of window {@code [start, deadline)}
     * that has won {@code won} of {@code target} buyers. The schedule is linear: behind means
     * {@code won / target < daysElapsed / windowDays}, compared exactly in integers.
     */
    static Standing of(int day, int start, int deadline, int won, int target) {
      if (day < start) {
        return PENDING;
      }
      if (won >= target) {
        return MET;
      }
      if (day >= deadline) {
        return EXPIRED_UNMET;
      }
      long elapsed = day - start;
      long window = deadline - start;
      return (long) won * window < (long) target * elapsed ? BEHIND_SCHEDULE : ON_SCHEDULE;
    }
  }

  /** Days of the window already past at the start of {@link #day()}, in {@code [0, windowDays]}. */
  public int daysElapsed() {
    return Math.max(0, Math.min(program.windowDays(), day - enrolmentDay));
  }

  /** Days of the window left, today included, in {@code [0, windowDays]}. */
  public int daysLeft() {
    return program.windowDays() - daysElapsed();
  }

  /** New buyers still to win, {@code 0} once met. */
  public int remaining() {
    return Math.max(0, target - won);
  }
}
