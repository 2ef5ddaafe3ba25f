package org.beltway.examples.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.beltway.examples.report.HtmlReport;
import org.beltway.examples.report.LineChart;
import org.beltway.policy.Policies;
import org.beltway.sim.BeltwayStrategy;
import org.beltway.sim.ExposureGroups;
import org.beltway.sim.ProgramCensus;
import org.beltway.sim.Simulation;
import org.beltway.sim.SimulationResult;
import org.beltway.sim.Starvation;
import org.beltway.sim.StrategyResult;

/**
 * The simulation demo's HTML report: the three comparison tables over every seed, then, for the first
 * seed, the applications and refusals, the policy's shares day by day, starvation, exposure by group,
 * attainment over time and the Lorenz curve.
 */
public final class SimulationReport {
  private static final String[] PROGRAM_LABELS = {"TrustPass (30 buyers in 60 days)",
    "Power merchant (double in 180 days)", "Super factory (double in 180 days)"};

  private SimulationReport() {}

  /** The report of the runs, one per seed. */
  public static HtmlReport of(List<SimulationResult> runs) {
    SimulationResult r = runs.get(0);
    HtmlReport html = new HtmlReport("Beltway: the 180-day simulation");
    html.paragraph(String.format(Locale.ROOT,
        "%d days of a generated marketplace at scale %s, seed %d%s: %,d suppliers, %,d segments, %,d eligible"
            + " edges. Forecast error ±%.0f%% on traffic and conversion rates; promises planned at %.0f%% risk"
            + " and front-loaded to %.0f%% of their window. Every strategy saw the same traffic shocks and the"
            + " same conversion luck. Tables give the mean ±sd over the seeds; charts and breakdowns are of the"
            + " first seed.", r.config().days(), r.marketplace().scale(), r.marketplace().seed(),
        runs.size() > 1 ? " and the next " + (runs.size() - 1) : "", r.suppliers(), r.segments(), r.edges(),
        100 * r.config().trafficError(), 100 * r.config().risk(), 100 * r.config().frontLoad()));
    for (ComparisonTables.Table table : ComparisonTables.ALL) {
      html.heading(table.title());
      html.table(table.header(), table.rows(runs));
      List<String> meanings = new ArrayList<>();
      table.metrics().stream().filter(m -> m.meaning() != null)
          .forEach(m -> meanings.add(m.header() + ": " + m.meaning() + "."));
      html.paragraph(String.join(" ", meanings));
    }
    applications(html, r);
    dailyShares(html, r);
    starvation(html, r);
    groups(html, r);
    attainment(html, r);
    lorenz(html, r);
    html.heading("Assumptions");
    html.paragraph("Every number of the marketplace, the buyers and the conversion model is documented in the"
        + " javadoc of MarketplaceGenerator, BuyerModel, SignalDrift and Simulation (org.beltway.sim); the"
        + " strategies in BeltwayStrategy, MeritRanking, MeritProportional and HighWaterMark; booking in"
        + " org.beltway.guarantee.Admission.");
    return html;
  }

  private static void applications(HtmlReport html, SimulationResult r) {
    html.heading("Applications and refusals");
    List<List<String>> census = new ArrayList<>();
    for (ProgramCensus c : r.census()) {
      census.add(List.of(c.program(), count(c.enrolled()), count(c.enrolled() - c.feasible()),
          SimulationText.reasons(c.infeasible())));
    }
    html.table(List.of("program", "applied", "no plan could keep", "why"), census);
    html.paragraph("A promise no plan could keep needs more buyers than even the largest plan the segment cap"
        + " allows on every eligible segment and day would win at the supplier's true conversion rate, or more"
        + " than its reachable buyer pool has left. The simulation knows this; the planner does not.");
    for (StrategyResult s : r.strategies()) {
      if (s.promises().refusals().isEmpty()) {
        continue;
      }
      List<List<String>> rows = new ArrayList<>();
      for (Map.Entry<String, int[]> e : s.promises().refusals().entrySet()) {
        int[] c = e.getValue();
        rows.add(List.of(e.getKey(), count(c[Simulation.TRUST_PASS]), count(c[Simulation.POWER_MERCHANT]),
            count(c[Simulation.SUPER_FACTORY])));
      }
      html.paragraph(s.name() + " refused, by what binds (a policy share, or the solver's physical bindings):");
      html.table(List.of("what binds", "TrustPass", "PowerMerchant", "SuperFactory"), rows);
    }
  }

  private static void dailyShares(HtmlReport html, SimulationResult r) {
    int days = r.config().days();
    double[] axis = new double[days];
    for (int t = 0; t < days; t++) {
      axis[t] = t + 1;
    }
    html.heading("The policy's shares per day");
    share(html, r, axis, "Quality tier's share of delivered impressions (dashed: Beltway's plan)",
        s -> s.daily().quality(), BeltwayStrategy.QUALITY_SHARE, true);
    share(html, r, axis, "Head tier's share of delivered impressions", s -> s.daily().head(),
        BeltwayStrategy.HEAD_CAP, false);
    share(html, r, axis, "Quality tier's share of TOP-buyer traffic", s -> s.daily().topBuyerQuality(),
        Policies.TOP_BUYER_QUALITY_SHARE, false);
  }

  private static void share(HtmlReport html, SimulationResult r, double[] axis, String title,
      Function<StrategyResult, double[]> series, double bound, boolean planned) {
    LineChart chart = new LineChart(title, "day", "share").yRange(0, 1);
    for (StrategyResult s : r.strategies()) {
      chart.add(s.name(), axis, series.apply(s));
    }
    for (StrategyResult s : r.strategies()) {
      if (planned && s.name().equals("beltway")) {
        chart.addDashed("beltway planned", axis, s.daily().qualityPlanned());
      }
    }
    chart.addDashed(String.format(Locale.ROOT, "bound %.0f%%", 100 * bound), new double[] {1, axis.length},
        new double[] {bound, bound});
    html.chart(chart);
  }

  private static void starvation(HtmlReport html, SimulationResult r) {
    html.heading("Starvation");
    List<List<String>> rows = new ArrayList<>();
    for (StrategyResult s : r.strategies()) {
      Starvation st = s.starvation();
      rows.add(List.of(ComparisonTables.label(s), cell(st, true, true), cell(st, true, false),
          cell(st, false, true), cell(st, false, false)));
    }
    html.table(List.of("strategy", "quality, promised", "quality, unpromised", "other, promised",
        "other, unpromised"), rows);
    html.paragraph(String.format(Locale.ROOT, "Share of suppliers whose delivered exposure over the run was"
        + " below %.0f%% of their merit-proportional exposure on the same days, by quality tier (day 0) and"
        + " booked promise; the number of suppliers in each cell in brackets.", 100 * Starvation.THRESHOLD));
  }

  private static String cell(Starvation st, boolean quality, boolean promised) {
    double v = st.share(quality, promised);
    return Double.isNaN(v) ? "n/a (0)" : String.format(Locale.ROOT, "%.1f%% (%,d)", 100 * v,
        st.suppliers(quality, promised));
  }

  private static void groups(HtmlReport html, SimulationResult r) {
    html.heading("Exposure and buyers by group");
    html.paragraph("Each group's share of delivered impressions, of merit-proportional exposure (fair) and of"
        + " new buyers. Tiers and priority classes in full (a supplier may be in several classes); belts and"
        + " cities by the spread of exposure / fair over their groups, and the group with the least.");
    for (ExposureGroups dimension : r.strategies().get(0).groups()) {
      boolean full = dimension.groups().size() <= 12;
      List<List<String>> rows = new ArrayList<>();
      List<String> header = new ArrayList<>(List.of("strategy"));
      if (full) {
        for (ExposureGroups.Group g : dimension.groups()) {
          header.add(g.name() + " (" + count(g.suppliers()) + ")");
        }
      } else {
        header.addAll(List.of("least exposure / fair", "median", "most", "least-served group"));
      }
      for (StrategyResult s : r.strategies()) {
        ExposureGroups mine = s.groups().stream().filter(x -> x.dimension().equals(dimension.dimension()))
            .findFirst().orElseThrow();
        List<String> row = new ArrayList<>(List.of(s.name()));
        if (full) {
          for (ExposureGroups.Group g : mine.groups()) {
            row.add(String.format(Locale.ROOT, "%.1f%% / %.1f%% / %.1f%%", 100 * g.exposureShare(),
                100 * g.fairShare(), 100 * g.buyersShare()));
          }
        } else {
          List<ExposureGroups.Group> sorted = new ArrayList<>(mine.groups().stream()
              .filter(g -> g.fairShare() > 0).toList());
          sorted.sort(Comparator.comparingDouble(g -> g.exposureShare() / g.fairShare()));
          ExposureGroups.Group least = sorted.get(0);
          row.addAll(List.of(ratio(least), ratio(sorted.get(sorted.size() / 2)),
              ratio(sorted.get(sorted.size() - 1)), least.name()));
        }
        rows.add(row);
      }
      html.paragraph("By " + dimension.dimension() + (full ? " (exposure / fair / buyers):" : ":"));
      html.table(header, rows);
    }
  }

  private static String ratio(ExposureGroups.Group g) {
    return String.format(Locale.ROOT, "%.2f", g.exposureShare() / g.fairShare());
  }

  private static void attainment(HtmlReport html, SimulationResult r) {
    int days = r.config().days();
    double[] axis = new double[days];
    for (int t = 0; t < days; t++) {
      axis[t] = t + 1;
    }
    html.heading("Attainment over time");
    for (int p = 0; p < Simulation.PROGRAMS.size(); p++) {
      LineChart chart = new LineChart(PROGRAM_LABELS[p], "day", "share of started booked promises met")
          .yRange(0, 1);
      for (StrategyResult s : r.strategies()) {
        chart.add(s.name(), axis, s.attainmentByDay(p));
      }
      html.chart(chart);
    }
  }

  private static void lorenz(HtmlReport html, SimulationResult r) {
    html.heading("Exposure concentration");
    LineChart lorenz = new LineChart("Lorenz curve of exposure over the run",
        "share of suppliers (least exposed first)", "share of impressions").yRange(0, 1);
    double[] population = new double[StrategyResult.LORENZ_POINTS];
    for (int k = 0; k < population.length; k++) {
      population[k] = (double) k / (population.length - 1);
    }
    for (StrategyResult s : r.strategies()) {
      lorenz.add(String.format(Locale.ROOT, "%s (Gini %.2f)", s.name(), s.exposureGini()), population,
          s.lorenz());
    }
    lorenz.addDashed("equality", new double[] {0, 1}, new double[] {0, 1});
    html.chart(lorenz);
  }

  private static String count(int v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}
