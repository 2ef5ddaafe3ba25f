package org.beltway.examples.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.beltway.serving.LivePlan;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.PositionModel;
import org.beltway.serving.Reranker;
import org.beltway.serving.SnapshotFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service end to end over loopback: a plan's snapshot in a directory, the server on a free port, and
 * requests from the JDK's HTTP client. The pacer's timer is set to an hour so that no factor moves and
 * the server's pages can be compared with a reranker's on the same snapshot; the watcher looks every
 * 20 ms, and the tests wait for what it does with a bounded poll of {@code /status}.
 */
class RankServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static DemoPlan demo;
  private static PlanSnapshot snapshot;
  private static long segment;
  @TempDir Path dir;
  private RankServer server;

  @BeforeAll
  static void plan() {
    demo = DemoPlan.solve(0.001, 42);
    snapshot = demo.snapshot(1);
    segment = segmentWithOptedIn(snapshot, 40);
  }

  @BeforeEach
  void start() throws IOException {
    demo.write(dir, 1);
    server = RankServer.start(ServerSettings.of(dir, DemoPlan.MARKETPLACE).withPort(0)
        .withPoll(Duration.ofMillis(20)).withPacing(Duration.ofHours(1)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aPageIsTheRerankersPageOnTheSameSnapshot() throws Exception {
    Query q = query(snapshot, segment, 7);
    int k = 10;
    JsonNode reply = ok(post("/rank", q.json(k)));

    PlanSnapshot read = SnapshotFormat.read(dir.resolve("plan-000001.snap"), DemoPlan.MARKETPLACE);
    Reranker direct = new Reranker(new LivePlan(read), PositionModel.LOGARITHMIC, 1000, 100);
    int[] order = new int[k];
    double[] scores = new double[k];
    int placed = direct.rank(segment, q.ids, q.relevance, q.ids.length, k, order, scores);

    assertEquals(1, reply.get("planVersion").asLong());
    JsonNode ranked = reply.get("ranked");
    assertEquals(k, placed);
    assertEquals(placed, ranked.size(), reply.toString());
    for (int p = 0; p < placed; p++) {
      assertEquals(q.ids[order[p]], ranked.get(p).get("supplier").asLong(), "supplier at " + p);
      assertEquals(scores[p], ranked.get(p).get("score").asDouble(), 0.0, "score at " + p);
      if (p > 0) {
        double before = ranked.get(p - 1).get("score").asDouble();
        double here = ranked.get(p).get("score").asDouble();
        assertTrue(before > here || (before == here
            && ranked.get(p - 1).get("supplier").asLong() < ranked.get(p).get("supplier").asLong()),
            "best first, ties by supplier id: " + ranked);
      }
    }
  }

  static Stream<Arguments> badRequests() {
    String seg = "\"segment\": " + segment;
    String one = "[{\"supplier\": 1, \"relevance\": 0.5}]";
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i <= 1000; i++) {
      many.append(i == 0 ? "" : ",").append("{\"supplier\":").append(i).append(",\"relevance\":1}");
    }
    many.append(']');
    return Stream.of(
        Arguments.of("{\"segment\": 1,", 400, "malformed request at line 1"),
        Arguments.of("", 400, "malformed request"),
        Arguments.of("{" + seg + ", \"k\": 3}", 400, "'candidates'"),
        Arguments.of("{" + seg + ", \"k\": 3, \"candidates\": " + one + ", \"x\": 1}", 400,
            "unknown field x"),
        Arguments.of("{" + seg + ", \"k\": 3, \"candidates\": [{\"supplier\": 1, \"relevance\": \"high\"}]}",
            400, "candidates[0].relevance"),
        Arguments.of("{" + seg + ", \"k\": 2.5, \"candidates\": " + one + "}", 400, "malformed request: k"),
        Arguments.of("{" + seg + ", \"k\": 3, \"candidates\": [null]}", 400, "candidates[0]"),
        Arguments.of("{\"segment\": 987654321, \"k\": 3, \"candidates\": " + one + "}", 400,
            "unknown segment 987654321: not in plan version 1"),
        Arguments.of("{" + seg + ", \"k\": 3, \"candidates\": [{\"supplier\": 1, \"relevance\": -1}]}", 400,
            "relevance (-1.0): expected a finite number >= 0"),
        Arguments.of("{" + seg + ", \"k\": 0, \"candidates\": " + one + "}", 400, "k (0): expected 1 to"),
        Arguments.of("{" + seg + ", \"k\": 3, \"candidates\": [{\"supplier\": 7, \"relevance\": 1}, "
            + "{\"supplier\": 8, \"relevance\": 1}, {\"supplier\": 7, \"relevance\": 2}]}", 400,
            "candidates[2].supplier (7): already candidates[0]"),
        Arguments.of("{" + seg + ", \"k\": 3, \"candidates\": " + many + "}", 413,
            "candidates (1001): expected at most 1000"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void aBadRequestIsRefusedWithAMessageNamingTheFault(String body, int status, String message)
      throws Exception {
    HttpResponse<String> r = post("/rank", body);
    assertEquals(status, r.statusCode(), r.body());
    String error = JSON.readTree(r.body()).get("error").asText();
    assertTrue(error.contains(message), "\"" + message + "\" not in: " + error);
  }

  /** Regression: with Nagle's algorithm on, every reply waited ~40 ms for a delayed ACK. */
  @Test
  void repliesAreNotHeldBackByNaglesAlgorithm() {
    assertEquals("true", System.getProperty(RankServer.NO_DELAY));
  }

  @Test
  void otherMethodsAndPathsAreRefused() throws Exception {
    HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/rank")).GET());
    assertEquals(405, get.statusCode());
    assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    assertEquals(405, send(HttpRequest.newBuilder(uri("/status")).DELETE()).statusCode());
    for (String path : List.of("/ranking", "/", "/rank/more", "/nothing")) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET());
      assertEquals(404, r.statusCode(), path);
      assertEquals(JsonWire.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElse(""), path);
      assertTrue(JSON.readTree(r.body()).get("error").asText().startsWith("no such resource: " + path),
          r.body());
    }
    assertEquals(404, post("/nothing", "{}").statusCode());
  }

  static Stream<String> malformedBodies() {
    return Stream.of("{", "{\"segment\": 1,", "[1, 2]", "{\"segment\": \"x\"}", "null", "{\"segment\": 1e999}",
        "{\"segment\": 1, \"k\": 3, \"candidates\": {}}", "{\"segment\": 1, \"k\": 3, \"candidates\": [1]}",
        "{\"segment\": 1, \"k\": 3, \"candidates\": [{\"supplier\": 1.5, \"relevance\": 1}]}",
        "{\"segment\": 1} {}", "\u0000", "{\"segment\": 99999999999999999999}");
  }

  /** A caller sees what it wrote wrong, never the JSON library's class names or settings. */
  @ParameterizedTest
  @MethodSource("malformedBodies")
  void aMalformedBodyIsDescribedWithoutTheLibrarysInternals(String body) throws Exception {
    HttpResponse<String> r = post("/rank", body);
    assertEquals(400, r.statusCode(), r.body());
    String error = JSON.readTree(r.body()).get("error").asText();
    for (String internal : List.of("Source:", "REDACTED", "StreamReadFeature", "jackson", "fasterxml",
        "org.beltway", "java.")) {
      assertTrue(!error.contains(internal), internal + " in: " + error);
    }
  }

  @Test
  void statusShowsThePlanItsCertificateAndWhatWasServed() throws Exception {
    Query q = query(snapshot, segment, 11);
    ok(post("/rank", q.json(5)));
    ok(post("/rank", q.json(8)));
    JsonNode status = status();
    assertEquals(DemoPlan.MARKETPLACE, status.at("/plan/marketplace").asText());
    assertEquals(1, status.at("/plan/version").asLong());
    assertEquals(snapshot.supplierCount(), status.at("/plan/suppliers").asInt());
    assertTrue(status.at("/plan/file").asText().endsWith("plan-000001.snap"), status.toString());
    assertEquals(snapshot.certificate().termination(), status.at("/certificate/termination").asText());
    assertEquals(snapshot.certificate().passes(), status.at("/certificate/passes").asInt());
    assertEquals(2, status.at("/stats/queries").asLong());
    assertEquals(2L * q.ids.length, status.at("/stats/candidates").asLong());
    assertEquals(2, status.at("/stats/unknownCandidates").asLong());
    assertEquals(0, status.at("/stats/swaps").asLong());
    double exposure = status.at("/stats/exposure").asDouble();
    assertTrue(exposure > 0, status.toString());
    assertEquals(exposure, status.at("/delivered/exposure").asDouble(), 1e-9);
    assertEquals(0, status.at("/reload/rejections").asLong());
    assertTrue(status.at("/reload/lastError").isNull(), status.toString());
  }

  @Test
  void aBadSnapshotIsRejectedAndTheOldPlanServesUntilANewerOneArrives() throws Exception {
    byte[] bytes = SnapshotFormat.toBytes(demo.snapshot(2));
    byte[] flipped = bytes.clone();
    flipped[flipped.length / 2] ^= 0x10;
    drop("plan-000002.snap", flipped);
    JsonNode status = awaitStatus(s -> s.at("/reload/rejections").asLong() >= 1);
    assertTrue(status.at("/reload/lastError/file").asText().endsWith("plan-000002.snap"), status.toString());
    assertTrue(status.at("/reload/lastError/error").asText().contains("corrupted snapshot: checksum"),
        status.toString());
    drop("plan-000003.snap", Arrays.copyOf(bytes, bytes.length - 100));
    status = awaitStatus(s -> s.at("/reload/rejections").asLong() >= 2);
    assertTrue(status.at("/reload/lastError/error").asText().contains("truncated snapshot"),
        status.toString());
    Query q = query(snapshot, segment, 3);
    assertEquals(1, ok(post("/rank", q.json(5))).get("planVersion").asLong());
    assertEquals(1, status.at("/plan/version").asLong());

    demo.write(dir, 4);
    status = awaitStatus(s -> s.at("/plan/version").asLong() == 4);
    assertTrue(status.at("/plan/file").asText().endsWith("plan-000004.snap"), status.toString());
    assertEquals(1, status.at("/stats/swaps").asLong());
    assertEquals(2, status.at("/reload/rejections").asLong());
    assertEquals(4, ok(post("/rank", q.json(5))).get("planVersion").asLong());
  }

  // ------------------------------------------------------------------ queries and requests

  /** A query's candidates: suppliers of the plan that opted into the segment, one not, one unknown. */
  private record Query(long[] ids, double[] relevance) {
    String json(int k) {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
          "{\"segment\": %d, \"k\": %d, \"candidates\": [", segment, k));
      for (int i = 0; i < ids.length; i++) {
        b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
            "{\"supplier\": %d, \"relevance\": %s}", ids[i], relevance[i]));
      }
      return b.append("]}").toString();
    }
  }

  private static Query query(PlanSnapshot s, long segmentId, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int j = s.segment(segmentId);
    List<Long> ids = new ArrayList<>();
    long largest = 0;
    for (int row = 0; row < s.supplierCount(); row++) {
      largest = Math.max(largest, s.supplierId(row));
      if (ids.size() < 40 && s.optedIn(row, j) && random.nextInt(3) == 0) {
        ids.add(s.supplierId(row));
      }
    }
    ids.add(largest + 1);
    double[] relevance = new double[ids.size()];
    for (int i = 0; i < relevance.length; i++) {
      // a coarse grid, so that some scores tie and the order must break them by supplier id
      relevance[i] = random.nextInt(5) / 4.0;
    }
    return new Query(ids.stream().mapToLong(Long::longValue).toArray(), relevance);
  }

  private static long segmentWithOptedIn(PlanSnapshot s, int atLeast) {
    for (int j = 0; j < s.segmentCount(); j++) {
      int opted = 0;
      for (int row = 0; row < s.supplierCount(); row++) {
        opted += s.optedIn(row, j) ? 1 : 0;
      }
      if (opted >= 3 * atLeast) {
        return s.segmentId(j);
      }
    }
    throw new AssertionError("no segment with " + 3 * atLeast + " suppliers opted in");
  }

  /** Writes a file beside the directory's snapshots and moves it in, as a planner would. */
  private void drop(String name, byte[] bytes) throws IOException {
    Path tmp = Files.write(dir.resolve(name + ".tmp"), bytes);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private URI uri(String path) {
    return server.uri().resolve(path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", JsonWire.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static JsonNode ok(HttpResponse<String> r) throws IOException {
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(JsonWire.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElse(""));
    return JSON.readTree(r.body());
  }

  private JsonNode status() throws IOException, InterruptedException {
    return ok(send(HttpRequest.newBuilder(uri("/status")).GET()));
  }

  /** The first status that passes, polled every 10 ms for at most {@link #PATIENCE}. */
  private JsonNode awaitStatus(Predicate<JsonNode> done) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode last;
    do {
      last = status();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(10);
    } while (System.nanoTime() < deadline);
    return fail("not reached within " + PATIENCE + "; last status: " + last);
  }
}
