package org.beltway.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.beltway.score.Priors;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.score.ScoringConfig;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
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
 * Full re-score of a generated national marketplace (scale 1.0: 1.07 M suppliers, about 3 categories
 * each): fitting the empirical-Bayes priors and scoring every supplier, or scoring against fixed priors
 * (the daily path when priors come from a reference window). Run with
 *
 * <pre>java -jar ranking-bench/target/benchmarks.jar ScoringBenchmark</pre>
 *
 * <p>The set-up prints the bytes per supplier that the {@link SupplierTable} columns take.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class ScoringBenchmark {

  /** Fraction of national scale. */
  @Param("1.0")
  public double scale;

  /** Worker threads; scores are identical for every count. */
  @Param({"1", "2"})
  public int threads;

  private SupplierTable table;
  private Scorer scorer;
  private Priors priors;

  @Setup(Level.Trial)
  public void generate() {
    Marketplace marketplace = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(scale, 42L));
    table = marketplace.suppliers();
    scorer = Scorer.of(ScoringConfig.builder().threads(threads).build());
    priors = scorer.fitPriors(table);
    System.out.printf(Locale.ROOT, "%n%,d suppliers, %,d bytes of columns, %.1f bytes per supplier%n",
        table.size(), table.columnBytes(), (double) table.columnBytes() / table.size());
  }

  /** Fit the priors on the table, then score it: a full re-score from raw signals. */
  @Benchmark
  public Scores fitPriorsAndScore() {
    return scorer.score(table);
  }

  /** Score against priors fitted earlier from a reference window. */
  @Benchmark
  public Scores scoreWithFixedPriors() {
    return scorer.score(table, priors);
  }
}
