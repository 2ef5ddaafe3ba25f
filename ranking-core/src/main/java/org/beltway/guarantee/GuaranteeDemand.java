package org.beltway.guarantee;

import java.util.List;

/**
 * The impressions each supplier needs on one day to stay on course for its buyer promises, by row of
 * the {@link org.beltway.supplier.SupplierTable} it was computed for: the guarantees {@code d_i} of the
 * allocation program (docs/design.md §4), zero for suppliers with no open, unmet promise. Comes with
 * the alerts of that day, ordered by supplier id, then program name.
 *
 * <p>Immutable; arrays are copied out.
 */
public final class GuaranteeDemand {
  private final int day;
  private final double[] impressionsByRow;
  private final List<ScheduleAlert> alerts;
  private final double total;
  private final int guaranteedCount;

  GuaranteeDemand(int day, double[] impressionsByRow, List<ScheduleAlert> alerts) {
    this.day = day;
    this.impressionsByRow = impressionsByRow;
    this.alerts = List.copyOf(alerts);
    double sum = 0;
    int count = 0;
    for (double d : impressionsByRow) {
      sum += d;
      if (d > 0) {
        count++;
      }
    }
    this.total = sum;
    this.guaranteedCount = count;
  }

  /** The day the demand is for. */
  public int day() {
    return day;
  }

  /** The number of supplier rows, the size of the table the demand was computed for. */
  public int rows() {
    return impressionsByRow.length;
  }

  /** The impressions a supplier row needs on the day, {@code >= 0}. */
  public double impressions(int row) {
    return impressionsByRow[row];
  }

  /** A copy of the impressions needed, by supplier row. */
  public double[] impressionsByRow() {
    return impressionsByRow.clone();
  }

  /** The rows with a positive demand, ascending. */
  public int[] guaranteedRows() {
    int[] result = new int[guaranteedCount];
    int k = 0;
    for (int r = 0; r < impressionsByRow.length; r++) {
      if (impressionsByRow[r] > 0) {
        result[k++] = r;
      }
    }
    return result;
  }

  /** The impressions needed by all suppliers. */
  public double total() {
    return total;
  }

  /** Promises behind schedule, beyond the plausibility bound or broken, by supplier id then program. */
  public List<ScheduleAlert> alerts() {
    return alerts;
  }
}
