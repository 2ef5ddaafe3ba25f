package org.beltway.internal.dual;

import org.beltway.internal.ClippedSum;

/**
 * Which root sets a supplier's or a group's level, given its block's traffic as a function of the
 * level: one statement of the choice for the single-machine blocks ({@link SupplierRoots},
 * {@link GroupRoots}) and the Spark runner's.
 */
public final class BlockLevels {
  private BlockLevels() {}

  /** A group's traffic {@code H(t)} that remembers its last evaluation. */
  public interface Joint extends ClippedSum.Evaluator {
    /** {@code H(t)}, evaluated unless {@code t} was the last point evaluated. */
    double at(double t, double[] out);
  }

  /**
   * A constrained supplier's level: the root of its own traffic {@code f} against its guarantee
   * {@code d} or its total cap {@code c}, 0 when it holds both at level 0.
   *
   * @param allZero a level at or below which its traffic is 0
   * @param old its current level, where the root starts
   */
  public static double supplier(ClippedSum.Evaluator f, double d, double c, double allZero, double old,
      double penalty, double[] out) {
    if (d > c) {
      // the guarantee exceeds the supplier's own cap: α sits at its bound, the cap decides t
      return ClippedSum.root(f, c, Math.min(allZero, penalty), penalty, old, out);
    }
    f.evaluate(0.0, out);
    double atZero = out[ClippedSum.SUM];
    if (atZero < d) {
      return ClippedSum.root(f, d, 0.0, penalty, Math.max(old, 0.0), out);
    }
    if (atZero > c) {
      return ClippedSum.root(f, c, Math.min(allZero, 0.0), 0.0, Math.min(old, 0.0), out);
    }
    return 0.0;
  }

  /**
   * A group's level: the root of its traffic {@code f} against its floor {@code low} (0 = none) or
   * its cap {@code high} (+∞ = none), searched on the side of 0 where it stands.
   */
  public static double group(Joint f, double low, double high, double penalty, double old,
      double[] out) {
    boolean hasLow = low > 0;
    boolean hasHigh = high < Double.POSITIVE_INFINITY;
    double t;
    if (!hasHigh) {
      t = ClippedSum.root(f, low, 0.0, penalty, old, out);
    } else if (!hasLow) {
      t = ClippedSum.root(f, high, -penalty, 0.0, old, out);
    } else if (old > 0) {
      t = ClippedSum.root(f, low, 0.0, penalty, old, out);
      if (t == 0.0 && f.at(0.0, out) > high) {
        t = ClippedSum.root(f, high, -penalty, 0.0, 0.0, out);
      }
    } else if (old < 0) {
      t = ClippedSum.root(f, high, -penalty, 0.0, old, out);
      if (t == 0.0 && f.at(0.0, out) < low) {
        t = ClippedSum.root(f, low, 0.0, penalty, 0.0, out);
      }
    } else {
      double h = f.at(0.0, out);
      if (h < low) {
        t = ClippedSum.root(f, low, 0.0, penalty, 0.0, out);
      } else if (h > high) {
        t = ClippedSum.root(f, high, -penalty, 0.0, 0.0, out);
      } else {
        t = 0.0;
      }
    }
    return t;
  }
}
