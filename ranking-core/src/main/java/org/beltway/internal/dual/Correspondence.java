package org.beltway.internal.dual;

/**
 * How a new problem's suppliers, segments and groups map to an earlier one's (by supplier id, segment
 * id and group name), for a warm start. Each method answers -1 where the earlier problem has no match.
 */
public interface Correspondence {
  /** The earlier row of a supplier row. */
  int row(int row);

  /** The earlier index of a segment. */
  int segment(int segment);

  /** The earlier index of a group. */
  int group(int group);
}
