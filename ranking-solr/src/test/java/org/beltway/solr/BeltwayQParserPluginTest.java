package org.beltway.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.solr.SolrTestCaseJ4;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.beltway.allocation.AllocationPlan;
import org.beltway.serving.LivePlan;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.PositionModel;
import org.beltway.serving.Reranker;
import org.beltway.serving.ServingStats;
import org.beltway.serving.SnapshotFormat;
import org.beltway.serving.SnapshotWatcher;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The plug-in in a real core (src/test/resources/solr): documents whose text Lucene scores (BM25) and
 * whose suppliers are in the plan, outside it, excluded from the segment's channel program or missing.
 * The reranked order must be what {@link Reranker} gives for the same candidates and Lucene scores.
 * The test methods run in random order: each serves the plan it needs as a new plan version.
 */
public class BeltwayQParserPluginTest extends SolrTestCaseJ4 {
  private static final int DOCS = 1500;
  private static final String QUERY = "steel pipe";
  private static TestPlans plans;
  private static Path snapshots;
  private static EmbeddedSolrServer server;
  private static long segment;
  private static long version;

  @BeforeClass
  public static void startCore() throws Exception {
    plans = TestPlans.get();
    snapshots = createTempDir("snapshots");
    version = 1;
    plans.write(plans.a, version, snapshots);
    System.setProperty("beltway.snapshotDir", snapshots.toString());
    Path home = Path.of(BeltwayQParserPluginTest.class.getResource("/solr").toURI());
    initCore("solrconfig.xml", "schema.xml", home.toString());
    server = new EmbeddedSolrServer(h.getCoreContainer(), h.coreName);
    PlanSnapshot a = plans.snapshot(plans.a, 1);
    int j = busiestSegment(a);
    segment = a.segmentId(j);
    index(a, j, new Random(random().nextLong()));
  }

  @AfterClass
  public static void forget() {
    System.clearProperty("beltway.snapshotDir");
    plans = null;
    snapshots = null;
    server = null; // closing it would close the core container: SolrTestCaseJ4 deletes the core
  }

  /** The segment with the most suppliers the plan boosts, among those with excluded suppliers. */
  private static int busiestSegment(PlanSnapshot s) {
    int best = -1;
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
    assertTrue("no segment of the test plan has both excluded and boosted suppliers", best >= 0);
    return best;
  }

  /**
   * Documents matching "steel" with varied term counts and lengths; 60% of suppliers boosted in the
   * segment, 15% excluded from it, 10% other suppliers of the plan, 8% outside it, 7% without one.
   */
  private static void index(PlanSnapshot s, int j, Random rnd) throws Exception {
    List<Long> boosted = new ArrayList<>();
    List<Long> excluded = new ArrayList<>();
    List<Long> others = new ArrayList<>();
    for (int row = 0; row < s.supplierCount(); row++) {
      (s.optedIn(row, j) ? s.boost(row, j) > 0 ? boosted : others : excluded).add(s.supplierId(row));
    }
    String[] words = {"valve", "flange", "bolt", "copper", "alloy", "cast", "forged", "tube", "gasket"};
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int d = 0; d < DOCS; d++) {
      SolrInputDocument doc = new SolrInputDocument();
      doc.addField("id", "d" + d);
      int kind = rnd.nextInt(100);
      if (kind < 60) {
        doc.addField("supplier_id", boosted.get(rnd.nextInt(boosted.size())));
      } else if (kind < 75) {
        doc.addField("supplier_id", excluded.get(rnd.nextInt(excluded.size())));
      } else if (kind < 85 && !others.isEmpty()) {
        doc.addField("supplier_id", others.get(rnd.nextInt(others.size())));
      } else if (kind < 93) {
        doc.addField("supplier_id", 9_000_000_000L + d);
      }
      StringBuilder text = new StringBuilder();
      int steel = 1 + rnd.nextInt(5);
      for (int t = 0; t < steel; t++) {
        text.append("steel ");
      }
      if (rnd.nextInt(3) == 0) {
        text.append("pipe ");
      }
      for (int t = rnd.nextInt(30); t > 0; t--) {
        text.append(words[rnd.nextInt(words.length)]).append(' ');
      }
      doc.addField("text", text.toString());
      docs.add(doc);
    }
    server.add(docs);
    server.commit();
  }

  /** A document of a result: its id, supplier id (null if none) and score. */
  private record Hit(String id, Long supplier, float score) {}

  private static List<Hit> search(String rq, int rows, String... more) throws Exception {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", QUERY);
    p.set("fl", "id,supplier_id,score");
    p.set("rows", rows);
    if (rq != null) {
      p.set("rq", rq);
    }
    for (int i = 0; i < more.length; i += 2) {
      p.set(more[i], more[i + 1]);
    }
    List<Hit> hits = new ArrayList<>();
    for (SolrDocument d : server.query(p).getResults()) {
      hits.add(new Hit((String) d.getFieldValue("id"), (Long) d.getFieldValue("supplier_id"),
          (Float) d.getFieldValue("score")));
    }
    return hits;
  }

  private static List<Hit> reranked(int reRankDocs, int rows) throws Exception {
    return search("{!beltway reRankDocs=" + reRankDocs + "}", rows, "segment", Long.toString(segment));
  }

  /**
   * What Reranker gives for the plain query's top {@code reRankDocs} and their Lucene scores, then the
   * excluded in relevance order, then the rest: the page of {@code rows}.
   */
  private static List<Hit> expected(PlanSnapshot plan, int reRankDocs, int rows) throws Exception {
    List<Hit> plain = search(null, Math.max(reRankDocs, rows));
    int n = Math.min(reRankDocs, plain.size());
    long absent = PlanRerankCollector.absentId(plan);
    long[] ids = new long[n];
    double[] relevance = new double[n];
    for (int i = 0; i < n; i++) {
      Hit hit = plain.get(i);
      ids[i] = hit.supplier() == null ? absent : hit.supplier();
      relevance[i] = hit.score();
    }
    Reranker reranker = new Reranker(new LivePlan(plan), PositionModel.LOGARITHMIC, n, n);
    int[] order = new int[n];
    double[] scores = new double[n];
    int placed = reranker.rank(segment, ids, relevance, n, Math.min(n, rows), order, scores);
    List<Hit> page = new ArrayList<>();
    boolean[] done = new boolean[plain.size()];
    for (int p = 0; p < placed; p++) {
      Hit hit = plain.get(order[p]);
      page.add(new Hit(hit.id(), hit.supplier(), (float) scores[p]));
      done[order[p]] = true;
    }
    for (int i = 0; i < plain.size() && page.size() < rows; i++) {
      if (!done[i]) {
        Hit hit = plain.get(i);
        float above = page.isEmpty() ? hit.score() : page.get(page.size() - 1).score();
        page.add(new Hit(hit.id(), hit.supplier(), Math.min(above, hit.score())));
      }
    }
    return page.subList(0, Math.min(rows, page.size()));
  }

  /** Puts a plan into service as the next version, by the watcher's own scan. */
  private static PlanSnapshot serve(AllocationPlan plan) throws Exception {
    version++;
    plans.write(plan, version, snapshots);
    NodePlan node = node();
    node.watcher().run();
    assertEquals("plan version in service", version, node.snapshot().header().version());
    return node.snapshot();
  }

  private static NodePlan node() {
    return ((BeltwayQParserPlugin) h.getCore().getQueryPlugin(BeltwayQParserPlugin.NAME)).node();
  }

  @Test
  public void rerankedOrderIsTheRerankersForTheSameCandidatesAndLuceneScores() throws Exception {
    PlanSnapshot a = serve(plans.a);
    List<Hit> got = reranked(200, 50);
    assertEquals(expected(a, 200, 50), got);
    assertNotEquals("the plan changes the order", search(null, 50), got);
    // the whole window, then documents below it
    assertEquals(expected(a, 100, 300), reranked(100, 300));
    // the page Solr asks for when start > 0
    List<Hit> second = search("{!beltway reRankDocs=200}", 10, "segment", Long.toString(segment),
        "start", "10");
    assertEquals(expected(a, 200, 20).subList(10, 20), second);
  }

  @Test
  public void excludedSuppliersComeAfterTheRerankedAndScoresNeverRise() throws Exception {
    PlanSnapshot a = serve(plans.a);
    int j = a.segment(segment);
    List<Hit> got = reranked(200, 200);
    int firstExcluded = -1;
    for (int i = 0; i < got.size(); i++) {
      Long id = got.get(i).supplier();
      boolean excluded = id != null && a.row(id) >= 0 && !a.optedIn(a.row(id), j);
      if (excluded && firstExcluded < 0) {
        firstExcluded = i;
      }
      assertTrue("document " + got.get(i) + " at " + i + " not excluded, below an excluded one at "
          + firstExcluded, excluded || firstExcluded < 0);
      if (i > 0) {
        assertTrue("score rises at " + i + ": " + got.get(i - 1) + " then " + got.get(i),
            got.get(i).score() <= got.get(i - 1).score());
      }
    }
    assertTrue("the window has excluded suppliers", firstExcluded > 0);
  }

  @Test
  public void queriesAreCountedInTheLivePlan() throws Exception {
    serve(plans.a);
    ServingStats before = node().live().stats();
    reranked(200, 10);
    ServingStats after = node().live().stats();
    assertEquals(before.queries() + 1, after.queries());
    assertEquals(before.candidates() + 200, after.candidates());
    assertTrue("excluded candidates counted", after.excludedCandidates() > before.excludedCandidates());
    assertTrue("unknown candidates counted", after.unknownCandidates() > before.unknownCandidates());
  }

  /** Regression (issue 30): a second page counted the exposure of the first page it did not show. */
  @Test
  public void aSecondPageCountsOnlyTheExposureItShows() throws Exception {
    serve(plans.a);
    double[] exposure = new double[3];
    String[][] pages = {{"rows", "20", "start", "0"}, {"rows", "10", "start", "0"},
        {"rows", "10", "start", "10"}};
    for (int c = 0; c < pages.length; c++) {
      double before = node().live().stats().exposure();
      search("{!beltway reRankDocs=200}", Integer.parseInt(pages[c][1]), "segment", Long.toString(segment),
          "start", pages[c][3]);
      exposure[c] = node().live().stats().exposure() - before;
    }
    assertTrue("the first page has exposure", exposure[1] > 0);
    assertEquals("positions 11 to 20 only", exposure[0] - exposure[1], exposure[2], 1e-9);
  }

  @Test
  public void liveSwapChangesTheOrder() throws Exception {
    PlanSnapshot a = serve(plans.a);
    List<Hit> underA = reranked(200, 50);
    assertEquals(expected(a, 200, 50), underA);
    PlanSnapshot b = serve(plans.b);
    List<Hit> underB = reranked(200, 50);
    assertEquals(expected(b, 200, 50), underB);
    assertNotEquals("plan B orders the page otherwise than plan A", underA, underB);
  }

  @Test
  public void olderPlanVersionIsLeftAlone() throws Exception {
    serve(plans.a);
    long serving = version;
    plans.write(plans.b, 0, snapshots);
    node().watcher().run();
    assertEquals(serving, node().snapshot().header().version());
  }

  @Test
  public void corruptSnapshotIsRefusedAndTheOldPlanKeepsServing() throws Exception {
    PlanSnapshot a = serve(plans.a);
    List<Hit> before = reranked(200, 50);
    byte[] bytes = SnapshotFormat.toBytes(plans.snapshot(plans.b, version + 1));
    bytes[bytes.length / 2] ^= 0x5a;
    Path corrupt = snapshots.resolve("corrupt-" + (version + 1) + ".snap");
    Files.write(corrupt, bytes);
    Path truncated = snapshots.resolve("truncated-" + (version + 1) + ".snap");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, 40));
    long rejected = node().watcher().rejections().count();
    node().watcher().run();
    SnapshotWatcher.Rejections r = node().watcher().rejections();
    assertEquals("both files refused", rejected + 2, r.count());
    assertTrue(r.last().message(), r.last().message().startsWith(r.last().file().toString() + ": "));
    assertTrue(r.last().message(), r.last().message().contains("corrupted snapshot: checksum")
        || r.last().message().contains("truncated snapshot"));
    assertEquals("the old plan serves", version, node().snapshot().header().version());
    assertEquals(before, reranked(200, 50));
    assertEquals(expected(a, 200, 50), before);
  }

  @Test
  public void badRequestsAreRefusedWithTheReason() {
    assertRefused(SolrException.ErrorCode.BAD_REQUEST, "parameter segment is required",
        "{!beltway}");
    assertRefused(SolrException.ErrorCode.BAD_REQUEST,
        "segment (\"steel\"): expected a segment id (a long)", "{!beltway segment=steel}");
    assertRefused(SolrException.ErrorCode.BAD_REQUEST, "segment (-7): not a segment of plan version",
        "{!beltway segment=-7}");
    assertRefused(SolrException.ErrorCode.BAD_REQUEST,
        "reRankDocs (\"5000\"): expected a whole number from 1 to maxReRankDocs (2000)",
        "{!beltway reRankDocs=5000 segment=" + segment + "}");
    assertRefused(SolrException.ErrorCode.BAD_REQUEST, "beltway reranks by relevance: sort",
        "{!beltway segment=" + segment + "}", "sort", "id asc");
  }

  @Test
  public void supplierFieldOfTheWrongKindIsRefusedWithTheReason() {
    assertRefused(SolrException.ErrorCode.SERVER_ERROR,
        "supplierField (\"text\") is of type text (TextField) in schema beltway-test: expected a"
            + " single-valued long field with docValues=\"true\"",
        "{!beltwayTextField segment=" + segment + "}");
    assertRefused(SolrException.ErrorCode.SERVER_ERROR,
        "supplierField (\"supplier_stored\") is without docValues",
        "{!beltwayNoDocValues segment=" + segment + "}");
  }

  private static void assertRefused(SolrException.ErrorCode code, String message, String rq,
      String... more) {
    Exception e = expectThrows(Exception.class, () -> search(rq, 10, more));
    SolrException solr = e instanceof SolrException s ? s
        : e instanceof SolrServerException && e.getCause() instanceof SolrException s ? s : null;
    assertNotNull("a SolrException: " + e, solr);
    assertEquals(solr.getMessage(), code.code, solr.code());
    assertTrue(solr.getMessage() + " should contain " + message, solr.getMessage().contains(message));
  }
}
