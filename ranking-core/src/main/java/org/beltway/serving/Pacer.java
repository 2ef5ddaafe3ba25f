package org.beltway.serving;

import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * Moves each supplier's pacing factor so that its delivered exposure tracks the plan through the
 * period (docs/design.md §6). It is a rate controller, not a ratio of cumulative figures (which acts
 * as a double integrator and oscillates): a supplier is judged over a window that ends when the plan
 * expected at least {@code minWindow} units of exposure from it since the window began. The exposure
 * it should get over the next such window is its plan rate plus its cumulative error spread over a
 * {@code horizon} (a share of the period); the factor is multiplied by {@code (wanted /
 * delivered in the window)^gain}, each step held within {@code [1/maxStep, maxStep]} (smooth) and the
 * factor within {@code [minFactor, maxFactor]} (bounded). A supplier ahead of plan by more than a full
 * window's expected exposure and pacing at {@code minFactor} goes to factor 0 until it falls back; a
 * supplier whose delivery reached its total cap gets factor 0 (throttled) for the rest of the period. A
 * guaranteed supplier below {@code (1 − behindSlack)} of its target is marked behind schedule, the
 * default protected group of {@link Reranker#rankWithFloor}.
 *
 * <p>Run from one thread (a timer), not per query. An update holds the live plan's lock, so a swap
 * waits for it (and the new plan inherits the finished state); queries never wait.
 */
public final class Pacer {
  private final LivePlan live;
  private final Settings settings;

  /**
   * The pacer's constants.
   *
   * @param minFactor the lowest positive factor, in (0, 1]
   * @param maxFactor the highest factor, {@code >= 1}
   * @param maxStep the largest change of a factor in one update, {@code > 1}
   * @param gain the exponent of the correction, in (0, 1]
   * @param minWindow the plan's expected exposure of a supplier (units) before its rate is judged,
   *     {@code > 0}: fewer units are too noisy to act on
   * @param horizon the share of the period over which a cumulative error is made up, in (0, 1]
   * @param behindSlack how far below target a guaranteed supplier may be before it is behind, in [0, 1)
   */
  public record Settings(double minFactor, double maxFactor, double maxStep, double gain,
      double minWindow, double maxWindow, double horizon, double behindSlack) {
    /**
     * Factors in [1/1000, 1000], at most ×1.5 a step at gain 0.7, windows of 4 units, errors made up
     * over 5% of the period, 5% slack.
     */
    public static final Settings DEFAULT = new Settings(1e-3, 1e3, 1.5, 0.7, 4, 0.01, 0.05, 0.05);

    public Settings {
      if (!(minFactor > 0 && minFactor <= 1) || !(maxFactor >= 1) || Double.isInfinite(maxFactor)
          || !(maxStep > 1) || Double.isInfinite(maxStep) || !(gain > 0 && gain <= 1)
          || !(minWindow > 0) || Double.isInfinite(minWindow) || !(maxWindow > 0 && maxWindow <= 1)
          || !(horizon > 0 && horizon <= 1)
          || !(behindSlack >= 0 && behindSlack < 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "pacer settings (minFactor %s, maxFactor %s, maxStep %s, gain %s, minWindow %s,"
                + " maxWindow %s, horizon %s, behindSlack %s): expected minFactor in (0, 1], finite"
                + " maxFactor >= 1, finite maxStep > 1, gain in (0, 1], finite minWindow > 0,"
                + " maxWindow and horizon in (0, 1], behindSlack in [0, 1)",
            minFactor, maxFactor, maxStep, gain, minWindow, maxWindow, horizon, behindSlack));
      }
    }
  }

  public Pacer(LivePlan live, Settings settings) {
    Strict.nonNull(live, "live", LivePlan.class);
    Strict.nonNull(settings, "settings", Settings.class);
    this.live = live;
    this.settings = settings;
  }

  /**
   * Updates every supplier's factor.
   *
   * @param progress the share of the period's forecast traffic served so far, in [0, 1], not less
   *     than at the previous update
   * @throws IllegalArgumentException if progress is not in [0, 1]
   */
  public synchronized void update(double progress) {
    if (!(progress >= 0 && progress <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "progress (%s): expected a share of the period in [0, 1]", progress));
    }
    synchronized (live) {
      pace(live.current(), live.deliveredByRow(), progress);
    }
  }

  private void pace(ServedPlan plan, double[] delivered, double progress) {
    PlanSnapshot s = plan.snapshot();
    Settings c = settings;
    double[] factors = plan.pacingFactors().clone();
    byte[] behind = plan.behindMarks().clone();
    for (int row = 0; row < delivered.length; row++) {
      double d = delivered[row];
      double rate = s.planned(row);
      if (d >= s.totalCap(row) || d >= rate) {
        factors[row] = 0.0;
        continue;
      }
      double target = rate * progress;
      if (s.guaranteed(row)) {
        behind[row] = (byte) (d < (1 - c.behindSlack()) * target ? 1 : 0);
      }
      double span = progress - plan.windowStart(row);
      if (rate * span < c.minWindow() && span < c.maxWindow()) {
        continue;
      }
      double observed = d - plan.windowDelivered(row);
      double horizon = Math.max(span, Math.min(c.horizon(), 1 - progress));
      double wanted = rate * span + (target - d) * Math.min(1, span / horizon);
      double f = factors[row];
      double next;
      if (wanted <= 0) {
        next = f <= c.minFactor() ? 0 : Math.max(c.minFactor(), f / c.maxStep());
      } else if (f == 0) {
        next = c.minFactor();
      } else {
        double step = observed > 0 ? Math.pow(wanted / observed, c.gain()) : c.maxStep();
        step = Math.max(1 / c.maxStep(), Math.min(c.maxStep(), step));
        next = Math.max(c.minFactor(), Math.min(c.maxFactor(), f * step));
      }
      factors[row] = next;
      plan.startWindow(row, progress, d);
    }
    plan.publish(factors, behind);
  }
}
