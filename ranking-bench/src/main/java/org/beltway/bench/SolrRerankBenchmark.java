package org.beltway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
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
 * The latency the Solr plug-in (ranking-solr) adds to a query: the same query, side by side, plain
 * ({@code PLAIN}: Lucene's top 10), through Solr's own rerank of the top 1 000 with a trivial second
 * pass ({@code SOLR_RERANK}: what collecting a window of 1 000 costs any reranker) and reranked by
 * the plan ({@code BELTWAY}: {@code rq={!beltway reRankDocs=1000}&segment=...}, the top 1 000
 * collected and reordered, the top 10 returned), through an {@link EmbeddedSolrServer} with no
 * caches. The core holds 20 000 documents of
 * 8 to 24 words from 100, their suppliers drawn from the busiest segment's plan at 1% scale
 * ({@link NationalInstance}, the 2025 policy: 70% boosted in the segment, 15% others of the plan, many
 * excluded by its channel program, 10% outside the plan, 5% without a supplier id). Each call takes
 * the next of 64 two-word queries, each matching several thousand documents. Run with
 *
 * <pre>java -jar ranking-bench/target/benchmarks.jar SolrRerankBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC",
    "-Djava.security.egd=file:/dev/./urandom"})
public class SolrRerankBenchmark {
  static final int DOCS = 20_000;
  static final int WORDS = 100;
  static final int QUERIES = 64;
  static final int ROWS = 10;

  /**
   * Which side of the comparison a trial runs: the plain query; the same window through Solr's own
   * {@code {!rerank}}, reading the same docValues field with weight 0 (order unchanged), the floor of
   * any rerank of 1 000 documents; the plug-in.
   */
  public enum Side { PLAIN, SOLR_RERANK, BELTWAY }

  @Param({"PLAIN", "SOLR_RERANK", "BELTWAY"})
  public Side side;

  @Param({"1000"})
  public int reRankDocs;

  private Path home;
  private EmbeddedSolrServer server;
  private ModifiableSolrParams[] queries;
  private int next;

  @Setup(Level.Trial)
  public void core() throws IOException, SolrServerException {
    NationalInstance instance = new NationalInstance(0.01, 42L);
    PlanSnapshot plan = PlanSnapshot.of(
        AllocationSolver.defaults().solve(instance.problem(instance.graph, instance.guarantees)),
        instance.marketplace.suppliers(), new SnapshotHeader("bench", 1, 0L));
    home = Files.createTempDirectory("beltway-solr-bench");
    Path snapshots = Files.createDirectories(home.resolve("snapshots"));
    SnapshotFormat.write(plan, snapshots.resolve("plan-000001.snap"));
    Path conf = Files.createDirectories(home.resolve("collection1").resolve("conf"));
    for (String name : List.of("solrconfig.xml", "schema.xml")) {
      try (InputStream in = SolrRerankBenchmark.class.getResourceAsStream("solr/" + name)) {
        Files.copy(in, conf.resolve(name));
      }
    }
    Files.writeString(home.resolve("collection1").resolve("core.properties"), "name=collection1\n");
    Files.writeString(home.resolve("solr.xml"), "<solr/>\n");
    System.setProperty("beltway.snapshotDir", snapshots.toString());
    server = new EmbeddedSolrServer(home, "collection1");

    int segment = busiestSegment(plan);
    Random rnd = new Random(7L);
    index(plan, segment, rnd);
    queries = new ModifiableSolrParams[QUERIES];
    for (int q = 0; q < QUERIES; q++) {
      ModifiableSolrParams p = new ModifiableSolrParams();
      p.set("q", word(rnd.nextInt(WORDS)) + " " + word(rnd.nextInt(WORDS)));
      p.set("fl", "id,score");
      p.set("rows", ROWS);
      if (side == Side.SOLR_RERANK) {
        p.set("rq", "{!rerank reRankQuery=$rrq reRankDocs=" + reRankDocs + " reRankWeight=0}");
        p.set("rrq", "{!func}supplier_id");
      }
      if (side == Side.BELTWAY) {
        p.set("rq", "{!beltway reRankDocs=" + reRankDocs + "}");
        p.set("segment", Long.toString(plan.segmentId(segment)));
      }
      queries[q] = p;
    }
    long matched = 0;
    for (ModifiableSolrParams p : queries) {
      matched += server.query(p).getResults().getNumFound();
    }
    System.out.printf(Locale.ROOT, "%n%d documents, %d queries matching %d on average; segment %d of"
        + " %d suppliers, %d segments%n", DOCS, QUERIES, matched / QUERIES, plan.segmentId(segment),
        plan.supplierCount(), plan.segmentCount());
  }

  private static String word(int w) {
    return "w" + w;
  }

  /** The segment with the most suppliers the plan boosts, among those with a channel program. */
  private static int busiestSegment(PlanSnapshot s) {
    int best = 0;
    int bestCount = -1;
    for (int j = 0; j < s.segmentCount(); j++) {
      int boosted = 0;
      int excluded = 0;
      for (int row = 0; row < s.supplierCount(); row++) {
        if (!s.optedIn(row, j)) {
          excluded++;
        } else if (s.boost(row, j) > 0) {
          boosted++;
        }
      }
      if (excluded > 0 && boosted > bestCount) {
        best = j;
        bestCount = boosted;
      }
    }
    return best;
  }

  private void index(PlanSnapshot s, int j, Random rnd) throws IOException, SolrServerException {
    List<Long> boosted = new ArrayList<>();
    List<Long> others = new ArrayList<>();
    int excluded = 0;
    for (int row = 0; row < s.supplierCount(); row++) {
      (s.optedIn(row, j) && s.boost(row, j) > 0 ? boosted : others).add(s.supplierId(row));
      excluded += s.optedIn(row, j) ? 0 : 1;
    }
    System.out.printf(Locale.ROOT, "%nsegment %d: %d suppliers boosted, %d others, %d of them excluded"
        + " by its channel program%n", s.segmentId(j), boosted.size(), others.size(), excluded);
    List<SolrInputDocument> batch = new ArrayList<>();
    for (int d = 0; d < DOCS; d++) {
      SolrInputDocument doc = new SolrInputDocument();
      doc.addField("id", Integer.toString(d));
      int kind = rnd.nextInt(100);
      if (kind < 70) {
        doc.addField("supplier_id", boosted.get(rnd.nextInt(boosted.size())));
      } else if (kind < 85 && !others.isEmpty()) {
        doc.addField("supplier_id", others.get(rnd.nextInt(others.size())));
      } else if (kind < 95) {
        doc.addField("supplier_id", 9_000_000_000L + d);
      }
      StringBuilder text = new StringBuilder();
      for (int t = 8 + rnd.nextInt(17); t > 0; t--) {
        text.append(word(rnd.nextInt(WORDS))).append(' ');
      }
      doc.addField("text", text.toString());
      batch.add(doc);
      if (batch.size() == 5_000) {
        server.add(batch);
        batch.clear();
      }
    }
    server.add(batch);
    server.commit();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    server.close();
    System.clearProperty("beltway.snapshotDir");
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** One query of the pool, plain or reranked; returns the first document's id. */
  @Benchmark
  public Object query() throws IOException, SolrServerException {
    ModifiableSolrParams p = queries[next];
    next = (next + 1) % QUERIES;
    return server.query(p).getResults().get(0).getFieldValue("id");
  }
}
