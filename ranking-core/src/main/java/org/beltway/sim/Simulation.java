package org.beltway.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.EvidenceMerit;
import org.beltway.guarantee.ConversionPrior;
import org.beltway.guarantee.DemandConversion;
import org.beltway.guarantee.GuaranteeProgram;
import org.beltway.internal.Strict;
import org.beltway.internal.Workers;
import org.beltway.score.Priors;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.SupplierTable;

/**
 * The day-by-day national simulation of docs/design.md §8: score, plan, deliver with noise, convert to
 * new buyers, update the ledger; over 180 days; for several {@link TrafficStrategy strategies} on the
 * same generated days. Built with {@link #of}, which does the work shared by every strategy; then
 * {@link #run} simulates the strategies side by side and returns a {@link SimulationResult}.
 *
 * <h2>The promises</h2>
 * Three programs ({@link GuaranteeProgram}): TrustPass (30 new buyers in 60 days), Power merchant and
 * Super factory (double the buyers in 180 days). Enrolments, the same for every strategy (on day 0 only a
 * seeded {@link SimulationConfig#participation()} share of the suppliers below take up the promise; all
 * by default):
 * <ul>
 *   <li>every Power merchant and Super factory on day 0, with its window's {@code product.buyers} as
 *       baseline, so its window is days [0, 180);
 *   <li>every TrustPass supplier that joined the marketplace less than 60 days before day 0, on the day
 *       it joined ({@code −daysOnPlatform}), so its window is already partly over on day 0. The buyers
 *       and impressions of its days before day 0 are drawn from the buyer model under merit-proportional
 *       exposure at the initial scores (the marketplace before the simulation), identically for every
 *       strategy. The ledger's calendar runs {@value #HISTORY_DAYS} days ahead of the simulation's, so
 *       that these enrolment days are not negative;
 *   <li>TrustPass sign-ups: {@link SimulationConfig#newTrustPassPerDay} a day on days 1 ..
 *       {@link SimulationConfig#lastEnrolmentDay()} (fractions accumulate), taken from the other TrustPass
 *       suppliers (on the platform for at least 60 days) in a seeded random order.
 * </ul>
 * Each promise is judged once, when it starts, on whether it could be kept at all ({@link Infeasibility});
 * only the feasible ones count in attainment rates.
 *
 * <h2>A day</h2>
 * For day {@code t}, for each strategy, in this order:
 * <ol>
 *   <li><b>re-score</b> on days that are multiples of {@link SimulationConfig#rescoreEveryDays()} (not day
 *       0, scored at setup): the signals drift with the strategy's own new buyers ({@link SignalDrift})
 *       and the suppliers are re-scored with the day-0 priors ({@link Scorer#score(SupplierTable, Priors)});
 *       merit and the quality tier follow the configured {@link MeritRule}, and fair exposure {@code θ} follows;
 *   <li><b>demand</b>: {@link DemandConversion#demand} of the strategy's ledger as at the start of the day,
 *       with a conversion prior the planner fitted on a pilot of {@link SimulationConfig#pilotDays()}
 *       days of merit-proportional traffic before day 0, each category's mean off by the conversion
 *       forecast error; each supplier's demand is clipped to what it can be planned at all, the segment
 *       cap share of its eligible segments' forecast (asking more only makes a plan worse for others);
 *   <li><b>plan</b> on the forecast traffic ({@link TrafficStrategy#plan}); the plan's conservation is
 *       checked (relative tolerance 1e-9) and a violating strategy fails the run;
 *   <li><b>deliver</b> the actual traffic, {@code forecast × (1 + e)} with {@code e} uniform in
 *       ±{@link SimulationConfig#trafficError()} per segment and day, in the proportions of the plan; a
 *       segment's unallocated share is served by plain relevance, i.e. merit-proportionally;
 *   <li><b>convert</b> each supplier's delivered impressions into new unique buyers with the
 *       {@link BuyerModel} (Poisson by inversion of one uniform, or the expected count);
 *   <li><b>record</b> the day's impressions and new buyers in the strategy's ledger.
 * </ol>
 *
 * <h2>Common random numbers</h2>
 * Every random number is a function of (seed, stream, day, segment or supplier row) ({@code Noise}), so
 * every strategy sees the same traffic shock in every segment on every day and the same conversion
 * uniform for every supplier on every day; differences between strategies come from their plans, not
 * from luck.
 *
 * <h2>Cost</h2>
 * Per strategy and day: a few passes over the edges and the suppliers in primitive arrays reused from
 * day to day, the ledger's passes over its enrolments, and the strategy's plan; re-scoring weekly. No
 * object is created per supplier per day. The strategies of a day run side by side on two threads.
 */
public final class Simulation {
  /** Index of the TrustPass program in per-program arrays. */
  public static final int TRUST_PASS = 0;
  /** Index of the Power-merchant program in per-program arrays. */
  public static final int POWER_MERCHANT = 1;
  /** Index of the Super-factory program in per-program arrays. */
  public static final int SUPER_FACTORY = 2;
  /** The programs, by index. */
  public static final List<GuaranteeProgram> PROGRAMS = List.of(GuaranteeProgram.trustPass(),
      GuaranteeProgram.powerMerchant(), GuaranteeProgram.superFactory());
  /** The ledger's day of simulation day 0: room for the windows of TrustPass suppliers enrolled before it. */
  public static final int HISTORY_DAYS = 60;
  /** The fewest suppliers with pilot impressions a category needs for a conversion prior of its own. */
  static final int PRIOR_MIN_SUPPLIERS = 30;
  /**
   * Strategies simulated at once, each day. A strategy's day reads only its own state and the shared
   * inputs, so the result is the one of simulating them in turn. Two threads suffice: one takes Beltway,
   * whose solver keeps both cores busy only part of the time, and the other takes the rest in turn, a
   * fraction of its cost, in that idle time.
   */
  static final int STRATEGY_THREADS = 2;

  final Marketplace marketplace;
  final SimulationConfig config;
  final SupplierTable table;
  final EligibilityGraph graph;
  final BuyerModel buyers;
  final Scorer scorer;
  final Priors priors;
  final SignalDrift drift;
  final double[] forecast;
  final double[] segmentFactor;
  /** Whether a segment's buyers are TOP buyers (the top-buyer share of the policy). */
  final boolean[] topBuyerSegment;
  final double[] composite0;
  final double[] merit0;
  /** The scale of {@link MeritRule#EVIDENCE} merit, calibrated on day 0; null for the composite. */
  final EvidenceMerit meritScale;
  final boolean[] quality0;
  final boolean[] head0;
  final double[] theta0;
  final double[] quality;
  final double[] capacity;
  final ConversionPrior prior;
  final DemandConversion conversion;
  final EnrolmentPlan enrolments;
  final long seed;
  private final double buyersPer90Days;
  private final double windowBuyersPerSupplier;
  private final long setupNanos;

  private Simulation(Marketplace marketplace, SimulationConfig config) {
    long start = System.nanoTime();
    this.marketplace = marketplace;
    this.config = config;
    this.seed = marketplace.config().seed();
    table = marketplace.suppliers();
    graph = EligibilityGraph.of(table, marketplace.segments());
    buyers = BuyerModel.of(marketplace);
    int n = table.size();
    int segments = graph.segmentCount();
    forecast = new double[segments];
    segmentFactor = new double[segments];
    topBuyerSegment = new boolean[segments];
    for (int j = 0; j < segments; j++) {
      topBuyerSegment[j] = graph.segments().buyerTier(j) == BuyerTier.TOP;
      forecast[j] = graph.segments().traffic(j);
      segmentFactor[j] = buyers.segmentFactor(j);
    }
    quality = new double[n];
    for (int r = 0; r < n; r++) {
      quality[r] = marketplace.quality(r);
    }
    scorer = Scorer.DEFAULT;
    priors = scorer.fitPriors(table);
    Scores scores = scorer.score(table, priors);
    composite0 = scores.composites();
    head0 = new boolean[n];
    for (int r = 0; r < n; r++) {
      head0[r] = scores.headTier(r);
    }
    meritScale = config.meritRule().calibrate(scores);
    MeritRule.Scored scored = config.meritRule().score(scores, meritScale);
    quality0 = scored.qualityTier();
    merit0 = scored.merit();
    theta0 = new double[graph.edgeCount()];
    TrafficDay.fairExposure(graph, forecast, merit0, theta0);
    drift = new SignalDrift(marketplace);
    capacity = new double[n];
    for (int e = 0, edges = graph.edgeCount(); e < edges; e++) {
      capacity[graph.supplierOf(e)] += config.segmentCapShare() * forecast[graph.segmentOf(e)];
    }

    // each supplier's daily merit-proportional impressions, plain and weighted by segment factor
    double[] fair = new double[n];
    double[] fairWeighted = new double[n];
    for (int e = 0, edges = graph.edgeCount(); e < edges; e++) {
      int row = graph.supplierOf(e);
      fair[row] += theta0[e];
      fairWeighted[row] += theta0[e] * segmentFactor[graph.segmentOf(e)];
    }
    double expected90 = 0;
    long windowBuyers = 0;
    for (int r = 0; r < n; r++) {
      expected90 += buyers.expected(r, 90 * fairWeighted[r], 0);
      windowBuyers += buyers.existingBuyers(r);
    }
    buyersPer90Days = expected90 / Math.max(1, n);
    windowBuyersPerSupplier = (double) windowBuyers / Math.max(1, n);
    prior = pilotPrior(fair, fairWeighted);
    DemandConversion.Builder demand = DemandConversion.builder(prior).frontLoad(config.frontLoad());
    conversion = (Double.isNaN(config.risk()) ? demand.safetyMargin(config.safetyMargin())
        : demand.risk(config.risk())).build();
    enrolments = new EnrolmentPlan(this, fair, fairWeighted);
    setupNanos = System.nanoTime() - start;
  }

  /**
   * Prepares a simulation of a marketplace: the eligibility graph, the buyer model, the initial scores,
   * the planner's conversion prior, and the enrolments with their feasibility. Takes a few seconds at
   * national scale.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Simulation of(Marketplace marketplace, SimulationConfig config) {
    Strict.nonNull(marketplace, "marketplace", Marketplace.class);
    Strict.nonNull(config, "config", SimulationConfig.class);
    return new Simulation(marketplace, config);
  }

  /** Reports the progress of {@link #run}, once per simulated day, on the calling thread. */
  @FunctionalInterface
  public interface Progress {
    /**
     * Called after every strategy has simulated a day.
     *
     * @param day the day just simulated, 0-based
     * @param days the days of the run
     * @param elapsedNanos wall-clock time since the run began
     */
    void dayDone(int day, int days, long elapsedNanos);
  }

  /** Runs the strategies with no progress report; see {@link #run(List, Progress)}. */
  public SimulationResult run(List<TrafficStrategy> strategies) {
    Strict.nonNull(strategies, "strategies", List.class);
    return run(strategies, (day, days, elapsed) -> { });
  }

  /**
   * Simulates every strategy over the configured days on the same generated days, strategy after
   * strategy within each day. Strategies must be fresh instances (they may keep state) with distinct
   * names. A simulation may be run several times; every run starts from the same day 0 and gives the
   * same results for the same strategies.
   *
   * @throws IllegalArgumentException if the list is empty or two strategies share a name
   * @throws IllegalStateException naming the strategy, day and segment if a plan does not conserve traffic
   */
  public SimulationResult run(List<TrafficStrategy> strategies, Progress progress) {
    Strict.nonNull(strategies, "strategies", List.class);
    Strict.nonNull(progress, "progress", Progress.class);
    if (strategies.isEmpty()) {
      throw new IllegalArgumentException("strategies must not be empty");
    }
    Set<String> names = new HashSet<>();
    for (TrafficStrategy s : strategies) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "strategy name \"%s\" given twice: expected distinct names", s.name()));
      }
    }
    long start = System.nanoTime();
    int days = config.days();
    List<StrategyRun> runs = new ArrayList<>();
    for (TrafficStrategy s : strategies) {
      runs.add(new StrategyRun(this, s));
    }
    double[] actual = new double[forecast.length];
    try (Workers side = new Workers(Math.min(runs.size(), STRATEGY_THREADS))) {
      for (int t = 0; t < days; t++) {
        double error = config.trafficError();
        for (int j = 0; j < actual.length; j++) {
          actual[j] = error == 0 ? forecast[j]
              : forecast[j] * (1 + error * Noise.symmetric(seed, Noise.TRAFFIC, t, j));
        }
        int day = t;
        side.forEach(runs.size(), (r, w) -> {
          StrategyRun run = runs.get(r);
          run.enrolDay(day);
          run.simulateDay(day, actual);
        });
        progress.dayDone(t, days, System.nanoTime() - start);
      }
    }
    List<StrategyResult> results = new ArrayList<>();
    for (StrategyRun run : runs) {
      results.add(run.result());
    }
    return new SimulationResult(marketplace.config(), config, table.size(), graph.segmentCount(),
        graph.edgeCount(), buyers.buyers(), buyers.paidMembers(), census(), buyersPer90Days,
        windowBuyersPerSupplier, results, setupNanos, System.nanoTime() - start);
  }

  /** The marketplace simulated. */
  public Marketplace marketplace() {
    return marketplace;
  }

  public SimulationConfig config() {
    return config;
  }

  /** The eligibility graph every strategy plans over. */
  public EligibilityGraph graph() {
    return graph;
  }

  public BuyerModel buyerModel() {
    return buyers;
  }

  /** The conversion prior the planner converts buyer targets into impressions with. */
  public ConversionPrior conversionPrior() {
    return prior;
  }

  /** The promises of each program and which can be kept at all. */
  public List<ProgramCensus> census() {
    List<ProgramCensus> list = new ArrayList<>();
    for (int p = 0; p < PROGRAMS.size(); p++) {
      Map<Infeasibility, Integer> reasons = new EnumMap<>(Infeasibility.class);
      int enrolled = 0;
      int feasible = 0;
      for (int e = 0; e < enrolments.size; e++) {
        if (enrolments.program[e] != p) {
          continue;
        }
        enrolled++;
        Infeasibility why = enrolments.infeasibility(e);
        if (why == null) {
          feasible++;
        } else {
          reasons.merge(why, 1, Integer::sum);
        }
      }
      list.add(new ProgramCensus(PROGRAMS.get(p).name(), enrolled, feasible, reasons));
    }
    return list;
  }

  /** The wall-clock time {@link #of} took, in nanoseconds. */
  public long setupNanos() {
    return setupNanos;
  }

  /** The program index of a membership tier. */
  static int programOf(MembershipTier tier) {
    return switch (tier) {
      case TRUSTPASS -> TRUST_PASS;
      case POWER_MERCHANT -> POWER_MERCHANT;
      case SUPER_FACTORY -> SUPER_FACTORY;
    };
  }

  /**
   * The planner's prior: fitted ({@link ConversionPrior#fit}) on a pilot of merit-proportional traffic
   * before day 0, then each category's mean multiplied by {@code 1 + e}, {@code e} uniform in
   * ±conversionError, keeping the prior's strength.
   */
  private ConversionPrior pilotPrior(double[] fair, double[] fairWeighted) {
    int n = table.size();
    int days = config.pilotDays();
    long[] impressions = new long[n];
    long[] won = new long[n];
    for (int r = 0; r < n; r++) {
      impressions[r] = Math.round(days * fair[r]);
      double mean = buyers.expected(r, days * fairWeighted[r], 0);
      long k = config.randomConversion()
          ? Noise.poisson(mean, Noise.uniform(seed, Noise.PILOT, 0, r))
          : (long) Math.floor(mean);
      won[r] = Math.min(k, impressions[r]);
    }
    ConversionPrior fitted = ConversionPrior.fit(table, won, impressions, PRIOR_MIN_SUPPLIERS);
    double error = config.conversionError();
    if (error == 0) {
      return fitted;
    }
    ConversionPrior biased = ConversionPrior.global(fitted.globalAlpha(), fitted.globalBeta());
    int categories = table.categoryLimit();
    for (int c = 0; c < categories; c++) {
      double a = fitted.alpha(c);
      double b = fitted.beta(c);
      double strength = a + b;
      double mean = Math.min(0.5, a / strength * (1 + error * Noise.symmetric(seed, Noise.CONVERSION_FORECAST, 0, c)));
      biased = biased.withCategory(c, mean * strength, (1 - mean) * strength);
    }
    return biased;
  }
}
