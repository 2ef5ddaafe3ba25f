package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 32): values of a supplier table meeting a graph of other rows. Scores and group
 * shares over scores are placed on the graph by supplier id, so a graph built with
 * {@link EligibilityGraph#builder(long[], SegmentTable)} in another order than the table gets the same
 * plan; scores of another number of suppliers are refused naming both sizes.
 */
class MismatchedInputsTest {
  private static final AllocationSolver SOLVER = AllocationSolver.defaults();
  private static final Marketplace M = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.0005, 42));
  private static final SupplierTable TABLE = M.suppliers();
  private static final Scores SCORES = Scorer.DEFAULT.score(TABLE);
  private static final Scores FEWER = Scorer.DEFAULT.score(
      MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.0003, 42)).suppliers());

  /** The table's graph, its edges rebuilt in table order or in reverse, through the id builder. */
  private static EligibilityGraph graph(boolean reversed) {
    EligibilityGraph byTable = EligibilityGraph.of(TABLE, M.segments());
    int n = TABLE.size();
    long[] ids = new long[n];
    for (int r = 0; r < n; r++) {
      ids[r] = TABLE.id(reversed ? n - 1 - r : r);
    }
    EligibilityGraph.Builder b = EligibilityGraph.builder(ids, M.segments());
    for (int e = 0; e < byTable.edgeCount(); e++) {
      if (M.segments().channel(byTable.segmentOf(e)) == Channel.WHOLESALE) {
        b.edge(byTable.supplierId(byTable.supplierOf(e)), M.segments().id(byTable.segmentOf(e)));
      }
    }
    return b.build();
  }

  /**
   * The measured bug: composites in the table's order given to a graph built in reverse gave every row
   * another supplier's merit, and the best supplier the least traffic. Now the plan is the same by id.
   */
  @Test
  void scoresFollowTheSupplierIdsInAGraphOfAnotherRowOrder() {
    EligibilityGraph inOrder = graph(false);
    EligibilityGraph reversed = graph(true);
    assertTrue(reversed.supplierId(0) != TABLE.id(0), "the graph's rows are not the table's");
    AllocationPlan a = SOLVER.solve(AllocationProblem.builder(inOrder).scores(SCORES, Merit.DEFAULT).build());
    AllocationPlan b = SOLVER.solve(AllocationProblem.builder(reversed).scores(SCORES, Merit.DEFAULT).build());
    int best = 0;
    int worst = 0;
    for (int r = 0; r < TABLE.size(); r++) {
      long id = TABLE.id(r);
      assertEquals(a.supplierTotal(id), b.supplierTotal(id), 1e-9 * Math.max(1, a.supplierTotal(id)),
          "supplier " + id);
      assertEquals(a.problem().merit(inOrder.row(id)), b.problem().merit(reversed.row(id)), 0.0);
      best = SCORES.composite(r) > SCORES.composite(best) ? r : best;
      worst = SCORES.composite(r) < SCORES.composite(worst) ? r : worst;
    }
    assertTrue(b.problem().merit(reversed.row(TABLE.id(best)))
        > b.problem().merit(reversed.row(TABLE.id(worst))), "the best supplier has the most merit");
  }

  /** The positional overload that let the bug in is gone: composites come with their table's ids. */
  @Test
  void noPublicOverloadTakesCompositesByPosition() {
    for (Method m : AllocationProblem.Builder.class.getMethods()) {
      if (m.getName().equals("scores") && Modifier.isPublic(m.getModifiers())) {
        assertEquals(Scores.class, m.getParameterTypes()[0], m.toString());
      }
    }
  }

  @Test
  void scoresOfAnotherSizeAreRefusedNamingBothSizes() {
    EligibilityGraph graph = graph(true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AllocationProblem.builder(graph).scores(FEWER, Merit.DEFAULT));
    assertEquals(String.format("scores: %d suppliers scored: expected the scores of the graph's %d suppliers",
        FEWER.size(), TABLE.size()), e.getMessage());
  }

  @Test
  void aShareOverScoresOfAnotherSizeIsRefusedNamingBothSizes() {
    EligibilityGraph graph = graph(false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AllocationProblem.builder(graph).share(GroupShare.builder("quality")
            .suppliers(FEWER, FEWER::qualityTier).atLeast(0.8).build()));
    assertEquals(String.format("group share \"quality\": %d suppliers scored: expected the scores of the"
        + " graph's %d suppliers", FEWER.size(), TABLE.size()), e.getMessage());
  }

  /** A bare predicate over fewer scores fails on the graph's first row beyond them, naming both sizes. */
  @Test
  void aBarePredicateOverFewerScoresNamesBothSizes() {
    EligibilityGraph graph = graph(false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AllocationProblem.builder(graph).share(GroupShare.builder("quality")
            .suppliers(FEWER::qualityTier).atLeast(0.8).build()));
    assertTrue(e.getMessage().startsWith(String.format("group share \"quality\": its supplier predicate"
        + " fails on row %d (supplier %d) of the graph's %d rows (row %d: expected a row of the %d scored"
        + " suppliers)", FEWER.size(), graph.supplierId(FEWER.size()), TABLE.size(), FEWER.size(),
        FEWER.size())), e.getMessage());
  }

  @Test
  void aShareOverScoresFollowsTheSupplierIds() {
    EligibilityGraph reversed = graph(true);
    AllocationProblem p = AllocationProblem.builder(reversed).scores(SCORES, Merit.DEFAULT)
        .share(GroupShare.builder("quality").suppliers(SCORES, SCORES::qualityTier).atLeast(0.8).build())
        .build();
    for (int row = 0; row < reversed.supplierCount(); row++) {
      assertEquals(SCORES.qualityTierById(reversed.supplierId(row)), p.group(0).includesSupplier(row),
          "graph row " + row);
    }
  }
}
