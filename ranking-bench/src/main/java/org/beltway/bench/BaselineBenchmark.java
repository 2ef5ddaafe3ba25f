package org.beltway.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.sim.DayPlan;
import org.beltway.sim.TrafficDay;
import org.beltway.sim.TrafficStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One national day planned by Beltway and by the simulation's baselines, cold (a fresh strategy each
 * shot), on the benchmark instance ({@link NationalInstance}: day-0 guarantees, 5% segment cap). Each
 * trial prints what the plan does: guarantee shortfall (impressions short of the demand, and the
 * suppliers short by more than 1%), the quality tier's share of all and of TOP-buyer traffic, the head
 * tier's share, and the distance to fair exposure {@code Σ (x − θ)² / (2θ)}. Run with
 *
 * <pre>java -jar ranking-bench/target/benchmarks.jar BaselineBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g", "-XX:+UseParallelGC"})
public class BaselineBenchmark {

  /** Fraction of national scale. */
  @Param("1.0")
  public double scale;

  /** A {@link TrafficStrategy#named} strategy. */
  @Param({"beltway", "hwm", "proportional", "ranking"})
  public String strategy;

  private TrafficDay day;
  private DayPlan plan;
  private TrafficStrategy planner;

  @Setup(Level.Trial)
  public void build() {
    NationalInstance instance = new NationalInstance(scale, 42L);
    int n = instance.graph.supplierCount();
    boolean[] quality = new boolean[n];
    boolean[] head = new boolean[n];
    for (int r = 0; r < n; r++) {
      quality[r] = instance.scores.qualityTier(r);
      head[r] = instance.scores.headTier(r);
    }
    day = TrafficDay.of(instance.graph, 0, instance.scores.composites(), quality, head, instance.guarantees,
        0.05);
    plan = new DayPlan(instance.graph);
  }

  @Setup(Level.Iteration)
  public void fresh() {
    planner = TrafficStrategy.named(strategy);
    plan.clear();
  }

  @Benchmark
  public DayPlan planDay() {
    planner.plan(day, plan);
    return plan;
  }

  @TearDown(Level.Trial)
  public void report() {
    EligibilityGraph g = day.graph();
    double[] total = new double[g.supplierCount()];
    double all = 0;
    double quality = 0;
    double top = 0;
    double topQuality = 0;
    double head = 0;
    double distance = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      int r = g.supplierOf(e);
      double x = plan.x(e);
      double th = day.fairExposure(e);
      total[r] += x;
      all += x;
      quality += day.qualityTier(r) ? x : 0;
      head += day.headTier(r) ? x : 0;
      if (g.segments().buyerTier(g.segmentOf(e)) == BuyerTier.TOP) {
        top += x;
        topQuality += day.qualityTier(r) ? x : 0;
      }
      if (th > 0) {
        distance += (x - th) * (x - th) / (2 * th);
      }
    }
    double demand = 0;
    double shortfall = 0;
    int short1 = 0;
    int promised = 0;
    for (int r = 0; r < total.length; r++) {
      double d = day.guarantee(r);
      if (d > 0) {
        promised++;
        demand += d;
        shortfall += Math.max(0, d - total[r]);
        short1 += total[r] < 0.99 * d ? 1 : 0;
      }
    }
    System.out.printf(Locale.ROOT, "%n  %s: guarantee shortfall %.2f%% of %.4g impressions (%,d of %,d"
        + " suppliers short by > 1%%); quality share %.2f%% (TOP buyers %.2f%%); head share %.2f%%;"
        + " distance to fair exposure %.6g%n", strategy, 100 * shortfall / demand, demand, short1, promised,
        100 * quality / all, 100 * topQuality / top, 100 * head / all, distance);
  }
}
