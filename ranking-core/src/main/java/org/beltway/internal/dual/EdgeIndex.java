package org.beltway.internal.dual;

/**
 * The eligibility graph's edges in compressed sparse rows both ways, as the solver reads them. Edges
 * are numbered segment by segment ({@code [segmentStart[j], segmentStart[j + 1])}, in increasing
 * supplier row); a supplier's edges ({@code supplierEdges[supplierStart[i] ..]}) run in increasing
 * segment. The arrays are the graph's own: never written.
 */
public record EdgeIndex(int suppliers, int segments, int[] segmentStart, int[] supplierOf,
    int[] segmentOf, int[] supplierStart, int[] supplierEdges) {

  /** The number of edges. */
  public int edges() {
    return supplierOf.length;
  }

  /** The edge of a supplier row in a segment, or -1: a binary search of the row's edges. */
  public int edge(int row, int segment) {
    int lo = supplierStart[row];
    int hi = supplierStart[row + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int s = segmentOf[supplierEdges[mid]];
      if (s < segment) {
        lo = mid + 1;
      } else if (s > segment) {
        hi = mid - 1;
      } else {
        return supplierEdges[mid];
      }
    }
    return -1;
  }
}
