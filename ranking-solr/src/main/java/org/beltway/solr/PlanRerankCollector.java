package org.beltway.solr;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.solr.common.SolrException;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.Reranker;

/**
 * Collects the query's top {@code max(reRankDocs, len)} documents by Lucene's score, then reorders the
 * top {@code reRankDocs} (the window) with the plan: each document's supplier id is read from the
 * supplier field's docValues, and {@link Reranker#rank} scores it relevance × boost × pacing.
 *
 * <p>The result, best first: the window's documents as the reranker ranks them (with the reranked
 * score); then the window's documents whose supplier did not join the segment's channel program, in
 * relevance order (they are demoted, not hidden: they still match the query, but the plan gives them
 * none of the segment's traffic); then the documents below the window, in relevance order. The
 * demoted and lower documents keep their Lucene score, capped at the score above them, so the scores
 * never rise down the list and a merge by score (distributed search) keeps the order. A document
 * without a supplier id ranks as a supplier outside the plan: by plain relevance.
 */
final class PlanRerankCollector extends TopDocsCollector<ScoreDoc> {
  private final TopScoreDocCollector main;
  private final IndexSearcher searcher;
  private final NodePlan node;
  private final long segmentId;
  private final int reRankDocs;
  private final int shownFrom;
  private final int length;

  PlanRerankCollector(NodePlan node, long segmentId, int reRankDocs, int shownFrom, int length,
      int minExactCount, IndexSearcher searcher) {
    super(null);
    this.node = node;
    this.segmentId = segmentId;
    this.reRankDocs = reRankDocs;
    this.shownFrom = shownFrom;
    this.length = length;
    this.searcher = searcher;
    int maxDoc = searcher.getIndexReader().maxDoc();
    main = new TopScoreDocCollectorManager(
        Math.max(1, Math.min(Math.max(reRankDocs, length), maxDoc)), minExactCount).newCollector();
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    return main.getLeafCollector(context);
  }

  @Override
  public ScoreMode scoreMode() {
    return main.scoreMode();
  }

  @Override
  public int getTotalHits() {
    return main.getTotalHits();
  }

  @Override
  public TopDocs topDocs() {
    return topDocs(0, Math.max(reRankDocs, length));
  }

  @Override
  public TopDocs topDocs(int start) {
    return topDocs(start, Math.max(reRankDocs, length));
  }

  @Override
  public TopDocs topDocs(int start, int howMany) {
    TopDocs top = main.topDocs(0, Math.max(reRankDocs, length));
    ScoreDoc[] docs = top.scoreDocs;
    int end = (int) Math.min(docs.length, (long) Math.max(start, 0) + Math.max(howMany, 0));
    if (docs.length == 0 || start < 0 || start >= end) {
      return new TopDocs(top.totalHits, new ScoreDoc[0]);
    }
    int window = Math.min(docs.length, reRankDocs);
    QueryScratch s = node.scratch();
    try {
      readSupplierIds(docs, window, s);
    } catch (IOException e) {
      throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, String.format(Locale.ROOT,
          "beltway: cannot read field %s: %s", node.settings().supplierField(), e), e);
    }
    for (int i = 0; i < window; i++) {
      s.relevance[i] = docs[i].score;
      s.placed[i] = false;
    }
    int placed;
    try {
      // a later page (the request's start > 0) ranks the pages before it too, but counts only the
      // positions it shows
      placed = s.reranker.rankShown(segmentId, s.supplierIds, s.relevance, window, Math.min(window, end),
          Math.max(start, shownFrom), s.order, s.scores);
    } catch (IllegalArgumentException e) {
      // the segment left the plan in a swap since the query was parsed, or a score below zero
      throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "beltway: " + e.getMessage(), e);
    }
    ScoreDoc[] page = new ScoreDoc[end - start];
    float above = Float.POSITIVE_INFINITY;
    int next = 0;
    for (int p = 0; p < placed && next < end; p++, next++) {
      int i = s.order[p];
      s.placed[i] = true;
      above = (float) s.scores[p];
      if (next >= start) {
        page[next - start] = new ScoreDoc(docs[i].doc, above, docs[i].shardIndex);
      }
    }
    for (int i = 0; i < docs.length && next < end; i++) {
      if (i < window && s.placed[i]) {
        continue;
      }
      above = Math.min(above, docs[i].score);
      if (next >= start) {
        page[next - start] = new ScoreDoc(docs[i].doc, above, docs[i].shardIndex);
      }
      next++;
    }
    return new TopDocs(top.totalHits, page);
  }

  /**
   * Reads the window's supplier ids in index order (docValues iterators only go forward); a document
   * without one gets an id the plan in service does not have.
   */
  private void readSupplierIds(ScoreDoc[] docs, int window, QueryScratch s) throws IOException {
    long missing = absentId(node.snapshot());
    long[] keys = s.docAndPosition;
    for (int i = 0; i < window; i++) {
      keys[i] = ((long) docs[i].doc << 32) | i;
    }
    Arrays.sort(keys, 0, window);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    String field = node.settings().supplierField();
    int leaf = -1;
    int leafEnd = 0;
    int docBase = 0;
    NumericDocValues values = null;
    for (int n = 0; n < window; n++) {
      int doc = (int) (keys[n] >>> 32);
      int i = (int) keys[n];
      while (doc >= leafEnd) {
        LeafReaderContext c = leaves.get(++leaf);
        docBase = c.docBase;
        leafEnd = docBase + c.reader().maxDoc();
        values = null;
      }
      if (values == null) {
        values = DocValues.getNumeric(leaves.get(leaf).reader(), field);
      }
      s.supplierIds[i] = values.advanceExact(doc - docBase) ? values.longValue() : missing;
    }
  }

  /** The smallest long that is no supplier's id in the snapshot: the stand-in for "no supplier id". */
  static long absentId(PlanSnapshot snapshot) {
    long id = Long.MIN_VALUE;
    while (snapshot.row(id) >= 0) {
      id++;
    }
    return id;
  }
}
