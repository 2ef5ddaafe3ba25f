package org.beltway.guarantee;

import org.beltway.internal.Strict;

/**
 * A promise a day's demand conversion flags: behind schedule, asking for more impressions than is
 * plausible, or broken (its window closed short of the target).
 *
 * @param status the enrolment's status at the start of the day
 * @param reason why it is flagged
 * @param newBuyerRate the supplier's shrunk new-buyer rate per impression ({@code NaN} once expired)
 * @param demand the daily impressions the promise asks for before any cap ({@code 0} once expired)
 */
public record ScheduleAlert(EnrolmentStatus status, Reason reason, double newBuyerRate, double demand) {

  /** Rejects a null status or reason. */
  public ScheduleAlert {
    Strict.nonNull(status, "status", EnrolmentStatus.class);
    Strict.nonNull(reason, "reason", Reason.class);
  }

  /** Why a promise is flagged. */
  public enum Reason {
    /** Fewer buyers won than the pro-rata share of the target; the demand is in the plan. */
    BEHIND_SCHEDULE,
    /**
     * The demand exceeds the plausibility bound: the plan asks for the bound only, and the promise is
     * unlikely to be kept.
     */
    DEMAND_EXCEEDS_BOUND,
    /** The window closed short of the target: the promise can no longer be kept. */
    EXPIRED_UNMET
  }

  public long supplierId() {
    return status.supplierId();
  }

  public GuaranteeProgram program() {
    return status.program();
  }

  public int won() {
    return status.won();
  }

  public int target() {
    return status.target();
  }

  public int daysLeft() {
    return status.daysLeft();
  }
}
