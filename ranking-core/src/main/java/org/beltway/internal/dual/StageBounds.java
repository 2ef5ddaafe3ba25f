package org.beltway.internal.dual;

/**
 * When a penalty stage may end (docs/design.md §4.4, "Stages"), stated once for the single-machine
 * and the Spark solver: raising the bounds can change the optimum only if some guarantee dual sits at
 * its stage bound below the final one, or some group dual ({@code λ} or {@code ν}, the positive and
 * negative parts of the group's level) at its own.
 */
public final class StageBounds {
  private StageBounds() {}

  /**
   * Whether some dual sits at a stage bound that is below its final value.
   *
   * @param alpha the guarantee duals of the first {@code guarantees} suppliers (0 without a guarantee)
   * @param groupLevel the levels {@code λ − ν} of the first {@code groups} groups
   */
  public static boolean raisable(double guaranteePenalty, double finalGuarantee, double[] alpha,
      int guarantees, double groupPenalty, double finalGroup, double[] groupLevel, int groups) {
    if (guaranteePenalty < finalGuarantee) {
      for (int k = 0; k < guarantees; k++) {
        if (alpha[k] >= guaranteePenalty) {
          return true;
        }
      }
    }
    if (groupPenalty < finalGroup) {
      for (int g = 0; g < groups; g++) {
        if (Math.abs(groupLevel[g]) >= groupPenalty) {
          return true;
        }
      }
    }
    return false;
  }
}
