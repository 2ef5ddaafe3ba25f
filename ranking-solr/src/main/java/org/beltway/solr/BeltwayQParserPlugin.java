package org.beltway.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.core.SolrResourceLoader;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.schema.NumberType;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;
import org.beltway.serving.PlanSnapshot;

/**
 * Reranks a query's top documents by the Beltway plan served on this node (docs/design.md §6): each
 * document's score becomes its Lucene score × the plan's boost for its supplier in the query's
 * segment × the supplier's pacing factor, as {@link org.beltway.serving.Reranker} computes it. Used as
 * a rank query:
 *
 * <pre>{@code q=steel pipe&rq={!beltway reRankDocs=1000}&segment=42}</pre>
 *
 * <p>Registered in solrconfig.xml with its settings ({@link PluginSettings}):
 *
 * <pre>{@code
 * <queryParser name="beltway" class="org.beltway.solr.BeltwayQParserPlugin">
 *   <str name="snapshotDir">/var/beltway/snapshots</str>
 *   <str name="marketplace">industrial-belt</str>
 * </queryParser>
 * }</pre>
 *
 * <p>The plan is the newest valid {@code *.snap} in the snapshot directory when the core starts (none:
 * the core does not start, and the error names each file and why it was refused); a newer plan version
 * dropped there later is swapped in within {@code pollSeconds}, and a bad file is refused, logged with
 * its name and reason, while the plan in service goes on. Local parameters: {@code reRankDocs} (1 to
 * {@code maxReRankDocs}) and the segment, under the configured {@code segmentParam} name, as a local or
 * a request parameter. The supplier field is checked against the core's schema at the first query of
 * each schema: a single-valued long with docValues.
 */
public final class BeltwayQParserPlugin extends QParserPlugin implements ResourceLoaderAware {
  /** The parser's usual name in solrconfig.xml and in {@code {!beltway}}. */
  public static final String NAME = "beltway";
  private PluginSettings settings;
  private volatile NodePlan node;
  /** The last schema whose supplier field passed the check. */
  private volatile IndexSchema checkedSchema;

  @Override
  public void init(NamedList<?> args) {
    try {
      settings = PluginSettings.of(args);
    } catch (IllegalArgumentException e) {
      throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, e.getMessage(), e);
    }
  }

  /** Opens the snapshot directory, a relative one in the core's instance directory. */
  @Override
  public void inform(ResourceLoader loader) throws IOException {
    if (settings == null) {
      throw new IllegalStateException("beltway query parser: inform before init");
    }
    Path dir = settings.snapshotDir();
    String core = "core";
    if (loader instanceof SolrResourceLoader solr) {
      dir = solr.getInstancePath().resolve(dir);
      core = solr.getInstancePath().getFileName().toString();
    }
    dir = dir.toAbsolutePath().normalize();
    PluginSettings resolved = new PluginSettings(dir, settings.marketplace(), settings.segmentParam(),
        settings.supplierField(), settings.reRankDocs(), settings.maxReRankDocs(),
        settings.pollSeconds());
    try {
      node = NodePlan.open(resolved, core);
    } catch (IOException e) {
      throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, String.format(Locale.ROOT,
          "beltway query parser: %s (%s): %s", PluginSettings.SNAPSHOT_DIR, dir, e.getMessage()), e);
    }
    settings = resolved;
  }

  @Override
  public QParser createParser(String qstr, SolrParams localParams, SolrParams params,
      SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() throws SyntaxError {
        return BeltwayQParserPlugin.this.parse(this, req);
      }
    };
  }

  private Query parse(QParser parser, SolrQueryRequest req) {
    NodePlan n = node;
    if (n == null) {
      throw new SolrException(SolrException.ErrorCode.SERVICE_UNAVAILABLE,
          "beltway query parser: no plan (the snapshot directory was not opened)");
    }
    checkField(req.getSchema());
    String name = settings.segmentParam();
    String segment = parser.getParam(name);
    if (segment == null || segment.isBlank()) {
      throw badRequest("parameter %s is required: the query's segment id", name);
    }
    long segmentId;
    try {
      segmentId = Long.parseLong(segment.strip());
    } catch (NumberFormatException e) {
      throw badRequest("%s (\"%s\"): expected a segment id (a long)", name, segment);
    }
    PlanSnapshot plan = n.snapshot();
    if (plan.segment(segmentId) < 0) {
      throw badRequest("%s (%d): not a segment of plan version %d of marketplace \"%s\"", name,
          segmentId, plan.header().version(), plan.header().marketplace());
    }
    int docs = settings.reRankDocs();
    String given = parser.getLocalParams() == null ? null
        : parser.getLocalParams().get(PluginSettings.RERANK_DOCS);
    if (given != null) {
      try {
        docs = Integer.parseInt(given.strip());
      } catch (NumberFormatException e) {
        docs = -1;
      }
      if (docs < 1 || docs > settings.maxReRankDocs()) {
        throw badRequest("%s (\"%s\"): expected a whole number from 1 to %s (%d)",
            PluginSettings.RERANK_DOCS, given, PluginSettings.MAX_RERANK_DOCS,
            settings.maxReRankDocs());
      }
    }
    // Solr collects start + rows and slices the page off: only the page's positions are shown
    int shownFrom = Math.max(0, req.getParams().getInt(CommonParams.START, 0));
    return new PlanRerankQuery(n, segmentId, docs, shownFrom, PlanRerankQuery.defaultMain());
  }

  /** Checks the supplier field once per schema (a managed schema can change while serving). */
  private void checkField(IndexSchema schema) {
    if (schema == checkedSchema) {
      return;
    }
    String name = settings.supplierField();
    SchemaField field = schema.getFieldOrNull(name);
    String problem = null;
    if (field == null) {
      problem = "no such field";
    } else if (field.getType().getNumberType() != NumberType.LONG) {
      problem = "of type " + field.getType().getTypeName() + " ("
          + field.getType().getClass().getSimpleName() + ")";
    } else if (field.multiValued()) {
      problem = "multi-valued";
    } else if (!field.hasDocValues()) {
      problem = "without docValues";
    }
    if (problem != null) {
      throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, String.format(Locale.ROOT,
          "beltway query parser: %s (\"%s\") is %s in schema %s: expected a single-valued long field"
              + " with docValues=\"true\"", PluginSettings.SUPPLIER_FIELD, name, problem,
          schema.getSchemaName()));
    }
    checkedSchema = schema;
  }

  /** The plan this core serves, or null before the core started. */
  NodePlan node() {
    return node;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getDescription() {
    NodePlan n = node;
    if (n == null) {
      return "Beltway plan reranking: no plan";
    }
    PlanSnapshot s = n.snapshot();
    return String.format(Locale.ROOT, "Beltway plan reranking: marketplace %s, plan version %d from %s",
        s.header().marketplace(), s.header().version(), n.watcher().servingFile());
  }

  /** Stops the snapshot timer (Solr closes its query parsers with the core). */
  @Override
  public void close() throws IOException {
    NodePlan n = node;
    if (n != null) {
      n.close();
    }
    super.close();
  }

  private static SolrException badRequest(String format, Object... values) {
    return new SolrException(SolrException.ErrorCode.BAD_REQUEST,
        "beltway query parser: " + String.format(Locale.ROOT, format, values));
  }
}
