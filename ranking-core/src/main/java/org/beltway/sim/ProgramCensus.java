package org.beltway.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.beltway.internal.Strict;

/**
 * The promises of one guarantee program in a simulation: how many suppliers enrolled, how many of the
 * promises could be kept at all, and why the others could not.
 *
 * @param program the program's name, e.g. {@code TrustPass}
 * @param enrolled enrolments over the whole run
 * @param feasible enrolments whose promise could be kept, {@code enrolled} minus the infeasible ones
 * @param infeasible the infeasible enrolments by reason (read-only; every reason present, possibly 0)
 */
public record ProgramCensus(String program, int enrolled, int feasible, Map<Infeasibility, Integer> infeasible) {

  /** Copies the reasons. */
  public ProgramCensus {
    Strict.nonNull(program, "program", String.class);
    Strict.nonNull(infeasible, "infeasible", Map.class);
    EnumMap<Infeasibility, Integer> copy = new EnumMap<>(Infeasibility.class);
    for (Infeasibility reason : Infeasibility.values()) {
      copy.put(reason, infeasible.getOrDefault(reason, 0));
    }
    infeasible = Collections.unmodifiableMap(copy);
  }

  /** Enrolments whose promise could not be kept. */
  public int infeasibleCount() {
    return enrolled - feasible;
  }
}
