package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every validation error names the thing, the value and the expectation. */
class ValidationMessagesTest {

  private static String rejection(Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  /** The message of a setting given twice: the builder's state, not the argument, is wrong. */
  private static String givenTwice(Executable call) {
    return assertThrows(IllegalStateException.class, call).getMessage();
  }

  private static SegmentTable segments() {
    return SegmentTable.builder(2).add(Segment.of(10, 0, BuyerTier.TOP, Channel.WHOLESALE, 1000))
        .add(Segment.of(20, 1, BuyerTier.OTHER, Channel.WHOLESALE, 500)).build();
  }

  /** Suppliers 1 and 2; 1 is eligible in segments 10 and 20, 2 in segment 10. */
  private static EligibilityGraph graph() {
    return EligibilityGraph.builder(new long[] {1, 2}, segments()).edge(1, 10).edge(1, 20).edge(2, 10)
        .build();
  }

  private static AllocationProblem.Builder problem() {
    return AllocationProblem.builder(graph()).merit(new double[] {1, 2});
  }

  @Test
  void graphBuilderNamesUnknownIdsAndDuplicates() {
    assertEquals("supplier 5: id listed twice in supplierIds",
        rejection(() -> EligibilityGraph.builder(new long[] {5, 5}, segments())));
    EligibilityGraph.Builder b = EligibilityGraph.builder(new long[] {1, 2}, segments());
    assertEquals("edge (supplier 99, segment 10): unknown supplier 99", rejection(() -> b.edge(99, 10)));
    assertEquals("edge (supplier 1, segment 99): unknown segment 99", rejection(() -> b.edge(1, 99)));
    EligibilityGraph.Builder twice = EligibilityGraph.builder(new long[] {1, 2}, segments()).edge(1, 10)
        .edge(1, 10);
    assertEquals("edge (supplier 1, segment 10) given twice", rejection(twice::build));
  }

  @Test
  void segmentTrafficMustBeAFiniteNonNegativeNumber() {
    assertEquals("segment 17: traffic (-1.0): expected a finite number of impressions >= 0",
        rejection(() -> SegmentTable.builder(1).add(Segment.of(17, 0, BuyerTier.TOP, Channel.WHOLESALE,
            -1))));
    assertEquals("segment 17: traffic (NaN): expected a finite number of impressions >= 0",
        rejection(() -> SegmentTable.builder(1).add(Segment.of(17, 0, BuyerTier.TOP, Channel.WHOLESALE,
            Double.NaN))));
  }

  @Test
  void meritMapRejectsBadParametersAndScores() {
    assertEquals("merit floor must be a finite number > 0: 0.0", rejection(() -> Merit.power(0, 2)));
    assertEquals("merit exponent must be a finite number > 0: NaN",
        rejection(() -> Merit.power(0.1, Double.NaN)));
    assertEquals("score (1.2): expected a number in [0, 1]", rejection(() -> Merit.DEFAULT.of(1.2)));
    assertEquals("row 1: score (-0.1): expected a number in [0, 1]",
        rejection(() -> Merit.DEFAULT.apply(new double[] {0.5, -0.1})));
  }

  @Test
  void problemBuilderNamesTheSupplierAndTheValue() {
    assertEquals("merit has 1 values: expected one per supplier (2)",
        rejection(() -> AllocationProblem.builder(graph()).merit(new double[] {1})));
    assertEquals("supplier 2: merit (0.0): expected a finite number > 0",
        rejection(() -> AllocationProblem.builder(graph()).merit(new double[] {1, 0})));
    assertEquals("merit was already set to [1.0, 2.0]", givenTwice(() -> problem().merit(new double[] {1, 1})));
    assertEquals("relevance was already set to [1.0, 1.0, 1.0]",
        givenTwice(() -> problem().relevance(new double[] {1, 1, 1}).relevance(new double[] {1, 1, 1})));
    assertEquals("relevance has 1 values: expected one per edge (3)",
        rejection(() -> problem().relevance(new double[] {1})));
    assertEquals("edge (supplier 2, segment 10): relevance (-1.0): expected a finite number >= 0",
        rejection(() -> problem().relevance(new double[] {1, -1, 1})));
    assertEquals("merit is not set: call merit(...) or scores(...)",
        rejection(() -> AllocationProblem.builder(graph()).build()));
  }

  @Test
  void guaranteesAndCapsNameUnknownSuppliersAndBadAmounts() {
    assertEquals("guarantee for unknown supplier 99", rejection(() -> problem().guarantee(99, 10)));
    assertEquals("supplier 1: guarantee (NaN): expected a finite number of impressions >= 0",
        rejection(() -> problem().guarantee(1, Double.NaN)));
    assertEquals("supplier 1: guarantee (-3.0): expected a finite number of impressions >= 0",
        rejection(() -> problem().guarantee(1, -3)));
    assertEquals("supplier 1: guarantee given twice",
        rejection(() -> problem().guarantee(1, 10).guarantee(1, 20)));
    assertEquals("supplier 1: guarantee given twice",
        rejection(() -> problem().guarantee(1, 10).guarantees(new double[] {5, 0})));
    assertEquals("guarantees has 3 values: expected one per supplier (2)",
        rejection(() -> problem().guarantees(new double[] {1, 2, 3})));
    assertEquals("cap for unknown supplier 99", rejection(() -> problem().capTotal(99, 10)));
    assertEquals("cap for unknown supplier 99", rejection(() -> problem().capPerSegment(99, 10)));
    assertEquals("supplier 1: capPerSegment (-5.0): expected a finite number of impressions >= 0",
        rejection(() -> problem().capPerSegment(1, -5)));
    assertEquals("supplier 1: capTotal (Infinity): expected a finite number of impressions >= 0",
        rejection(() -> problem().capTotal(1, Double.POSITIVE_INFINITY)));
    assertEquals("supplier 1: capTotal given twice", rejection(() -> problem().capTotal(1, 5).capTotal(1, 6)));
    assertEquals("cap for unknown segment 99", rejection(() -> problem().capEdge(1, 99, 5)));
    assertEquals("supplier 2 is not eligible in segment 20: no edge to cap",
        rejection(() -> problem().capEdge(2, 20, 5)));
    assertEquals("edge (supplier 1, segment 10): capEdge given twice",
        rejection(() -> problem().capEdge(1, 10, 5).capEdge(1, 10, 6)));
    assertEquals("capShareOfSegment must be in [0, 1]: 1.2", rejection(() -> problem().capShareOfSegment(1.2)));
    assertEquals("capShareOfSegment was already set to 0.1",
        givenTwice(() -> problem().capShareOfSegment(0.1).capShareOfSegment(0.2)));
    assertEquals("guarantees was already set to [0.0, 5.0]",
        givenTwice(() -> problem().guarantees(new double[] {0, 5}).guarantees(new double[] {0, 6})));
  }

  @Test
  void solverSettingsGivenTwiceNameTheirOldValue() {
    assertEquals("threads was already set to 2",
        givenTwice(() -> AllocationSolver.builder().threads(2).threads(1)));
    assertEquals("gapTolerance was already set to 0.001",
        givenTwice(() -> AllocationSolver.builder().gapTolerance(1e-3).gapTolerance(1e-4)));
    assertEquals("violationTolerance was already set to 1.0E-5",
        givenTwice(() -> AllocationSolver.builder().violationTolerance(1e-5).violationTolerance(1e-6)));
    assertEquals("maxPasses was already set to 7",
        givenTwice(() -> AllocationSolver.builder().maxPasses(7).maxPasses(8)));
    assertEquals("timeLimit was already set to PT1S", givenTwice(() -> AllocationSolver.builder()
        .timeLimit(Duration.ofSeconds(1)).timeLimit(Duration.ofSeconds(2))));
  }

  @Test
  void groupSharesAreCheckedWhenBuiltAndWhenAdded() {
    assertEquals("group share name must not be blank: \" \"", rejection(() -> GroupShare.builder(" ")));
    assertEquals("group share \"quality\": atLeast must be in [0, 1]: 1.2",
        rejection(() -> GroupShare.builder("quality").atLeast(1.2)));
    assertEquals("group share \"quality\": atMost must be in [0, 1]: -0.1",
        rejection(() -> GroupShare.builder("quality").atMost(-0.1)));
    assertEquals("group share \"quality\": atLeast (0.9) exceeds atMost (0.5)",
        rejection(() -> GroupShare.builder("quality").suppliers(r -> true).atLeast(0.9).atMost(0.5).build()));
    assertEquals("group share \"quality\": needs atLeast or atMost",
        rejection(() -> GroupShare.builder("quality").suppliers(r -> true).build()));
    assertEquals("group share \"quality\": suppliers are not set",
        rejection(() -> GroupShare.builder("quality").atLeast(0.8).build()));
    assertEquals("group share \"quality\": atLeast was already set to 0.8",
        givenTwice(() -> GroupShare.builder("quality").atLeast(0.8).atLeast(0.7)));
    assertEquals("group share \"quality\": atMost was already set to 0.3",
        givenTwice(() -> GroupShare.builder("quality").atMost(0.3).atMost(0.4)));
    assertEquals("group share \"quality\": suppliers was already set to a lambda",
        givenTwice(() -> GroupShare.builder("quality").suppliers(r -> true).suppliers(new boolean[2])));
    assertEquals("group share \"quality\": suppliers was already set to [true, false, true, true, …] (6 values)",
        givenTwice(() -> GroupShare.builder("quality").suppliers(new boolean[] {true, false, true, true, false, true})
            .suppliers(r -> true)));
    assertEquals("group share \"quality\": segments was already set to a lambda",
        givenTwice(() -> GroupShare.builder("quality").segments(j -> true).segments(j -> false)));
    GroupShare quality = GroupShare.builder("quality").suppliers(new boolean[] {true}).atLeast(0.8).build();
    assertEquals("group share \"quality\": supplier mask has 1 values: expected one per supplier (2)",
        rejection(() -> problem().share(quality)));
    GroupShare ok = GroupShare.builder("quality").suppliers(r -> true).atLeast(0.8).build();
    assertEquals("group share \"quality\" given twice", rejection(() -> problem().share(ok).share(ok)));
    AllocationProblem.Builder many = problem();
    for (int g = 0; g < AllocationProblem.MAX_GROUPS; g++) {
      many.share(GroupShare.builder("g" + g).suppliers(r -> true).atMost(1).build());
    }
    GroupShare extra = GroupShare.builder("extra").suppliers(r -> true).atMost(1).build();
    assertEquals("at most 64 group shares: \"extra\" is one too many", rejection(() -> many.share(extra)));
  }

  @Test
  void prioritiesAndSolverSettingsAreChecked() {
    assertEquals("guaranteePenalty must be a finite number > 0: 0.0", rejection(() -> new Priorities(0, 1)));
    assertEquals("groupPenalty must be a finite number > 0: Infinity",
        rejection(() -> new Priorities(1, Double.POSITIVE_INFINITY)));
    assertEquals("priorities was already set to Priorities[guaranteePenalty=1000000.0, groupPenalty=1000.0]",
        givenTwice(() -> problem()
        .priorities(Priorities.GUARANTEES_FIRST).priorities(Priorities.GROUPS_FIRST)));
    assertEquals("threads must be >= 1: 0", rejection(() -> AllocationSolver.builder().threads(0)));
    assertEquals("gapTolerance must be in (0, 1): 0.0", rejection(() -> AllocationSolver.builder().gapTolerance(0)));
    assertEquals("violationTolerance must be in (0, 1): 1.0",
        rejection(() -> AllocationSolver.builder().violationTolerance(1)));
    assertEquals("maxPasses must be >= 1: 0", rejection(() -> AllocationSolver.builder().maxPasses(0)));
    assertEquals("timeLimit must be positive: PT0S",
        rejection(() -> AllocationSolver.builder().timeLimit(Duration.ZERO)));
  }

  @Test
  void planQueriesNameUnknownIds() {
    AllocationPlan plan = AllocationSolver.builder().threads(1).build().solve(problem().build());
    assertEquals("unknown supplier 99", rejection(() -> plan.allocation(99, 10)));
    assertEquals("unknown segment 99", rejection(() -> plan.allocation(1, 99)));
    assertEquals("unknown supplier 99", rejection(() -> plan.supplierTotal(99L)));
    assertEquals("unknown group share \"x\"", rejection(() -> plan.groupTotal("x")));
    assertEquals(0.0, plan.allocation(2, 20)); // known ids, not eligible: no traffic
  }
}
