package org.beltway.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.Priorities;
import org.beltway.examples.sim.SimulationReport;
import org.beltway.examples.sim.SimulationText;
import org.beltway.sim.BeltwayStrategy;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.sim.MeritRule;
import org.beltway.sim.Simulation;
import org.beltway.sim.SimulationConfig;
import org.beltway.sim.SimulationResult;
import org.beltway.sim.TrafficStrategy;

/**
 * The 180-day simulation of docs/design.md §8: generates a marketplace, runs Beltway, the same policy
 * without guarantees (policy-only, the reference for the price of the guarantees) and the baselines
 * (merit-only ranking, merit-proportional exposure, HWM) on the same generated days, for several seeds,
 * prints four comparison tables (promises, the policy day by day, who pays, exposure by size) with
 * the mean and spread over the seeds, and writes a self-contained HTML report (inline SVG, no script,
 * no network). The results go to stdout, progress (day n of N, elapsed, ETA: see
 * {@link DayProgress}) to stderr; {@code --help} lists the options and their defaults.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=org.beltway.examples.SimulationDemo \
 *     -Dexec.args="--scale 0.01 --seeds 3 --seed 42 --out beltway-report.html"
 * </pre>
 *
 * The national run is {@code --scale 1.0 --seeds 1}; give Maven's JVM the heap with
 * {@code MAVEN_OPTS=-Xmx6g}.
 */
public final class SimulationDemo {
  static final Options OPTIONS = new Options("SimulationDemo", "Simulates Beltway and the baselines on the"
      + " same generated days, prints the comparison tables and writes an HTML report.")
      .add("--scale", "0.01", "fraction of the national marketplace (1.0: 1.07 M suppliers, ~10 M edges)")
      .add("--days", "180", "days to simulate")
      .add("--seed", "42", "seed of the first marketplace; further seeds follow it")
      .add("--seeds", "3", "marketplaces simulated (seed, seed + 1, ...); tables give mean ±sd")
      .add("--strategies", String.join(",", TrafficStrategy.NAMES), "strategies to compare, comma-separated"
          + " (with beltway, policy-only is added as the reference)")
      .add("--out", "beltway-report.html", "where to write the HTML report")
      .add("--error", "0.2", "forecast error on traffic and conversion rates, in [0, 1)")
      .add("--risk", "0.01", "accepted probability of missing a promise, in (0, 0.5)")
      .add("--participation", "1", "share of eligible suppliers taking up a promise on day 0, in [0, 1]")
      .add("--max-passes", "5000", "Beltway's solver: most dual-ascent passes a day")
      .add("--solver-seconds", "600", "Beltway's solver: most seconds a day")
      .add("--merit", "composite", "how scores become merit and the quality tier: composite (by the"
          + " composite score) or evidence (volume times absolute quality: splitting into unlinked shops"
          + " does not pay)")
      .add("--priorities", "guarantees", "what gives way first in the daily plan: guarantees (booked"
          + " promises kept before the policy's shares) or shares");

  private SimulationDemo() {}

  private static MeritRule meritRule(String name) {
    return switch (name) {
      case "composite" -> MeritRule.COMPOSITE;
      case "evidence" -> MeritRule.EVIDENCE;
      default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
          "option --merit (%s): expected composite or evidence", name));
    };
  }

  public static void main(String[] args) {
    if (Options.helpAsked(args)) {
      System.out.print(OPTIONS.help());
      return;
    }
    Arguments a = OPTIONS.parse(args);
    double scale = a.decimal("--scale");
    long seed = a.integer("--seed");
    int seeds = (int) a.integer("--seeds");
    if (seeds < 1) {
      throw new IllegalArgumentException("option --seeds (" + seeds + "): expected at least 1");
    }
    SimulationConfig config = SimulationConfig.builder().days((int) a.integer("--days"))
        .forecastError(a.decimal("--error")).risk(a.decimal("--risk"))
        .participation(a.decimal("--participation")).meritRule(meritRule(a.text("--merit"))).build();
    AllocationSolver solver = AllocationSolver.builder().maxPasses((int) a.integer("--max-passes"))
        .timeLimit(Duration.ofMillis(Math.round(1000 * a.decimal("--solver-seconds")))).build();
    Priorities priorities = switch (a.text("--priorities")) {
      case "guarantees" -> Priorities.GUARANTEES_FIRST;
      case "shares" -> Priorities.GROUPS_FIRST;
      default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
          "option --priorities (%s): expected guarantees or shares", a.text("--priorities")));
    };
    List<String> names = new ArrayList<>();
    for (String name : a.text("--strategies").split(",")) {
      String key = name.trim().toLowerCase(Locale.ROOT);
      if (!key.equals(BeltwayStrategy.STATED_SHARES)) {
        TrafficStrategy.named(name);
      }
      names.add(key);
    }
    List<String> shareLines = new ArrayList<>();

    long start = System.nanoTime();
    List<SimulationResult> runs = new ArrayList<>();
    for (int k = 0; k < seeds; k++) {
      Marketplace marketplace = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(scale, seed + k));
      System.err.printf(Locale.ROOT, "seed %d (%d of %d): %,d suppliers; preparing the simulation%n",
          seed + k, k + 1, seeds, marketplace.suppliers().size());
      Simulation simulation = Simulation.of(marketplace, config);
      List<TrafficStrategy> strategies = new ArrayList<>();
      for (String name : names) {
        if (name.equals("beltway")) {
          strategies.add(new BeltwayStrategy("beltway", solver, priorities, true));
          strategies.add(BeltwayStrategy.policyOnly(solver));
        } else if (name.equals(BeltwayStrategy.STATED_SHARES)) {
          strategies.add(BeltwayStrategy.statedShares(name, solver, priorities));
        } else {
          strategies.add(TrafficStrategy.named(name));
        }
      }
      runs.add(simulation.run(strategies, new DayProgress(System.err)));
      if (k == 0) {
        shareLines = SimulationText.shareMargins(strategies);
      }
    }
    long end = System.nanoTime();

    SimulationText.print(System.out, runs, (end - start) / 1e9);
    shareLines.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "Peak heap (sum of pool peaks): %,d MB%n", peakHeapMegabytes());
    Path out = Path.of(a.text("--out"));
    try {
      SimulationReport.of(runs).write(out);
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
}
