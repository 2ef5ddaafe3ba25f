package org.beltway.solr;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.Weight;
import org.apache.solr.common.SolrException;
import org.apache.solr.handler.component.MergeStrategy;
import org.apache.solr.search.QueryCommand;
import org.apache.solr.search.RankQuery;

/**
 * The main query, its top documents reranked by the plan for one segment ({@link PlanRerankCollector}).
 * Matching and Lucene's scores are the main query's own (so is {@code debug=results}' explanation:
 * it explains the relevance, not the plan's boost).
 *
 * <p>Never cached in the query result cache: the plan changes under it (a swap, the pacing factors), and
 * a cached page would deliver exposure the plan does not count.
 */
final class PlanRerankQuery extends RankQuery {
  private final NodePlan node;
  private final long segmentId;
  private final int reRankDocs;
  /** The first position the request shows (its {@code start}): exposure is counted from there. */
  private final int shownFrom;
  private Query mainQuery;

  PlanRerankQuery(NodePlan node, long segmentId, int reRankDocs, int shownFrom, Query mainQuery) {
    this.node = node;
    this.segmentId = segmentId;
    this.reRankDocs = reRankDocs;
    this.shownFrom = shownFrom;
    this.mainQuery = mainQuery;
    setCache(false);
  }

  long segmentId() {
    return segmentId;
  }

  int reRankDocs() {
    return reRankDocs;
  }

  /** Sets the main query, as Solr does with the {@code q} of a request whose {@code rq} this is. */
  @Override
  public RankQuery wrap(Query main) {
    if (main != null) {
      mainQuery = main;
    }
    return this;
  }

  @Override
  public TopDocsCollector<? extends ScoreDoc> getTopDocsCollector(int len, QueryCommand cmd,
      IndexSearcher searcher) {
    if (cmd.getSort() != null) {
      throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "beltway reranks by relevance: sort ("
          + cmd.getSort() + "): expected none or score desc");
    }
    return new PlanRerankCollector(node, segmentId, reRankDocs, shownFrom, len, cmd.getMinExactCount(),
        searcher);
  }

  /** Shards' pages merge by score, which the reranked scores are. */
  @Override
  public MergeStrategy getMergeStrategy() {
    return null;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    return mainQuery.createWeight(searcher, scoreMode, boost);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = mainQuery.rewrite(searcher);
    return rewritten == mainQuery ? this
        : new PlanRerankQuery(node, segmentId, reRankDocs, shownFrom, rewritten);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    mainQuery.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "{!" + BeltwayQParserPlugin.NAME + " segment=" + segmentId + " reRankDocs=" + reRankDocs
        + " mainQuery='" + mainQuery.toString(field) + "'}";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && equalsTo((PlanRerankQuery) other);
  }

  private boolean equalsTo(PlanRerankQuery q) {
    return node == q.node && segmentId == q.segmentId && reRankDocs == q.reRankDocs
        && shownFrom == q.shownFrom && mainQuery.equals(q.mainQuery);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), System.identityHashCode(node), segmentId, reRankDocs, shownFrom,
        mainQuery);
  }

  /** The query of an {@code rq} before Solr wraps the main query in. */
  static Query defaultMain() {
    return new MatchAllDocsQuery();
  }
}
