package org.beltway.sim;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.beltway.allocation.UnmetPromise.Binding;

/**
 * What one strategy achieved over a simulation (docs/design.md §8): guarantee attainment per program
 * over the feasible promises, under-delivery of guaranteed impressions, the quality tier's share of
 * traffic per day, exposure concentration (Gini, the head tier's share, the Lorenz curve), the price of
 * the guarantees, and what the strategy itself reported about the promises it could not keep.
 *
 * <p>All impressions are <em>delivered</em> impressions: the actual traffic of each day (forecast ×
 * (1 + error)) served in the proportions of the strategy's plan, the unallocated part by plain relevance
 * (merit-proportionally). Immutable; arrays are copied out.
 */
public final class StrategyResult {
  /** Points of the Lorenz curve: shares at 0%, 1%, …, 100% of suppliers. */
  public static final int LORENZ_POINTS = 101;

  private final String name;
  private final PromiseOutcomes promises;
  private final Attainment[] infeasibleMet;
  private final double[][] attainmentByDay;
  private final double guaranteedDemand;
  private final double shortfall;
  private final DailyShares daily;
  private final Starvation starvation;
  private final List<ExposureGroups> groups;
  private final String ignores;
  private final double headTierShare;
  private final double exposureGini;
  private final double[] lorenz;
  private final double meritWeighted;
  private final double meritWeightedFair;
  private final long newBuyers;
  private final double meanTrueQuality;
  private final Map<Binding, Integer> unmetSupplierDays;
  private final Map<Binding, Integer> unmetSuppliers;
  private final Map<String, Integer> unmetShareDays;
  private final List<String> unmetExamples;
  private final long planNanos;
  private final long solverPasses;
  private final int solverStops;

  StrategyResult(String name, PromiseOutcomes promises, Attainment[] infeasibleMet,
      double[][] attainmentByDay, double guaranteedDemand, double shortfall, DailyShares daily,
      Starvation starvation, List<ExposureGroups> groups, String ignores,
      double headTierShare, double exposureGini, double[] lorenz, double meritWeighted,
      double meritWeightedFair, long newBuyers, double meanTrueQuality,
      Map<Binding, Integer> unmetSupplierDays, Map<Binding, Integer> unmetSuppliers,
      Map<String, Integer> unmetShareDays, List<String> unmetExamples, long planNanos, long solverPasses,
      int solverStops) {
    this.name = name;
    this.promises = promises;
    this.infeasibleMet = infeasibleMet.clone();
    this.attainmentByDay = new double[attainmentByDay.length][];
    for (int p = 0; p < attainmentByDay.length; p++) {
      this.attainmentByDay[p] = attainmentByDay[p].clone();
    }
    this.guaranteedDemand = guaranteedDemand;
    this.shortfall = shortfall;
    this.daily = daily;
    this.starvation = starvation;
    this.groups = List.copyOf(groups);
    this.ignores = ignores;
    this.headTierShare = headTierShare;
    this.exposureGini = exposureGini;
    this.lorenz = lorenz.clone();
    this.meritWeighted = meritWeighted;
    this.meritWeightedFair = meritWeightedFair;
    this.newBuyers = newBuyers;
    this.meanTrueQuality = meanTrueQuality;
    this.unmetSupplierDays = Collections.unmodifiableMap(new EnumMap<>(unmetSupplierDays));
    this.unmetSuppliers = Collections.unmodifiableMap(new EnumMap<>(unmetSuppliers));
    this.unmetShareDays = Collections.unmodifiableMap(new TreeMap<>(unmetShareDays));
    this.unmetExamples = List.copyOf(unmetExamples);
    this.planNanos = planNanos;
    this.solverPasses = solverPasses;
    this.solverStops = solverStops;
  }

  /** The strategy's name. */
  public String name() {
    return name;
  }

  /** What became of the promises: applied, booked, kept, short, refused. */
  public PromiseOutcomes promises() {
    return promises;
  }

  /**
   * The booked promises of a program kept (met inside their window) among those whose outcome is known.
   *
   * @param program {@link Simulation#TRUST_PASS}, {@link Simulation#POWER_MERCHANT} or
   *     {@link Simulation#SUPER_FACTORY}
   */
  public Attainment attainment(int program) {
    return promises.keptOfAdmitted(program);
  }

  /** TrustPass: booked promises with at least 30 new buyers by day 60 of their window. */
  public Attainment trustPass() {
    return attainment(Simulation.TRUST_PASS);
  }

  /** Power merchants and Super factories together: booked promises that doubled their buyers. */
  public Attainment powerOrSuper() {
    return promises.keptOfAdmitted(Simulation.POWER_MERCHANT, Simulation.SUPER_FACTORY);
  }

  /** The infeasible promises of a program that were nevertheless met, among those whose outcome is known. */
  public Attainment infeasibleMet(int program) {
    return infeasibleMet[program];
  }

  /**
   * A program's attainment day by day: the share of its booked promises started by the end of that
   * day that are met by then ({@code NaN} before the first starts).
   */
  public double[] attainmentByDay(int program) {
    return attainmentByDay[program].clone();
  }

  /** Impressions the guarantees asked for, summed over suppliers and days. */
  public double guaranteedDemand() {
    return guaranteedDemand;
  }

  /** Impressions by which delivery fell short of the guarantees, summed over suppliers and days. */
  public double shortfall() {
    return shortfall;
  }

  /** Under-delivery of guaranteed impressions: shortfall / demand, 0 when nothing was asked. */
  public double underDelivery() {
    return guaranteedDemand > 0 ? shortfall / guaranteedDemand : 0.0;
  }

  /** The policy's shares day by day: quality delivered and planned, head, top buyers. */
  public DailyShares daily() {
    return daily;
  }

  /** Suppliers starved over the run, by quality tier and promise. */
  public Starvation starvation() {
    return starvation;
  }

  /** Exposure and buyers by tier, priority class, belt and city. */
  public List<ExposureGroups> groups() {
    return groups;
  }

  /**
   * The promises and rules of the policy the strategy does not try to keep, for labelling baselines
   * (empty for a strategy that plans the whole policy).
   */
  public String ignores() {
    return ignores;
  }

  /** The quality tier's share of the delivered impressions, by day. */
  public double[] qualityShareByDay() {
    return daily.quality();
  }

  /** The smallest daily quality-tier share. */
  public double qualityShareMin() {
    return DailyShares.min(daily.quality());
  }

  /** The mean daily quality-tier share. */
  public double qualityShareMean() {
    return DailyShares.mean(daily.quality());
  }

  /** The head tier's share of all delivered impressions over the run. */
  public double headTierShare() {
    return headTierShare;
  }

  /** The Gini coefficient of the suppliers' total delivered impressions over the run, in [0, 1]. */
  public double exposureGini() {
    return exposureGini;
  }

  /**
   * The Lorenz curve of exposure: entry {@code k} is the share of all delivered impressions held by the
   * {@code k}% of suppliers with the least exposure ({@value #LORENZ_POINTS} points).
   */
  public double[] lorenz() {
    return lorenz.clone();
  }

  /**
   * Merit-weighted exposure lost against the unconstrained merit-proportional plan {@code x = θ} on the
   * same traffic, {@code 1 − Σ μ_i d_ij / Σ μ_i θ_ij} over all edges and days: 0 for {@code x = θ},
   * negative for a strategy that concentrates traffic on high merit. It mixes every constraint, so it is
   * not the price of the guarantees; {@link SimulationResult#priceOfGuarantees} is.
   */
  public double meritLossAgainstFair() {
    return meritWeightedFair > 0 ? 1 - meritWeighted / meritWeightedFair : 0.0;
  }

  /** New unique buyers won by all suppliers over the run. */
  public long newBuyers() {
    return newBuyers;
  }

  /** The mean latent (true) quality of the supplier behind a delivered impression. */
  public double meanTrueQuality() {
    return meanTrueQuality;
  }

  /** Supplier-days the strategy reported a guarantee unmet, by what binds (empty for baselines). */
  public Map<Binding, Integer> unmetSupplierDays() {
    return unmetSupplierDays;
  }

  /** Distinct suppliers the strategy ever reported a guarantee unmet for, by what binds. */
  public Map<Binding, Integer> unmetSuppliers() {
    return unmetSuppliers;
  }

  /**
   * Days on which the strategy reported a group share of its policy unmet, by the share's name (e.g.
   * {@code quality}, {@code topBuyersToQuality}, {@code head}); empty for baselines, which promise none.
   */
  public Map<String, Integer> unmetShareDays() {
    return unmetShareDays;
  }

  /** A few of the strategy's explanations of unmet promises, one per kind of binding, first seen first. */
  public List<String> unmetExamples() {
    return unmetExamples;
  }

  /** Wall-clock time the strategy spent planning, in nanoseconds. */
  public long planNanos() {
    return planNanos;
  }

  /** Dual-ascent passes of the solver over the run (0 for strategies without one). */
  public long solverPasses() {
    return solverPasses;
  }

  /** Days on which the solver stopped at its pass or time limit before converging (0 without one). */
  public int solverStops() {
    return solverStops;
  }

  @Override
  public String toString() {
    return "StrategyResult[" + name + ", trustPass=" + trustPass() + ", powerOrSuper=" + powerOrSuper()
        + ", underDelivery=" + underDelivery() + ", qualityShareMin=" + qualityShareMin() + ", gini="
        + exposureGini + ", meritLossAgainstFair=" + meritLossAgainstFair() + ", lorenz="
        + Arrays.toString(Arrays.copyOf(lorenz, 3)) + "...]";
  }
}
