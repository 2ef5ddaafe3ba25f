package org.beltway.allocation;

import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * A plan's duals keyed by id: the compact plan of docs/design.md §4.3 in a form that travels between
 * solvers. One level {@code t_i = α_i − κ_i} per supplier with a guarantee or a total cap, one supply
 * dual {@code β_j} per segment, one level {@code λ_g − ν_g} per group share; a supplier, segment or
 * group that is not listed is at 0. {@link AllocationPlan#duals()} writes them; {@link
 * AllocationSolver#certify} turns duals computed elsewhere (the Spark runner) back into a plan.
 *
 * <p>The arrays are the caller's: the record checks their lengths and values, not copies them.
 *
 * @param supplierIds suppliers with a level
 * @param supplierLevels their levels {@code t_i}, in the same order
 * @param segmentIds segments with a supply dual
 * @param segmentDuals their duals {@code β_j ≥ 0}
 * @param groupNames group shares with a level
 * @param groupLevels their levels {@code λ_g − ν_g}
 */
public record PlanDuals(long[] supplierIds, double[] supplierLevels, long[] segmentIds,
    double[] segmentDuals, String[] groupNames, double[] groupLevels) {

  public PlanDuals {
    Strict.nonNull(supplierIds, "supplierIds", long[].class);
    Strict.nonNull(supplierLevels, "supplierLevels", double[].class);
    Strict.nonNull(segmentIds, "segmentIds", long[].class);
    Strict.nonNull(segmentDuals, "segmentDuals", double[].class);
    Strict.nonNull(groupNames, "groupNames", String[].class);
    Strict.nonNull(groupLevels, "groupLevels", double[].class);
    sameLength("supplier", supplierIds.length, supplierLevels.length);
    sameLength("segment", segmentIds.length, segmentDuals.length);
    sameLength("group", groupNames.length, groupLevels.length);
    for (int k = 0; k < supplierLevels.length; k++) {
      finite("supplier " + supplierIds[k], "level", supplierLevels[k], "a finite number");
    }
    for (int k = 0; k < segmentDuals.length; k++) {
      double b = segmentDuals[k];
      if (!(b >= 0) || b == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "segment %d: supply dual is %s: expected a finite number >= 0", segmentIds[k], b));
      }
    }
    for (int k = 0; k < groupLevels.length; k++) {
      if (groupNames[k] == null) {
        throw Strict.nullArgument("groupNames[" + k + "]", String.class);
      }
      finite("group " + groupNames[k], "level", groupLevels[k], "a finite number");
    }
  }

  private static void sameLength(String what, int ids, int values) {
    if (ids != values) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s duals: %d ids but %d values: expected one value per id", what, ids, values));
    }
  }

  private static void finite(String who, String field, double value, String expected) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %s is %s: expected %s", who,
          field, value, expected));
    }
  }
}
