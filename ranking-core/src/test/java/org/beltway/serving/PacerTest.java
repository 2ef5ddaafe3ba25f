package org.beltway.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pacer's rules one at a time, on rows of the 1%-scale plan with delivery set by hand. */
class PacerTest {
  private static final PlanSnapshot SNAPSHOT = ServingMarket.onePercent().snapshot(1);
  private static final Pacer.Settings SETTINGS = Pacer.Settings.DEFAULT;

  private static int plannedRow(double atLeast) {
    for (int row = 0; row < SNAPSHOT.supplierCount(); row++) {
      if (SNAPSHOT.planned(row) >= atLeast && SNAPSHOT.totalCap(row) == Double.POSITIVE_INFINITY) {
        return row;
      }
    }
    throw new AssertionError("no supplier planned " + atLeast);
  }

  private static void deliver(LivePlan live, int row, double exposure) {
    live.current().delivery().add(0, row, Delivery.units(exposure));
  }

  @Test
  void behindPlanRaisesTheFactorAndAheadLowersIt() {
    int behind = plannedRow(1_000);
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    Pacer pacer = new Pacer(live, SETTINGS);
    int ahead = behind + 1;
    while (SNAPSHOT.planned(ahead) < 1_000) {
      ahead++;
    }
    deliver(live, behind, 0.05 * SNAPSHOT.planned(behind));
    deliver(live, ahead, 0.15 * SNAPSHOT.planned(ahead));
    pacer.update(0.1);
    assertEquals(SETTINGS.maxStep(), live.current().pacing(behind), 1e-12, "half the rate: full step up");
    assertEquals(1 / SETTINGS.maxStep(), live.current().pacing(ahead), 1e-12, "ahead: step down");
  }

  @Test
  void aSupplierWithItsWholePlanStops() {
    int row = plannedRow(100);
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    deliver(live, row, SNAPSHOT.planned(row) * 1.001);
    new Pacer(live, SETTINGS).update(0.5);
    assertEquals(0.0, live.current().pacing(row));
  }

  @Test
  void noDeliveryInAWindowStepsUpAndSmallPlansWaitForTheirWindow() {
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    int big = plannedRow(1_000);
    int small = -1;
    for (int row = 0; row < SNAPSHOT.supplierCount() && small < 0; row++) {
      double p = SNAPSHOT.planned(row);
      if (p > 0 && p * 0.005 < SETTINGS.minWindow()) {
        small = row;
      }
    }
    assertTrue(small >= 0);
    new Pacer(live, SETTINGS).update(0.005);
    assertEquals(SETTINGS.maxStep(), live.current().pacing(big), 1e-12);
    assertEquals(1.0, live.current().pacing(small), "window not yet judged");
  }

  @Test
  void pacingAndWindowsSurviveASwap() {
    int row = plannedRow(1_000);
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    Pacer pacer = new Pacer(live, SETTINGS);
    pacer.update(0.1);
    double factor = live.current().pacing(row);
    live.swap(ServingMarket.onePercent().snapshot(2));
    assertEquals(factor, live.current().pacing(row));
    assertEquals(0.1, live.current().windowStart(row));
  }

  @Test
  void badSettingsAndProgressAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Pacer.Settings(0, 10, 1.5, 0.7, 4, 0.01, 0.05, 0.05));
    assertTrue(e.getMessage().startsWith("pacer settings (minFactor 0.0,"), e.getMessage());
    Pacer pacer = new Pacer(new LivePlan(SNAPSHOT, 1), SETTINGS);
    e = assertThrows(IllegalArgumentException.class, () -> pacer.update(1.5));
    assertEquals("progress (1.5): expected a share of the period in [0, 1]", e.getMessage());
  }
}
