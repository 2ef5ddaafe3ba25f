package org.beltway.solr;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.solr.common.util.NamedList;
import org.beltway.serving.Reranker;
import org.beltway.serving.SnapshotHeader;

/**
 * The plug-in's settings, from its {@code <queryParser>} element in solrconfig.xml. Each setting may
 * be given once; an unknown one, a missing required one or a value out of range refuses the core's
 * start with a message naming the setting, the value and what was expected.
 *
 * @param snapshotDir the directory the planner writes {@code *.snap} files into; a relative path is
 *     resolved against the core's instance directory when the core starts
 * @param marketplace the marketplace the plans must be of ({@link SnapshotHeader#marketplace()})
 * @param segmentParam the request parameter (or local parameter) carrying the query's segment id
 * @param supplierField the schema field holding each document's supplier id: a single-valued long
 *     with docValues
 * @param reRankDocs how many of the query's top documents are reranked when the query does not say
 * @param maxReRankDocs the most a query may ask for; each search thread's reranker is sized for it
 * @param pollSeconds how often the snapshot directory is looked at for a newer plan, in seconds
 */
record PluginSettings(Path snapshotDir, String marketplace, String segmentParam,
    String supplierField, int reRankDocs, int maxReRankDocs, int pollSeconds) {
  static final String SNAPSHOT_DIR = "snapshotDir";
  static final String MARKETPLACE = "marketplace";
  static final String SEGMENT_PARAM = "segmentParam";
  static final String SUPPLIER_FIELD = "supplierField";
  static final String RERANK_DOCS = "reRankDocs";
  static final String MAX_RERANK_DOCS = "maxReRankDocs";
  static final String POLL_SECONDS = "pollSeconds";
  private static final List<String> NAMES = List.of(SNAPSHOT_DIR, MARKETPLACE, SEGMENT_PARAM,
      SUPPLIER_FIELD, RERANK_DOCS, MAX_RERANK_DOCS, POLL_SECONDS);
  static final String DEFAULT_SEGMENT_PARAM = "segment";
  static final String DEFAULT_SUPPLIER_FIELD = "supplier_id";
  static final int DEFAULT_RERANK_DOCS = 1000;
  static final int DEFAULT_POLL_SECONDS = 10;
  /** An hour: a plan is made for a day, so a slower poll is a typing error. */
  static final int MAX_POLL_SECONDS = 3600;

  PluginSettings {
    if (snapshotDir == null || marketplace == null || segmentParam == null || supplierField == null) {
      throw new NullPointerException("snapshotDir, marketplace, segmentParam and supplierField must not be null");
    }
  }

  /**
   * Reads and checks the init args of the plug-in.
   *
   * @throws IllegalArgumentException naming the setting, its value and what was expected
   */
  static PluginSettings of(NamedList<?> args) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String name = args.getName(i);
      if (!NAMES.contains(name)) {
        throw error("unknown setting \"%s\": expected one of %s", name, NAMES);
      }
      if (given.put(name, args.getVal(i)) != null) {
        throw error("%s is given twice: expected once", name);
      }
    }
    String dir = text(given, SNAPSHOT_DIR, null);
    String market = text(given, MARKETPLACE, null);
    if (market.length() > SnapshotHeader.MAX_MARKETPLACE_LENGTH) {
      throw error("%s (%d characters): expected at most %d", MARKETPLACE, market.length(),
          SnapshotHeader.MAX_MARKETPLACE_LENGTH);
    }
    String segmentParam = text(given, SEGMENT_PARAM, DEFAULT_SEGMENT_PARAM);
    String field = text(given, SUPPLIER_FIELD, DEFAULT_SUPPLIER_FIELD);
    int max = integer(given, MAX_RERANK_DOCS, Reranker.MAX_K, 1, Reranker.MAX_K);
    int docs = integer(given, RERANK_DOCS, Math.min(DEFAULT_RERANK_DOCS, max), 1, max);
    int poll = integer(given, POLL_SECONDS, DEFAULT_POLL_SECONDS, 1, MAX_POLL_SECONDS);
    Path path;
    try {
      path = Path.of(dir);
    } catch (RuntimeException e) {
      throw error("%s (\"%s\"): expected a path: %s", SNAPSHOT_DIR, dir, e.getMessage());
    }
    return new PluginSettings(path, market, segmentParam, field, docs, max, poll);
  }

  private static String text(Map<String, Object> given, String name, String fallback) {
    Object v = given.get(name);
    if (v == null) {
      if (fallback == null) {
        throw error("%s is required: expected a <str name=\"%s\"> in the queryParser element", name,
            name);
      }
      return fallback;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw error("%s (%s): expected a non-blank string", name, quoted(v));
    }
    return s.strip();
  }

  private static int integer(Map<String, Object> given, String name, int fallback, int min, int max) {
    Object v = given.get(name);
    if (v == null) {
      return fallback;
    }
    long n;
    if (v instanceof Integer || v instanceof Long) {
      n = ((Number) v).longValue();
    } else if (v instanceof String s) {
      try {
        n = Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        throw error("%s (%s): expected a whole number from %d to %d", name, quoted(v), min, max);
      }
    } else {
      throw error("%s (%s): expected a whole number from %d to %d", name, quoted(v), min, max);
    }
    if (n < min || n > max) {
      throw error("%s (%d): expected a whole number from %d to %d", name, n, min, max);
    }
    return (int) n;
  }

  private static String quoted(Object v) {
    return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
  }

  private static IllegalArgumentException error(String format, Object... values) {
    return new IllegalArgumentException("beltway query parser: " + String.format(Locale.ROOT, format,
        values));
  }
}
