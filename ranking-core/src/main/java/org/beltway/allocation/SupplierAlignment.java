package org.beltway.allocation;

import java.util.Locale;
import org.beltway.score.Scores;
import org.beltway.supplier.SupplierTable;

/**
 * Puts values computed on a supplier table onto a graph's rows by supplier id, never by position.
 *
 * <p>A graph's rows are its table's rows only when it was built from that table
 * ({@link EligibilityGraph#of}, {@link EligibilityGraph#builder(SupplierTable, SegmentTable)}); one built
 * from ids ({@link EligibilityGraph#builder(long[], SegmentTable)}) has the ids' order. A positional
 * array of a table's scores met such a graph silently and gave each row another supplier's merit, the
 * best supplier the least traffic. So values of a table enter a problem only with the ids they were
 * computed for ({@link Scores} carries its table), and are placed by id here: the same problem in any row
 * order (its plan the same to rounding, about 1e-15 of a segment, not bitwise), and a table of other
 * suppliers refused naming both sizes.
 */
final class SupplierAlignment {
  private SupplierAlignment() {}

  /**
   * The scores' composites in the graph's row order.
   *
   * @throws IllegalArgumentException naming both sizes if the scores are of another number of
   *     suppliers, or the first graph supplier they do not score
   */
  static double[] composites(Scores scores, EligibilityGraph graph) {
    return byGraphRow(scores, scores.composites(), graph);
  }

  /**
   * Values by row of the scores' table, in the graph's row order.
   *
   * @throws IllegalArgumentException as {@link #composites}
   */
  static double[] byGraphRow(Scores scores, double[] byScoredRow, EligibilityGraph graph) {
    int[] rows = scoredRows("scores", scores, graph);
    double[] out = new double[rows.length];
    for (int row = 0; row < rows.length; row++) {
      out[row] = byScoredRow[rows[row]];
    }
    return out;
  }

  /**
   * For each graph row, the row of the same supplier in the scored table.
   *
   * @param what the input as the message names it, e.g. {@code group share "quality"}
   */
  static int[] scoredRows(String what, Scores scores, EligibilityGraph graph) {
    int n = graph.supplierCount();
    if (scores.size() != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %d suppliers scored: expected the scores of the graph's %d suppliers", what, scores.size(),
          n));
    }
    SupplierTable table = scores.table();
    int[] rows = new int[n];
    for (int row = 0; row < n; row++) {
      long id = graph.supplierId(row);
      int scored = table.id(row) == id ? row : table.row(id);
      if (scored < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: supplier %d (graph row %d) is not in the scored table of %d suppliers: expected the"
                + " scores of the graph's %d suppliers", what, id, row, scores.size(), n));
      }
      rows[row] = scored;
    }
    return rows;
  }

  /** The share as the problem keeps it: one over scores becomes a mask over the graph's rows. */
  static GroupShare onGraph(GroupShare share, EligibilityGraph graph) {
    Scores scored = share.scored();
    if (scored == null) {
      return share;
    }
    int[] rows = scoredRows("group share \"" + share.name() + "\"", scored, graph);
    boolean[] mask = new boolean[rows.length];
    for (int row = 0; row < rows.length; row++) {
      mask[row] = share.includesSupplier(rows[row]);
    }
    return share.withMask(mask);
  }

  /**
   * Evaluates a share's predicates on every row and segment of the graph once, so that a predicate
   * over another table (a {@code Scores} of fewer suppliers, say) fails here, naming the share, the row
   * and the graph's size, instead of as a bare exception inside the solver.
   */
  static void probe(GroupShare share, EligibilityGraph graph) {
    int row = 0;
    try {
      for (int n = graph.supplierCount(); row < n; row++) {
        share.includesSupplier(row);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "group share \"%s\": its supplier predicate fails on row %d (supplier %d) of the graph's %d rows"
              + " (%s): expected a predicate over the graph's rows; suppliers(Scores, IntPredicate) takes"
              + " one over scores and checks it", share.name(), row, graph.supplierId(row),
          graph.supplierCount(), e.getMessage()), e);
    }
    int segment = 0;
    try {
      for (int n = graph.segmentCount(); segment < n; segment++) {
        share.includesSegment(segment);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "group share \"%s\": its segment predicate fails on segment index %d of %d: %s: expected a"
              + " predicate over the graph's segment indexes", share.name(), segment, graph.segmentCount(),
          e), e);
    }
  }
}
