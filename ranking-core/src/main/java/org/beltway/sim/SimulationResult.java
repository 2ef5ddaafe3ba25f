package org.beltway.sim;

import java.util.List;
import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * The outcome of a {@link Simulation}: what was simulated (the marketplace's size, the buyers behind
 * it, the promises made and which could be kept at all) and one {@link StrategyResult} per strategy, in
 * the order the strategies were given. Immutable.
 *
 * @param marketplace the marketplace's configuration
 * @param config the simulation's configuration
 * @param suppliers supplier rows
 * @param segments traffic segments
 * @param edges eligible (supplier, segment) edges
 * @param buyers buyers behind the traffic ({@link BuyerModel#buyers()})
 * @param paidMembers paid buyer members among them
 * @param census the promises of each program (TrustPass, Power merchant, Super factory)
 * @param buyersPer90DaysAtFairExposure the expected new buyers per supplier in 90 days of
 *     merit-proportional exposure at the initial scores: the buyer model's calibration figure
 * @param windowBuyersPerSupplier the generated 90-day windows' buyers per supplier, to compare with it
 * @param strategies one result per strategy, in order
 * @param setupNanos wall-clock time of the setup (graph, initial scores, pilot, census)
 * @param runNanos wall-clock time of the daily loop over all strategies
 */
public record SimulationResult(MarketplaceConfig marketplace, SimulationConfig config, int suppliers,
    int segments, int edges, long buyers, long paidMembers, List<ProgramCensus> census,
    double buyersPer90DaysAtFairExposure, double windowBuyersPerSupplier,
    List<StrategyResult> strategies, long setupNanos, long runNanos) {

  /** Copies the lists. */
  public SimulationResult {
    Strict.nonNull(marketplace, "marketplace", MarketplaceConfig.class);
    Strict.nonNull(config, "config", SimulationConfig.class);
    census = List.copyOf(Strict.nonNull(census, "census", List.class));
    strategies = List.copyOf(Strict.nonNull(strategies, "strategies", List.class));
  }

  /**
   * The result of the strategy of that name.
   *
   * @throws IllegalArgumentException if no strategy has that name
   */
  public StrategyResult strategy(String name) {
    Strict.nonNull(name, "name", String.class);
    for (StrategyResult s : strategies) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "no strategy named \"%s\" in this result: expected one of %s", name,
        strategies.stream().map(StrategyResult::name).toList()));
  }

  /**
   * What a strategy's promises cost against a reference run of the same policy without them
   * (normally {@link BeltwayStrategy#policyOnly}), on the same generated days: the new buyers the whole
   * marketplace lost, and the true-quality-weighted exposure lost (the simulation knows each supplier's
   * latent quality), both as shares of the reference's. Positive is a cost.
   *
   * @param newBuyers {@code 1 − buyers / reference buyers}
   * @param qualityWeightedExposure {@code 1 − Σ q_i d_i / Σ q_i d_i of the reference}
   */
  public record Price(double newBuyers, double qualityWeightedExposure) {}

  /**
   * The price of a strategy's guarantees against a reference strategy of the same run.
   *
   * @throws IllegalArgumentException if either name is not in the result
   */
  public Price priceOfGuarantees(String strategy, String reference) {
    Strict.nonNull(strategy, "strategy", String.class);
    Strict.nonNull(reference, "reference", String.class);
    StrategyResult s = strategy(strategy);
    StrategyResult r = strategy(reference);
    return new Price(1 - (double) s.newBuyers() / r.newBuyers(),
        1 - s.meanTrueQuality() / r.meanTrueQuality());
  }

  /** Wall-clock milliseconds per simulated day, all strategies together. */
  public double millisPerDay() {
    return runNanos / 1e6 / config.days();
  }
}
