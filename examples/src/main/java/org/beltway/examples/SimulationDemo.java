package org.beltway.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.Priorities;
import org.beltway.allocation.UnmetPromise.Binding;
import org.beltway.examples.report.HtmlReport;
import org.beltway.examples.report.LineChart;
import org.beltway.sim.Attainment;
import org.beltway.sim.BeltwayStrategy;
import org.beltway.sim.Infeasibility;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.sim.ProgramCensus;
import org.beltway.sim.Simulation;
import org.beltway.sim.SimulationConfig;
import org.beltway.sim.SimulationResult;
import org.beltway.sim.StrategyResult;
import org.beltway.sim.TrafficStrategy;

/**
 * The 180-day simulation of docs/design.md §8: generates a marketplace, runs Beltway and the baselines
 * (merit-only ranking, merit-proportional exposure, HWM) on the same generated days, prints the
 * comparison table, and writes a self-contained HTML report (inline SVG, no script, no network) with
 * attainment over time per program and strategy, the quality share per day, and the Lorenz curve of
 * exposure. The results go to stdout, progress (day n of N, elapsed, ETA: see {@link DayProgress}) to
 * stderr; {@code --help} lists the options and their defaults.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=org.beltway.examples.SimulationDemo \
 *     -Dexec.args="--scale 0.03 --days 180 --seed 42 --strategies beltway,ranking,proportional,hwm --out beltway-report.html"
 * </pre>
 *
 * The default scale, 0.03 (32 100 suppliers, about 300 k edges), takes about 60 s on a 2-core
 * machine, most of it Beltway's solver. The national run is {@code --scale 1.0} (1.07 M suppliers, about
 * 10 M edges); give Maven's JVM the heap with {@code MAVEN_OPTS=-Xmx6g}.
 */
public final class SimulationDemo {
  private static final String[] PROGRAM_LABELS = {"TrustPass (30 buyers in 60 days)",
    "Power merchant (double in 180 days)", "Super factory (double in 180 days)"};

  static final Options OPTIONS = new Options("SimulationDemo", "Simulates Beltway and the baselines on the"
      + " same generated days, prints the comparison table and writes an HTML report.")
      .add("--scale", "0.03", "fraction of the national marketplace (1.0: 1.07 M suppliers, ~10 M edges)")
      .add("--days", "180", "days to simulate")
      .add("--seed", "42", "seed of the generated marketplace and days")
      .add("--strategies", String.join(",", TrafficStrategy.NAMES), "strategies to compare, comma-separated")
      .add("--out", "beltway-report.html", "where to write the HTML report")
      .add("--error", "0.2", "forecast error on traffic and conversion rates, in [0, 1)")
      .add("--participation", "1", "share of eligible suppliers taking up a promise on day 0, in [0, 1]")
      .add("--max-passes", "5000", "Beltway's solver: most dual-ascent passes a day")
      .add("--solver-seconds", "600", "Beltway's solver: most seconds a day")
      .add("--priorities", "guarantees", "what gives way first: guarantees (kept before the policy's"
          + " shares) or shares");

  private SimulationDemo() {}

  public static void main(String[] args) {
    if (Options.helpAsked(args)) {
      System.out.print(OPTIONS.help());
      return;
    }
    Arguments a = OPTIONS.parse(args);
    double scale = a.decimal("--scale");
    long seed = a.integer("--seed");
    SimulationConfig config = SimulationConfig.builder().days((int) a.integer("--days"))
        .forecastError(a.decimal("--error")).participation(a.decimal("--participation")).build();
    AllocationSolver solver = AllocationSolver.builder().maxPasses((int) a.integer("--max-passes"))
        .timeLimit(Duration.ofMillis(Math.round(1000 * a.decimal("--solver-seconds")))).build();
    Priorities priorities = switch (a.text("--priorities")) {
      case "guarantees" -> Priorities.GUARANTEES_FIRST;
      case "shares" -> Priorities.GROUPS_FIRST;
      default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
          "option --priorities (%s): expected guarantees or shares", a.text("--priorities")));
    };
    List<TrafficStrategy> strategies = new ArrayList<>();
    for (String name : a.text("--strategies").split(",")) {
      strategies.add(name.trim().equalsIgnoreCase("beltway") ? new BeltwayStrategy(solver, priorities)
          : TrafficStrategy.named(name));
    }

    long start = System.nanoTime();
    Marketplace marketplace = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(scale, seed));
    long generated = System.nanoTime();
    System.err.printf(Locale.ROOT, "generated %,d suppliers in %.1f s; preparing the simulation%n",
        marketplace.suppliers().size(), (generated - start) / 1e9);
    Simulation simulation = Simulation.of(marketplace, config);
    System.err.printf(Locale.ROOT, "prepared in %.1f s; simulating %d days of %d strategies (day 1 includes"
        + " Beltway's cold solve and takes longest)%n", simulation.setupNanos() / 1e9, config.days(),
        strategies.size());
    SimulationResult result = simulation.run(strategies, new DayProgress(System.err));
    long end = System.nanoTime();

    print(System.out, result, (end - start) / 1e9);
    System.out.printf(Locale.ROOT, "Peak heap (sum of pool peaks): %,d MB%n", peakHeapMegabytes());
    Path out = Path.of(a.text("--out"));
    try {
      report(result).write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + out, e);
    }
    System.out.printf(Locale.ROOT, "%nReport written to %s%n", out.toAbsolutePath());
  }

  private static long peakHeapMegabytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  /** The comparison table, one row per strategy. */
  static List<List<String>> comparison(SimulationResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (StrategyResult s : result.strategies()) {
      rows.add(List.of(s.name(), share(s.trustPass()), share(s.powerOrSuper()),
          percent(s.underDelivery()), percent(s.qualityShareMin()) + " / " + percent(s.qualityShareMean()),
          String.format(Locale.ROOT, "%.3f", s.exposureGini()), percent(s.headTierShare()),
          percent(s.priceOfGuarantees()), String.format(Locale.ROOT, "%,d", s.newBuyers()),
          String.format(Locale.ROOT, "%.1f", s.planNanos() / 1e9)));
    }
    return rows;
  }

  /** A column of the comparison table: its header and, in one line, what it measures. */
  record Column(String header, String meaning) {}

  static final List<Column> COMPARISON_COLUMNS = List.of(
      new Column("strategy", "how the day's traffic is shared among suppliers"),
      new Column("TrustPass ≥30 in 60 d", "feasible TrustPass promises with at least 30 new buyers by day 60"
          + " of their window (met/counted)"),
      new Column("Power/Super doubled", "feasible Power merchant and Super factory promises that doubled"
          + " their buyers within 180 days (met/counted)"),
      new Column("under-delivery", "guaranteed impressions not delivered / guaranteed impressions asked"),
      new Column("quality share min / mean", "the quality tier's share of a day's delivered impressions:"
          + " the lowest day / the mean over days (the policy asks at least 80%)"),
      new Column("exposure Gini", "inequality of the suppliers' delivered impressions over the run (0:"
          + " all equal, 1: all to one)"),
      new Column("head share", "the head tier's (largest suppliers by orders) share of all delivered"
          + " impressions"),
      new Column("price of guarantees", "merit-weighted exposure lost against the unconstrained plan x = θ"
          + " (negative when a strategy concentrates traffic on high merit)"),
      new Column("new buyers", "new unique buyers won by all suppliers over the run"),
      new Column("plan s", "wall-clock seconds the strategy spent planning, all days together"));

  static final List<String> COMPARISON_HEADER = COMPARISON_COLUMNS.stream().map(Column::header).toList();

  static void print(PrintStream out, SimulationResult r, double seconds) {
    out.printf(Locale.ROOT, "Simulated %d days of %,d suppliers, %,d segments, %,d edges; %,d buyers (%,d paid"
            + " members); forecast error ±%.0f%% traffic, ±%.0f%% conversion; %.1f s (%.0f ms a day).%n",
        r.config().days(), r.suppliers(), r.segments(), r.edges(), r.buyers(), r.paidMembers(),
        100 * r.config().trafficError(), 100 * r.config().conversionError(), seconds, r.millisPerDay());
    out.printf(Locale.ROOT, "Buyer model: %.1f new buyers per supplier per 90 days at merit-proportional exposure"
        + " (generated windows: %.1f).%n%n", r.buyersPer90DaysAtFairExposure(), r.windowBuyersPerSupplier());
    out.println("Promises (only feasible ones count in attainment):");
    for (ProgramCensus c : r.census()) {
      out.printf(Locale.ROOT, "  %-14s %,7d enrolled, %,7d feasible, infeasible: %s%n", c.program(),
          c.enrolled(), c.feasible(), reasons(c.infeasible()));
    }
    out.println();
    List<List<String>> rows = comparison(r);
    int[] width = new int[COMPARISON_HEADER.size()];
    for (int k = 0; k < width.length; k++) {
      width[k] = COMPARISON_HEADER.get(k).length();
      for (List<String> row : rows) {
        width[k] = Math.max(width[k], row.get(k).length());
      }
    }
    out.println(line(COMPARISON_HEADER, width));
    for (List<String> row : rows) {
      out.println(line(row, width));
    }
    out.println();
    for (Column c : COMPARISON_COLUMNS) {
      out.printf(Locale.ROOT, "  %s: %s%n", c.header(), c.meaning());
    }
    for (StrategyResult s : r.strategies()) {
      if (s.solverPasses() > 0) {
        out.printf(Locale.ROOT, "%n%s: %,d solver passes (%.1f a day), %d days stopped at a solver limit%n",
            s.name(), s.solverPasses(), (double) s.solverPasses() / r.config().days(), s.solverStops());
      }
      if (!s.unmetSuppliers().isEmpty() || !s.unmetShareDays().isEmpty()) {
        out.printf(Locale.ROOT, "%n%s reported unmet guarantees (distinct suppliers by what binds): %s;"
            + " shares unmet (days): %s%n", s.name(), s.unmetSuppliers(), s.unmetShareDays());
      }
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

  private static String reasons(Map<Infeasibility, Integer> reasons) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Infeasibility, Integer> e : reasons.entrySet()) {
      parts.add(String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey().description()));
    }
    return String.join("; ", parts);
  }

  private static String share(Attainment a) {
    return String.format(Locale.ROOT, "%s (%,d/%,d)", percent(a.share()), a.met(), a.counted());
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** The HTML report of a result. */
  static HtmlReport report(SimulationResult r) {
    HtmlReport html = new HtmlReport("Beltway: the 180-day simulation");
    html.paragraph(String.format(Locale.ROOT,
        "%d days of a generated marketplace at scale %s (seed %d): %,d suppliers, %,d segments, %,d eligible"
            + " edges, %,d buyers of whom %,d paid members. Forecast error: ±%.0f%% on traffic, ±%.0f%% on"
            + " conversion rates. Every strategy saw the same traffic shocks and the same conversion luck."
            + " Simulated in %.1f s (%.0f ms a day, all strategies).",
        r.config().days(), r.marketplace().scale(), r.marketplace().seed(), r.suppliers(), r.segments(),
        r.edges(), r.buyers(), r.paidMembers(), 100 * r.config().trafficError(),
        100 * r.config().conversionError(), r.runNanos() / 1e9, r.millisPerDay()));

    html.heading("Comparison");
    html.table(COMPARISON_HEADER, comparison(r));
    List<String> meanings = new ArrayList<>();
    for (Column c : COMPARISON_COLUMNS.subList(1, COMPARISON_COLUMNS.size())) {
      meanings.add(c.header() + ": " + c.meaning() + ".");
    }
    html.paragraph(String.join(" ", meanings));

    html.heading("Promises");
    List<List<String>> census = new ArrayList<>();
    for (ProgramCensus c : r.census()) {
      List<String> row = new ArrayList<>(List.of(c.program(), String.format(Locale.ROOT, "%,d", c.enrolled()),
          String.format(Locale.ROOT, "%,d", c.feasible())));
      for (Infeasibility reason : Infeasibility.values()) {
        row.add(String.format(Locale.ROOT, "%,d", c.infeasible().get(reason)));
      }
      census.add(row);
    }
    List<String> censusHeader = new ArrayList<>(List.of("program", "enrolled", "feasible"));
    for (Infeasibility reason : Infeasibility.values()) {
      censusHeader.add(reason.description());
    }
    html.table(censusHeader, census);
    html.paragraph("A promise is infeasible when, at enrolment, even the largest plan the segment cap allows"
        + " on every eligible segment and every day of the window would win fewer buyers than needed at the"
        + " supplier's true conversion rate, when its reachable buyer pool has too few buyers left, or when it"
        + " is eligible in no segment with traffic. Infeasible promises do not count in attainment.");
    List<List<String>> infeasibleMet = new ArrayList<>();
    for (StrategyResult s : r.strategies()) {
      List<String> row = new ArrayList<>(List.of(s.name()));
      for (int p = 0; p < Simulation.PROGRAMS.size(); p++) {
        Attainment x = s.infeasibleMet(p);
        row.add(String.format(Locale.ROOT, "%,d of %,d", x.met(), x.counted()));
      }
      infeasibleMet.add(row);
    }
    html.paragraph("Infeasible promises met anyway (HWM has no segment cap, so it may keep some):");
    html.table(List.of("strategy", "TrustPass", "PowerMerchant", "SuperFactory"), infeasibleMet);

    int days = r.config().days();
    double[] dayAxis = new double[days];
    for (int t = 0; t < days; t++) {
      dayAxis[t] = t + 1;
    }
    html.heading("Attainment over time");
    for (int p = 0; p < Simulation.PROGRAMS.size(); p++) {
      LineChart chart = new LineChart(PROGRAM_LABELS[p], "day",
          "share of started feasible promises met").yRange(0, 1);
      for (StrategyResult s : r.strategies()) {
        chart.add(s.name(), dayAxis, s.attainmentByDay(p));
      }
      html.chart(chart);
    }

    html.heading("Quality share per day");
    LineChart quality = new LineChart("Quality tier's share of delivered impressions", "day", "share")
        .yRange(0, 1);
    for (StrategyResult s : r.strategies()) {
      quality.add(s.name(), dayAxis, s.qualityShareByDay());
    }
    quality.addDashed("target 80%", new double[] {1, days}, new double[] {0.8, 0.8});
    html.chart(quality);

    html.heading("Exposure concentration");
    LineChart lorenz = new LineChart("Lorenz curve of exposure over the run", "share of suppliers (least exposed first)",
        "share of impressions").yRange(0, 1);
    double[] population = new double[StrategyResult.LORENZ_POINTS];
    for (int k = 0; k < population.length; k++) {
      population[k] = (double) k / (population.length - 1);
    }
    for (StrategyResult s : r.strategies()) {
      lorenz.add(String.format(Locale.ROOT, "%s (Gini %.2f)", s.name(), s.exposureGini()), population, s.lorenz());
    }
    lorenz.addDashed("equality", new double[] {0, 1}, new double[] {0, 1});
    html.chart(lorenz);

    for (StrategyResult s : r.strategies()) {
      if (s.unmetSuppliers().isEmpty() && s.unmetShareDays().isEmpty()) {
        continue;
      }
      html.heading("What " + s.name() + " reported it could not keep");
      if (s.solverPasses() > 0) {
        html.paragraph(String.format(Locale.ROOT,
            "Solver: %,d passes of dual coordinate ascent over %d days (%.1f a day); %d days stopped at a"
                + " solver limit before converging.", s.solverPasses(), days,
            (double) s.solverPasses() / days, s.solverStops()));
      }
      List<List<String>> rows = new ArrayList<>();
      for (Map.Entry<Binding, Integer> e : s.unmetSuppliers().entrySet()) {
        rows.add(List.of(e.getKey().name(), String.format(Locale.ROOT, "%,d", e.getValue()),
            String.format(Locale.ROOT, "%,d", s.unmetSupplierDays().get(e.getKey()))));
      }
      html.table(List.of("what binds", "suppliers", "supplier-days"), rows);
      for (Map.Entry<String, Integer> e : s.unmetShareDays().entrySet()) {
        html.paragraph(String.format(Locale.ROOT, "Group share \"%s\" unmet on %d of %d days.", e.getKey(),
            e.getValue(), days));
      }
      for (String example : s.unmetExamples()) {
        html.paragraph("Example: " + example);
      }
    }
    html.heading("Assumptions");
    html.paragraph("Every number of the marketplace, the buyers and the conversion model is documented in the"
        + " javadoc of MarketplaceGenerator, BuyerModel, SignalDrift and Simulation (org.beltway.sim); the"
        + " strategies in BeltwayStrategy, MeritRanking, MeritProportional and HighWaterMark.");
    return html;
  }
}
