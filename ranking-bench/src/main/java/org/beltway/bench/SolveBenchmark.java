package org.beltway.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.Certificate;
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
 * The national traffic plan (scale 1.0: 1.07 M suppliers, 20 k segments, about 10 M edges) under the
 * 2025 policy (see {@link NationalInstance}), solved to the default tolerances (relative gap ≤ 1e-4,
 * violations ≤ 1e-6): cold, and warm from today's plan after a day's drift of traffic and guarantees.
 * Each iteration prints the certificate (passes, gap, violations, time) and the trial prints the peak
 * heap. Run with
 *
 * <pre>java -jar ranking-bench/target/benchmarks.jar SolveBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class SolveBenchmark {

  /** Fraction of national scale. */
  @Param("1.0")
  public double scale;

  /** Solver threads; the plan is the same for every count. */
  @Param("2")
  public int threads;

  private AllocationSolver solver;
  private AllocationProblem today;
  private AllocationProblem tomorrow;
  private AllocationPlan todaysPlan;
  private AllocationPlan last;

  @Setup(Level.Trial)
  public void plan() {
    NationalInstance instance = new NationalInstance(scale, 42L);
    solver = AllocationSolver.builder().threads(threads).build();
    today = instance.problem(instance.graph, instance.guarantees);
    tomorrow = instance.drifted(43L);
    todaysPlan = solver.solve(today);
    System.out.printf(Locale.ROOT, "%n%,d suppliers, %,d segments, %,d edges, %,d guaranteed; today's plan: %s;"
            + " %,d promises unmet%n",
        instance.graph.supplierCount(), instance.graph.segmentCount(), instance.graph.edgeCount(),
        guaranteed(instance.guarantees), todaysPlan.certificate(), todaysPlan.unmetPromises().size());
  }

  private static int guaranteed(double[] guarantees) {
    int n = 0;
    for (double d : guarantees) {
      n += d > 0 ? 1 : 0;
    }
    return n;
  }

  /** Today's plan from zero duals. */
  @Benchmark
  public AllocationPlan coldSolve() {
    last = solver.solve(today);
    return last;
  }

  /** Tomorrow's plan, starting from today's duals. */
  @Benchmark
  public AllocationPlan warmSolve() {
    last = solver.solve(tomorrow, todaysPlan);
    return last;
  }

  @TearDown(Level.Iteration)
  public void certify() {
    Certificate c = last.certificate();
    System.out.printf(Locale.ROOT, "%n  %s; %.1f ms per pass%n", c, c.wallTime().toNanos() / 1e6 / c.passes());
  }

  @TearDown(Level.Trial)
  public void peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "%n  peak heap (sum of pool peaks): %,d MB%n", peak >> 20);
  }
}
