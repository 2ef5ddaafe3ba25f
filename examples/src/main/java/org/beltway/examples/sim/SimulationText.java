package org.beltway.examples.sim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beltway.sim.BeltwayStrategy;
import org.beltway.sim.Infeasibility;
import org.beltway.sim.ProgramCensus;
import org.beltway.sim.Simulation;
import org.beltway.sim.SimulationResult;
import org.beltway.sim.StrategyResult;
import org.beltway.sim.TrafficStrategy;

/** The simulation demo's text output: what was simulated, the census, the three tables, the refusals. */
public final class SimulationText {
  private SimulationText() {}

  /** Prints the runs (one per seed; the first names the marketplace) to {@code out}. */
  public static void print(PrintStream out, List<SimulationResult> runs, double seconds) {
    SimulationResult r = runs.get(0);
    out.printf(Locale.ROOT, "Simulated %d days of %,d suppliers, %,d segments, %,d edges (seed %d%s); %,d"
            + " buyers (%,d paid members); forecast error ±%.0f%% traffic, ±%.0f%% conversion; promises"
            + " planned at %.0f%% risk, front-loaded to %.0f%% of their window; %.1f s.%n",
        r.config().days(), r.suppliers(), r.segments(), r.edges(), r.marketplace().seed(),
        runs.size() > 1 ? String.format(Locale.ROOT, ", and %d more seeds: tables give mean ±sd over the %d",
            runs.size() - 1, runs.size()) : "", r.buyers(), r.paidMembers(), 100 * r.config().trafficError(),
        100 * r.config().conversionError(), 100 * r.config().risk(), 100 * r.config().frontLoad(), seconds);
    out.println();
    out.println("Applications (every eligible supplier applies), first seed:");
    for (ProgramCensus c : r.census()) {
      out.printf(Locale.ROOT, "  %-14s %,7d applied; %,d cannot be kept by any plan: %s%n", c.program(),
          c.enrolled(), c.enrolled() - c.feasible(), reasons(c.infeasible()));
    }
    for (ComparisonTables.Table table : ComparisonTables.ALL) {
      out.println();
      out.println(table.title() + ":");
      printTable(out, table.header(), table.rows(runs));
      for (Metric m : table.metrics()) {
        if (m.meaning() != null) {
          out.printf(Locale.ROOT, "  %s: %s%n", m.header(), m.meaning());
        }
      }
    }
    for (StrategyResult s : r.strategies()) {
      if (!s.promises().refusals().isEmpty()) {
        out.printf(Locale.ROOT, "%n%s refused, first seed (TrustPass / Power merchant / Super factory), by"
            + " what binds:%n", s.name());
        for (Map.Entry<String, int[]> e : s.promises().refusals().entrySet()) {
          int[] c = e.getValue();
          out.printf(Locale.ROOT, "  %-40s %,6d / %,6d / %,6d%n", e.getKey(), c[Simulation.TRUST_PASS],
              c[Simulation.POWER_MERCHANT], c[Simulation.SUPER_FACTORY]);
        }
        out.printf(Locale.ROOT, "  admission: %,d solves in %.1f s; booked promises the forecast could not"
            + " keep when judging new ones: %,d supplier-days%n", s.promises().admissionRounds(),
            s.promises().admissionNanos() / 1e9, s.promises().bookedAtRisk());
      }
      if (s.solverPasses() > 0) {
        out.printf(Locale.ROOT, "%s: %,d solver passes in daily plans (%.1f a day), %d days stopped at a"
            + " solver limit%n", s.name(), s.solverPasses(), (double) s.solverPasses() / r.config().days(),
            s.solverStops());
      }
    }
  }

  /**
   * What each Beltway strategy planned its shares at on the last day, first seed: stated bound, delivery
   * margin, planned bound; and the days a margin could not be afforded.
   */
  public static List<String> shareMargins(List<TrafficStrategy> strategies) {
    List<String> lines = new ArrayList<>();
    for (TrafficStrategy t : strategies) {
      if (t instanceof BeltwayStrategy b && !b.describeShares().isEmpty()) {
        lines.add(String.format(Locale.ROOT, "%s's shares on the last day, first seed (stated + delivery"
            + " margin = planned); margin not affordable on %d days:", b.name(), b.daysMarginUnaffordable()));
        b.describeShares().lines().forEach(l -> lines.add("  " + l));
      }
    }
    return lines;
  }

  /** Prints a table with left-aligned first column and right-aligned others. */
  public static void printTable(PrintStream out, List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int k = 0; k < width.length; k++) {
      width[k] = header.get(k).length();
      for (List<String> row : rows) {
        width[k] = Math.max(width[k], row.get(k).length());
      }
    }
    out.println(line(header, width));
    for (List<String> row : rows) {
      out.println(line(row, width));
    }
  }

  private static String line(List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < cells.size(); k++) {
      String cell = cells.get(k);
      b.append(k == 0 ? String.format(Locale.ROOT, "%-" + width[k] + "s", cell)
          : String.format(Locale.ROOT, "  %" + width[k] + "s", cell));
    }
    return b.toString();
  }

  static String reasons(Map<Infeasibility, Integer> reasons) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Infeasibility, Integer> e : reasons.entrySet()) {
      if (e.getValue() > 0) {
        parts.add(String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey().description()));
      }
    }
    return parts.isEmpty() ? "none" : String.join("; ", parts);
  }
}
