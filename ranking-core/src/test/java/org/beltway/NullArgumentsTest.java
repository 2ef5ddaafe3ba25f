package org.beltway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.beltway.guarantee.BuyerLedger;
import org.beltway.guarantee.ConversionPrior;
import org.beltway.guarantee.DemandConversion;
import org.beltway.score.Priors;
import org.beltway.score.Scorer;
import org.beltway.score.ScoringConfig;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Regression (issue 14): a null argument at the API's entry points gave the JVM's generic
 * NullPointerException text; each must name the argument.
 */
class NullArgumentsTest {

  @Test
  void entryPointsNameTheNullArgument() {
    SupplierTable table = SupplierTable.builder(1)
        .add(Supplier.builder(1).categories(0).build(), Signals.builder().build()).build();
    SegmentTable segments = SegmentTable.builder(1)
        .add(Segment.of(10, 0, BuyerTier.TOP, Channel.WHOLESALE, 100)).build();
    EligibilityGraph graph = EligibilityGraph.of(table, segments);
    Map<String, Executable> calls = new LinkedHashMap<>();
    calls.put("suppliers", () -> EligibilityGraph.of(null, segments));
    calls.put("segments", () -> EligibilityGraph.of(table, null));
    calls.put("graph", () -> AllocationProblem.builder(null));
    calls.put("problem", () -> AllocationSolver.defaults().solve(null));
    calls.put("meritByRow", () -> AllocationProblem.builder(graph).merit(null));
    calls.put("impressionsByRow", () -> AllocationProblem.builder(graph).guarantees(null));
    calls.put("share", () -> AllocationProblem.builder(graph).share(null));
    calls.put("table", () -> Scorer.DEFAULT.score(null));
    calls.put("reference", () -> Priors.fit(null, ScoringConfig.DEFAULT));
    calls.put("supplier", () -> SupplierTable.builder(1).add(null, Signals.builder().build()));
    calls.put("signals", () -> SupplierTable.builder(1).add(Supplier.builder(2).categories(0).build(), null));
    calls.put("enrolment", () -> BuyerLedger.create().enrol(null));
    calls.put("ledger", () -> DemandConversion.builder(ConversionPrior.global(1, 99)).build()
        .demand(null, table, 0));
    List<String> generic = new ArrayList<>();
    for (Map.Entry<String, Executable> call : calls.entrySet()) {
      String message = assertThrows(NullPointerException.class, call.getValue(), call.getKey()).getMessage();
      // the JVM's own text ("Cannot read the array length because ...") names a local, not the argument
      if (message == null || !message.contains(call.getKey()) || message.startsWith("Cannot ")) {
        generic.add(call.getKey() + ": " + message);
      }
    }
    assertEquals(List.of(), generic);
    // a share's name is validated as a value: null is refused like a blank name
    assertThrows(IllegalArgumentException.class, () -> org.beltway.allocation.GroupShare.builder(null));
  }
}
