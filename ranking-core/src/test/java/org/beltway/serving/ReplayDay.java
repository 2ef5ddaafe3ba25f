package org.beltway.serving;

import java.util.SplittableRandom;
import org.beltway.allocation.EligibilityGraph;

/**
 * A simulated day of search queries replayed through the reranker and the pacer: each segment gets
 * queries until their pages' position weights add up to its forecast traffic; a query's candidates
 * are the segment's eligible suppliers, each present with probability {@code presence}, with
 * relevance {@code exp(σ Z)} (lognormal noise around the plan's relevance 1), followed by
 * {@code organic} listings of suppliers outside the plan with relevance of the same law: the search
 * results the plan's unallocated traffic goes to.
 */
final class ReplayDay {
  /** The first id of the organic listings, suppliers outside the plan. */
  static final long ORGANIC = 1L << 40;
  final int queries;
  final double[] deliveredByRow;
  final LivePlan live;

  private ReplayDay(int queries, double[] deliveredByRow, LivePlan live) {
    this.queries = queries;
    this.deliveredByRow = deliveredByRow;
    this.live = live;
  }

  static ReplayDay run(PlanSnapshot snapshot, EligibilityGraph graph, int k, double presence,
      double sigma, int organic, Pacer.Settings pacing, int queriesPerUpdate, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double pageWeight = PositionModel.LOGARITHMIC.pageWeight(k);
    int[] perSegment = new int[graph.segmentCount()];
    long total = 0;
    for (int j = 0; j < perSegment.length; j++) {
      double exact = graph.segments().traffic(j) / pageWeight;
      perSegment[j] = (int) exact + (random.nextDouble() < exact - (int) exact ? 1 : 0);
      total += perSegment[j];
    }
    int[] day = new int[(int) total];
    int at = 0;
    for (int j = 0; j < perSegment.length; j++) {
      for (int q = 0; q < perSegment[j]; q++) {
        day[at++] = j;
      }
    }
    for (int i = day.length - 1; i > 0; i--) {
      int swap = random.nextInt(i + 1);
      int t = day[i];
      day[i] = day[swap];
      day[swap] = t;
    }
    LivePlan live = new LivePlan(snapshot, 1);
    Pacer pacer = new Pacer(live, pacing);
    int maxDegree = 0;
    for (int j = 0; j < graph.segmentCount(); j++) {
      maxDegree = Math.max(maxDegree, graph.segmentDegree(j));
    }
    int most = maxDegree + organic;
    Reranker reranker = new Reranker(live, PositionModel.LOGARITHMIC, most, k);
    long[] ids = new long[most];
    double[] relevance = new double[most];
    int[] order = new int[k];
    for (int q = 0; q < day.length; q++) {
      int j = day[q];
      int start = graph.segmentStart(j);
      int count = 0;
      for (int e = start; e < start + graph.segmentDegree(j); e++) {
        if (random.nextDouble() < presence) {
          ids[count] = graph.supplierId(graph.supplierOf(e));
          relevance[count] = Math.exp(sigma * random.nextGaussian());
          count++;
        }
      }
      for (int o = 0; o < organic; o++) {
        ids[count] = ORGANIC + random.nextInt(1 << 20);
        relevance[count] = Math.exp(sigma * random.nextGaussian());
        count++;
      }
      reranker.rank(graph.segments().id(j), ids, relevance, count, k, order, null);
      if ((q + 1) % queriesPerUpdate == 0) {
        pacer.update((q + 1.0) / day.length);
      }
    }
    return new ReplayDay(day.length, live.deliveredByRow(), live);
  }
}
