package org.beltway.allocation;

/** Hand-built eligibility graphs for tests whose optimum is worked out by hand. */
final class SmallGraphs {
  private SmallGraphs() {}

  /**
   * Segments 10, 20, … (categories 0, 1, …, OTHER buyers, wholesale) with the given traffic;
   * suppliers 1, 2, …; edges as (supplier, segment number from 1).
   */
  static EligibilityGraph graph(double[] traffic, int suppliers, int[][] edges) {
    SegmentTable.Builder sb = SegmentTable.builder(traffic.length);
    for (int j = 0; j < traffic.length; j++) {
      sb.add(Segment.of(10L * (j + 1), j, BuyerTier.OTHER, Channel.WHOLESALE, traffic[j]));
    }
    long[] ids = new long[suppliers];
    for (int i = 0; i < suppliers; i++) {
      ids[i] = i + 1;
    }
    EligibilityGraph.Builder gb = EligibilityGraph.builder(ids, sb.build());
    for (int[] e : edges) {
      gb.edge(e[0], 10L * e[1]);
    }
    return gb.build();
  }
}
