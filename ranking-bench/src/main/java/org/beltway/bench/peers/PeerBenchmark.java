package org.beltway.bench.peers;

import java.util.concurrent.TimeUnit;
import org.beltway.allocation.AllocationSolver;
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
 * One solve of the benchmark instance ({@link org.beltway.bench.NationalInstance} at a scale) by one
 * solver, cold, to the same tolerances (relative gap 1e-4, violations 1e-6) on 2 threads: Beltway's
 * dual ascent, OR-Tools PDLP (model building and the native call included; PDLP's own time is in the
 * comparison's JSON) or ojAlgo's QP. {@link PeerComparison} drives it per size and records the quality
 * of each solution beside the times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g", "-XX:+UseParallelGC"})
public class PeerBenchmark {
  static final int THREADS = 2;
  static final AllocationSolver BELTWAY = AllocationSolver.builder().threads(THREADS).build();

  /** Fraction of national scale. */
  @Param("0.001")
  public double scale;

  /** {@code beltway}, {@code pdlp} or {@code ojalgo}. */
  @Param({"beltway", "pdlp"})
  public String solver;

  private ExplicitProgram program;

  @Setup(Level.Trial)
  public void build() {
    program = PeerInstance.program(scale);
  }

  @Benchmark
  public double[] solve() {
    return solve(solver, program);
  }

  static double[] solve(String solver, ExplicitProgram program) {
    return switch (solver) {
      case "beltway" -> PeerInstance.beltway(program, BELTWAY);
      case "pdlp" -> PdlpPeer.solve(program, THREADS, BELTWAY.gapTolerance(), BELTWAY.violationTolerance(),
          600).x();
      case "ojalgo" -> OjAlgoPeer.solve(program).x();
      default -> throw new IllegalArgumentException("unknown solver " + solver
          + ": expected beltway, pdlp or ojalgo");
    };
  }
}
