package org.beltway.examples.serving;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.beltway.serving.LivePlan;
import org.beltway.serving.Pacer;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.SnapshotDirectory;
import org.beltway.serving.SnapshotWatcher;

/**
 * A search node's reranking service over HTTP, wired from the JDK's own server: {@code POST /rank}
 * ({@link RankHandler}) and {@code GET /status} ({@link StatusHandler}) on a fixed pool of request
 * threads, one timer thread that looks for new snapshots ({@link SnapshotWatcher}) and paces the
 * suppliers ({@link DayPacing}). Start it on a directory the planner writes snapshots into:
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=org.beltway.examples.serving.RankServer \
 *     -Dexec.args="--demo --port 8080"
 * curl -s localhost:8080/status
 * </pre>
 *
 * then the {@code curl} line it prints, which ranks three suppliers of the plan in one of its segments.
 */
public final class RankServer implements AutoCloseable {
  /**
   * The JDK server leaves Nagle's algorithm on for accepted connections unless this property is set
   * before its first use; a reply written as headers then body then waits for the client's delayed
   * acknowledgement, about 40 ms a request on Linux (RankServerSwapBenchmark: p50 44 ms with it, 0.35 ms
   * without). An explicit setting on the command line wins.
   */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private final HttpServer http;
  private final ExecutorService requests;
  private final ScheduledExecutorService timer;
  private final SnapshotWatcher watcher;

  private RankServer(HttpServer http, ExecutorService requests, ScheduledExecutorService timer,
      SnapshotWatcher watcher) {
    this.http = http;
    this.requests = requests;
    this.timer = timer;
    this.watcher = watcher;
  }

  /**
   * Loads the newest valid snapshot of the directory and starts serving it.
   *
   * @throws org.beltway.serving.SnapshotException if the directory holds no valid snapshot
   * @throws IOException if the directory cannot be listed or the port cannot be bound
   */
  public static RankServer start(ServerSettings s) throws IOException {
    SnapshotWatcher watcher = SnapshotWatcher.open(new SnapshotDirectory(s.snapshots(), s.marketplace()));
    LivePlan live = watcher.live();
    DayPacing pacing = new DayPacing(new Pacer(live, Pacer.Settings.DEFAULT), s.clock());
    JsonWire json = new JsonWire();
    HttpServer http = HttpServer.create(new InetSocketAddress(s.host(), s.port()), 0);
    http.createContext(RankHandler.PATH, new RankHandler(live, json, s.maxCandidates(), s.maxK()));
    http.createContext(StatusHandler.PATH, new StatusHandler(watcher, pacing, json));
    http.createContext("/", new NotFoundHandler(json));
    ExecutorService requests = Executors.newFixedThreadPool(s.threads(), threads("rank-"));
    http.setExecutor(requests);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(threads("plan-timer-"));
    timer.scheduleWithFixedDelay(watcher, s.poll().toMillis(), s.poll().toMillis(), TimeUnit.MILLISECONDS);
    timer.scheduleAtFixedRate(pacing, s.pacing().toMillis(), s.pacing().toMillis(), TimeUnit.MILLISECONDS);
    http.start();
    return new RankServer(http, requests, timer, watcher);
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:8080}. */
  public URI uri() {
    InetSocketAddress a = http.getAddress();
    return URI.create("http://" + a.getHostString() + ":" + a.getPort());
  }

  /** The live plan served. */
  public LivePlan live() {
    return watcher.live();
  }

  /**
   * Stops at once: the JDK 17 server's {@code stop(n)} waits the full {@code n} seconds even when no
   * request is running (JDK-8304065), so a request still running is cut off.
   */
  @Override
  public void close() {
    http.stop(0);
    timer.shutdownNow();
    requests.shutdownNow();
  }

  public static void main(String[] args) throws IOException {
    if (ServerCommandLine.helpAsked(args)) {
      System.out.print(ServerCommandLine.HELP);
      return;
    }
    ServerCommandLine line = ServerCommandLine.parse(args);
    Path dir = line.snapshots();
    if (line.demo()) {
      dir = Files.createTempDirectory("beltway-snapshots-");
      DemoPlan.solve(0.001, 42).write(dir, 1);
    }
    RankServer server = start(line.settings(dir));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "rank-server-stop"));
    PlanSnapshot s = server.live().current().snapshot();
    System.out.printf(Locale.ROOT, "serving plan version %d of marketplace \"%s\" (%d suppliers, %d"
        + " segments) on %s; snapshots in %s%ntry: %s%n", s.header().version(), s.header().marketplace(),
        s.supplierCount(), s.segmentCount(), server.uri(), dir, sampleQuery(s, server.uri()));
  }

  /** A curl command ranking three suppliers of the plan in its first segment. */
  static String sampleQuery(PlanSnapshot s, URI uri) {
    StringBuilder candidates = new StringBuilder();
    for (int row = 0, found = 0; row < s.supplierCount() && found < 3; row++) {
      if (s.optedIn(row, 0)) {
        candidates.append(found++ == 0 ? "" : ", ").append(String.format(Locale.ROOT,
            "{\"supplier\": %d, \"relevance\": %.1f}", s.supplierId(row), 1.0 - 0.2 * found));
      }
    }
    return String.format(Locale.ROOT, "curl -s -XPOST %s%s -d '{\"segment\": %d, \"k\": 3, \"candidates\":"
        + " [%s]}'", uri, RankHandler.PATH, s.segmentId(0), candidates);
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger next = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + next.incrementAndGet());
      t.setDaemon(false);
      return t;
    };
  }
}
