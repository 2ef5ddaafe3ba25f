package org.beltway.sim;

import java.util.List;
import java.util.Locale;
import org.beltway.allocation.UnmetPromise;
import org.beltway.guarantee.Admission;
import org.beltway.guarantee.DemandConversion;
import org.beltway.internal.Strict;

/**
 * A way of sharing a day's search traffic among suppliers, compared by the {@link Simulation} on the
 * same generated days: Beltway's certified plan and the baselines of docs/design.md §8.
 *
 * <p>The contract, checked for every implementation by one test: the plan is conserving (per segment,
 * allocated + unallocated = forecast, all values finite and {@code >= 0}) and, being over the edges of the
 * eligibility graph, puts traffic only where a supplier is eligible (opt-in respected). A strategy may
 * keep state from day to day (a warm start, a cached ranking), so an instance plans one simulation;
 * the factories below return fresh instances.
 */
public interface TrafficStrategy {

  /** A short name for reports, e.g. {@code beltway}. */
  String name();

  /**
   * Plans one day into {@code plan}, which arrives cleared.
   *
   * @param day what is known about the day (read-only; valid during the call)
   * @param plan the buffer to fill, over {@code day.graph()}
   */
  void plan(TrafficDay day, DayPlan plan);

  /**
   * The promises the last plan says it does not keep, with what binds; empty for strategies that do
   * not report any.
   */
  default List<UnmetPromise> unmetPromises() {
    return List.of();
  }

  /**
   * How the strategy books promises: an {@link Admission} over the day's forecast program, or
   * {@code null} (the default) when it takes every promise it is asked to keep, as the baselines do.
   * Called once per simulation.
   *
   * @param day the day the strategy plans, whose scores an admission reads when it is asked
   * @param conversion the demand conversion promises are planned with
   */
  default Admission admission(TrafficDay day, DemandConversion conversion) {
    Strict.nonNull(day, "day", TrafficDay.class);
    Strict.nonNull(conversion, "conversion", DemandConversion.class);
    return null;
  }

  /**
   * The promises and rules of the 2025 policy this strategy does not try to keep, to label it in
   * reports, e.g. {@code "promises, shares"}; empty for one that plans the whole policy.
   */
  default String ignores() {
    return "";
  }

  /** What the strategy's solver did over the simulation so far; {@link SolverStatistics#NONE} without one. */
  default SolverStatistics solverStatistics() {
    return SolverStatistics.NONE;
  }

  /** Beltway: the certified solver with the 2025 industrial-belt recovery policy. */
  static TrafficStrategy beltway() {
    return new BeltwayStrategy();
  }

  /** Merit-only ranking with the default position-decay exponent {@value MeritRanking#DEFAULT_DECAY}. */
  static TrafficStrategy meritRanking() {
    return new MeritRanking(MeritRanking.DEFAULT_DECAY);
  }

  /** Merit-proportional exposure, {@code x = θ}. */
  static TrafficStrategy meritProportional() {
    return new MeritProportional();
  }

  /** High-water mark (Chen et al., EC 2012) on the guarantee demand, the rest merit-proportional. */
  static TrafficStrategy highWaterMark() {
    return new HighWaterMark();
  }

  /** The names {@link #named} accepts, in the order of the reports. */
  List<String> NAMES = List.of("beltway", "ranking", "proportional", "hwm");

  /**
   * A fresh strategy by name: {@code beltway}, {@code ranking}, {@code proportional} or {@code hwm}
   * (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  static TrafficStrategy named(String name) {
    String key = Strict.nonNull(name, "name", String.class).trim().toLowerCase(Locale.ROOT);
    switch (key) {
      case "beltway":
        return beltway();
      case "ranking":
        return meritRanking();
      case "proportional":
        return meritProportional();
      case "hwm":
        return highWaterMark();
      default:
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "unknown strategy \"%s\": expected one of %s", name, NAMES));
    }
  }
}
