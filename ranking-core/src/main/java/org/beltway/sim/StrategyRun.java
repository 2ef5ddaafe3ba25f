package org.beltway.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.UnmetPromise;
import org.beltway.allocation.UnmetPromise.Binding;
import org.beltway.guarantee.Admission;
import org.beltway.guarantee.BuyerLedger;
import org.beltway.guarantee.Enrolment;
import org.beltway.guarantee.GuaranteeDemand;
import org.beltway.internal.Concentration;
import org.beltway.score.Scores;
import org.beltway.supplier.SupplierTable;

/**
 * One strategy's state through a simulation: its own ledger, scores, cumulative buyers and exposure, and
 * the metrics it accumulates. Every per-day array is allocated once and reused. Package-private; see
 * {@link Simulation} for the day's steps.
 */
final class StrategyRun {
  private static final int PROGRAMS = Simulation.PROGRAMS.size();
  private static final double CONSERVATION_TOLERANCE = 1e-9;

  private final Simulation sim;
  private final TrafficStrategy strategy;
  private final EligibilityGraph graph;
  /** Every applicant's promise and what it won: the outcomes. */
  private final BuyerLedger ledger;
  /** The promises the strategy booked and plans for: {@link #ledger} itself without admission. */
  private final BuyerLedger book;
  private final Admission admission;
  private final TrafficDay day;
  /** The strategy's own plan of the day, reused: strategies of a day run side by side. */
  private final DayPlan plan;
  private final EnrolmentPlan enrolments;
  private final int n;
  // per supplier row
  private final long[] wonSinceStart;
  private final double[] carry;
  private final double[] delivered;
  private final double[] weighted;
  private final double[] fairToday;
  private final double[] exposure;
  private final double[] fairTotal;
  private final long[] deliveredRounded;
  private final int[] newToday;
  // per enrolment
  private final int[] metDay;
  private final boolean[] admitted;
  private final Map<String, int[]> refusals = new TreeMap<>();
  private int admissionRounds;
  private long admissionNanos;
  private int bookedAtRisk;
  // metrics
  private final double[] qualityShareByDay;
  private final double[] qualityPlannedByDay;
  private final double[] headShareByDay;
  private final double[] topBuyerQualityByDay;
  private final int[][] metFeasibleByDay;
  private final int[][] startedFeasibleByDay;
  private double demanded;
  private double shortfall;
  private double served;
  private double headImpressions;
  private double meritWeighted;
  private double meritWeightedFair;
  private double qualityWeighted;
  private long newBuyers;
  private long planNanos;
  private final Map<Binding, Integer> unmetSupplierDays = new EnumMap<>(Binding.class);
  private final Map<Binding, BitSet> unmetSuppliers = new EnumMap<>(Binding.class);
  private final Map<Binding, String> unmetExamples = new EnumMap<>(Binding.class);
  private final Map<String, Integer> unmetShareDays = new TreeMap<>();

  StrategyRun(Simulation sim, TrafficStrategy strategy) {
    this.sim = sim;
    this.strategy = strategy;
    this.graph = sim.graph;
    this.enrolments = sim.enrolments;
    this.n = sim.table.size();
    this.ledger = BuyerLedger.over(sim.table);
    double risk = Double.isNaN(sim.config.risk()) ? SimulationConfig.DEFAULT_RISK : sim.config.risk();
    this.day = new TrafficDay(graph, sim.config.segmentCapShare(), sim.config.trafficError() / Math.sqrt(3),
        risk);
    this.admission = strategy.admission(day, sim.conversion);
    this.book = admission == null ? ledger : BuyerLedger.over(sim.table);
    this.plan = new DayPlan(graph);
    day.setScores(sim.composite0, sim.merit0, sim.quality0, sim.head0, sim.theta0.clone());
    wonSinceStart = new long[n];
    carry = new double[n];
    delivered = new double[n];
    weighted = new double[n];
    fairToday = new double[n];
    exposure = new double[n];
    fairTotal = new double[n];
    deliveredRounded = new long[n];
    newToday = new int[n];
    metDay = new int[enrolments.size];
    Arrays.fill(metDay, -1);
    admitted = new boolean[enrolments.size];
    int days = sim.config.days();
    qualityShareByDay = new double[days];
    qualityPlannedByDay = new double[days];
    headShareByDay = new double[days];
    topBuyerQualityByDay = new double[days];
    metFeasibleByDay = new int[PROGRAMS][days];
    startedFeasibleByDay = new int[PROGRAMS][days];
  }

  /**
   * Takes the applications of day t (day 0: all those made on or before it, with their history): every
   * one enters the outcome ledger; with admission, the strategy books those it can keep, and the rest
   * are counted by the reason of their refusal.
   */
  void enrolDay(int t) {
    int from = enrolments.from(t);
    int to = enrolments.to(t);
    List<Admission.Application> applications = new ArrayList<>();
    for (int e = from; e < to; e++) {
      int r = enrolments.row[e];
      long id = sim.table.id(r);
      int ledgerDay = Simulation.HISTORY_DAYS + enrolments.start[e];
      Enrolment enrolment = new Enrolment(id, Simulation.PROGRAMS.get(enrolments.program[e]), ledgerDay,
          enrolments.baseline[e]);
      int index = ledger.enrol(enrolment);
      if (index != e) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "supplier %d: enrolment index %d, expected %d", id, index, e));
      }
      if (enrolments.start[e] < 0) {
        ledger.recordImpressions(ledgerDay, id, enrolments.preImpressions[e]);
        ledger.recordNewBuyers(ledgerDay, id, enrolments.preBuyers[e]);
      }
      if (admission == null) {
        admitted[e] = true;
      } else {
        applications.add(new Admission.Application(enrolment, enrolments.preBuyers[e],
            enrolments.preImpressions[e]));
      }
    }
    if (admission == null || applications.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    Admission.Result result = admission.admit(book, sim.table, Simulation.HISTORY_DAYS + t, applications);
    long took = System.nanoTime() - start;
    planNanos += took;
    admissionNanos += took;
    admissionRounds += result.rounds();
    bookedAtRisk += result.bookedAtRisk();
    for (int k = 0; k < applications.size(); k++) {
      Admission.Decision d = result.decisions().get(k);
      admitted[from + k] = d.admitted();
      if (!d.admitted()) {
        refusals.computeIfAbsent(refusalKey(d), key -> new int[PROGRAMS])[enrolments.program[from + k]]++;
      }
    }
  }

  /** A refusal's reason for the report: the policy shares that bind, else what the solver says binds. */
  private static String refusalKey(Admission.Decision d) {
    if (!d.bindingShares().isEmpty()) {
      return "share " + String.join(", ", d.bindingShares());
    }
    List<String> names = d.binding().stream().sorted().map(Binding::name).toList();
    return names.isEmpty() ? "nothing reported" : String.join(", ", names);
  }

  /** Simulates day t: re-score, demand, plan, deliver, convert, record. */
  void simulateDay(int t, double[] actual) {
    if (t > 0 && t % sim.config.rescoreEveryDays() == 0) {
      rescore();
    }
    int ledgerDay = Simulation.HISTORY_DAYS + t;
    GuaranteeDemand demand = sim.conversion.demand(book, sim.table, ledgerDay);
    double[] guarantee = demand.impressionsByRow();
    double[] capacity = sim.capacity;
    for (int r = 0; r < n; r++) {
      guarantee[r] = Math.min(guarantee[r], capacity[r]);
    }
    day.startDay(t, guarantee);
    plan.clear();
    long start = System.nanoTime();
    strategy.plan(day, plan);
    planNanos += System.nanoTime() - start;
    day.planned();
    checkConservation(plan, t);
    tally(strategy.unmetPromises());
    deliver(plan, actual, t);
    convert(t);
    ledger.recordImpressions(ledgerDay, sim.table, deliveredRounded);
    ledger.recordNewBuyers(ledgerDay, sim.table, newToday);
    if (book != ledger) {
      book.recordImpressions(ledgerDay, sim.table, deliveredRounded);
      book.recordNewBuyers(ledgerDay, sim.table, newToday);
    }
    updateAttainment(t);
  }

  private void rescore() {
    SupplierTable drifted = sim.drift.after(wonSinceStart);
    Scores scores = sim.scorer.score(drifted, sim.priors);
    boolean[] head = new boolean[n];
    for (int r = 0; r < n; r++) {
      head[r] = scores.headTier(r);
    }
    MeritRule.Scored scored = sim.config.meritRule().score(scores, sim.meritScale);
    day.setScores(scores.composites(), scored.merit(), scored.qualityTier(), head,
        day.fairExposureByEdge());
  }

  private void checkConservation(DayPlan plan, int t) {
    for (int j = 0, segments = graph.segmentCount(); j < segments; j++) {
      int from = graph.segmentStart(j);
      int to = from + graph.segmentDegree(j);
      double sum = 0;
      for (int e = from; e < to; e++) {
        double x = plan.x[e];
        if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
          throw violation(t, j, String.format(Locale.ROOT, "edge %d has %s impressions", e, x));
        }
        sum += x;
      }
      double u = plan.unallocated[j];
      double s = sim.forecast[j];
      if (!(u >= 0) || Math.abs(sum + u - s) > CONSERVATION_TOLERANCE * Math.max(s, 1.0)) {
        throw violation(t, j, String.format(Locale.ROOT,
            "allocated %s + unallocated %s differs from the forecast %s", sum, u, s));
      }
    }
  }

  private IllegalStateException violation(int t, int segment, String what) {
    return new IllegalStateException(String.format(Locale.ROOT,
        "strategy %s, day %d, segment %d: %s: expected a conserving plan", strategy.name(), t,
        graph.segments().id(segment), what));
  }

  private void tally(List<UnmetPromise> unmet) {
    for (UnmetPromise promise : unmet) {
      if (promise.kind() != UnmetPromise.Kind.GUARANTEE) {
        unmetShareDays.merge(promise.group(), 1, Integer::sum);
        continue;
      }
      int row = sim.table.row(promise.supplierId());
      for (Binding b : promise.binding()) {
        unmetSupplierDays.merge(b, 1, Integer::sum);
        unmetSuppliers.computeIfAbsent(b, k -> new BitSet(n)).set(row);
        unmetExamples.putIfAbsent(b, promise.explanation());
      }
    }
  }

  /**
   * Serves the day's actual traffic in the plan's proportions; accumulates exposure and metrics. One pass
   * over the edges in segment order touches three per-row sums; the metrics then come from one pass over
   * the rows.
   */
  private void deliver(DayPlan plan, double[] actual, int t) {
    Arrays.fill(delivered, 0.0);
    Arrays.fill(weighted, 0.0);
    Arrays.fill(fairToday, 0.0);
    double[] theta = day.fairExposureByEdge();
    double[] x = plan.x;
    boolean[] quality = day.qualityTierByRow();
    double plannedAll = 0;
    double plannedQuality = 0;
    double topAll = 0;
    double topQuality = 0;
    for (int j = 0, segments = graph.segmentCount(); j < segments; j++) {
      int from = graph.segmentStart(j);
      int to = from + graph.segmentDegree(j);
      double s = sim.forecast[j];
      if (to == from || !(s > 0)) {
        continue;
      }
      double scale = actual[j] / s;
      double fallback = plan.unallocated[j] / s;
      double factor = sim.segmentFactor[j];
      boolean top = sim.topBuyerSegment[j];
      for (int e = from; e < to; e++) {
        double planned = x[e] + theta[e] * fallback;
        double d = planned * scale;
        int row = graph.supplierOf(e);
        delivered[row] += d;
        weighted[row] += d * factor;
        fairToday[row] += theta[e] * scale;
        plannedAll += planned;
        if (top) {
          topAll += d;
        }
        if (quality[row]) {
          plannedQuality += planned;
          if (top) {
            topQuality += d;
          }
        }
      }
    }
    qualityPlannedByDay[t] = plannedAll > 0 ? plannedQuality / plannedAll : 0.0;
    topBuyerQualityByDay[t] = topAll > 0 ? topQuality / topAll : 0.0;
    double[] merit = day.meritByRow();
    boolean[] head = day.headTierByRow();
    double[] trueQuality = sim.quality;
    double[] guarantee = day.guaranteeByRow();
    double servedToday = 0;
    double qualityToday = 0;
    double headToday = 0;
    for (int r = 0; r < n; r++) {
      double d = delivered[r];
      servedToday += d;
      if (quality[r]) {
        qualityToday += d;
      }
      if (head[r]) {
        headToday += d;
      }
      meritWeighted += merit[r] * d;
      meritWeightedFair += merit[r] * fairToday[r];
      qualityWeighted += trueQuality[r] * d;
      exposure[r] += d;
      fairTotal[r] += fairToday[r];
      deliveredRounded[r] = Math.round(d);
      double g = guarantee[r];
      if (g > 0) {
        demanded += g;
        shortfall += Math.max(0.0, g - d);
      }
    }
    served += servedToday;
    headImpressions += headToday;
    headShareByDay[t] = servedToday > 0 ? headToday / servedToday : 0.0;
    qualityShareByDay[t] = servedToday > 0 ? qualityToday / servedToday : 0.0;
  }

  /** Draws each supplier's new unique buyers of day t. */
  private void convert(int t) {
    boolean random = sim.config.randomConversion();
    BuyerModel buyers = sim.buyers;
    int[] preWon = enrolments.preWonByRow;
    for (int r = 0; r < n; r++) {
      double w = weighted[r];
      if (!(w > 0)) {
        newToday[r] = 0;
        continue;
      }
      long won = preWon[r] + wonSinceStart[r];
      double mean = buyers.expected(r, w, won);
      long k;
      if (random) {
        k = Noise.poisson(mean, Noise.uniform(sim.seed, Noise.CONVERSION, t, r));
      } else {
        double c = carry[r] + mean;
        k = (long) Math.floor(c);
        carry[r] = c - k;
      }
      k = Math.min(k, (long) Math.floor(buyers.headroom(r, won)));
      newToday[r] = (int) k;
      wonSinceStart[r] += k;
      newBuyers += k;
    }
  }

  private void updateAttainment(int t) {
    int[] met = new int[PROGRAMS];
    int[] started = new int[PROGRAMS];
    int upTo = enrolments.to(t);
    for (int e = 0; e < upTo; e++) {
      int p = enrolments.program[e];
      if (metDay[e] < 0 && t < enrolments.deadline[e] && ledger.won(e) >= enrolments.target[e]) {
        metDay[e] = t;
      }
      if (admitted[e]) {
        started[p]++;
        if (metDay[e] >= 0) {
          met[p]++;
        }
      }
    }
    for (int p = 0; p < PROGRAMS; p++) {
      metFeasibleByDay[p][t] = met[p];
      startedFeasibleByDay[p][t] = started[p];
    }
  }

  StrategyResult result() {
    int days = sim.config.days();
    Attainment[] attainment = new Attainment[PROGRAMS];
    Attainment[] infeasibleMet = new Attainment[PROGRAMS];
    int[] met = new int[PROGRAMS];
    int[] counted = new int[PROGRAMS];
    int[] metInfeasible = new int[PROGRAMS];
    int[] countedInfeasible = new int[PROGRAMS];
    int[] applied = new int[PROGRAMS];
    int[] booked = new int[PROGRAMS];
    int[] metApplicants = new int[PROGRAMS];
    int[] countedApplicants = new int[PROGRAMS];
    long[] buyersShort = new long[PROGRAMS];
    for (int e = 0; e < enrolments.size; e++) {
      int p = enrolments.program[e];
      applied[p]++;
      booked[p] += admitted[e] ? 1 : 0;
      boolean kept = metDay[e] >= 0;
      boolean known = kept || enrolments.deadline[e] <= days;
      if (!known) {
        continue;
      }
      countedApplicants[p]++;
      metApplicants[p] += kept ? 1 : 0;
      if (admitted[e]) {
        counted[p]++;
        met[p] += kept ? 1 : 0;
        if (!kept) {
          buyersShort[p] += enrolments.target[e] - ledger.won(e);
        }
      }
      if (!enrolments.feasible(e)) {
        countedInfeasible[p]++;
        metInfeasible[p] += kept ? 1 : 0;
      }
    }
    Attainment[] ofApplicants = new Attainment[PROGRAMS];
    for (int p = 0; p < PROGRAMS; p++) {
      ofApplicants[p] = new Attainment(metApplicants[p], countedApplicants[p]);
    }
    double[][] byDay = new double[PROGRAMS][days];
    for (int p = 0; p < PROGRAMS; p++) {
      attainment[p] = new Attainment(met[p], counted[p]);
      infeasibleMet[p] = new Attainment(metInfeasible[p], countedInfeasible[p]);
      for (int t = 0; t < days; t++) {
        int s = startedFeasibleByDay[p][t];
        byDay[p][t] = s == 0 ? Double.NaN : (double) metFeasibleByDay[p][t] / s;
      }
    }
    double[] sorted = exposure.clone();
    Arrays.sort(sorted);
    Map<Binding, Integer> distinct = new EnumMap<>(Binding.class);
    for (Map.Entry<Binding, BitSet> entry : unmetSuppliers.entrySet()) {
      distinct.put(entry.getKey(), entry.getValue().cardinality());
    }
    boolean[] promised = new boolean[n];
    for (int e = 0; e < enrolments.size; e++) {
      promised[enrolments.row[e]] |= admitted[e];
    }
    Starvation starvation = Starvation.of(exposure, fairTotal, sim.quality0, promised);
    List<ExposureGroups> groups = ExposureGroups.of(sim.table, exposure, fairTotal, wonSinceStart);
    DailyShares daily = new DailyShares(qualityShareByDay, qualityPlannedByDay, headShareByDay,
        topBuyerQualityByDay);
    SolverStatistics solver = strategy.solverStatistics();
    PromiseOutcomes promises = new PromiseOutcomes(applied, booked, attainment, ofApplicants, buyersShort,
        refusals, admissionRounds, admissionNanos, bookedAtRisk);
    return new StrategyResult(strategy.name(), promises, infeasibleMet, byDay, demanded, shortfall,
        daily, starvation, groups, strategy.ignores(), served > 0 ? headImpressions / served : 0.0, Concentration.gini(sorted),
        Concentration.lorenz(sorted, StrategyResult.LORENZ_POINTS), meritWeighted, meritWeightedFair,
        newBuyers, served > 0 ? qualityWeighted / served : 0.0, unmetSupplierDays, distinct,
        unmetShareDays, new ArrayList<>(unmetExamples.values()), planNanos, solver.passes(),
        solver.unconverged());
  }
}
