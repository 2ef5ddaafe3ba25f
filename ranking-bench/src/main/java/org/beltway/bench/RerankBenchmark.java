package org.beltway.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.beltway.allocation.AllocationSolver;
import org.beltway.serving.LivePlan;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.PositionModel;
import org.beltway.serving.PrefixFloor;
import org.beltway.serving.Reranker;
import org.beltway.serving.SnapshotHeader;
import org.beltway.serving.TopK;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One query through the live plan: {@link #candidates} candidates of the busiest segment of a
 * marketplace at {@link #scale} planned under the 2025 policy ({@link NationalInstance}), a page of 60.
 * Side by side: a bare pass summing the candidates' relevance (the floor of any pass), the top 60 by
 * relevance alone in a bounded heap ({@code heapTopK}, the usual way) and with {@link TopK}
 * ({@code plainTopK}, the floor under the reranker), the plan's rerank with its delivery counting, the
 * rerank under FA*IR's floor for guaranteed suppliers (p = 0.25, α = 0.1, adjusted), and the rerank's
 * throughput on two threads sharing one live plan. Each call takes the next of 64 prepared queries.
 * Run with
 *
 * <pre>java -jar ranking-bench/target/benchmarks.jar RerankBenchmark -p candidates=100,1000,10000</pre>
 *
 * <p>and {@code -p scale=1.0} for a national plan (1.07 M suppliers: each candidate's plan lookup is a
 * random memory read); add {@code -prof gc} to see that a rerank allocates nothing
 * ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx10g", "-XX:+UseParallelGC"})
public class RerankBenchmark {
  static final int UNKNOWN = 5;
  static final int QUERIES = 64;
  static final int K = 60;

  /** Fraction of national scale. */
  @Param("0.01")
  public double scale;

  /** Candidates a query. */
  @Param("1000")
  public int candidates;

  LivePlan live;
  QueryPool queries;
  PrefixFloor floor;

  @Setup(Level.Trial)
  public void plan() {
    NationalInstance instance = new NationalInstance(scale, 42L);
    PlanSnapshot snapshot = PlanSnapshot.of(
        AllocationSolver.defaults().solve(instance.problem(instance.graph, instance.guarantees)),
        instance.marketplace.suppliers(), new SnapshotHeader("bench", 1, 0L));
    live = new LivePlan(snapshot);
    queries = new QueryPool(instance.graph, snapshot, QUERIES, candidates, UNKNOWN, 7L);
    floor = PrefixFloor.of(K, 0.25, 0.1);
    System.out.printf(Locale.ROOT, "%n%s; %s%n", queries, floor);
  }

  @TearDown(Level.Trial)
  public void stats() {
    System.out.printf(Locale.ROOT, "%n%s%n", live.stats());
  }

  /** One thread's reranker, page buffers and place in the pool. */
  @State(Scope.Thread)
  public static class Page {
    Reranker reranker;
    RelevanceTopK heap;
    TopK plain;
    final int[] order = new int[K];
    final double[] scores = new double[K];
    int next;

    @Setup(Level.Trial)
    public void claim(RerankBenchmark plan) {
      reranker = new Reranker(plan.live, PositionModel.LOGARITHMIC, plan.candidates, K);
      heap = new RelevanceTopK(K);
      plain = new TopK(plan.candidates);
      next = (int) (Thread.currentThread().getId() % QUERIES);
    }

    int nextQuery() {
      int q = next;
      next = (q + 1) & (QUERIES - 1);
      return q;
    }
  }

  /** A pass summing the candidates' relevance: the least any selection must do. */
  @Benchmark
  public double barePass(Page page) {
    double[] r = queries.relevance[page.nextQuery()];
    double sum = 0;
    for (int i = 0; i < candidates; i++) {
      sum += r[i];
    }
    return sum;
  }

  /** The top 60 by relevance alone in a bounded binary heap. */
  @Benchmark
  public int heapTopK(Page page, Blackhole bh) {
    int q = page.nextQuery();
    int placed = page.heap.select(queries.supplierIds[q], queries.relevance[q], candidates,
        page.order, page.scores);
    bh.consume(page.scores[0]);
    return placed;
  }

  /** The top 60 by relevance alone with the serving package's selection: the reranker's floor. */
  @Benchmark
  public int plainTopK(Page page, Blackhole bh) {
    int q = page.nextQuery();
    int placed = page.plain.select(queries.supplierIds[q], queries.relevance[q], candidates, K,
        page.order, page.scores);
    bh.consume(page.scores[0]);
    return placed;
  }

  /** The plan's rerank of the top 60, counting the page's delivery. */
  @Benchmark
  public int rerank(Page page, Blackhole bh) {
    return rank(page, bh);
  }

  /** The rerank with at least {@code floor.minimum(i)} guaranteed suppliers in every top {@code i}. */
  @Benchmark
  public int rerankWithFloor(Page page, Blackhole bh) {
    int q = page.nextQuery();
    int placed = page.reranker.rankWithFloor(queries.segmentId, queries.supplierIds[q],
        queries.relevance[q], queries.guaranteed[q], candidates, floor, page.order, page.scores);
    bh.consume(page.scores[0]);
    return placed;
  }

  /** The rerank on two threads, each with its reranker and delivery stripe, one live plan. */
  @Benchmark
  @Threads(2)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int rerankTwoThreads(Page page, Blackhole bh) {
    return rank(page, bh);
  }

  private int rank(Page page, Blackhole bh) {
    int q = page.nextQuery();
    int placed = page.reranker.rank(queries.segmentId, queries.supplierIds[q], queries.relevance[q],
        candidates, K, page.order, page.scores);
    bh.consume(page.scores[0]);
    return placed;
  }
}
