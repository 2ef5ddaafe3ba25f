package org.beltway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationSolver;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.SnapshotFormat;
import org.beltway.serving.SnapshotHeader;
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
 * Shipping the national plan to the search nodes (scale 1.0: 1.07 M suppliers, 20 k segments, under
 * the 2025 policy, see {@link NationalInstance}): encoding its snapshot, writing it to a file
 * atomically, and reading it back with every check a search node makes. The file sits in a temporary
 * folder, so {@code write} and {@code read} mostly measure the page cache, not the disk. The set-up
 * plans the day once (about half a minute) and prints the snapshot's size in bytes per supplier. Run
 * with
 *
 * <pre>java -jar ranking-bench/target/benchmarks.jar SnapshotBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class SnapshotBenchmark {
  static final String MARKETPLACE = "bench";

  /** Fraction of national scale. */
  @Param("1.0")
  public double scale;

  private PlanSnapshot snapshot;
  private Path folder;
  private Path written;
  private Path stored;

  @Setup(Level.Trial)
  public void plan() throws IOException {
    NationalInstance instance = new NationalInstance(scale, 42L);
    AllocationPlan plan = AllocationSolver.defaults()
        .solve(instance.problem(instance.graph, instance.guarantees));
    snapshot = PlanSnapshot.of(plan, instance.marketplace.suppliers(),
        new SnapshotHeader(MARKETPLACE, 1, 0L));
    folder = Files.createTempDirectory("beltway-snapshot-");
    written = folder.resolve("written.snapshot");
    stored = folder.resolve("stored.snapshot");
    SnapshotFormat.write(snapshot, stored);
    long bytes = Files.size(stored);
    System.out.printf(Locale.ROOT, "%nsnapshot: %,d bytes, %.1f B/supplier (%,d suppliers, %,d segments,"
            + " %d groups); %,d bytes in memory, %.1f B/supplier; plan: %s%n", bytes,
        (double) bytes / snapshot.supplierCount(), snapshot.supplierCount(), snapshot.segmentCount(),
        snapshot.groupCount(), snapshot.memoryBytes(),
        (double) snapshot.memoryBytes() / snapshot.supplierCount(), plan.certificate());
  }

  @TearDown(Level.Trial)
  public void clean() throws IOException {
    Files.deleteIfExists(written);
    Files.deleteIfExists(stored);
    Files.deleteIfExists(folder);
  }

  /** The snapshot encoded, checksum included. */
  @Benchmark
  public byte[] toBytes() {
    return SnapshotFormat.toBytes(snapshot);
  }

  /** Encoded, written beside the target and moved into place. */
  @Benchmark
  public Path write() throws IOException {
    SnapshotFormat.write(snapshot, written);
    return written;
  }

  /** Read, checksummed, checked and indexed, ready to serve. */
  @Benchmark
  public PlanSnapshot read() throws IOException {
    return SnapshotFormat.read(stored, MARKETPLACE);
  }
}
