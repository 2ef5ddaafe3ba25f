package org.beltway.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.beltway.allocation.EligibilityGraph;
import org.junit.jupiter.api.Test;

/** The reranker's scores, order, floor, counts and input checks, against a plain sort of the query. */
class RerankerTest {
  private static final ServingMarket DAY = ServingMarket.onePercent();
  private static final PlanSnapshot SNAPSHOT = DAY.snapshot(1);

  /** A query: the segment's eligible suppliers, some unknown ones, and one of another program. */
  private record Query(long segment, long[] ids, double[] relevance) {}

  @Test
  void scoresAreRelevanceTimesBoostAndTheOrderIsASortBySupplierIdOnTies() {
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    Reranker reranker = new Reranker(live, PositionModel.LOGARITHMIC, 2_000, 2_000);
    SplittableRandom random = new SplittableRandom(1);
    for (int j = 0; j < DAY.graph.segmentCount(); j += 97) {
      Query q = query(j, random);
      int n = q.ids.length;
      int[] order = new int[n];
      double[] scores = new double[n];
      int placed = reranker.rank(q.segment, q.ids, q.relevance, n, n, order, scores);
      int seg = SNAPSHOT.segment(q.segment);
      List<double[]> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int row = SNAPSHOT.row(q.ids[i]);
        if (row >= 0 && !SNAPSHOT.optedIn(row, seg)) {
          continue;
        }
        double score = row < 0 ? q.relevance[i] : q.relevance[i] * SNAPSHOT.boost(row, seg);
        expected.add(new double[] {score, q.ids[i], i});
      }
      expected.sort(Comparator.<double[]>comparingDouble(e -> -e[0]).thenComparingDouble(e -> e[1])
          .thenComparingDouble(e -> e[2]));
      assertEquals(expected.size(), placed, "page of segment " + q.segment);
      for (int p = 0; p < placed; p++) {
        assertEquals((int) expected.get(p)[2], order[p], "position " + p + " of segment " + q.segment);
        // The reranker computes the plain edge's boost without the division, so it agrees to ulps.
        assertEquals(expected.get(p)[0], scores[p], 1e-13 * Math.abs(expected.get(p)[0]),
            "score at " + p + " of segment " + q.segment);
      }
    }
  }

  @Test
  void tiesBreakByIdWhateverTheInputOrder() {
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    Reranker reranker = new Reranker(live, PositionModel.LOGARITHMIC, 100, 10);
    long segment = SNAPSHOT.segmentId(0);
    long[] ids = {-5, -3, -9, -1, -7, -2, -8};
    double[] relevance = {1, 1, 1, 1, 1, 1, 1};
    int[] order = new int[5];
    reranker.rank(segment, ids, relevance, ids.length, 5, order, null);
    long[] page = new long[5];
    for (int p = 0; p < 5; p++) {
      page[p] = ids[order[p]];
    }
    assertArrayEquals(new long[] {-9, -8, -7, -5, -3}, page);
  }

  @Test
  void unknownAndExcludedCandidatesAreCountedAndExposureIsDelivered() {
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    Reranker reranker = new Reranker(live, PositionModel.LOGARITHMIC, 2_000, 60);
    int[] excludedAt = excludedCandidate();
    long segment = SNAPSHOT.segmentId(excludedAt[1]);
    long outsider = SNAPSHOT.supplierId(excludedAt[0]);
    long insider = eligibleOf(excludedAt[1]);
    long[] ids = {outsider, insider, -1, -2};
    double[] relevance = {1_000, 1, 0.5, 0.25};
    int[] order = new int[4];
    int placed = reranker.rank(segment, ids, relevance, 4, 4, order, null);
    assertEquals(3, placed, "the supplier outside the segment's program is excluded");
    ServingStats stats = live.stats();
    assertEquals(1, stats.queries());
    assertEquals(4, stats.candidates());
    assertEquals(2, stats.unknownCandidates());
    assertEquals(1, stats.excludedCandidates());
    int insiderAt = -1;
    for (int p = 0; p < placed; p++) {
      if (ids[order[p]] == insider) {
        insiderAt = p + 1;
      }
    }
    double weight = PositionModel.LOGARITHMIC.weight(insiderAt);
    assertEquals(weight, live.delivered(insider), 1e-9);
    assertEquals(0, live.delivered(outsider));
    assertEquals(weight, stats.exposure(), 1e-9, "only suppliers of the plan get exposure counted");
  }

  /** Regression (issue 30): a second page counted the first page's exposure again. */
  @Test
  void aLaterPageCountsOnlyThePositionsItShows() {
    int[] excludedAt = excludedCandidate();
    long segment = SNAPSHOT.segmentId(excludedAt[1]);
    int j = SNAPSHOT.segment(segment);
    int n = 0;
    long[] ids = new long[SNAPSHOT.supplierCount()];
    double[] relevance = new double[ids.length];
    for (int row = 0; row < SNAPSHOT.supplierCount(); row++) {
      if (SNAPSHOT.optedIn(row, j)) {
        ids[n] = SNAPSHOT.supplierId(row);
        relevance[n] = 1 + (row % 7);
        n++;
      }
    }
    assertTrue(n >= 20, "a segment with 20 candidates: " + n);
    double[] exposure = new double[3];
    int[][] orders = new int[3][20];
    int[][] shown = {{20, 0}, {10, 0}, {20, 10}};
    for (int c = 0; c < 3; c++) {
      LivePlan live = new LivePlan(SNAPSHOT, 1);
      Reranker reranker = new Reranker(live, PositionModel.LOGARITHMIC, ids.length, 60);
      reranker.rankShown(segment, ids, relevance, n, shown[c][0], shown[c][1], orders[c], null);
      exposure[c] = live.stats().exposure();
    }
    assertArrayEquals(orders[0], orders[2], "the second page ranks what the whole did");
    assertEquals(exposure[0] - exposure[1], exposure[2], 1e-9, "only positions 11 to 20 are counted");
    assertTrue(exposure[2] > 0);
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    Reranker reranker = new Reranker(live, PositionModel.LOGARITHMIC, ids.length, 60);
    int count = n;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> reranker.rankShown(segment, ids, relevance, count, 10, -1, new int[10], null));
    assertEquals("shownFrom (-1): expected a position >= 0", e.getMessage());
  }

  @Test
  void theFloorHoldsOnEveryPrefixAndEachGroupKeepsItsOrder() {
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    Reranker reranker = new Reranker(live, PositionModel.LOGARITHMIC, 2_000, 2_000);
    SplittableRandom random = new SplittableRandom(2);
    PrefixFloor floor = PrefixFloor.of(60, 0.4, 0.1);
    for (int j = 0; j < DAY.graph.segmentCount(); j += 211) {
      Query q = query(j, random);
      int n = q.ids.length;
      boolean[] isProtected = new boolean[n];
      for (int i = 0; i < n; i++) {
        isProtected[i] = random.nextDouble() < 0.1;
      }
      int[] plainOrder = new int[n];
      double[] plainScores = new double[n];
      int all = reranker.rank(q.segment, q.ids, q.relevance, n, n, plainOrder, plainScores);
      int[] order = new int[60];
      double[] scores = new double[60];
      int placed = reranker.rankWithFloor(q.segment, q.ids, q.relevance, isProtected, n, floor, order,
          scores);
      assertEquals(Math.min(60, all), placed);
      // the reference: FA*IR's greedy over the plain order, which lists each group best first
      int[] expected = fairGreedy(plainOrder, all, isProtected, floor);
      int[] actual = java.util.Arrays.copyOf(order, placed);
      assertArrayEquals(java.util.Arrays.copyOf(expected, placed), actual, "segment " + q.segment);
      int protectedSeen = 0;
      int protectedAvailable = 0;
      for (int p = 0; p < all; p++) {
        protectedAvailable += isProtected[plainOrder[p]] ? 1 : 0;
      }
      for (int p = 0; p < placed; p++) {
        protectedSeen += isProtected[order[p]] ? 1 : 0;
        assertTrue(protectedSeen >= Math.min(floor.minimum(p + 1), protectedAvailable),
            "prefix " + (p + 1) + " of segment " + q.segment);
      }
    }
  }

  @Test
  void badQueriesGetErrorsThatSayWhatIsWrong() {
    LivePlan live = new LivePlan(SNAPSHOT, 1);
    Reranker r = new Reranker(live, PositionModel.LOGARITHMIC, 10, 5);
    long seg = SNAPSHOT.segmentId(0);
    long[] ids = {-1, -2, -3};
    int[] order = new int[5];
    assertMessage("unknown segment 987654321: not in plan version 1",
        () -> r.rank(987_654_321L, ids, new double[] {1, 1, 1}, 3, 2, order, null));
    assertMessage("candidate 1 (supplier -2): relevance (NaN): expected a finite number >= 0",
        () -> r.rank(seg, ids, new double[] {1, Double.NaN, 1}, 3, 2, order, null));
    assertMessage("candidate 2 (supplier -3): relevance (-0.5): expected a finite number >= 0",
        () -> r.rank(seg, ids, new double[] {1, 1, -0.5}, 3, 2, order, null));
    assertMessage("candidate 0 (supplier -1): relevance (Infinity): expected a finite number >= 0",
        () -> r.rank(seg, ids, new double[] {Double.POSITIVE_INFINITY, 1, 1}, 3, 2, order, null));
    assertMessage("supplierIds has 3 values and relevance 2: expected at least count (3) each",
        () -> r.rank(seg, ids, new double[] {1, 1}, 3, 2, order, null));
    assertMessage("k (0): expected 1 to maxK (5)",
        () -> r.rank(seg, ids, new double[] {1, 1, 1}, 3, 0, order, null));
    assertMessage("k (6): expected 1 to maxK (5)",
        () -> r.rank(seg, ids, new double[] {1, 1, 1}, 3, 6, order, null));
    assertMessage("count (11): expected 0 to maxCandidates (10)",
        () -> r.rank(seg, new long[11], new double[11], 11, 2, order, null));
    assertMessage("order has 1 places: expected at least min(k, count) = 2",
        () -> r.rank(seg, ids, new double[] {1, 1, 1}, 3, 2, new int[1], null));
    assertMessage("isProtected has 2 values: expected at least count (3)",
        () -> r.rankWithFloor(seg, ids, new double[] {1, 1, 1}, new boolean[2], 3,
            PrefixFloor.of(5, 0.3, 0.1), order, null));
    assertMessage("k (10): expected 1 to maxK (5)",
        () -> r.rankWithFloor(seg, ids, new double[] {1, 1, 1}, null, 3,
            PrefixFloor.of(10, 0.3, 0.1), order, null));
    assertEquals(0, live.stats().queries(), "a rejected query counts nothing");
  }

  private static int[] fairGreedy(int[] plainOrder, int n, boolean[] isProtected, PrefixFloor floor) {
    List<Integer> protectedList = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      (isProtected[plainOrder[p]] ? protectedList : others).add(plainOrder[p]);
    }
    int[] out = new int[Math.min(n, floor.k())];
    int a = 0;
    int b = 0;
    int seen = 0;
    for (int p = 0; p < out.length; p++) {
      boolean needProtected = seen < floor.minimum(p + 1) && a < protectedList.size();
      boolean takeProtected = needProtected || b >= others.size()
          || (a < protectedList.size() && rankOf(plainOrder, protectedList.get(a), n)
              < rankOf(plainOrder, others.get(b), n));
      if (takeProtected) {
        out[p] = protectedList.get(a++);
        seen++;
      } else {
        out[p] = others.get(b++);
      }
    }
    return out;
  }

  private static int rankOf(int[] order, int candidate, int n) {
    for (int p = 0; p < n; p++) {
      if (order[p] == candidate) {
        return p;
      }
    }
    throw new AssertionError("candidate " + candidate + " is not on the page");
  }

  private static Query query(int j, SplittableRandom random) {
    EligibilityGraph g = DAY.graph;
    int degree = g.segmentDegree(j);
    int start = g.segmentStart(j);
    int extra = 3;
    long[] ids = new long[degree + extra + 1];
    double[] relevance = new double[ids.length];
    for (int k = 0; k < degree; k++) {
      ids[k] = g.supplierId(g.supplierOf(start + k));
    }
    for (int k = 0; k < extra; k++) {
      ids[degree + k] = -1 - random.nextInt(1_000);
    }
    int[] outsider = excludedCandidate();
    ids[ids.length - 1] = SNAPSHOT.supplierId(outsider[0]);
    for (int i = 0; i < ids.length; i++) {
      relevance[i] = random.nextDouble() < 0.05 ? 0.5 : random.nextDouble();
    }
    return new Query(g.segments().id(j), ids, relevance);
  }

  /** A supplier row and segment where the supplier did not join the segment's program. */
  private static int[] excludedCandidate() {
    for (int seg = 0; seg < SNAPSHOT.segmentCount(); seg++) {
      for (int row = 0; row < SNAPSHOT.supplierCount(); row++) {
        if (!SNAPSHOT.optedIn(row, seg)) {
          return new int[] {row, seg};
        }
      }
    }
    throw new AssertionError("every supplier joined every program");
  }

  private static long eligibleOf(int seg) {
    EligibilityGraph g = DAY.graph;
    int j = g.segments().index(SNAPSHOT.segmentId(seg));
    return g.supplierId(g.supplierOf(g.segmentStart(j)));
  }

  private static void assertMessage(String expected, Runnable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call::run).getMessage());
  }
}
