package org.beltway.serving;

import java.util.Arrays;

/**
 * One plan while it serves: its snapshot, the exposure delivered under it and the pacing state of each
 * of its suppliers. A query takes one served plan from {@link LivePlan#current()} and uses it from start
 * to end; its deliveries count here even if a swap happens meanwhile, and this plan's counts stay part
 * of the period's totals after it is replaced.
 */
public final class ServedPlan {
  private final PlanSnapshot snapshot;
  private final Delivery delivery;
  /**
   * The pacing factors and behind-schedule marks as the pacer last published them. A published array
   * is never written again (the pacer writes a copy and publishes it whole), so a query reads the
   * reference once and the elements with plain loads: no ordered access per candidate, no torn value.
   */
  private volatile double[] pacing;
  private volatile byte[] behind;
  private final double[] windowStart;
  private final double[] windowDelivered;
  /** This plan's rows in the newest plan (-1 when absent), set when a newer plan replaces it. */
  private volatile int[] newestRow;

  ServedPlan(PlanSnapshot snapshot, int stripes) {
    this.snapshot = snapshot;
    int n = snapshot.supplierCount();
    delivery = new Delivery(n, stripes);
    double[] factors = new double[n];
    Arrays.fill(factors, 1.0);
    pacing = factors;
    behind = new byte[n];
    windowStart = new double[n];
    windowDelivered = new double[n];
  }

  public PlanSnapshot snapshot() {
    return snapshot;
  }

  /** The exposure delivered to a row of this plan while it served. */
  public double deliveredHere(int row) {
    return delivery.exposure(row);
  }

  /** The pacing factor of a row: 1 until the pacer moves it, 0 when throttled at a cap. */
  public double pacing(int row) {
    return pacing[row];
  }

  /** Whether the pacer found this guaranteed supplier behind its schedule. */
  public boolean behindSchedule(int row) {
    return behind[row] != 0;
  }

  /** Every row's pacing factor as last published; not to be written. */
  double[] pacingFactors() {
    return pacing;
  }

  /** Every row's behind-schedule mark (1 behind) as last published; not to be written. */
  byte[] behindMarks() {
    return behind;
  }

  /** Publishes the pacer's factors and marks: new arrays that nobody writes afterwards. */
  void publish(double[] factors, byte[] marks) {
    pacing = factors;
    behind = marks;
  }

  /** Sets a row's factor and mark before this plan serves (a swap carrying the old plan's state). */
  void inherit(int row, double factor, boolean isBehind) {
    pacing[row] = factor;
    behind[row] = (byte) (isBehind ? 1 : 0);
  }

  /** The period's progress when the pacer's current window of a row began (pacer thread only). */
  double windowStart(int row) {
    return windowStart[row];
  }

  /** The row's period delivery when its current pacing window began (pacer thread only). */
  double windowDelivered(int row) {
    return windowDelivered[row];
  }

  void startWindow(int row, double progress, double delivered) {
    windowStart[row] = progress;
    windowDelivered[row] = delivered;
  }

  Delivery delivery() {
    return delivery;
  }

  int[] newestRow() {
    return newestRow;
  }

  void newestRow(int[] rows) {
    newestRow = rows;
  }
}
