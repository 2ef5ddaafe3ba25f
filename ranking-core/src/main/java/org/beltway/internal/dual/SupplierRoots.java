package org.beltway.internal.dual;

import org.beltway.internal.ClippedSum;
import org.beltway.internal.Workers;

/**
 * The supplier blocks: each constrained supplier's level set exactly given β and γ (a root of its own
 * edges' traffic against its guarantee or its total cap, {@link ClippedSum}). Suppliers are independent
 * given the segment and group duals, so they are solved in parallel by chunk.
 */
final class SupplierRoots {
  private final CompiledProblem p;
  private final EdgeSlice own;
  private final Duals duals;
  private final Workers workers;
  private final double[][] scratch;
  /** Per worker: the evaluator of the roots. */
  private final OwnEdges[] evaluators;
  /** Scratch of the roots: {@code 1 + γ_c − β_j} of each own edge. */
  private final double[] ownOffset;

  SupplierRoots(CompiledProblem p, EdgeLayout layout, Duals duals, Workers workers) {
    this.p = p;
    this.own = layout.own;
    this.duals = duals;
    this.workers = workers;
    int threads = workers.threads();
    scratch = new double[threads][ClippedSum.OUTPUT];
    evaluators = new OwnEdges[threads];
    for (int w = 0; w < threads; w++) {
      evaluators[w] = new OwnEdges();
    }
    ownOffset = new double[own.size()];
  }

  /** Solves every constrained supplier's level, in parallel. */
  void updateAll() {
    int chunks = EdgeLayout.chunkCount(p.constrained, EdgeLayout.SUPPLIER_CHUNK);
    workers.forEach(chunks, (c, w) -> {
      int from = c * EdgeLayout.SUPPLIER_CHUNK;
      int to = Math.min(p.constrained, from + EdgeLayout.SUPPLIER_CHUNK);
      for (int k = from; k < to; k++) {
        update(k, scratch[w], evaluators[w]);
      }
    });
  }

  /**
   * {@code G(t)} of one supplier's own edges, reused by a worker for supplier after supplier (a capturing
   * lambda per supplier was allocated 200 k times a pass).
   */
  private final class OwnEdges implements ClippedSum.Evaluator {
    private int first;
    private int end;

    @Override
    public void evaluate(double t, double[] out) {
      ClippedSum.evaluate(own.theta, ownOffset, own.cap, first, end, t, out, 0);
    }
  }

  private void update(int k, double[] out, OwnEdges f) {
    int row = p.rows[k];
    int first = own.start[k];
    int end = own.start[k + 1];
    double maxBase = Double.NEGATIVE_INFINITY;
    for (int q = first; q < end; q++) {
      double b = 1.0 + duals.gamma[own.combo[q]] - duals.beta[own.other[q]];
      ownOffset[q] = b;
      if (own.theta[q] > 0 && b > maxBase) {
        maxBase = b;
      }
    }
    double allZero = maxBase == Double.NEGATIVE_INFINITY ? 0.0 : -maxBase; // G(t) = 0 for t <= allZero
    f.first = first;
    f.end = end;
    double t = BlockLevels.supplier(f, p.demand[k], p.totalCap[k], allZero, duals.supplierLevel[row],
        duals.guaranteePenalty, out);
    duals.setSupplier(k, t);
    for (int q = first; q < end; q++) {
      duals.base[own.edge[q]] = Duals.level(t, duals.gamma[own.combo[q]]);
    }
  }
}
