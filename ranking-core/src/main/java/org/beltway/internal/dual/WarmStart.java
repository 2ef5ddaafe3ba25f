package org.beltway.internal.dual;

import org.beltway.internal.Workers;

/**
 * What a plan hands to the next solve: its problem, its duals and its bin order. Opaque to users; a
 * solve starts from it by {@link #applyTo}, matching duals through a {@link Correspondence}.
 *
 * @param bins the bin order, reusable only on the same graph
 */
public record WarmStart(CompiledProblem problem, DualsSnapshot duals, UnpromisedEdges.Order bins) {

  /**
   * Starts {@code into} (duals of {@code now}) from these duals, matched by {@code map} and projected
   * onto the new dual domain; unmatched duals start at 0. A supplier's level also moves by the change
   * in its group levels (see {@link #groupLevelChange}).
   */
  void applyTo(Duals into, CompiledProblem now, Correspondence map, Workers workers) {
    for (int g = 0; g < now.groups; g++) {
      int oldG = map.group(g);
      into.setGroup(g, into.projectGroup(g, oldG < 0 ? 0 : duals.groupLevel()[oldG]));
    }
    into.recomputeGamma();
    for (int k = 0; k < now.constrained; k++) {
      int row = now.rows[k];
      int oldRow = map.row(row);
      double t = oldRow < 0 ? 0 : duals.supplierLevel()[oldRow] + groupLevelChange(into, now, map, row,
          oldRow);
      into.setSupplier(k, into.projectSupplier(k, t));
    }
    for (int j = 0; j < now.segments; j++) {
      int oldJ = map.segment(j);
      into.beta[j] = oldJ < 0 ? 0 : Math.max(0, duals.beta()[oldJ]);
    }
    into.rebuildBase(workers);
  }

  /**
   * How much a supplier's group levels fell since the earlier plan, on its edge of largest fair exposure
   * (matched by segment): a supplier that left the quality tier lost the tier's level on every edge. Its
   * level rises by as much, so its traffic starts where yesterday's plan left it rather than a thousand
   * units away, which every dual of the marketplace would otherwise take passes to absorb. 0 if it has no
   * such edge or no groups changed.
   */
  private double groupLevelChange(Duals into, CompiledProblem now, Correspondence map, int row,
      int oldRow) {
    if (now.groups == 0 && problem.groups == 0) {
      return 0.0;
    }
    int best = -1;
    for (int q = now.supStart[row], end = now.supStart[row + 1]; q < end; q++) {
      int e = now.supEdges[q];
      if (best < 0 || now.theta[e] > now.theta[best]) {
        best = e;
      }
    }
    if (best < 0) {
      return 0.0;
    }
    int oldSegment = map.segment(now.segOf[best]);
    int oldEdge = oldSegment < 0 ? -1 : problem.index.edge(oldRow, oldSegment);
    if (oldEdge < 0) {
      return 0.0;
    }
    double then = problem.combo == null ? 0
        : Duals.comboLevel(problem.comboGroups[problem.combo[oldEdge]], duals.groupLevel());
    return then - into.gamma[now.comboOf(best)];
  }
}
