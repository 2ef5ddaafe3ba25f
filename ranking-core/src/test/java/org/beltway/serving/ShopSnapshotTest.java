package org.beltway.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.entity.ShopPlan;
import org.beltway.supplier.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An entity plan served by shop: every shop edge serves its entity's boost, through bytes and a reranker. */
class ShopSnapshotTest {
  private static final ShopMarket DAY = ShopMarket.day();
  private static final PlanSnapshot SNAPSHOT = DAY.snapshot(1);

  @Test
  void everyShopEdgeServesTheShopPlansBoostBitForBit() throws IOException {
    assertSameBoosts(DAY.plan, SNAPSHOT);
    PlanSnapshot back = SnapshotFormat.read(new ByteArrayInputStream(SnapshotFormat.toBytes(SNAPSHOT)),
        ServingMarket.NAME);
    assertSameBoosts(DAY.plan, back);
    SnapshotColumns c = SNAPSHOT.columns();
    assertTrue(c.capRows.length > 0 && c.relevanceRows.length > 0 && c.groupNames.length > 0,
        "the day has edge exceptions and groups: " + c.capRows.length + ", " + c.relevanceRows.length);
  }

  @Test
  void theDirectoryIsByShopAndShopsKeepTheirShareOfTheEntitysPlan() {
    ShopPlan plan = DAY.plan;
    AllocationPlan entityPlan = plan.entityPlan();
    assertEquals(DAY.shops.size(), SNAPSHOT.supplierCount());
    assertTrue(DAY.entities.size() < DAY.shops.size(), "businesses with several shops");
    double[] guarantees = new double[DAY.entities.size()];
    for (int shop = 0; shop < DAY.shops.size(); shop++) {
      long id = DAY.shops.id(shop);
      int row = SNAPSHOT.row(id);
      assertEquals(id, SNAPSHOT.supplierId(row));
      assertEquals((float) plan.shopTotal(id), (float) SNAPSHOT.planned(row), "planned of shop " + id);
      guarantees[DAY.entities.entityOf(shop)] += SNAPSHOT.guarantee(row);
      assertEquals(-1, SNAPSHOT.row(DAY.entities.id(DAY.entities.entityOf(shop))),
          "entity ids are not in the directory");
    }
    int guaranteed = 0;
    for (int entity = 0; entity < guarantees.length; entity++) {
      double expected = entityPlan.problem().guarantee(entity);
      assertEquals(expected, guarantees[entity], 1e-6 * Math.max(1, expected), "entity " + entity);
      guaranteed += expected > 0 ? 1 : 0;
    }
    assertTrue(guaranteed > 0, "the day has guarantees");
  }

  @Test
  void aShopIsShownOnlyInTheProgramsItJoined() {
    int segmentsWithPrograms = 0;
    for (int j = 0; j < SNAPSHOT.segmentCount(); j++) {
      int program = SNAPSHOT.segmentProgram(j);
      if (program == 0) {
        continue;
      }
      segmentsWithPrograms++;
      Program p = Program.values()[program - 1];
      for (int shop = 0; shop < DAY.shops.size(); shop++) {
        assertEquals(DAY.shops.joined(shop, p), SNAPSHOT.optedIn(SNAPSHOT.row(DAY.shops.id(shop)), j),
            "shop " + DAY.shops.id(shop) + " in segment " + SNAPSHOT.segmentId(j));
      }
    }
    assertTrue(segmentsWithPrograms > 0);
  }

  @Test
  void aShopSnapshotRoundTripsThroughAFileBitForBit(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("shops.snap");
    SnapshotFormat.write(SNAPSHOT, file);
    byte[] bytes = SnapshotFormat.toBytes(SNAPSHOT);
    assertArrayEquals(bytes, java.nio.file.Files.readAllBytes(file));
    assertArrayEquals(bytes, SnapshotFormat.toBytes(SnapshotFormat.read(file, ServingMarket.NAME)));
  }

  /** A search node's reranker, unchanged, ranks a query's shops by relevance × their entity's boost. */
  @Test
  void aRerankerRanksShopsByTheirEntitysBoost() {
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    Reranker reranker = new Reranker(live, PositionModel.LOGARITHMIC, 4_000, 4_000);
    EligibilityGraph shops = DAY.plan.shopGraph();
    SplittableRandom random = new SplittableRandom(3);
    int siblingTies = 0;
    for (int j = 0; j < shops.segmentCount(); j += 17) {
      int n = shops.segmentDegree(j);
      long[] ids = new long[n];
      double[] relevance = new double[n];
      List<double[]> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int e = shops.segmentStart(j) + i;
        ids[i] = shops.supplierId(shops.supplierOf(e));
        relevance[i] = random.nextInt(4) / 3.0;
        expected.add(new double[] {relevance[i] * DAY.plan.boost(e), ids[i], i});
      }
      expected.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1]));
      int[] order = new int[n];
      double[] scores = new double[n];
      int placed = reranker.rank(shops.segments().id(j), ids, relevance, n, n, order, scores);
      assertEquals(n, placed, "every eligible shop joined the segment's program");
      for (int p = 0; p < placed; p++) {
        assertEquals((int) expected.get(p)[2], order[p], "position " + p + " of segment " + j);
        assertEquals(expected.get(p)[0], scores[p], "score at " + p + " of segment " + j);
        if (p > 0 && scores[p] == scores[p - 1] && scores[p] > 0 && DAY.entities.entityOf(
            shops.supplierOf(shops.segmentStart(j) + order[p])) == DAY.entities.entityOf(
            shops.supplierOf(shops.segmentStart(j) + order[p - 1]))) {
          siblingTies++;
        }
      }
    }
    assertTrue(siblingTies > 0, "shops of one business with equal relevance score alike");
    assertTrue(live.stats().exposure() > 0);
  }

  private static void assertSameBoosts(ShopPlan plan, PlanSnapshot snapshot) {
    EligibilityGraph shops = plan.shopGraph();
    int positive = 0;
    for (int e = 0; e < shops.edgeCount(); e++) {
      long shop = shops.supplierId(shops.supplierOf(e));
      long segment = shops.segments().id(shops.segmentOf(e));
      double expected = plan.boost(e);
      double actual = snapshot.boost(snapshot.row(shop), snapshot.segment(segment));
      if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
        throw new AssertionError("shop edge " + e + " (shop " + shop + ", segment " + segment
            + "): shop plan boost " + expected + ", snapshot boost " + actual);
      }
      double x = plan.x(e);
      assertEquals(x, actual * plan.fairExposure(e), 1e-9 * Math.max(1, x),
          "boost × fair exposure is the shop's planned impressions, edge " + e);
      positive += expected > 0 ? 1 : 0;
    }
    assertTrue(positive > shops.edgeCount() / 2, "shop edges with traffic: " + positive);
  }
}
