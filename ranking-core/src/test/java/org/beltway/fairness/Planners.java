package org.beltway.fairness;

import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.Merit;
import org.beltway.allocation.SegmentTable;
import org.beltway.entity.Entities;
import org.beltway.entity.EntityGraph;
import org.beltway.score.Priors;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.supplier.SupplierTable;

/**
 * The planners the probes are run on: one policy (segment cap 20%, quality share at least 80%), planned
 * by entity (the library's way) or shop by shop (the manipulable way the probes must catch).
 */
final class Planners {
  static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1)
      .gapTolerance(1e-12).violationTolerance(1e-11).maxPasses(100_000).build();

  private Planners() {}

  /** Scores the shops' entities (priors fitted on the merged table) and shares each entity's plan. */
  static Exposure byEntity(SupplierTable shops, SegmentTable segments) {
    Entities entities = Entities.of(shops);
    return plan(entities, segments, Scorer.DEFAULT.score(entities.merged()));
  }

  /** As {@link #byEntity}, with fixed priors, for laws about one supplier's change. */
  static Probes.Planner byEntity(Priors priors) {
    return (shops, segments) -> {
      Entities entities = Entities.of(shops);
      return plan(entities, segments, Scorer.DEFAULT.score(entities.merged(), priors));
    };
  }

  private static Exposure plan(Entities entities, SegmentTable segments, Scores scores) {
    EntityGraph graph = entities.graph(EligibilityGraph.of(entities.shops(), segments));
    return Exposure.of(graph.split(SOLVER.solve(policy(graph.graph(), scores))));
  }

  /** Every shop scored and planned as if it were a business of its own. */
  static Exposure byShop(SupplierTable shops, SegmentTable segments) {
    Scores scores = Scorer.DEFAULT.score(shops);
    return Exposure.of(SOLVER.solve(policy(EligibilityGraph.of(shops, segments), scores)));
  }

  private static AllocationProblem policy(EligibilityGraph graph, Scores scores) {
    return AllocationProblem.builder(graph).scores(scores, Merit.DEFAULT).capShareOfSegment(0.2)
        .share(GroupShare.builder("quality").suppliers(scores::qualityTier).atLeast(0.8).build()).build();
  }
}
