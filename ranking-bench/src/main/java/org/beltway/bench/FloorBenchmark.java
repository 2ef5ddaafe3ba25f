package org.beltway.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Count;
import org.beltway.supplier.SupplierTable;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floors the hot paths are judged against: the simplest thing that touches the same data, on the
 * national instance, one thread. {@code scoringPass} reads every count and amount of every supplier
 * once (the least a re-score must do; compare {@code ScoringBenchmark} at 1 thread);
 * {@code edgePass} computes every edge's closed-form traffic {@code clip(θ (1 + α − β), 0, u)} from
 * given duals and sums it per segment (the least one dual pass must do; compare the milliseconds per
 * pass that {@code SolveBenchmark} prints). Reranking's floor, plain top-k by relevance, is in
 * {@code RerankBenchmark}. Run with
 *
 * <pre>java -jar ranking-bench/target/benchmarks.jar FloorBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class FloorBenchmark {

  /** Fraction of national scale. */
  @Param("1.0")
  public double scale;

  private SupplierTable table;
  private int[] segmentStart;
  private int[] rowOfEdge;
  private double[] theta;
  private double[] cap;
  private double[] alpha;
  private double[] beta;
  private double[] perSegment;

  @Setup(Level.Trial)
  public void build() {
    NationalInstance instance = new NationalInstance(scale, 42L);
    table = instance.marketplace.suppliers();
    AllocationProblem problem = instance.problem(instance.graph, instance.guarantees);
    EligibilityGraph g = instance.graph;
    int edges = g.edgeCount();
    segmentStart = new int[g.segmentCount() + 1];
    rowOfEdge = new int[edges];
    theta = new double[edges];
    cap = new double[edges];
    for (int j = 0; j < g.segmentCount(); j++) {
      segmentStart[j + 1] = g.segmentStart(j) + g.segmentDegree(j);
    }
    for (int e = 0; e < edges; e++) {
      rowOfEdge[e] = g.supplierOf(e);
      theta[e] = problem.fairExposure(e);
      cap[e] = problem.edgeCap(e);
    }
    SplittableRandom random = new SplittableRandom(7);
    alpha = new double[g.supplierCount()];
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = random.nextDouble() < 0.2 ? random.nextDouble() : 0;
    }
    beta = new double[g.segmentCount()];
    for (int j = 0; j < beta.length; j++) {
      beta[j] = 0.5 * random.nextDouble();
    }
    perSegment = new double[g.segmentCount()];
  }

  /** Every count and amount of every supplier, read once. */
  @Benchmark
  public double scoringPass() {
    double sum = 0;
    for (Count c : Count.values()) {
      for (int r = 0, n = table.size(); r < n; r++) {
        sum += table.count(c, r);
      }
    }
    for (Amount a : Amount.values()) {
      for (int r = 0, n = table.size(); r < n; r++) {
        sum += table.amount(a, r);
      }
    }
    return sum;
  }

  /** Every edge's closed-form traffic from fixed duals, summed per segment. */
  @Benchmark
  public double[] edgePass() {
    for (int j = 0; j < perSegment.length; j++) {
      double b = beta[j];
      double sum = 0;
      for (int e = segmentStart[j], end = segmentStart[j + 1]; e < end; e++) {
        double x = theta[e] * (1 + alpha[rowOfEdge[e]] - b);
        sum += Math.min(cap[e], Math.max(0, x));
      }
      perSegment[j] = sum;
    }
    return perSegment;
  }
}
