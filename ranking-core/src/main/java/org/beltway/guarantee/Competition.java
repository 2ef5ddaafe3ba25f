package org.beltway.guarantee;

import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.EligibilityGraph;

/**
 * The clusters of promises that compete for the same scarce traffic in a plan, so that a shortfall is
 * covered by refusing applicants of its own cluster, not of another one that refusals cannot help.
 *
 * <p>Two guaranteed suppliers compete when both hold traffic in a segment whose supply is priced
 * ({@code β_j > 0}: all its traffic is taken), or when a binding share of the policy binds against both
 * (a floor of a group both are outside, a cap of a group both are in). Only suppliers whose guarantee is
 * held by the plan or missed link clusters: a supplier with slack neither gives nor takes. Competition
 * is transitive through booked promises: two applicants in disjoint segments compete when a booked
 * promise holds traffic in both.
 */
final class Competition {
  private final int[] parent;

  private Competition(int nodes) {
    parent = new int[nodes];
    for (int k = 0; k < nodes; k++) {
      parent[k] = k;
    }
  }

  /**
   * The clusters of a plan.
   *
   * @param plan a solve of the admission program
   * @param guarantees the program's guarantee by supplier row
   */
  static Competition of(AllocationPlan plan, double[] guarantees) {
    AllocationProblem problem = plan.problem();
    EligibilityGraph graph = problem.graph();
    int rows = graph.supplierCount();
    int segments = graph.segmentCount();
    int groups = problem.groupCount();
    Competition c = new Competition(rows + segments + groups);
    for (int row = 0; row < rows; row++) {
      if (guarantees[row] <= 0 || plan.supplierTotalOfRow(row) > guarantees[row] * (1 + 1e-9)) {
        continue; // no guarantee, or one held with slack
      }
      for (int k = 0, degree = graph.supplierDegree(row); k < degree; k++) {
        int e = graph.supplierEdge(row, k);
        int j = graph.segmentOf(e);
        if (plan.x(e) > 0 && plan.segmentDual(j) > 0) {
          c.union(row, rows + j);
        }
      }
      for (int g = 0; g < groups; g++) {
        double level = plan.groupLevel(g);
        boolean inside = problem.group(g).includesSupplier(row);
        if ((level > 0 && !inside) || (level < 0 && inside)) {
          c.union(row, rows + segments + g);
        }
      }
    }
    return c;
  }

  /** The cluster of a supplier row: equal for rows that compete. */
  int cluster(int row) {
    int root = row;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[row] != root) { // path compression
      int next = parent[row];
      parent[row] = root;
      row = next;
    }
    return root;
  }

  private void union(int a, int b) {
    int ra = cluster(a);
    int rb = cluster(b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
