package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.function.BiConsumer;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.SegmentTable;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.supplier.Program;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link TrafficStrategy} keeps, written once and run against each (as JCTools'
 * QueueSanityTest does for its queues): conservation per segment, traffic only on eligible edges (opt-in
 * respected), non-negative finite traffic. Each example draws guarantees for a random share of the
 * suppliers, some far above what their segments can supply, on a small generated marketplace.
 */
class TrafficStrategyContractTest {
  private static final Marketplace M = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.001, 3), 1);
  private static final SupplierTable T = M.suppliers();
  private static final EligibilityGraph G = EligibilityGraph.of(T, M.segments());
  private static final Scores S = Scorer.DEFAULT.score(T);
  private static final int PLANNED_DAYS = 3;

  static Iterable<String> strategies() {
    return TrafficStrategy.NAMES;
  }

  /**
   * Plans several consecutive days of one strategy with guarantees drawn from the seed; checks each plan
   * and returns the strategy.
   */
  private static TrafficStrategy planDays(String name, long seed, double guaranteedShare, double demandScale,
      BiConsumer<TrafficDay, DayPlan> check) {
    TrafficStrategy strategy = TrafficStrategy.named(name);
    int n = T.size();
    double[] composite = S.composites();
    boolean[] quality = new boolean[n];
    boolean[] head = new boolean[n];
    for (int r = 0; r < n; r++) {
      quality[r] = S.qualityTier(r);
      head[r] = S.headTier(r);
    }
    DayPlan plan = new DayPlan(G);
    for (int day = 0; day < PLANNED_DAYS; day++) {
      double[] guarantee = new double[n];
      for (int r = 0; r < n; r++) {
        if (Noise.uniform(seed, 1, day, r) < guaranteedShare) {
          guarantee[r] = demandScale * 1000 * Noise.uniform(seed, 2, day, r);
        }
      }
      TrafficDay d = TrafficDay.of(G, day, composite, quality, head, guarantee, 0.1);
      plan.clear();
      strategy.plan(d, plan);
      check.accept(d, plan);
    }
    return strategy;
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void solverStatisticsCountEverySolveAndBaselinesHaveNone(String name) {
    SolverStatistics stats = planDays(name, 7, 0.1, 1.0, (day, plan) -> { }).solverStatistics();
    if (name.equals("beltway")) {
      assertEquals(PLANNED_DAYS, stats.solves(), stats::toString);
      assertTrue(stats.passes() >= PLANNED_DAYS && stats.unconverged() <= PLANNED_DAYS, stats::toString);
    } else {
      assertEquals(SolverStatistics.NONE, stats);
    }
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void planConservesTrafficInEverySegment(String name) {
    qt().withFixedSeed(42L).withExamples(8)
        .forAll(longs().all(), doubles().between(0, 0.3), doubles().between(0.01, 100))
        .checkAssert((seed, share, scale) -> planDays(name, seed, share, scale, (day, plan) -> {
          for (int j = 0; j < G.segmentCount(); j++) {
            double s = day.forecast(j);
            double allocated = plan.allocated(j);
            assertTrue(allocated <= s * (1 + 1e-9), name + ": segment " + j + " allocated " + allocated
                + " > traffic " + s + " (seed " + seed + ")");
            assertEquals(s, allocated + plan.unallocated(j), 1e-9 * Math.max(1, s),
                name + ": segment " + j + " allocated + unallocated != traffic (seed " + seed + ")");
          }
        }));
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void planPutsTrafficOnlyOnEligibleEdges(String name) {
    SegmentTable segments = M.segments();
    qt().withFixedSeed(43L).withExamples(4)
        .forAll(longs().all(), doubles().between(0, 0.3))
        .checkAssert((seed, share) -> planDays(name, seed, share, 1.0, (day, plan) -> {
          for (int e = 0; e < G.edgeCount(); e++) {
            if (plan.x(e) > 0) {
              int row = G.supplierOf(e);
              int j = G.segmentOf(e);
              Program program = segments.channel(j).program();
              assertTrue(T.sellsIn(row, segments.category(j)), name + ": edge " + e + " outside the supplier's categories");
              assertTrue(program == null || T.joined(row, program),
                  name + ": traffic to supplier " + T.id(row) + " in " + program + " it did not join (seed " + seed + ")");
            }
          }
          // and no supplier row outside the graph's edges can receive anything: every edge of a segment
          // belongs to it
          for (int j = 0; j < G.segmentCount(); j++) {
            for (int e = G.segmentStart(j); e < G.segmentStart(j) + G.segmentDegree(j); e++) {
              assertEquals(j, G.segmentOf(e));
            }
          }
        }));
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void planIsNonNegativeAndFinite(String name) {
    qt().withFixedSeed(44L).withExamples(6)
        .forAll(longs().all(), doubles().between(0, 0.5), doubles().between(0.01, 100))
        .checkAssert((seed, share, scale) -> planDays(name, seed, share, scale, (day, plan) -> {
          for (int e = 0; e < G.edgeCount(); e++) {
            double x = plan.x(e);
            assertTrue(x >= 0 && Double.isFinite(x), name + ": edge " + e + " has " + x + " (seed " + seed + ")");
          }
          for (int j = 0; j < G.segmentCount(); j++) {
            double u = plan.unallocated(j);
            assertTrue(u >= 0 && Double.isFinite(u), name + ": segment " + j + " unallocated " + u);
          }
        }));
  }
}
