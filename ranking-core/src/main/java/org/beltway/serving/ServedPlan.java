package org.beltway.serving;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * One plan while it serves: its snapshot, the exposure delivered under it and the pacing state of each
 * of its suppliers. A query takes one served plan from {@link LivePlan#current()} and uses it from start
 * to end; its deliveries count here even if a swap happens meanwhile, and this plan's counts stay part
 * of the period's totals after it is replaced.
 */
public final class ServedPlan {
  private static final VarHandle DOUBLES = MethodHandles.arrayElementVarHandle(double[].class);
  private static final VarHandle BYTES = MethodHandles.arrayElementVarHandle(byte[].class);
  private final PlanSnapshot snapshot;
  private final Delivery delivery;
  private final double[] pacing;
  private final byte[] behind;
  private final double[] windowStart;
  private final double[] windowDelivered;
  /** This plan's rows in the newest plan (-1 when absent), set when a newer plan replaces it. */
  private volatile int[] newestRow;

  ServedPlan(PlanSnapshot snapshot, int stripes) {
    this.snapshot = snapshot;
    int n = snapshot.supplierCount();
    delivery = new Delivery(n, stripes);
    pacing = new double[n];
    Arrays.fill(pacing, 1.0);
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
    return (double) DOUBLES.getOpaque(pacing, row);
  }

  void setPacing(int row, double factor) {
    DOUBLES.setOpaque(pacing, row, factor);
  }

  /** Whether the pacer found this guaranteed supplier behind its schedule. */
  public boolean behindSchedule(int row) {
    return (byte) BYTES.getOpaque(behind, row) != 0;
  }

  void setBehind(int row, boolean value) {
    BYTES.setOpaque(behind, row, (byte) (value ? 1 : 0));
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
