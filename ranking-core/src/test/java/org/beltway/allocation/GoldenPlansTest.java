package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.beltway.guarantee.DayZeroGuarantees;
import org.beltway.policy.Policies;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden fingerprints of solved plans, recorded before the solver's internals were split into rooms:
 * a hash of every edge's traffic, every dual, every segment's allocated and unallocated traffic, every
 * group total and the pass count, bit for bit, on seeded instances cold and warm (binding guarantees,
 * caps, shares, infeasible promises) and on a 1%-scale marketplace, one day cold and warm and a week
 * of days each warm from the last. A refactoring that changes any bit of these plans fails here (a
 * change of rounding order in the line search did not: it showed only on national days, so such a
 * change also wants a national run compared before and after). A change in behaviour that is meant
 * must re-record the file ({@code -Dbeltway.golden.record=<path of golden-plans.txt>}) and say why in
 * its commit.
 */
class GoldenPlansTest {
  private static final String RESOURCE = "golden-plans.txt";

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void plansMatchTheirGoldenFingerprintsBitForBit(int threads) throws IOException {
    Map<String, String> actual = fingerprints(threads);
    String record = System.getProperty("beltway.golden.record");
    if (record != null && threads == 1) {
      StringBuilder text = new StringBuilder();
      actual.forEach((name, hash) -> text.append(name).append(' ').append(hash).append('\n'));
      Files.writeString(Path.of(record), text, StandardCharsets.UTF_8);
    }
    Map<String, String> golden = golden();
    assertEquals(golden.keySet(), actual.keySet(), "instances");
    for (Map.Entry<String, String> e : golden.entrySet()) {
      assertEquals(e.getValue(), actual.get(e.getKey()), e.getKey() + " at " + threads + " threads");
    }
  }

  private static Map<String, String> fingerprints(int threads) {
    AllocationSolver loose = AllocationSolver.builder().threads(threads).build();
    AllocationSolver tight = AllocationSolver.builder().threads(threads).gapTolerance(1e-10)
        .violationTolerance(1e-10).build();
    Map<String, String> out = new LinkedHashMap<>();
    for (long seed = 1; seed <= 8; seed++) {
      RandomInstance today = RandomInstance.generate(seed, RandomInstance.Shape.EVERYTHING, null);
      AllocationSolver solver = seed % 2 == 0 ? loose : tight;
      coldAndWarm(out, "random-" + seed, solver, today::problem,
          today.drifted(seed + 1000, 0.05)::problem);
      // a warm start on the same graph object also starts its bins from the previous plan's order
      EligibilityGraph graph = today.graph();
      RandomInstance scaled = today.withMeritScaled(0, 1.5);
      coldAndWarm(out, "same-graph-" + seed, solver, () -> today.problem(graph, today.merit),
          () -> scaled.problem(graph, scaled.merit));
    }
    for (long seed = 11; seed <= 14; seed++) {
      Priorities p = seed % 2 == 0 ? Priorities.GROUPS_FIRST : Priorities.GUARANTEES_FIRST;
      RandomInstance today = RandomInstance.generate(seed, RandomInstance.Shape.EVERYTHING, p);
      coldAndWarm(out, "priorities-" + seed, tight, today::problem,
          today.drifted(seed + 2000, 0.1)::problem);
    }
    for (long seed = 21; seed <= 22; seed++) {
      RandomInstance today = RandomInstance.generate(seed, RandomInstance.Shape.PLAIN, null);
      coldAndWarm(out, "plain-" + seed, tight, today::problem,
          today.drifted(seed + 3000, 0.05)::problem);
    }
    for (long seed = 31; seed <= 36; seed++) {
      Priorities p = seed % 3 == 0 ? Priorities.GROUPS_FIRST : Priorities.GUARANTEES_FIRST;
      RandomInstance today = RandomInstance.qualityShareConflict(seed, 60, 8, 0.8, 2.0, 0.1, p);
      coldAndWarm(out, "conflict-" + seed, seed % 2 == 0 ? loose : tight, today::problem,
          today.drifted(seed + 4000, 0.05)::problem);
    }
    MarketDay day = new MarketDay(0.01, 42);
    coldAndWarm(out, "market-1pct", loose, day::today, day::tomorrow);
    coldAndWarm(out, "market-1pct-same-graph", loose, day::today, day::sameGraphTomorrow);
    // a week of days, each warm from the last
    week(out, "market-1pct-day-", loose, day);
    return out;
  }

  private static void week(Map<String, String> out, String name, AllocationSolver solver,
      MarketDay day) {
    AllocationPlan plan = solver.solve(day.today());
    for (int d = 1; d <= 6; d++) {
      plan = solver.solve(day.drifted(d), plan);
      out.put(name + d, fingerprint(plan));
    }
  }

  private static void coldAndWarm(Map<String, String> out, String name, AllocationSolver solver,
      Supplier<AllocationProblem> today, Supplier<AllocationProblem> tomorrow) {
    AllocationPlan cold = solver.solve(today.get());
    out.put(name + "-cold", fingerprint(cold));
    out.put(name + "-warm", fingerprint(solver.solve(tomorrow.get(), cold)));
  }

  /** SHA-256 of the plan's traffic, duals, measurements and pass count, by their raw bits. */
  static String fingerprint(AllocationPlan plan) {
    AllocationProblem problem = plan.problem();
    EligibilityGraph graph = problem.graph();
    List<Double> values = new ArrayList<>();
    for (int e = 0; e < graph.edgeCount(); e++) {
      values.add(plan.x(e));
    }
    for (int row = 0; row < graph.supplierCount(); row++) {
      values.add(plan.supplierLevel(row));
    }
    for (int j = 0; j < graph.segmentCount(); j++) {
      values.add(plan.segmentDual(j));
      values.add(plan.segmentAllocated(j));
      values.add(plan.segmentUnallocated(j));
    }
    for (int g = 0; g < problem.groupCount(); g++) {
      values.add(plan.groupLevel(g));
      values.add(plan.groupTotal(g));
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] word = new byte[8];
      for (double v : values) {
        long bits = Double.doubleToRawLongBits(v);
        for (int b = 0; b < 8; b++) {
          word[b] = (byte) (bits >>> (8 * b));
        }
        digest.update(word);
      }
      String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 32);
      return hash + " passes=" + plan.certificate().passes() + " " + plan.certificate().termination();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> golden() {
    Map<String, String> map = new LinkedHashMap<>();
    try (InputStream in = GoldenPlansTest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test resources");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          int space = line.indexOf(' ');
          map.put(line.substring(0, space), line.substring(space + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }

  /**
   * A generated marketplace day under the 2025 policy with every eligible promise enrolled, and the
   * next day with traffic and guarantees drifted by up to ±10%.
   */
  private static final class MarketDay {
    private final Marketplace market;
    private final Scores scores;
    private final double[] guarantees;
    private final EligibilityGraph graph;

    MarketDay(double scale, long seed) {
      market = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(scale, seed));
      graph = EligibilityGraph.of(market.suppliers(), market.segments());
      SupplierTable table = market.suppliers();
      scores = Scorer.DEFAULT.score(table);
      guarantees = DayZeroGuarantees.impressionsByRow(table);
    }

    AllocationProblem today() {
      return problem(graph, guarantees);
    }

    /** Tomorrow on today's graph object: guarantees drifted by up to ±10%, traffic as today. */
    AllocationProblem sameGraphTomorrow() {
      SplittableRandom random = new SplittableRandom(11);
      double[] demand = guarantees.clone();
      for (int row = 0; row < demand.length; row++) {
        demand[row] *= 0.9 + 0.2 * random.nextDouble();
      }
      return problem(graph, demand);
    }

    AllocationProblem tomorrow() {
      return drifted(0);
    }

    /** Day {@code d}: traffic and guarantees drifted by up to ±10% (seeded by the day). */
    AllocationProblem drifted(int d) {
      SegmentTable segments = market.segments();
      SplittableRandom random = new SplittableRandom(7 + 1000L * d);
      double[] traffic = new double[segments.size()];
      for (int j = 0; j < traffic.length; j++) {
        traffic[j] = segments.traffic(j) * (0.9 + 0.2 * random.nextDouble());
      }
      double[] demand = guarantees.clone();
      for (int row = 0; row < demand.length; row++) {
        demand[row] *= 0.9 + 0.2 * random.nextDouble();
      }
      return problem(EligibilityGraph.of(market.suppliers(), segments.withTraffic(traffic)), demand);
    }

    private AllocationProblem problem(EligibilityGraph on, double[] demand) {
      boolean[] quality = new boolean[scores.size()];
      boolean[] head = new boolean[scores.size()];
      for (int row = 0; row < quality.length; row++) {
        quality[row] = scores.qualityTier(row);
        head[row] = scores.headTier(row);
      }
      AllocationProblem.Builder builder = AllocationProblem.builder(on)
          .scores(scores, Merit.DEFAULT).capShareOfSegment(0.05);
      return Policies.industrialBeltRecovery2025(on.segments()).qualityTier(quality).headCap(head, 0.15)
          .guarantees(demand).build().applyTo(builder).build();
    }
  }
}
