package org.beltway.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What became of one strategy's promises, per program ({@link Simulation#TRUST_PASS},
 * {@link Simulation#POWER_MERCHANT}, {@link Simulation#SUPER_FACTORY}): how many applied, how many the
 * strategy booked, how many of each were kept (the supplier had its buyers inside its window), how many
 * buyers the broken booked ones were short of their targets, and why the others were refused. A
 * strategy without admission books every application. Only promises whose outcome is known by the end
 * of the run (met, or window closed) count in the kept rates. Immutable.
 */
public final class PromiseOutcomes {
  private final int[] applied;
  private final int[] admitted;
  private final Attainment[] keptOfAdmitted;
  private final Attainment[] keptOfApplicants;
  private final long[] buyersShort;
  private final Map<String, int[]> refusals;
  private final int admissionRounds;
  private final long admissionNanos;
  private final int bookedAtRisk;

  PromiseOutcomes(int[] applied, int[] admitted, Attainment[] keptOfAdmitted, Attainment[] keptOfApplicants,
      long[] buyersShort, Map<String, int[]> refusals, int admissionRounds, long admissionNanos,
      int bookedAtRisk) {
    this.applied = applied.clone();
    this.admitted = admitted.clone();
    this.keptOfAdmitted = keptOfAdmitted.clone();
    this.keptOfApplicants = keptOfApplicants.clone();
    this.buyersShort = buyersShort.clone();
    Map<String, int[]> copy = new LinkedHashMap<>();
    refusals.forEach((k, v) -> copy.put(k, v.clone()));
    this.refusals = Collections.unmodifiableMap(copy);
    this.admissionRounds = admissionRounds;
    this.admissionNanos = admissionNanos;
    this.bookedAtRisk = bookedAtRisk;
  }

  /** Promises of a program applied for over the run (every eligible supplier applies). */
  public int applied(int program) {
    return applied[program];
  }

  /** Promises of a program the strategy booked. */
  public int admitted(int program) {
    return admitted[program];
  }

  /** Booked promises of a program kept, among those whose outcome is known. */
  public Attainment keptOfAdmitted(int program) {
    return keptOfAdmitted[program];
  }

  /** Promises of a program kept among all applications whose outcome is known, booked or not. */
  public Attainment keptOfApplicants(int program) {
    return keptOfApplicants[program];
  }

  /** New buyers the booked but broken promises of a program lacked at their deadline, summed. */
  public long buyersShort(int program) {
    return buyersShort[program];
  }

  /**
   * Refused applications by reason (the policy shares that bind, or what the solver says binds), each
   * with its count per program; empty without admission.
   */
  public Map<String, int[]> refusals() {
    Map<String, int[]> copy = new LinkedHashMap<>();
    refusals.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** Solves admission took over the run (0 without admission). */
  public int admissionRounds() {
    return admissionRounds;
  }

  /** Wall-clock time admission took over the run, in nanoseconds (part of the strategy's planning time). */
  public long admissionNanos() {
    return admissionNanos;
  }

  /**
   * Booked promises the day's forecast could not keep beside the policy when new applications were
   * judged, summed over the days of application (a supplier at risk on two days counts twice).
   */
  public int bookedAtRisk() {
    return bookedAtRisk;
  }

  /** Two programs together, e.g. Power merchant and Super factory. */
  public Attainment keptOfAdmitted(int first, int second) {
    return sum(keptOfAdmitted[first], keptOfAdmitted[second]);
  }

  /** Two programs together, among all applications. */
  public Attainment keptOfApplicants(int first, int second) {
    return sum(keptOfApplicants[first], keptOfApplicants[second]);
  }

  private static Attainment sum(Attainment a, Attainment b) {
    return new Attainment(a.met() + b.met(), a.counted() + b.counted());
  }
}
