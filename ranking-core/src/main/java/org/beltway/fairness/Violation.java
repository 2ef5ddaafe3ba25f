package org.beltway.fairness;

import org.beltway.internal.Strict;

/**
 * One breach of a rule, with the facts: who (a supplier, segment, group or page prefix), what was
 * expected and what was found.
 *
 * @param rule the rule's name
 * @param subject who breaches it, e.g. {@code supplier 17} or {@code group quality}
 * @param expected the bound, in the rule's unit
 * @param actual the value found, in the same unit
 * @param message one sentence with the facts
 */
public record Violation(String rule, String subject, double expected, double actual, String message) {
  /** Rejects a null text. */
  public Violation {
    Strict.nonNull(rule, "rule", String.class);
    Strict.nonNull(subject, "subject", String.class);
    Strict.nonNull(message, "message", String.class);
  }
}
