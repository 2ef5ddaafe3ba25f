package org.beltway.fairness;

import java.util.List;

/**
 * A fairness rule over subjects of type {@code S} (an {@link Exposure}, an
 * {@link org.beltway.allocation.AllocationPlan}, a {@link RankedPage}). Checking never throws for a
 * breach: it returns the breaches, so a test may assert on them with any framework and an audit may
 * report them.
 *
 * @param <S> what the rule checks
 */
public interface Rule<S> {
  /** A short name, e.g. {@code quality share >= 80%}. */
  String name();

  /** The breaches in the subject, empty when the rule holds. */
  List<Violation> check(S subject);
}
