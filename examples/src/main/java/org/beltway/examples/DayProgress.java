package org.beltway.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.beltway.sim.Simulation;

/**
 * Prints "day n/N, elapsed, ETA" about twenty times a run and at least every 10 seconds, with an ETA a
 * user can trust from the start. Days do not cost the same: the first includes Beltway's cold solve (no
 * warm start yet), and the early days, with most promises open, cost several times the late ones, when
 * promises have closed. So the first day gets no ETA but a line saying so, and later ones extrapolate the
 * median of the last {@value #RECENT_DAYS} days (day 1 excluded) rather than the whole run's average,
 * which the cold first day would inflate for a long time; the median also ignores a single slow day (a
 * garbage collection). As days keep getting cheaper the ETA errs on the high side, and the first one
 * says so. At 3% scale on 2 cores: day 1 about 10 s, days 2 to 30 about 0.5 s, later days about 0.2 s.
 */
final class DayProgress implements Simulation.Progress {
  /** Days of the moving window the ETA extrapolates. */
  static final int RECENT_DAYS = 10;
  private static final long MAX_SILENCE_NANOS = 10_000_000_000L;

  private final PrintStream out;
  private final long[] recent = new long[RECENT_DAYS];
  private long previousElapsed;
  private long lastPrinted;
  private int every;

  /** Progress lines to {@code out} (stderr in the demo: the results go to stdout). */
  DayProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void dayDone(int day, int days, long elapsedNanos) {
    long cost = elapsedNanos - previousElapsed;
    previousElapsed = elapsedNanos;
    if (day == 0) {
      every = Math.max(1, days / 20);
      lastPrinted = elapsedNanos;
      out.printf(Locale.ROOT, "day 1/%d, elapsed %s (the first day includes the cold solve; ETA from day 2)"
          + "%n", days, clock(elapsedNanos));
      return;
    }
    recent[day % RECENT_DAYS] = cost;
    boolean last = day == days - 1;
    if (day == 1 || (day + 1) % every == 0 || last || elapsedNanos - lastPrinted > MAX_SILENCE_NANOS) {
      lastPrinted = elapsedNanos;
      String note = day == 1 && !last ? " (from recent days; later days are cheaper, so it falls)" : "";
      out.printf(Locale.ROOT, "day %d/%d, elapsed %s, ETA %s%s%n", day + 1, days, clock(elapsedNanos),
          clock(eta(day, days)), note);
    }
  }

  /** The remaining days times the median cost of the last days simulated, day 1 (index 0) excluded. */
  private long eta(int day, int days) {
    int window = Math.min(day, RECENT_DAYS);
    long[] costs = new long[window];
    for (int k = 0; k < window; k++) {
      costs[k] = recent[(day - k) % RECENT_DAYS];
    }
    Arrays.sort(costs);
    long median = window % 2 == 1 ? costs[window / 2] : (costs[window / 2 - 1] + costs[window / 2]) / 2;
    return median * (days - day - 1);
  }

  private static String clock(long nanos) {
    long s = Math.round(nanos / 1e9);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
