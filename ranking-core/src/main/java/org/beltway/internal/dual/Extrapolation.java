package org.beltway.internal.dual;

/**
 * Safeguarded extrapolation along the last pass's step {@code Δ}: the duals {@code y + ωΔ},
 * {@code ω = 1, 2, 4, …} are tried by the {@link LineSearch}. What it buys is speed where coordinate
 * ascent crawls, above all the "price war" of promises that cannot all be kept, whose duals must climb
 * to their penalty bound in small, nearly parallel steps. Tried only when the last two steps point the
 * same way (cosine above 0.5), along the components that did.
 */
final class Extrapolation {
  private final CompiledProblem p;
  private final Duals duals;
  // the duals before the last pass, and the last step
  private final double[] previousLevel;
  private final double[] previousBeta;
  private final double[] previousGroup;
  private final double[] lastStepLevel;
  private final double[] lastStepBeta;
  private final double[] lastStepGroup;
  private boolean haveLastStep;
  private boolean consistentStep;
  // the sums of the step being recorded
  private double dot;
  private double norm;
  private double lastNorm;

  Extrapolation(CompiledProblem p, Duals duals) {
    this.p = p;
    this.duals = duals;
    previousLevel = new double[p.constrained];
    previousBeta = new double[p.segments];
    previousGroup = new double[p.groups];
    lastStepLevel = new double[p.constrained];
    lastStepBeta = new double[p.segments];
    lastStepGroup = new double[p.groups];
  }

  /** Remembers the duals before a pass. */
  void remember() {
    for (int k = 0; k < p.constrained; k++) {
      previousLevel[k] = duals.supplierLevel[p.rows[k]];
    }
    System.arraycopy(duals.beta, 0, previousBeta, 0, p.segments);
    System.arraycopy(duals.groupLevel, 0, previousGroup, 0, p.groups);
  }

  /**
   * Records the step of the pass since {@link #remember} and writes the extrapolation direction (this
   * pass's step, on the components that moved the same way in the last pass) into {@code into}.
   */
  void recordStep(Direction into) {
    dot = 0;
    norm = 0;
    lastNorm = 0;
    for (int k = 0; k < p.constrained; k++) {
      into.level[k] = step(duals.supplierLevel[p.rows[k]] - previousLevel[k], k, lastStepLevel);
    }
    for (int j = 0; j < p.segments; j++) {
      into.beta[j] = step(duals.beta[j] - previousBeta[j], j, lastStepBeta);
    }
    for (int g = 0; g < p.groups; g++) {
      into.group[g] = step(duals.groupLevel[g] - previousGroup[g], g, lastStepGroup);
    }
    consistentStep = haveLastStep && norm > 0 && lastNorm > 0 && dot > 0.5 * Math.sqrt(norm * lastNorm);
    haveLastStep = true;
  }

  /** Records one component's step {@code d}; returns it if it moved the same way as the last step. */
  private double step(double d, int i, double[] lastStep) {
    double last = lastStep[i];
    dot += d * last;
    norm += d * d;
    lastNorm += last * last;
    lastStep[i] = d;
    return d * last > 0 ? d : 0.0;
  }

  /** Whether the last two steps point the same way, so that extrapolating is worth a try. */
  boolean consistent() {
    return consistentStep;
  }

  /** Forgets the last step (the penalties were raised: the next step starts afresh). */
  void forget() {
    haveLastStep = false;
  }
}
