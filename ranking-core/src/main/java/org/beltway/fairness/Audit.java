package org.beltway.fairness;

import java.util.ArrayList;
import java.util.List;
import org.beltway.internal.Strict;

/**
 * Several rules over one kind of subject, run together into a readable {@link AuditReport}. Immutable;
 * an audit may be run on any number of subjects.
 *
 * @param <S> what the rules check
 */
public final class Audit<S> {
  private final List<Rule<? super S>> rules;

  private Audit(List<Rule<? super S>> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * An audit of these rules, reported in this order.
   *
   * @throws NullPointerException if a rule is null
   * @throws IllegalArgumentException if there is no rule
   */
  @SafeVarargs
  public static <S> Audit<S> of(Rule<? super S>... rules) {
    Strict.nonNull(rules, "rules", Rule[].class);
    List<Rule<? super S>> list = new ArrayList<>();
    for (Rule<? super S> r : rules) {
      if (r == null) {
        throw Strict.nullArgument("rules[" + list.size() + "]", Rule.class);
      }
      list.add(r);
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("an audit needs at least one rule");
    }
    return new Audit<>(list);
  }

  /** Checks every rule on the subject. */
  public AuditReport run(String subjectName, S subject) {
    Strict.nonNull(subjectName, "subjectName", String.class);
    Strict.nonNull(subject, "subject", Object.class);
    List<AuditReport.Finding> findings = new ArrayList<>();
    for (Rule<? super S> r : rules) {
      findings.add(new AuditReport.Finding(r.name(), r.check(subject)));
    }
    return new AuditReport(subjectName, findings);
  }
}
