package org.beltway.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.Priorities;
import org.beltway.examples.sim.SimulationText;
import org.beltway.sim.BeltwayStrategy;
import org.beltway.sim.DailyShares;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.sim.PromiseOutcomes;
import org.beltway.sim.Simulation;
import org.beltway.sim.SimulationConfig;
import org.beltway.sim.SimulationResult;
import org.beltway.sim.StrategyResult;
import org.beltway.sim.TrafficStrategy;

/**
 * The trade-off a policy owner decides: for each quality-share target, Beltway with admission under
 * both priority orders, on the same generated days, with the promises it could book, the share of them
 * kept, the applications kept, the buyers won and how the quality share held.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=org.beltway.examples.TradeOffDemo \
 *     -Dexec.args="--scale 0.01 --targets 0.70,0.75,0.80,0.85"
 * </pre>
 */
public final class TradeOffDemo {
  static final Options OPTIONS = new Options("TradeOffDemo", "Quality-share target against promises booked"
      + " and kept and buyers won, under both priority orders, on the same generated days.")
      .add("--scale", "0.01", "fraction of the national marketplace")
      .add("--days", "180", "days to simulate")
      .add("--seed", "42", "seed of the marketplace and days")
      .add("--targets", "0.70,0.75,0.80,0.85", "quality-share targets, comma-separated, each in [0, 1]");

  private TradeOffDemo() {}

  public static void main(String[] args) {
    if (Options.helpAsked(args)) {
      System.out.print(OPTIONS.help());
      return;
    }
    Arguments a = OPTIONS.parse(args);
    List<Double> targets = new ArrayList<>();
    for (String t : a.text("--targets").split(",")) {
      try {
        targets.add(Double.parseDouble(t.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("option --targets (" + a.text("--targets") + "): expected"
            + " comma-separated shares in [0, 1]", e);
      }
    }
    AllocationSolver solver = AllocationSolver.defaults();
    List<TrafficStrategy> strategies = new ArrayList<>();
    for (double target : targets) {
      strategies.add(BeltwayStrategy.withQualityShare(name(target, "guarantees"), solver,
          Priorities.GUARANTEES_FIRST, target));
      strategies.add(BeltwayStrategy.withQualityShare(name(target, "shares"), solver, Priorities.GROUPS_FIRST,
          target));
    }
    SimulationConfig config = SimulationConfig.builder().days((int) a.integer("--days")).build();
    Simulation simulation = Simulation.of(MarketplaceGenerator.generate(
        MarketplaceConfig.ofScale(a.decimal("--scale"), a.integer("--seed"))), config);
    SimulationResult r = simulation.run(strategies, new DayProgress(System.err));
    System.out.printf(Locale.ROOT, "%,d suppliers, %d days, seed %d; every eligible supplier applies.%n%n",
        r.suppliers(), r.config().days(), r.marketplace().seed());
    List<List<String>> rows = new ArrayList<>();
    for (int k = 0; k < strategies.size(); k++) {
      StrategyResult s = r.strategies().get(k);
      double target = targets.get(k / 2);
      PromiseOutcomes p = s.promises();
      int applied = 0;
      int booked = 0;
      for (int program = 0; program < Simulation.PROGRAMS.size(); program++) {
        applied += p.applied(program);
        booked += p.admitted(program);
      }
      double[] quality = s.daily().quality();
      rows.add(List.of(String.format(Locale.ROOT, "%.0f%%", 100 * target), k % 2 == 0 ? "guarantees" : "shares",
          String.format(Locale.ROOT, "%,d / %,d", booked, applied),
          percent(p.keptOfAdmitted(Simulation.TRUST_PASS).share()),
          percent(p.keptOfAdmitted(Simulation.POWER_MERCHANT, Simulation.SUPER_FACTORY).share()),
          percent(p.keptOfApplicants(Simulation.TRUST_PASS).share()),
          percent(p.keptOfApplicants(Simulation.POWER_MERCHANT, Simulation.SUPER_FACTORY).share()),
          String.format(Locale.ROOT, "%,d", s.newBuyers()), percent(DailyShares.min(quality)),
          String.valueOf(DailyShares.daysBelow(quality, target))));
    }
    SimulationText.printTable(System.out, List.of("quality target", "first", "booked / applied",
        "TrustPass kept", "Power/Super kept", "TrustPass kept, all", "Power/Super kept, all", "new buyers",
        "quality min", "days below target"), rows);
  }

  private static String name(double target, String first) {
    return String.format(Locale.ROOT, "q%.0f-%s", 100 * target, first);
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
