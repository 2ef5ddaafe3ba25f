package org.beltway.bench.peers;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.GroupShare;

/**
 * An {@link AllocationProblem} written out row by row, as a general solver takes it: one variable per
 * edge with fair exposure (an edge without gets none: its traffic is 0 by definition), and the rows of
 * docs/design.md §4 — segment supply and caps (hard), guarantees and group shares (elastic, with the
 * problem's linear penalties on their shortfall):
 *
 * <pre>
 * minimise Σ (x − θ)² / (2θ) + P_guarantee Σ s_i + P_group Σ (s_g⁻ + s_g⁺)
 * Σ_i x_ij ≤ S_j,  0 ≤ x ≤ u,  Σ_j x_ij ≤ U_i,  Σ_j x_ij + s_i ≥ d_i,
 * L_g S_g − s_g⁻ ≤ Σ_{E_g} x ≤ U_g S_g + s_g⁺
 * </pre>
 */
final class ExplicitProgram {
  final AllocationProblem problem;
  /** Variables: the problem's edge of each. */
  final int[] edge;
  final double[] theta;
  final double[] cap;
  /** Segment rows: variables of each segment, CSR. */
  final int[] segmentStart;
  final double[] traffic;
  /** Guarantee rows. */
  final int[] guaranteeStart;
  final int[] guaranteeVars;
  final double[] demand;
  /** Total-cap rows. */
  final int[] totalCapStart;
  final int[] totalCapVars;
  final double[] totalCap;
  /** Group rows. */
  final List<int[]> groupVars = new ArrayList<>();
  final double[] groupLower;
  final double[] groupUpper;
  final double guaranteePenalty;
  final double groupPenalty;

  ExplicitProgram(AllocationProblem problem) {
    this.problem = problem;
    EligibilityGraph g = problem.graph();
    int edges = g.edgeCount();
    int[] varOfEdge = new int[edges];
    IntArrayList vars = new IntArrayList(edges);
    segmentStart = new int[g.segmentCount() + 1];
    traffic = new double[g.segmentCount()];
    for (int j = 0; j < g.segmentCount(); j++) {
      traffic[j] = g.segments().traffic(j);
      for (int e = g.segmentStart(j), end = e + g.segmentDegree(j); e < end; e++) {
        varOfEdge[e] = -1;
        if (problem.fairExposure(e) > 0) {
          varOfEdge[e] = vars.size();
          vars.add(e);
        }
      }
      segmentStart[j + 1] = vars.size();
    }
    edge = vars.toIntArray();
    theta = new double[edge.length];
    cap = new double[edge.length];
    for (int v = 0; v < edge.length; v++) {
      theta[v] = problem.fairExposure(edge[v]);
      cap[v] = problem.edgeCap(edge[v]);
    }
    IntArrayList gStart = new IntArrayList();
    IntArrayList gVars = new IntArrayList();
    IntArrayList cStart = new IntArrayList();
    IntArrayList cVars = new IntArrayList();
    DoubleArrayList d = new DoubleArrayList();
    DoubleArrayList c = new DoubleArrayList();
    gStart.add(0);
    cStart.add(0);
    for (int r = 0; r < g.supplierCount(); r++) {
      boolean guaranteed = problem.guarantee(r) > 0;
      boolean capped = problem.totalCap(r) < Double.POSITIVE_INFINITY;
      if (!guaranteed && !capped) {
        continue;
      }
      for (int k = 0, deg = g.supplierDegree(r); k < deg; k++) {
        int v = varOfEdge[g.supplierEdge(r, k)];
        if (v >= 0) {
          if (guaranteed) {
            gVars.add(v);
          }
          if (capped) {
            cVars.add(v);
          }
        }
      }
      if (guaranteed) {
        d.add(problem.guarantee(r));
        gStart.add(gVars.size());
      }
      if (capped) {
        c.add(problem.totalCap(r));
        cStart.add(cVars.size());
      }
    }
    guaranteeStart = gStart.toIntArray();
    guaranteeVars = gVars.toIntArray();
    demand = d.toDoubleArray();
    totalCapStart = cStart.toIntArray();
    totalCapVars = cVars.toIntArray();
    totalCap = c.toDoubleArray();
    groupLower = new double[problem.groupCount()];
    groupUpper = new double[problem.groupCount()];
    for (int k = 0; k < problem.groupCount(); k++) {
      GroupShare share = problem.group(k);
      IntArrayList members = new IntArrayList();
      for (int v = 0; v < edge.length; v++) {
        int e = edge[v];
        if (share.includesSupplier(g.supplierOf(e)) && share.includesSegment(g.segmentOf(e))) {
          members.add(v);
        }
      }
      groupVars.add(members.toIntArray());
      double scope = problem.scopeTraffic(k);
      groupLower[k] = share.atLeast() * scope;
      groupUpper[k] = share.atMost() < 1 ? share.atMost() * scope : Double.POSITIVE_INFINITY;
    }
    guaranteePenalty = problem.priorities().guaranteePenalty();
    groupPenalty = problem.priorities().groupPenalty();
  }

  int variables() {
    return edge.length;
  }

  int guarantees() {
    return demand.length;
  }

  /** A solution over this program's variables. */
  double[] byVariable(double[] xByEdge) {
    double[] out = new double[edge.length];
    for (int v = 0; v < edge.length; v++) {
      out[v] = xByEdge[edge[v]];
    }
    return out;
  }
}
