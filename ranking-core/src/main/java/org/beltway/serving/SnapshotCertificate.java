package org.beltway.serving;

import java.util.Locale;
import org.beltway.allocation.Certificate;
import org.beltway.internal.Strict;

/**
 * The solve's certificate as a search node keeps it: enough to tell from a status page whether the plan
 * in service was proved optimal and feasible (docs/design.md §4), without the solver.
 *
 * @param termination why the solve stopped: {@code CONVERGED}, {@code PASS_LIMIT}, {@code TIME_LIMIT} or {@code NOT_CONVERGED}
 * @param passes passes of dual ascent run
 * @param primalObjective the plan's objective, in impressions
 * @param dualBound the solver's lower bound on the optimum
 * @param relativeGap their relative difference
 * @param maxViolation the largest relative violation of any constraint family
 * @param wallMillis the solve's wall-clock time
 */
public record SnapshotCertificate(String termination, int passes, double primalObjective,
    double dualBound, double relativeGap, double maxViolation, long wallMillis) {

  /** Rejects a null termination. */
  public SnapshotCertificate {
    Strict.nonNull(termination, "termination", String.class);
  }

  /** The summary of a solver certificate. */
  public static SnapshotCertificate of(Certificate certificate) {
    Certificate c = Strict.nonNull(certificate, "certificate", Certificate.class);
    return new SnapshotCertificate(c.termination().name(), c.passes(), c.primalObjective(),
        c.dualBound(), c.relativeGap(), c.maxViolation(), c.wallTime().toMillis());
  }

  /** Whether the solve met its tolerances. */
  public boolean converged() {
    return "CONVERGED".equals(termination);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "%s after %d passes in %d ms: primal %.9g, dual %.9g, gap %.3g, max violation %.3g",
        termination, passes, wallMillis, primalObjective, dualBound, relativeGap, maxViolation);
  }
}
