package org.beltway.serving;

import java.util.Locale;

/**
 * Moves each supplier's pacing factor so that its delivered exposure tracks the plan through the
 * period (docs/design.md §6). At an update with the period {@code progress} (the share of the period's
 * forecast traffic that has arrived), a supplier's target is its planned total × progress; its factor
 * is multiplied by {@code (target / delivered)^gain}, each step held within {@code [1/maxStep,
 * maxStep]} (smooth) and the factor within {@code [minFactor, maxFactor]} (bounded). Because target and
 * delivery are both cumulative, a miss in one interval is made up in the next ones. A supplier whose
 * delivery reached its total cap gets factor 0 (throttled) for the rest of the period. A guaranteed
 * supplier below {@code (1 − behindSlack)} of its target is marked behind schedule, the default
 * protected group of {@link Reranker#rankWithFloor}.
 *
 * <p>Run from one thread (a timer), not per query; it reads and writes the live plan's newest
 * {@link ServedPlan} without blocking queries.
 */
public final class Pacer {
  private final LivePlan live;
  private final Settings settings;

  /**
   * The pacer's constants.
   *
   * @param minFactor the lowest factor, in (0, 1]
   * @param maxFactor the highest factor, {@code >= 1}
   * @param maxStep the largest change of a factor in one update, {@code > 1}
   * @param gain the exponent of the correction, in (0, 2]
   * @param minTarget targets below this many units of exposure are too early to judge: the factor
   *     stays
   * @param behindSlack how far below target a guaranteed supplier may be before it is behind, in [0, 1)
   */
  public record Settings(double minFactor, double maxFactor, double maxStep, double gain,
      double minTarget, double behindSlack) {
    /** Factors in [1/20, 20], at most ×1.25 a step, full gain, judged from 1 unit, 5% slack. */
    public static final Settings DEFAULT = new Settings(0.05, 20, 1.25, 1.0, 1.0, 0.05);

    public Settings {
      if (!(minFactor > 0 && minFactor <= 1) || !(maxFactor >= 1) || Double.isInfinite(maxFactor)
          || !(maxStep > 1) || Double.isInfinite(maxStep) || !(gain > 0 && gain <= 2)
          || !(minTarget >= 0) || Double.isInfinite(minTarget)
          || !(behindSlack >= 0 && behindSlack < 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "pacer settings (minFactor %s, maxFactor %s, maxStep %s, gain %s, minTarget %s,"
                + " behindSlack %s): expected minFactor in (0, 1], finite maxFactor >= 1, finite"
                + " maxStep > 1, gain in (0, 2], finite minTarget >= 0, behindSlack in [0, 1)",
            minFactor, maxFactor, maxStep, gain, minTarget, behindSlack));
      }
    }
  }

  public Pacer(LivePlan live, Settings settings) {
    if (live == null || settings == null) {
      throw new NullPointerException("live plan and settings must not be null");
    }
    this.live = live;
    this.settings = settings;
  }

  /**
   * Updates every supplier's factor.
   *
   * @param progress the share of the period's forecast traffic served so far, in [0, 1]
   * @throws IllegalArgumentException if progress is not in [0, 1]
   */
  public synchronized void update(double progress) {
    if (!(progress >= 0 && progress <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "progress (%s): expected a share of the period in [0, 1]", progress));
    }
    ServedPlan plan;
    double[] delivered;
    synchronized (live) {
      plan = live.current();
      delivered = live.deliveredByRow();
    }
    PlanSnapshot s = plan.snapshot();
    Settings c = settings;
    for (int row = 0; row < delivered.length; row++) {
      double d = delivered[row];
      if (d >= s.totalCap(row)) {
        plan.setPacing(row, 0.0);
        continue;
      }
      double target = s.planned(row) * progress;
      if (s.guaranteed(row)) {
        plan.setBehind(row, d < (1 - c.behindSlack()) * target);
      }
      if (target < c.minTarget()) {
        continue;
      }
      double f = plan.pacing(row);
      double step = d > 0 ? Math.pow(target / d, c.gain()) : c.maxStep();
      step = Math.max(1 / c.maxStep(), Math.min(c.maxStep(), step));
      plan.setPacing(row, Math.max(c.minFactor(), Math.min(c.maxFactor(), f * step)));
    }
  }
}
