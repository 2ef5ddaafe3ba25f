package org.beltway.allocation;

import org.beltway.internal.dual.Correspondence;

/**
 * Matches a problem's suppliers, segments and groups to an earlier problem's by supplier id, segment
 * id and group name, for a warm start; on the same graph (or segment table) rows (or indexes) match
 * themselves.
 */
final class MatchById implements Correspondence {
  private final AllocationProblem before;
  private final AllocationProblem now;
  private final boolean sameSuppliers;
  private final boolean sameSegments;

  MatchById(AllocationProblem before, AllocationProblem now) {
    this.before = before;
    this.now = now;
    sameSuppliers = before.graph() == now.graph();
    sameSegments = before.segments() == now.segments();
  }

  @Override
  public int row(int row) {
    return sameSuppliers ? row : before.graph().row(now.graph().supplierId(row));
  }

  @Override
  public int segment(int segment) {
    return sameSegments ? segment : before.segments().index(now.segments().id(segment));
  }

  @Override
  public int group(int group) {
    return before.groupIndex(now.group(group).name());
  }
}
