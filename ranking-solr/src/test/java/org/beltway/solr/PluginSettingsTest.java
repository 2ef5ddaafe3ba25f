package org.beltway.solr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The plug-in's settings from solrconfig.xml: each mistake refused with the setting and the value. */
public class PluginSettingsTest {
  @Rule
  public final TemporaryFolder folder = new TemporaryFolder();

  private static NamedList<Object> args(Object... pairs) {
    NamedList<Object> list = new NamedList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      list.add((String) pairs[i], pairs[i + 1]);
    }
    return list;
  }

  private static void assertRefused(String message, Object... pairs) {
    SolrException e = assertThrows(SolrException.class,
        () -> new BeltwayQParserPlugin().init(args(pairs)));
    assertEquals(SolrException.ErrorCode.SERVER_ERROR.code, e.code());
    assertEquals("beltway query parser: " + message, e.getMessage());
  }

  @Test
  public void defaultsFillWhatIsNotGiven() {
    PluginSettings s = PluginSettings.of(args("snapshotDir", "snapshots", "marketplace", "m"));
    assertEquals(Path.of("snapshots"), s.snapshotDir());
    assertEquals("m", s.marketplace());
    assertEquals("segment", s.segmentParam());
    assertEquals("supplier_id", s.supplierField());
    assertEquals(1000, s.reRankDocs());
    assertEquals(10_000, s.maxReRankDocs());
    assertEquals(10, s.pollSeconds());
  }

  @Test
  public void numbersMayBeIntsOrStrings() {
    PluginSettings s = PluginSettings.of(args("snapshotDir", "d", "marketplace", "m", "reRankDocs", 300,
        "maxReRankDocs", " 500 ", "pollSeconds", 2L, "segmentParam", "seg", "supplierField", "sid"));
    assertEquals(300, s.reRankDocs());
    assertEquals(500, s.maxReRankDocs());
    assertEquals(2, s.pollSeconds());
    assertEquals("seg", s.segmentParam());
    assertEquals("sid", s.supplierField());
  }

  @Test
  public void reRankDocsDefaultsToAtMostTheMaximum() {
    assertEquals(200, PluginSettings.of(args("snapshotDir", "d", "marketplace", "m", "maxReRankDocs",
        200)).reRankDocs());
  }

  @Test
  public void badSettingsAreRefusedWithTheSettingAndTheValue() {
    assertRefused("snapshotDir is required: expected a <str name=\"snapshotDir\"> in the queryParser"
        + " element", "marketplace", "m");
    assertRefused("marketplace is required: expected a <str name=\"marketplace\"> in the queryParser"
        + " element", "snapshotDir", "d");
    assertRefused("marketplace (\" \"): expected a non-blank string", "snapshotDir", "d",
        "marketplace", " ");
    assertRefused("unknown setting \"snapshotDirectory\": expected one of [snapshotDir, marketplace,"
        + " segmentParam, supplierField, reRankDocs, maxReRankDocs, pollSeconds]",
        "snapshotDirectory", "d", "marketplace", "m");
    assertRefused("marketplace is given twice: expected once", "snapshotDir", "d", "marketplace", "m",
        "marketplace", "n");
    assertRefused("reRankDocs (0): expected a whole number from 1 to 10000", "snapshotDir", "d",
        "marketplace", "m", "reRankDocs", 0);
    assertRefused("reRankDocs (2000): expected a whole number from 1 to 1000", "snapshotDir", "d",
        "marketplace", "m", "reRankDocs", 2000, "maxReRankDocs", 1000);
    assertRefused("maxReRankDocs (20000): expected a whole number from 1 to 10000", "snapshotDir",
        "d", "marketplace", "m", "maxReRankDocs", 20_000);
    assertRefused("reRankDocs (\"many\"): expected a whole number from 1 to 10000", "snapshotDir",
        "d", "marketplace", "m", "reRankDocs", "many");
    assertRefused("pollSeconds (1.5): expected a whole number from 1 to 3600", "snapshotDir", "d",
        "marketplace", "m", "pollSeconds", 1.5f);
    assertRefused("supplierField (true): expected a non-blank string", "snapshotDir", "d",
        "marketplace", "m", "supplierField", true);
  }

  private BeltwayQParserPlugin plugin(Path dir) {
    BeltwayQParserPlugin plugin = new BeltwayQParserPlugin();
    plugin.init(args("snapshotDir", dir.toString(), "marketplace", TestPlans.MARKETPLACE,
        "pollSeconds", 3600));
    return plugin;
  }

  @Test
  public void directoryWithoutAValidSnapshotIsRefusedNamingEachFile() throws Exception {
    Path dir = folder.newFolder("snapshots").toPath();
    BeltwayQParserPlugin empty = plugin(dir);
    SolrException e = assertThrows(SolrException.class,
        () -> empty.inform(new ClasspathResourceLoader(getClass())));
    assertEquals("beltway query parser: snapshotDir (" + dir + "): no valid snapshot (*.snap) in "
        + dir, e.getMessage());

    Path bad = dir.resolve("plan-000001.snap");
    Files.write(bad, new byte[] {1, 2, 3});
    BeltwayQParserPlugin corrupt = plugin(dir);
    e = assertThrows(SolrException.class,
        () -> corrupt.inform(new ClasspathResourceLoader(getClass())));
    assertTrue(e.getMessage(), e.getMessage().startsWith("beltway query parser: snapshotDir (" + dir
        + "): no valid snapshot (*.snap) in " + dir + "; " + bad + ": "));
  }

  @Test
  public void missingDirectoryIsRefused() {
    Path dir = folder.getRoot().toPath().resolve("absent");
    BeltwayQParserPlugin plugin = plugin(dir);
    SolrException e = assertThrows(SolrException.class,
        () -> plugin.inform(new ClasspathResourceLoader(getClass())));
    assertTrue(e.getMessage(), e.getMessage().startsWith("beltway query parser: snapshotDir (" + dir
        + "): "));
  }

  @Test
  public void snapshotOfAnotherMarketplaceIsRefused() throws Exception {
    Path dir = folder.newFolder("other").toPath();
    TestPlans plans = TestPlans.get();
    plans.write(plans.a, 1, dir);
    BeltwayQParserPlugin plugin = new BeltwayQParserPlugin();
    plugin.init(args("snapshotDir", dir.toString(), "marketplace", "elsewhere"));
    SolrException e = assertThrows(SolrException.class,
        () -> plugin.inform(new ClasspathResourceLoader(getClass())));
    assertTrue(e.getMessage(), e.getMessage().contains("plan-000001.snap: "));
    assertTrue(e.getMessage(), e.getMessage().contains("elsewhere"));
  }
}
