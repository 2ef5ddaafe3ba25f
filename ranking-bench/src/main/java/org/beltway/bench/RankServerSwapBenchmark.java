package org.beltway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.examples.serving.RankServer;
import org.beltway.examples.serving.ServerSettings;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.SnapshotFormat;
import org.beltway.serving.SnapshotHeader;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The HTTP example ({@link RankServer}) under load while plans are swapped: two client threads post
 * {@code /rank} queries back to back for 60 s of measurement while a planner drops a new plan version
 * into the snapshot directory every {@link #swapMillis} ms and the server looks for one every 20 ms.
 * JMH's sample mode gives the latency percentiles (p50, p99, p99.9) of a whole request, JSON both ways.
 *
 * <p>Every answer is checked: a status other than 200 is a failed request; the plan version it names
 * (the one the reranker ranked under, {@code Reranker.planVersion}) must be one that was dropped and
 * must never go back on a client. At the end the run fails if any request failed or went back, and
 * prints the answers, the versions dropped and the swaps the server made. Run with
 *
 * <pre>java -jar ranking-bench/target/benchmarks.jar RankServerSwapBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 6, time = 10)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", "-XX:+UseParallelGC"})
public class RankServerSwapBenchmark {
  static final String MARKETPLACE = "bench";
  static final int CANDIDATES = 200;
  static final int K = 20;
  static final int QUERIES = 64;
  /** Files older than this many versions are removed, so the directory stays small. */
  static final int KEPT = 8;

  /** How often a new plan version is dropped, in milliseconds. */
  @Param("100")
  public int swapMillis;

  private Path dir;
  private AllocationPlan plan;
  private SupplierTable suppliers;
  private RankServer server;
  private ScheduledExecutorService planner;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong answers = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong rollbacks = new AtomicLong();
  private final AtomicLong unknownVersions = new AtomicLong();
  private volatile String firstFailure;
  private URI rank;
  private String[] bodies;

  @Setup(Level.Trial)
  public void start() throws IOException {
    NationalInstance instance = new NationalInstance(0.01, 42L);
    plan = AllocationSolver.defaults().solve(instance.problem(instance.graph, instance.guarantees));
    suppliers = instance.marketplace.suppliers();
    dir = Files.createTempDirectory("beltway-swap-");
    drop();
    server = RankServer.start(ServerSettings.of(dir, MARKETPLACE).withPort(0)
        .withPoll(Duration.ofMillis(20)).withPacing(Duration.ofSeconds(1)));
    rank = server.uri().resolve("/rank");
    bodies = queries(instance.graph);
    planner = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "planner");
      t.setDaemon(true);
      return t;
    });
    planner.scheduleAtFixedRate(this::dropQuietly, swapMillis, swapMillis, TimeUnit.MILLISECONDS);
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    planner.shutdownNow();
    long swaps = server.live().stats().swaps();
    long serving = server.live().current().snapshot().header().version();
    server.close();
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
    System.out.printf(Locale.ROOT, "%n%d answers; %d failed, %d went back a version, %d named a version"
        + " never dropped; %d versions dropped, %d swaps, serving version %d at the end%n",
        answers.get(), failures.get(), rollbacks.get(), unknownVersions.get(), dropped.get(), swaps,
        serving);
    if (failures.get() + rollbacks.get() + unknownVersions.get() > 0) {
      throw new IllegalStateException("requests failed under swaps; the first: " + firstFailure);
    }
  }

  /** A client thread's connection and the last plan version it was answered from. */
  @State(Scope.Thread)
  public static class Client {
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    long lastVersion;
    int next;
  }

  @Benchmark
  public long rank(Client c) throws IOException, InterruptedException {
    String body = bodies[c.next++ & (QUERIES - 1)];
    HttpResponse<String> r = c.http.send(HttpRequest.newBuilder(rank)
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    answers.incrementAndGet();
    if (r.statusCode() != 200) {
      fail("status " + r.statusCode() + ": " + r.body());
      return -1;
    }
    long version = planVersion(r.body());
    if (version < c.lastVersion) {
      rollbacks.incrementAndGet();
      fail("version " + version + " after " + c.lastVersion);
    }
    if (version < 1 || version > dropped.get()) {
      unknownVersions.incrementAndGet();
      fail("version " + version + " of " + dropped.get() + " dropped");
    }
    c.lastVersion = Math.max(c.lastVersion, version);
    return version;
  }

  private void fail(String what) {
    if (firstFailure == null) {
      firstFailure = what;
    }
    failures.incrementAndGet();
  }

  private static long planVersion(String body) {
    String key = "\"planVersion\":";
    int at = body.indexOf(key);
    if (at < 0) {
      return -1;
    }
    int from = at + key.length();
    int to = from;
    while (to < body.length() && (Character.isDigit(body.charAt(to)) || body.charAt(to) == '-')) {
      to++;
    }
    return Long.parseLong(body.substring(from, to));
  }

  /** Writes the next plan version, atomically, and removes the files of old ones. */
  private synchronized void drop() throws IOException {
    long version = dropped.get() + 1;
    SnapshotFormat.write(PlanSnapshot.of(plan, suppliers,
        new SnapshotHeader(MARKETPLACE, version, System.currentTimeMillis())), file(version));
    dropped.set(version);
    if (version > KEPT) {
      Files.deleteIfExists(file(version - KEPT));
    }
  }

  private void dropQuietly() {
    try {
      drop();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path file(long version) {
    return dir.resolve(String.format(Locale.ROOT, "plan-%06d.snap", version));
  }

  /** Queries of the busiest segments: their eligible suppliers, at random relevance. */
  private static String[] queries(EligibilityGraph graph) {
    int[] bySize = java.util.stream.IntStream.range(0, graph.segmentCount()).boxed()
        .sorted((a, b) -> Integer.compare(graph.segmentDegree(b), graph.segmentDegree(a)))
        .mapToInt(Integer::intValue).limit(QUERIES).toArray();
    SplittableRandom random = new SplittableRandom(7);
    String[] out = new String[QUERIES];
    for (int q = 0; q < QUERIES; q++) {
      int j = bySize[q % bySize.length];
      StringBuilder b = new StringBuilder(64 * CANDIDATES).append("{\"segment\":")
          .append(graph.segments().id(j)).append(",\"k\":").append(K).append(",\"candidates\":[");
      int n = Math.min(CANDIDATES, graph.segmentDegree(j));
      for (int i = 0; i < n; i++) {
        int row = graph.supplierOf(graph.segmentStart(j) + i);
        b.append(i == 0 ? "" : ",").append("{\"supplier\":").append(graph.supplierId(row))
            .append(",\"relevance\":").append(random.nextDouble()).append('}');
      }
      out[q] = b.append("]}").toString();
    }
    return out;
  }
}
