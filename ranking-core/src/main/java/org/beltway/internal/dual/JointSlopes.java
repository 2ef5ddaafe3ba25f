package org.beltway.internal.dual;

import org.beltway.internal.ClippedSum;

/**
 * The traffic of a block whose segments are re-solved inside it ({@link GroupRoots}, {@link Rescues}),
 * and its one-sided slopes: a segment whose supply binds answers a rise of the block's level by raising
 * its dual, so the block keeps only {@code a (1 − a / b)} of its unclipped fair exposure {@code a} there
 * ({@code b}: the segment's); elsewhere all of it. Summed segment by segment in the caller's order.
 */
public final class JointSlopes {
  private double sum;
  private double right;
  private double left;

  /** Starts a new evaluation. */
  public void clear() {
    sum = 0;
    right = 0;
    left = 0;
  }

  /**
   * Adds one segment.
   *
   * @param traffic the block's traffic there
   * @param a the block's unclipped fair exposure there
   * @param free the segment's unclipped fair exposure
   * @param binding whether the segment's dual is positive
   * @param tight whether its supply is used up (binding, or allocated to rounding)
   */
  public void add(double traffic, double a, double free, boolean binding, boolean tight) {
    sum += traffic;
    double responsive = free > 0 ? a * (1.0 - a / free) : 0.0;
    left += binding ? responsive : a;
    right += tight ? responsive : a;
  }

  /**
   * Adds a part summed elsewhere (the segments of one Spark partition): its traffic and its one-sided
   * slopes, as {@link #sum}, {@link #right} and {@link #left} read them there.
   */
  public void addPart(double traffic, double slopeRight, double slopeLeft) {
    sum += traffic;
    right += slopeRight;
    left += slopeLeft;
  }

  /** The block's traffic so far. */
  public double sum() {
    return sum;
  }

  /** The right slope so far. */
  public double right() {
    return right;
  }

  /** The left slope so far. */
  public double left() {
    return left;
  }

  /** Writes the evaluation at level {@code t} as {@link ClippedSum#root} reads it; returns the sum. */
  public double write(double t, double[] out) {
    double probe = Math.max(1.0, Math.abs(t));
    out[ClippedSum.SUM] = sum;
    out[ClippedSum.SLOPE_RIGHT] = right;
    out[ClippedSum.SLOPE_LEFT] = left;
    out[ClippedSum.NEXT_UP] = t + probe;
    out[ClippedSum.NEXT_DOWN] = t - probe;
    return sum;
  }

  /** Whether a segment's supply is used up: its dual is positive or its traffic is allocated. */
  public static boolean tight(boolean binding, double allocated, double traffic) {
    return binding || allocated >= traffic * (1 - 1e-12);
  }
}
