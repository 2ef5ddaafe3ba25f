package org.beltway.fairness;

import java.util.ArrayList;
import java.util.List;
import org.beltway.internal.Strict;

/**
 * What an audit found: per rule, held or its violations, as text for logs and as an HTML fragment for
 * reports. Immutable.
 *
 * @param subject what was audited, e.g. {@code plan of 2026-12-03}
 * @param findings one per rule, in the audit's order
 */
public record AuditReport(String subject, List<Finding> findings) {
  /** Violations shown per rule in the text and HTML; the rest are counted. */
  public static final int SHOWN = 10;

  /** Copies the list. */
  public AuditReport {
    Strict.nonNull(subject, "subject", String.class);
    findings = List.copyOf(Strict.nonNull(findings, "findings", List.class));
  }

  /**
   * One rule's outcome.
   *
   * @param rule the rule's name
   * @param violations its breaches, empty when it holds
   */
  public record Finding(String rule, List<Violation> violations) {
    /** Copies the list. */
    public Finding {
      Strict.nonNull(rule, "rule", String.class);
      violations = List.copyOf(Strict.nonNull(violations, "violations", List.class));
    }

    public boolean held() {
      return violations.isEmpty();
    }
  }

  /** Whether every rule held. */
  public boolean passed() {
    return findings.stream().allMatch(Finding::held);
  }

  /** Every violation, rule by rule. */
  public List<Violation> violations() {
    List<Violation> all = new ArrayList<>();
    findings.forEach(f -> all.addAll(f.violations()));
    return all;
  }

  /** The report as text, one line per rule, then up to {@value #SHOWN} violations each. */
  public String text() {
    StringBuilder b = new StringBuilder();
    long broken = findings.stream().filter(f -> !f.held()).count();
    b.append("Audit of ").append(subject).append(": ")
        .append(broken == 0 ? "every rule holds" : broken + " of " + findings.size() + " rules broken")
        .append('\n');
    for (Finding f : findings) {
      b.append(f.held() ? "  holds   " : "  BROKEN  ").append(f.rule());
      if (!f.held()) {
        b.append(" (").append(f.violations().size()).append(f.violations().size() == 1 ? " violation)" : " violations)");
      }
      b.append('\n');
      for (int k = 0; k < Math.min(SHOWN, f.violations().size()); k++) {
        b.append("          ").append(f.violations().get(k).message()).append('\n');
      }
      if (f.violations().size() > SHOWN) {
        b.append("          … and ").append(f.violations().size() - SHOWN).append(" more\n");
      }
    }
    return b.toString();
  }

  /** The report as a self-contained HTML fragment (a heading and a table), text escaped. */
  public String html() {
    StringBuilder b = new StringBuilder();
    b.append("<h2>Audit of ").append(escape(subject)).append("</h2>\n<table>\n")
        .append("<tr><th>rule</th><th>outcome</th><th>facts</th></tr>\n");
    for (Finding f : findings) {
      b.append("<tr><td>").append(escape(f.rule())).append("</td><td>")
          .append(f.held() ? "holds" : "broken (" + f.violations().size() + ")").append("</td><td>");
      for (int k = 0; k < Math.min(SHOWN, f.violations().size()); k++) {
        b.append(k == 0 ? "" : "<br>").append(escape(f.violations().get(k).message()));
      }
      if (f.violations().size() > SHOWN) {
        b.append("<br>… and ").append(f.violations().size() - SHOWN).append(" more");
      }
      b.append("</td></tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
