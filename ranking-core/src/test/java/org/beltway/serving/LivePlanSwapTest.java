package org.beltway.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.beltway.allocation.EligibilityGraph;
import org.junit.jupiter.api.Test;

/** Threads of queries against repeated swaps: no delivery count is lost, and queries never wait. */
class LivePlanSwapTest {

  @Test
  void swapsUnderLoadLoseNoDelivery() throws InterruptedException {
    ServingMarket market = ServingMarket.onePercent();
    EligibilityGraph graph = market.graph;
    PlanSnapshot[] versions = {market.snapshot(1), market.snapshot(2)};
    LivePlan live = new LivePlan(versions[0], 4);
    int threads = 4;
    int queriesEach = 20_000;
    int k = 20;
    long[] positionUnits = new long[k + 1];
    for (int r = 1; r <= k; r++) {
      positionUnits[r] = Delivery.units(PositionModel.LOGARITHMIC.weight(r));
    }
    AtomicLong expectedUnits = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = t;
      Thread worker = new Thread(() -> {
        try {
          Reranker reranker = new Reranker(live, PositionModel.LOGARITHMIC, 2_000, k);
          SplittableRandom random = new SplittableRandom(seed);
          long[] ids = new long[2_000];
          double[] relevance = new double[2_000];
          int[] order = new int[k];
          long units = 0;
          start.await();
          for (int q = 0; q < queriesEach; q++) {
            int j = random.nextInt(graph.segmentCount());
            int count = Math.min(graph.segmentDegree(j), ids.length);
            for (int c = 0; c < count; c++) {
              ids[c] = graph.supplierId(graph.supplierOf(graph.segmentStart(j) + c));
              relevance[c] = random.nextDouble();
            }
            int placed = reranker.rank(graph.segments().id(j), ids, relevance, count, k, order, null);
            for (int p = 0; p < placed; p++) {
              units += positionUnits[p + 1];
            }
          }
          expectedUnits.addAndGet(units);
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      workers.add(worker);
      worker.start();
    }
    Thread swapper = new Thread(() -> {
      int s = 0;
      while (!done.get()) {
        live.swap(versions[++s % 2]);
        Thread.onSpinWait();
      }
    });
    start.countDown();
    swapper.start();
    for (Thread worker : workers) {
      worker.join();
    }
    done.set(true);
    swapper.join();
    assertTrue(failures.isEmpty(), () -> "query threads failed: " + failures);
    ServingStats stats = live.stats();
    assertTrue(stats.swaps() >= 10, "swaps under load: " + stats.swaps());
    assertEquals(threads * (long) queriesEach, stats.queries());
    long counted = 0;
    for (ServedPlan plan : live.served()) {
      for (int row = 0; row < plan.snapshot().supplierCount(); row++) {
        counted += plan.delivery().units(row);
      }
    }
    assertEquals(expectedUnits.get(), counted, "delivery units over every plan that served");
    double byRow = 0;
    for (double d : live.deliveredByRow()) {
      byRow += d;
    }
    assertEquals(expectedUnits.get() / Delivery.UNIT, byRow, 1e-6 * byRow);
  }
}
