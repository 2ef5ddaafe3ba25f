package org.beltway.examples.serving;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.beltway.serving.Pacer;

/**
 * The pacer's timer: at each tick, {@link Pacer#update} with the share of the day gone by in the
 * clock's zone. That takes the day's traffic as spread evenly over its hours; a node with an hourly
 * forecast would pass the forecast's cumulative share instead. The period is the calendar day (23 or 25
 * hours when the clocks change); a new day wants a new live plan, which this example leaves to its
 * operator (until then the share stays at 1).
 */
final class DayPacing implements Runnable {
  private static final System.Logger LOG = System.getLogger(DayPacing.class.getName());
  private final Pacer pacer;
  private final Clock clock;
  private final ZonedDateTime dayStart;
  private volatile double lastProgress = Double.NaN;

  DayPacing(Pacer pacer, Clock clock) {
    this.pacer = pacer;
    this.clock = clock;
    this.dayStart = ZonedDateTime.now(clock).toLocalDate().atStartOfDay(clock.getZone());
  }

  /** The share of the day that began at {@code dayStart} gone by at {@code now}, in [0, 1]. */
  static double progress(ZonedDateTime dayStart, ZonedDateTime now) {
    ZonedDateTime next = dayStart.toLocalDate().plusDays(1).atStartOfDay(dayStart.getZone());
    double day = Duration.between(dayStart, next).toMillis();
    double gone = Duration.between(dayStart, now).toMillis();
    return Math.max(0, Math.min(1, gone / day));
  }

  /** The progress of the last update, NaN before the first. */
  double lastProgress() {
    return lastProgress;
  }

  /** One update. Never throws (a scheduled task that throws is never run again): a failure is logged. */
  @Override
  public void run() {
    try {
      double p = progress(dayStart, ZonedDateTime.now(clock));
      pacer.update(p);
      lastProgress = p;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "pacing update failed; factors stay as they are", e);
    }
  }
}
