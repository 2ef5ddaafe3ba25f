package org.beltway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.beltway.entity.Entities;
import org.beltway.entity.EntityGraph;
import org.beltway.fairness.Exposure;
import org.beltway.fairness.Probes;
import org.beltway.fairness.Rules;
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
    List<Map.Entry<String, Executable>> calls = new ArrayList<>();
    calls.add(Map.entry("suppliers", () -> EligibilityGraph.of(null, segments)));
    calls.add(Map.entry("segments", () -> EligibilityGraph.of(table, null)));
    calls.add(Map.entry("graph", () -> AllocationProblem.builder(null)));
    calls.add(Map.entry("problem", () -> AllocationSolver.defaults().solve(null)));
    calls.add(Map.entry("meritByRow", () -> AllocationProblem.builder(graph).merit(null)));
    calls.add(Map.entry("impressionsByRow", () -> AllocationProblem.builder(graph).guarantees(null)));
    calls.add(Map.entry("share", () -> AllocationProblem.builder(graph).share(null)));
    calls.add(Map.entry("table", () -> Scorer.DEFAULT.score(null)));
    calls.add(Map.entry("reference", () -> Priors.fit(null, ScoringConfig.DEFAULT)));
    calls.add(Map.entry("supplier", () -> SupplierTable.builder(1).add(null, Signals.builder().build())));
    calls.add(Map.entry("signals", () -> SupplierTable.builder(1).add(Supplier.builder(2).categories(0).build(), null)));
    calls.add(Map.entry("enrolment", () -> BuyerLedger.create().enrol(null)));
    calls.add(Map.entry("ledger", () -> DemandConversion.builder(ConversionPrior.global(1, 99)).build()
        .demand(null, table, 0)));
    Entities entities = Entities.of(table);
    EntityGraph entityGraph = entities.graph(graph);
    Probes.Planner planner = (t, s) -> Exposure.of(AllocationSolver.defaults()
        .solve(AllocationProblem.builder(EligibilityGraph.of(t, s)).merit(new double[t.size()]).build()));
    calls.add(Map.entry("shops", () -> Entities.of(null)));
    calls.add(Map.entry("shopGraph", () -> entities.graph(null)));
    calls.add(Map.entry("shopRelevanceByEdge", () -> entities.graph(graph, null)));
    calls.add(Map.entry("entityPlan", () -> entityGraph.split(null)));
    calls.add(Map.entry("plan", () -> Exposure.of((org.beltway.entity.ShopPlan) null)));
    calls.add(Map.entry("planner", () -> Probes.split(null, table, segments, 1, 2, 1, 1e-9)));
    calls.add(Map.entry("suppliers", () -> Probes.sybil(planner, null, segments, 1, 2, 1, 1e-9)));
    calls.add(Map.entry("signal", () -> Probes.monotonicity(planner, table, segments, 1, null, 1, 1e-9)));
    calls.add(Map.entry("problem", () -> Rules.proportionalExposure(null, 1e-9)));
    calls.add(Map.entry("unpromisedRows", () -> Rules.proportionalExposure(null, (r, j) -> 0,
        e -> 1, 1e-9)));
    List<String> generic = new ArrayList<>();
    for (Map.Entry<String, Executable> call : calls) {
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
