package org.beltway.internal;

/**
 * The function {@code G(t) = Σ_k clip(θ_k (b_k + t), 0, u_k)} of one dual block, and its exact root.
 *
 * <p>Every block update of the allocation solver's dual coordinate ascent (SHALE, Bharadwaj et al., KDD
 * 2012) asks for the value of one dual variable at which the traffic of a block (a segment, a supplier,
 * a group of edges) meets a target. That traffic is {@code G}: continuous, nondecreasing and piecewise
 * linear in {@code t}, with two breakpoints per term ({@code t = -b_k}, where the term leaves zero, and
 * {@code t = u_k/θ_k - b_k}, where it reaches its cap). {@link #root} finds the root by safeguarded
 * Newton steps on the one-sided slopes: a step from a point lands exactly on the root whenever no
 * breakpoint lies between, so on a piecewise-linear function it terminates after a few evaluations, and
 * a bracket with bisection fallback bounds the worst case. Terms with {@code θ_k = 0} contribute nothing
 * and never divide.
 */
public final class ClippedSum {
  /** Index of {@code G(t)} in an evaluation's output. */
  public static final int SUM = 0;
  /** Index of the right slope {@code G'(t+)}. */
  public static final int SLOPE_RIGHT = 1;
  /** Index of the left slope {@code G'(t-)}. */
  public static final int SLOPE_LEFT = 2;
  /** Index of the smallest breakpoint above {@code t} where a term at zero starts to grow (or +∞). */
  public static final int NEXT_UP = 3;
  /** Index of the largest breakpoint below {@code t} where a capped term leaves its cap (or -∞). */
  public static final int NEXT_DOWN = 4;
  /** Length of an evaluation's output array. */
  public static final int OUTPUT = 5;

  private static final int MAX_STEPS = 200;
  private static final double RELATIVE_TOLERANCE = 1e-13;

  private ClippedSum() {}

  /** Evaluates {@code G} and its one-sided slopes at a point. */
  @FunctionalInterface
  public interface Evaluator {
    /**
     * Writes {@code G(t)}, its slopes and neighbouring breakpoints into {@code out} at the indices
     * {@link #SUM} … {@link #NEXT_DOWN}.
     */
    void evaluate(double t, double[] out);
  }

  /**
   * Evaluates the terms {@code from .. to-1} (the same index into all three arrays) at {@code t}.
   *
   * @param theta slopes θ_k {@code >= 0}
   * @param base offsets b_k, finite
   * @param cap caps u_k {@code >= 0} (may be +∞), or {@code null} for no caps
   * @param out receives the evaluation at {@code offset +} {@link #SUM} … {@link #NEXT_DOWN}
   * @param offset where the output starts in {@code out}
   */
  public static void evaluate(double[] theta, double[] base, double[] cap, int from, int to, double t,
      double[] out, int offset) {
    double sum = 0;
    double right = 0;
    double left = 0;
    double up = Double.POSITIVE_INFINITY;
    double down = Double.NEGATIVE_INFINITY;
    if (cap == null) {
      for (int k = from; k < to; k++) {
        double th = theta[k];
        double z = th * (base[k] + t);
        if (z > 0) {
          sum += z;
          right += th;
          left += th;
        } else if (z < 0) {
          double bp = -base[k];
          if (bp < up) {
            up = bp;
          }
        } else {
          right += th;
        }
      }
    } else {
      for (int k = from; k < to; k++) {
        double th = theta[k];
        double z = th * (base[k] + t);
        double u = cap[k];
        if (z <= 0) {
          if (z < 0) {
            double bp = -base[k];
            if (bp < up) {
              up = bp;
            }
          } else if (u > 0) {
            right += th;
          }
        } else if (z < u) {
          sum += z;
          right += th;
          left += th;
        } else {
          sum += u;
          if (z > u) {
            double bp = u / th - base[k];
            if (bp > down) {
              down = bp;
            }
          } else {
            left += th;
          }
        }
      }
    }
    out[offset + SUM] = sum;
    out[offset + SLOPE_RIGHT] = right;
    out[offset + SLOPE_LEFT] = left;
    out[offset + NEXT_UP] = up;
    out[offset + NEXT_DOWN] = down;
  }

  /**
   * Evaluates {@code Σ_k m_k clip(θ_k (b_k + m_k t), 0, u_k)} with multipliers {@code m_k != 0}: each
   * term moves with {@code t} at {@code m_k} times the speed and is weighted by {@code m_k}, so every
   * term, and the sum, is nondecreasing in {@code t} and {@link #root} applies. This is the derivative
   * of the dual along a direction that moves each edge's level by {@code m_k}: used for exact line
   * searches along such directions.
   *
   * @param mult the multipliers, nonzero
   * @param cap caps, never {@code null} (use +∞)
   */
  public static void evaluateScaled(double[] theta, double[] base, double[] cap, double[] mult, int from,
      int to, double t, double[] out, int offset) {
    double sum = 0;
    double right = 0;
    double left = 0;
    double up = Double.POSITIVE_INFINITY;
    double down = Double.NEGATIVE_INFINITY;
    for (int k = from; k < to; k++) {
      double th = theta[k];
      double b = base[k];
      double u = cap[k];
      double m = mult[k];
      double z = th * (b + m * t);
      double slope = m * m * th;
      boolean rising = m > 0;
      if (z < 0) {
        double bp = -b / m; // where the term leaves zero
        if (rising) {
          up = Math.min(up, bp);
        } else {
          down = Math.max(down, bp);
        }
      } else if (z == 0) {
        if (u > 0) {
          if (rising) {
            right += slope;
          } else {
            left += slope;
          }
        }
      } else if (z < u) {
        sum += m * z;
        right += slope;
        left += slope;
      } else {
        sum += m * u;
        if (z > u) {
          double bp = (u / th - b) / m; // where the term leaves its cap
          if (rising) {
            down = Math.max(down, bp);
          } else {
            up = Math.min(up, bp);
          }
        } else if (rising) {
          left += slope;
        } else {
          right += slope;
        }
      }
    }
    out[offset + SUM] = sum;
    out[offset + SLOPE_RIGHT] = right;
    out[offset + SLOPE_LEFT] = left;
    out[offset + NEXT_UP] = up;
    out[offset + NEXT_DOWN] = down;
  }

  /**
   * Combines the evaluations of consecutive parts into {@code out}: sums are added in part order, so
   * the result does not depend on which thread evaluated which part.
   *
   * @param parts evaluations, {@link #OUTPUT} values each, concatenated
   * @param count number of parts
   */
  public static void combine(double[] parts, int count, double[] out) {
    double sum = 0;
    double right = 0;
    double left = 0;
    double up = Double.POSITIVE_INFINITY;
    double down = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < count; p++) {
      int o = p * OUTPUT;
      sum += parts[o + SUM];
      right += parts[o + SLOPE_RIGHT];
      left += parts[o + SLOPE_LEFT];
      up = Math.min(up, parts[o + NEXT_UP]);
      down = Math.max(down, parts[o + NEXT_DOWN]);
    }
    out[SUM] = sum;
    out[SLOPE_RIGHT] = right;
    out[SLOPE_LEFT] = left;
    out[NEXT_UP] = up;
    out[NEXT_DOWN] = down;
  }

  /**
   * The point {@code t} in {@code [lo, hi]} where {@code G(t) = target}: {@code lo} if
   * {@code G(lo) >= target}, {@code hi} if {@code G(hi) <= target}, otherwise a root to within a
   * relative 1e-13 of the target or, when rounding makes that unreachable, the better end of a
   * bracket of adjacent doubles.
   *
   * @param f evaluates {@code G}
   * @param target the value sought
   * @param lo lower end of the domain, finite
   * @param hi upper end of the domain, finite, {@code >= lo}
   * @param start first point tried (clamped into the domain), e.g. yesterday's dual value
   * @param w scratch of length {@link #OUTPUT}
   */
  public static double root(Evaluator f, double target, double lo, double hi, double start, double[] w) {
    double tol = RELATIVE_TOLERANCE * Math.abs(target);
    double a = lo;
    double b = hi;
    double ra = Double.NaN;
    double rb = Double.NaN;
    double t = Math.max(lo, Math.min(hi, start));
    for (int step = 0; step < MAX_STEPS; step++) {
      f.evaluate(t, w);
      double r = w[SUM] - target;
      if (Math.abs(r) <= tol) {
        return t;
      }
      double next;
      if (r < 0) {
        if (t >= hi) {
          return hi;
        }
        a = t;
        ra = r;
        double s = w[SLOPE_RIGHT];
        if (s > 0) {
          next = t - r / s;
        } else {
          next = w[NEXT_UP];
          if (next == Double.POSITIVE_INFINITY) {
            return hi; // G is flat from t on: it stays below the target
          }
        }
      } else {
        if (t <= lo) {
          return lo;
        }
        b = t;
        rb = r;
        double s = w[SLOPE_LEFT];
        if (s > 0) {
          next = t - r / s;
        } else {
          next = w[NEXT_DOWN];
          if (next == Double.NEGATIVE_INFINITY) {
            return lo; // G is flat below t: it stays above the target
          }
        }
      }
      if (!(next > a && next < b)) {
        if (next >= b) {
          next = Double.isNaN(rb) ? b : a + 0.5 * (b - a);
        } else {
          next = Double.isNaN(ra) ? a : a + 0.5 * (b - a);
        }
      }
      if (next == t || (!Double.isNaN(ra) && !Double.isNaN(rb) && !(next > a && next < b))) {
        return better(a, ra, b, rb);
      }
      t = next;
    }
    return Double.isNaN(ra) || Double.isNaN(rb) ? t : better(a, ra, b, rb);
  }

  private static double better(double a, double ra, double b, double rb) {
    if (Double.isNaN(ra)) {
      return b;
    }
    if (Double.isNaN(rb)) {
      return a;
    }
    return -ra <= rb ? a : b;
  }
}
