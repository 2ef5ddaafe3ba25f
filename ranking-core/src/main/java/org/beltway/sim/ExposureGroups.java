package org.beltway.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.beltway.internal.Strict;
import org.beltway.supplier.Count;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.PriorityClass;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;

/**
 * Exposure and new buyers of a run by groups of suppliers along one dimension (membership tier, belt,
 * city, priority class, size decile), beside each group's merit-proportional exposure, so that a group
 * a strategy favours or starves shows as exposure share above or below its fair share. Immutable.
 *
 * @param dimension what the groups are, e.g. {@code tier}
 * @param groups one entry per group, in the dimension's natural order
 */
public record ExposureGroups(String dimension, List<Group> groups) {

  /**
   * One group.
   *
   * @param name the group, e.g. {@code TRUSTPASS} or {@code city 7}
   * @param suppliers suppliers in it
   * @param exposureShare its share of all delivered impressions of the run
   * @param fairShare its share of the merit-proportional exposure of the run
   * @param buyersShare its share of all new buyers of the run
   */
  public record Group(String name, int suppliers, double exposureShare, double fairShare,
      double buyersShare) {
    /** Rejects a null name. */
    public Group {
      Strict.nonNull(name, "name", String.class);
    }
  }

  /** Copies the list. */
  public ExposureGroups {
    Strict.nonNull(dimension, "dimension", String.class);
    groups = List.copyOf(Strict.nonNull(groups, "groups", List.class));
  }

  /** The breakdowns of a run: by tier, priority class, belt, city and size decile. */
  static List<ExposureGroups> of(SupplierTable table, double[] exposure, double[] fair, long[] buyers) {
    Totals totals = new Totals(exposure, fair, buyers);
    List<ExposureGroups> all = new ArrayList<>();
    List<Group> tiers = new ArrayList<>();
    for (MembershipTier tier : MembershipTier.values()) {
      tiers.add(totals.group(tier.name(), r -> table.tier(r) == tier));
    }
    all.add(new ExposureGroups("tier", tiers));
    List<Group> classes = new ArrayList<>();
    for (PriorityClass c : PriorityClass.values()) {
      classes.add(totals.group(c.name(), r -> table.inPriorityClass(r, c)));
    }
    classes.add(totals.group("none", r -> {
      for (PriorityClass c : PriorityClass.values()) {
        if (table.inPriorityClass(r, c)) {
          return false;
        }
      }
      return true;
    }));
    all.add(new ExposureGroups("priority class", classes));
    all.add(new ExposureGroups("belt", byKey(totals, table.size(), table::belt, Supplier.NO_BELT, "belt ")));
    all.add(new ExposureGroups("city", byKey(totals, table.size(), table::city, Integer.MIN_VALUE, "city ")));
    all.add(new ExposureGroups(SIZE_DECILE, sizeDeciles(totals, table)));
    return all;
  }

  /** The dimension of {@link #sizeDeciles}. */
  public static final String SIZE_DECILE = "size decile";

  /**
   * Ten groups of (nearly) equal headcount by orders on day 0, smallest first, ties by row: whether a
   * strategy serves small and medium suppliers.
   */
  private static List<Group> sizeDeciles(Totals totals, SupplierTable table) {
    int n = table.size();
    Integer[] order = new Integer[n];
    for (int r = 0; r < n; r++) {
      order[r] = r;
    }
    Arrays.sort(order, Comparator.comparingLong((Integer r) -> table.count(Count.ORDERS, r))
        .thenComparingInt(r -> r));
    int[] decile = new int[n];
    for (int k = 0; k < n; k++) {
      decile[order[k]] = (int) (10L * k / n);
    }
    List<Group> groups = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      int which = d;
      groups.add(totals.group("d" + (d + 1), r -> decile[r] == which));
    }
    return groups;
  }

  /** Groups by an int key of the row, ascending; {@code none} names the key of no group. */
  private static List<Group> byKey(Totals totals, int n, IntUnaryOperator key, int none,
      String prefix) {
    TreeSet<Integer> keys = new TreeSet<>();
    for (int r = 0; r < n; r++) {
      keys.add(key.applyAsInt(r));
    }
    List<Group> groups = new ArrayList<>();
    for (int k : keys) {
      groups.add(totals.group(k == none ? "none" : prefix + k, r -> key.applyAsInt(r) == k));
    }
    return groups;
  }

  private record Totals(double[] exposure, double[] fair, long[] buyers, double exposureSum,
      double fairSum, double buyersSum) {
    Totals(double[] exposure, double[] fair, long[] buyers) {
      this(exposure, fair, buyers, sum(exposure), sum(fair), sum(buyers));
    }

    Group group(String name, IntPredicate member) {
      int count = 0;
      double e = 0;
      double f = 0;
      double b = 0;
      for (int r = 0; r < exposure.length; r++) {
        if (member.test(r)) {
          count++;
          e += exposure[r];
          f += fair[r];
          b += buyers[r];
        }
      }
      return new Group(name, count, share(e, exposureSum), share(f, fairSum), share(b, buyersSum));
    }

    private static double share(double part, double whole) {
      return whole > 0 ? part / whole : 0.0;
    }

    private static double sum(double[] values) {
      double s = 0;
      for (double v : values) {
        s += v;
      }
      return s;
    }

    private static double sum(long[] values) {
      double s = 0;
      for (long v : values) {
        s += v;
      }
      return s;
    }
  }
}
