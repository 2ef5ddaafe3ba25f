package org.beltway.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.SegmentTable;
import org.junit.jupiter.api.Test;

/** The snapshot's boosts are the plan's, bit for bit, on every edge, before and after the bytes. */
class PlanSnapshotTest {

  @Test
  void boostOfEveryEdgeIsThePlansBitForBit() throws IOException {
    ServingMarket day = ServingMarket.onePercent();
    PlanSnapshot snapshot = day.snapshot(1);
    assertSameBoosts(day.plan, snapshot);
    byte[] bytes = SnapshotFormat.toBytes(snapshot);
    assertSameBoosts(day.plan, SnapshotFormat.read(new ByteArrayInputStream(bytes), ServingMarket.NAME));
  }

  @Test
  void exceptionsOfRelevanceAndCapsTravelWithTheSnapshot() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    ServingMarket day = ServingMarket.of(0.003, 7, (b, graph) -> {
      double[] relevance = new double[graph.edgeCount()];
      for (int e = 0; e < relevance.length; e++) {
        relevance[e] = 0.5 + random.nextDouble();
      }
      b.relevance(relevance);
      SegmentTable segments = graph.segments();
      for (int e = 0; e < graph.edgeCount(); e += 37) {
        long supplier = graph.supplierId(graph.supplierOf(e));
        long segment = segments.id(graph.segmentOf(e));
        b.capEdge(supplier, segment, 0.001 * segments.traffic(graph.segmentOf(e)));
      }
      for (int row = 0; row < graph.supplierCount(); row += 53) {
        b.capPerSegment(graph.supplierId(row), 5.0);
      }
      return b;
    });
    PlanSnapshot snapshot = day.snapshot(3);
    assertSameBoosts(day.plan, snapshot);
    assertSameBoosts(day.plan, SnapshotFormat.read(
        new ByteArrayInputStream(SnapshotFormat.toBytes(snapshot)), ServingMarket.NAME));
  }

  @Test
  void suppliersAndSegmentsKeepTheirPlanFacts() {
    ServingMarket day = ServingMarket.onePercent();
    PlanSnapshot s = day.snapshot(1);
    AllocationPlan plan = day.plan;
    EligibilityGraph graph = day.graph;
    assertEquals(graph.supplierCount(), s.supplierCount());
    assertEquals(graph.segmentCount(), s.segmentCount());
    for (int row = 0; row < graph.supplierCount(); row++) {
      int r = s.row(graph.supplierId(row));
      assertEquals(graph.supplierId(row), s.supplierId(r));
      assertEquals((float) plan.supplierTotalOfRow(row), (float) s.planned(r), "planned of row " + row);
      assertEquals(plan.problem().guarantee(row) > 0, s.guaranteed(r), "guaranteed of row " + row);
    }
    for (int j = 0; j < graph.segmentCount(); j++) {
      int seg = s.segment(graph.segments().id(j));
      assertEquals(graph.segments().traffic(j), s.traffic(seg));
    }
    assertEquals(-1, s.row(-12345L));
    assertEquals(-1, s.segment(-12345L));
  }

  @Test
  void aSnapshotTakesFewerThan32BytesASupplier() {
    ServingMarket day = ServingMarket.onePercent();
    PlanSnapshot s = day.snapshot(1);
    int bytes = SnapshotFormat.toBytes(s).length;
    double perSupplier = (bytes - 49.0 * s.segmentCount()) / s.supplierCount();
    assertTrue(perSupplier <= 32, "bytes a supplier: " + perSupplier);
  }

  private static void assertSameBoosts(AllocationPlan plan, PlanSnapshot snapshot) {
    EligibilityGraph graph = plan.problem().graph();
    int positive = 0;
    for (int e = 0; e < graph.edgeCount(); e++) {
      int row = snapshot.row(graph.supplierId(graph.supplierOf(e)));
      int segment = snapshot.segment(graph.segments().id(graph.segmentOf(e)));
      double expected = plan.boost(e);
      double actual = snapshot.boost(row, segment);
      if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
        throw new AssertionError("edge " + e + " (supplier " + graph.supplierId(graph.supplierOf(e))
            + ", segment " + graph.segments().id(graph.segmentOf(e)) + "): plan boost " + expected
            + ", snapshot boost " + actual);
      }
      if (expected > 0) {
        positive++;
      }
    }
    assertTrue(positive > graph.edgeCount() / 2, "edges with traffic: " + positive);
  }
}
