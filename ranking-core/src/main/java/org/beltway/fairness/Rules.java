package org.beltway.fairness;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.IntBinaryOperator;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.GroupShare;
import org.beltway.internal.Strict;
import org.beltway.serving.PrefixFloor;
import org.beltway.supplier.SupplierTable;

/**
 * The built-in rules. Shares and bounds are checked with a relative tolerance of {@value #TOLERANCE},
 * the solver's own order, so a plan at its bound holds it.
 */
public final class Rules {
  /** Relative slack within which a bound counts as held. */
  public static final double TOLERANCE = 1e-6;

  private Rules() {}

  /**
   * A group (e.g. the quality tier) has at least {@code floor} of all impressions.
   *
   * @param suppliers the group's supplier rows of the subject's graph
   */
  public static Rule<Exposure> shareAtLeast(String group, IntPredicate suppliers, double floor) {
    return allTraffic(group, suppliers, floor, true);
  }

  /**
   * New suppliers (on the platform fewer than {@code days} days) have at least {@code floor} of all
   * impressions: the new-supplier floor. The graph's rows must be the table's (checked by id).
   */
  public static Rule<Exposure> newSupplierFloor(SupplierTable suppliers, int days, double floor) {
    Strict.nonNull(suppliers, "suppliers", SupplierTable.class);
    if (days < 1) {
      throw new IllegalArgumentException("days (" + days + "): expected at least 1");
    }
    Rule<Exposure> share = allTraffic("new (< " + days + " days)", r -> suppliers.daysOnPlatform(r) < days,
        floor, true);
    return new Rule<>() {
      @Override
      public String name() {
        return share.name();
      }

      @Override
      public List<Violation> check(Exposure subject) {
        Strict.nonNull(subject, "subject", Exposure.class);
        for (int r = 0, n = subject.graph().supplierCount(); r < n; r++) {
          if (r >= suppliers.size() || subject.graph().supplierId(r) != suppliers.id(r)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "row %d of the subject's graph is supplier %d, not the table's: expected the graph of this"
                    + " table", r, subject.graph().supplierId(r)));
          }
        }
        return share.check(subject);
      }
    };
  }

  /** A group (e.g. the head tier, or paid placements) has at most {@code cap} of all impressions. */
  public static Rule<Exposure> shareAtMost(String group, IntPredicate suppliers, double cap) {
    return allTraffic(group, suppliers, cap, false);
  }

  /**
   * Top suppliers to top buyers: the group (e.g. the quality tier) has at least {@code floor} of the
   * impressions of TOP-buyer segments (those of the subject's graph).
   */
  public static Rule<Exposure> topBuyersToGroup(String group, IntPredicate suppliers, double floor) {
    Strict.nonNull(group, "group", String.class);
    Strict.nonNull(suppliers, "suppliers", IntPredicate.class);
    return new GroupShareRule(GroupShareRule.name(group, "TOP-buyer traffic", floor, true),
        group + " (TOP buyers)", suppliers,
        graph -> j -> graph.segments().buyerTier(j) == BuyerTier.TOP, floor, true);
  }

  private static Rule<Exposure> allTraffic(String group, IntPredicate suppliers, double bound, boolean floor) {
    Strict.nonNull(group, "group", String.class);
    Strict.nonNull(suppliers, "suppliers", IntPredicate.class);
    return new GroupShareRule(GroupShareRule.name(group, "all traffic", bound, floor), group, suppliers,
        graph -> j -> true, bound, floor);
  }

  /** No supplier gets more than {@code share} of a segment's forecast traffic. */
  public static Rule<Exposure> edgeCap(double share) {
    return new EdgeCapRule(share);
  }

  /** Impressions go only where the supplier sells and to channels whose program it joined. */
  public static Rule<Exposure> optIn(SupplierTable suppliers) {
    return new OptInRule(suppliers);
  }

  /** Every supplier with a guarantee gets at least its guaranteed impressions (by graph row). */
  public static Rule<Exposure> guarantees(double[] guaranteesByRow) {
    return new GuaranteeRule(guaranteesByRow);
  }

  /** At most {@code maxShare} of the suppliers get under {@code fraction} of their fair exposure. */
  public static Rule<Exposure> starvation(double fraction, double maxShare) {
    return new StarvationRule(fraction, maxShare);
  }

  /** The Gini coefficient of the suppliers' impressions is at most {@code maxGini}. */
  public static Rule<Exposure> concentration(double maxGini) {
    return new ConcentrationRule(ConcentrationRule.Measure.GINI, maxGini);
  }

  /** The Herfindahl-Hirschman index of the suppliers' shares of impressions is at most {@code max}. */
  public static Rule<Exposure> hhi(double max) {
    return new ConcentrationRule(ConcentrationRule.Measure.HHI, max);
  }

  /** The top 1% of suppliers (at least one) hold at most {@code maxShare} of the impressions. */
  public static Rule<Exposure> topPercentShare(double maxShare) {
    return new ConcentrationRule(ConcentrationRule.Measure.TOP_PERCENT, maxShare);
  }

  /**
   * Exposure proportional to merit where no promise binds (Singh and Joachims, KDD 2018): in every
   * segment, the suppliers of one class that hold no promise and are neither at their cap nor at 0
   * get impressions in the same ratio to their fair exposure, within a relative {@code tolerance}.
   *
   * @param unpromisedRows the supplier rows with no guarantee or total cap
   * @param classOf the policy class of (row, segment): suppliers the same shares apply to
   * @param capOfEdge the cap of an edge, {@code +∞} when none
   */
  public static Rule<Exposure> proportionalExposure(IntPredicate unpromisedRows, IntBinaryOperator classOf,
      IntToDoubleFunction capOfEdge, double tolerance) {
    Strict.nonNull(unpromisedRows, "unpromisedRows", IntPredicate.class);
    Strict.nonNull(classOf, "classOf", IntBinaryOperator.class);
    Strict.nonNull(capOfEdge, "capOfEdge", IntToDoubleFunction.class);
    return new ProportionalExposureRule(unpromisedRows, classOf, capOfEdge, tolerance);
  }

  /**
   * {@link #proportionalExposure(IntPredicate, IntBinaryOperator, IntToDoubleFunction, double)} with
   * promises, classes and caps read from a problem: rows with a guarantee or total cap are promised, an
   * edge's class is the set of the problem's group shares that constrain it, its cap is the problem's.
   * The subject must be over the problem's graph.
   */
  public static Rule<Exposure> proportionalExposure(AllocationProblem problem, double tolerance) {
    Strict.nonNull(problem, "problem", AllocationProblem.class);
    if (problem.groupCount() > 31) {
      throw new IllegalArgumentException("the problem has " + problem.groupCount()
          + " group shares: expected at most 31 for classes by group");
    }
    return new ProportionalExposureRule(
        row -> problem.guarantee(row) == 0 && problem.totalCap(row) == Double.POSITIVE_INFINITY,
        (row, segment) -> {
          int c = 0;
          for (int g = 0; g < problem.groupCount(); g++) {
            GroupShare share = problem.group(g);
            if (share.includesSupplier(row) && share.includesSegment(segment)) {
              c |= 1 << g;
            }
          }
          return c;
        }, problem::edgeCap, tolerance);
  }

  /** Every impression of a plan's forecast is allocated or reported unallocated. */
  public static Rule<AllocationPlan> conservation() {
    return new ConservationRule();
  }

  /** FA*IR's prefix floor on ranked pages. */
  public static Rule<RankedPage> prefixFloor(PrefixFloor floor) {
    return new PrefixFloorRule(floor);
  }

  /** A share as a percentage with up to four significant digits and no trailing zeros: {@code 30%}. */
  static String percent(double share) {
    return new BigDecimal(String.format(Locale.ROOT, "%.4g", 100 * share)).stripTrailingZeros()
        .toPlainString() + "%";
  }

  static void checkShare(String what, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s (%s): expected a share in [0, 1]", what, share));
    }
  }
}
