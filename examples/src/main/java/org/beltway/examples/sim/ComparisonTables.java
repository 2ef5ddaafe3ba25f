package org.beltway.examples.sim;

import static org.beltway.examples.sim.Metric.Format.COUNT;
import static org.beltway.examples.sim.Metric.Format.DECIMAL;
import static org.beltway.examples.sim.Metric.Format.PERCENT;
import static org.beltway.examples.sim.Metric.Format.PERCENT2;
import static org.beltway.examples.sim.Metric.Format.SECONDS;

import java.util.ArrayList;
import java.util.List;
import org.beltway.policy.Policies;
import org.beltway.sim.BeltwayStrategy;
import org.beltway.sim.DailyShares;
import org.beltway.sim.ExposureGroups;
import org.beltway.sim.PromiseOutcomes;
import org.beltway.sim.Simulation;
import org.beltway.sim.SimulationResult;
import org.beltway.sim.StrategyResult;

/**
 * The simulation demo's four comparison tables, one row per strategy: what became of the promises,
 * whether the policy's shares held day by day, and who paid (starvation, buyers, the price of the
 * guarantees against the same policy without them), and who gets the traffic by supplier size.
 */
public final class ComparisonTables {
  private ComparisonTables() {}

  /** A titled table of metrics. */
  public record Table(String title, List<Metric> metrics) {
    /** The header: {@code strategy}, then each metric's. */
    public List<String> header() {
      List<String> h = new ArrayList<>(List.of("strategy"));
      metrics.forEach(m -> h.add(m.header()));
      return h;
    }

    /** One row per strategy of the first run, each cell over every run. */
    public List<List<String>> rows(List<SimulationResult> runs) {
      List<List<String>> rows = new ArrayList<>();
      for (StrategyResult s : runs.get(0).strategies()) {
        List<String> row = new ArrayList<>(List.of(label(s)));
        for (Metric m : metrics) {
          row.add(m.cell(runs, s.name()));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** A strategy's name with the parts of the policy it ignores, e.g. {@code hwm (ignores shares, caps)}. */
  public static String label(StrategyResult s) {
    return s.ignores().isEmpty() ? s.name() : s.name() + " (ignores " + s.ignores() + ")";
  }

  private static final int TP = Simulation.TRUST_PASS;
  private static final int PM = Simulation.POWER_MERCHANT;
  private static final int SF = Simulation.SUPER_FACTORY;

  /** What became of the promises. */
  public static final Table PROMISES = new Table("Promises", List.of(
      new Metric("booked", "promises the strategy booked, of all applications (every eligible supplier"
          + " applies; strategies without admission book all)", (r, s) -> booked(s.promises()), PERCENT),
      new Metric("TrustPass kept", "booked TrustPass promises with 30 new buyers within 60 days, of those"
          + " whose outcome is known", (r, s) -> s.promises().keptOfAdmitted(TP).share(), PERCENT),
      new Metric("TrustPass kept, all", "TrustPass applications whose supplier had 30 new buyers within 60"
          + " days, booked or not", (r, s) -> s.promises().keptOfApplicants(TP).share(), PERCENT),
      new Metric("Power/Super kept", "booked Power merchant and Super factory promises that doubled their"
          + " buyers within 180 days", (r, s) -> s.promises().keptOfAdmitted(PM, SF).share(), PERCENT),
      new Metric("Power/Super kept, all", "Power merchant and Super factory applications that doubled their"
          + " buyers, booked or not", (r, s) -> s.promises().keptOfApplicants(PM, SF).share(), PERCENT),
      new Metric("broken", "booked promises broken (all programs)", (r, s) -> (double) broken(s.promises()),
          COUNT),
      new Metric("buyers short", "new buyers the broken booked promises lacked at their deadlines",
          (r, s) -> (double) (s.promises().buyersShort(TP) + s.promises().buyersShort(PM)
              + s.promises().buyersShort(SF)), COUNT),
      new Metric("under-delivery", "guaranteed impressions not delivered / guaranteed impressions asked"
          + " (impressions only: a promise can get its impressions and miss its buyers)",
          (r, s) -> s.underDelivery(), PERCENT)));

  /** Whether the policy's shares held, day by day. */
  public static final Table POLICY = new Table("The policy day by day", List.of(
      new Metric("quality min", "the quality tier's lowest daily share of delivered impressions (policy:"
          + " at least 80%)", (r, s) -> DailyShares.min(s.daily().quality()), PERCENT2),
      new Metric("quality mean", "its mean daily share", (r, s) -> DailyShares.mean(s.daily().quality()),
          PERCENT),
      new Metric("days < 80%", "days the delivered quality share was below 80%",
          (r, s) -> (double) DailyShares.daysBelow(s.daily().quality(), BeltwayStrategy.QUALITY_SHARE), COUNT),
      new Metric("planned < 80%", "days the plan itself, on the forecast, gave the quality tier less than 80%",
          (r, s) -> (double) DailyShares.daysBelow(s.daily().qualityPlanned(), BeltwayStrategy.QUALITY_SHARE),
          COUNT),
      new Metric("head max", "the head tier's largest daily share of delivered impressions (cap 15%)",
          (r, s) -> DailyShares.max(s.daily().head()), PERCENT2),
      new Metric("days head > 15%", "days the head tier's share exceeded its 15% cap",
          (r, s) -> (double) DailyShares.daysAbove(s.daily().head(), BeltwayStrategy.HEAD_CAP), COUNT),
      new Metric("top buyers min", "the quality tier's lowest daily share of TOP-buyer traffic (top suppliers"
          + " to top buyers: at least 60%)", (r, s) -> DailyShares.min(s.daily().topBuyerQuality()), PERCENT),
      new Metric("days top < 60%", "days the TOP-buyer share to the quality tier was below 60%",
          (r, s) -> (double) DailyShares.daysBelow(s.daily().topBuyerQuality(),
              Policies.TOP_BUYER_QUALITY_SHARE), COUNT)));

  /** Who paid, and what the promises cost. */
  public static final Table COST = new Table("Who pays", List.of(
      new Metric("starved, other unpromised", "suppliers outside the quality tier without a booked promise"
          + " that got under 10% of their merit-proportional exposure over the run",
          (r, s) -> s.starvation().share(false, false), PERCENT),
      new Metric("starved, all", "all suppliers under 10% of their merit-proportional exposure",
          (r, s) -> s.starvation().overall(), PERCENT),
      new Metric("Gini", "inequality of the suppliers' delivered impressions over the run (0: all equal)",
          (r, s) -> s.exposureGini(), DECIMAL),
      new Metric("new buyers", "new unique buyers won by all suppliers over the run",
          (r, s) -> (double) s.newBuyers(), COUNT),
      new Metric("price: buyers", "new buyers lost against the same policy without guarantees"
          + " (policy-only), as a share of its buyers", (r, s) -> price(r, s).newBuyers(), PERCENT),
      new Metric("price of margins", "new buyers lost against the same strategy planning its shares as stated,"
          + " without delivery margins (" + BeltwayStrategy.STATED_SHARES + "), as a share of its buyers",
          (r, s) -> marginPrice(r, s), PERCENT),
      new Metric("price: quality", "true-quality-weighted exposure lost against policy-only (the simulation"
          + " knows each supplier's latent quality)", (r, s) -> price(r, s).qualityWeightedExposure(), PERCENT),
      new Metric("plan s", "seconds the strategy spent planning and booking, all days together",
          (r, s) -> s.planNanos() / 1e9, SECONDS)));

  /** Who gets the traffic, by size: the share of delivered impressions of each tenth of suppliers. */
  public static final Table SIZE = new Table("Exposure by supplier size", sizeDeciles());

  /** The four tables, in the order printed. */
  public static final List<Table> ALL = List.of(PROMISES, POLICY, COST, SIZE);

  private static List<Metric> sizeDeciles() {
    List<Metric> out = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      int which = d;
      out.add(new Metric("d" + (d + 1), d == 0 ? "share of the run's delivered impressions of each tenth of"
          + " suppliers by orders on day 0, d1 the smallest; d2 to d10 likewise"
          : null, (r, s) -> sizeShare(s, which), PERCENT));
    }
    return out;
  }

  private static double sizeShare(StrategyResult s, int decile) {
    for (ExposureGroups g : s.groups()) {
      if (g.dimension().equals(ExposureGroups.SIZE_DECILE)) {
        return g.groups().get(decile).exposureShare();
      }
    }
    return Double.NaN;
  }

  private static SimulationResult.Price price(SimulationResult r, StrategyResult s) {
    boolean present = r.strategies().stream().anyMatch(x -> x.name().equals(BeltwayStrategy.POLICY_ONLY));
    return present ? r.priceOfGuarantees(s.name(), BeltwayStrategy.POLICY_ONLY)
        : new SimulationResult.Price(Double.NaN, Double.NaN);
  }

  private static double marginPrice(SimulationResult r, StrategyResult s) {
    boolean present = r.strategies().stream().anyMatch(x -> x.name().equals(BeltwayStrategy.STATED_SHARES));
    return present && s.name().equals("beltway")
        ? r.priceOfGuarantees(s.name(), BeltwayStrategy.STATED_SHARES).newBuyers() : Double.NaN;
  }

  private static double booked(PromiseOutcomes p) {
    int applied = 0;
    int admitted = 0;
    for (int k = 0; k < Simulation.PROGRAMS.size(); k++) {
      applied += p.applied(k);
      admitted += p.admitted(k);
    }
    return applied == 0 ? Double.NaN : (double) admitted / applied;
  }

  private static int broken(PromiseOutcomes p) {
    int k = 0;
    for (int program = 0; program < Simulation.PROGRAMS.size(); program++) {
      k += p.keptOfAdmitted(program).broken();
    }
    return k;
  }
}
