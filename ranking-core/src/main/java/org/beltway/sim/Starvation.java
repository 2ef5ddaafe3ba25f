package org.beltway.sim;

import org.beltway.internal.Strict;

/**
 * Suppliers a strategy starved over a run: those whose delivered exposure was below
 * {@value #THRESHOLD} of their merit-proportional exposure on the same days, counted in four cells:
 * quality tier or not (on day 0), and with a booked promise or not. Promises protect the suppliers
 * that hold them; this shows who pays for them. Immutable.
 *
 * @param suppliers suppliers in each cell, indexed by {@link #cell}
 * @param starved starved suppliers in each cell
 */
public record Starvation(int[] suppliers, int[] starved) {
  /** Below this fraction of its merit-proportional exposure a supplier counts as starved. */
  public static final double THRESHOLD = 0.1;

  /** Copies the arrays. */
  public Starvation {
    suppliers = Strict.nonNull(suppliers, "suppliers", int[].class).clone();
    starved = Strict.nonNull(starved, "starved", int[].class).clone();
  }

  /** The cell of a supplier: quality tier first, then promised. */
  public static int cell(boolean quality, boolean promised) {
    return (quality ? 0 : 2) + (promised ? 0 : 1);
  }

  /** The share of a cell's suppliers starved, NaN for an empty cell. */
  public double share(boolean quality, boolean promised) {
    int c = cell(quality, promised);
    return suppliers[c] == 0 ? Double.NaN : (double) starved[c] / suppliers[c];
  }

  /** Suppliers in a cell. */
  public int suppliers(boolean quality, boolean promised) {
    return suppliers[cell(quality, promised)];
  }

  /** The share of all suppliers starved. */
  public double overall() {
    int s = 0;
    int k = 0;
    for (int c = 0; c < 4; c++) {
      s += suppliers[c];
      k += starved[c];
    }
    return s == 0 ? Double.NaN : (double) k / s;
  }

  static Starvation of(double[] exposure, double[] fair, boolean[] quality, boolean[] promised) {
    int[] suppliers = new int[4];
    int[] starved = new int[4];
    for (int r = 0; r < exposure.length; r++) {
      int c = cell(quality[r], promised[r]);
      suppliers[c]++;
      if (fair[r] > 0 && exposure[r] < THRESHOLD * fair[r]) {
        starved[c]++;
      }
    }
    return new Starvation(suppliers, starved);
  }
}
