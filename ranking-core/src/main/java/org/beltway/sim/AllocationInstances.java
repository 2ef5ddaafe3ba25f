package org.beltway.sim;

import java.util.Locale;
import java.util.SplittableRandom;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Merit;
import org.beltway.internal.Strict;
import org.beltway.policy.Policies;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;

/**
 * Seeded allocation instances for tests of rules, solvers and policies, from any framework or a plain
 * loop: a generated marketplace ({@link MarketplaceGenerator}), its scores, and the day's program under
 * the 2025 policy with guarantees for a share of the suppliers. The same arguments give the same
 * instance. Guarantees are drawn between half and twice a supplier's fair exposure, but never above
 * half of what its segment caps allow, so an instance can be infeasible only through the policy's
 * shares competing with the promises.
 */
public final class AllocationInstances {
  private AllocationInstances() {}

  /** A generated instance: the marketplace, its scores, its graph and the problem planned on it. */
  public record Instance(Marketplace marketplace, Scores scores, EligibilityGraph graph,
      AllocationProblem problem) {
    /** Rejects a null part. */
    public Instance {
      Strict.nonNull(marketplace, "marketplace", Marketplace.class);
      Strict.nonNull(scores, "scores", Scores.class);
      Strict.nonNull(graph, "graph", EligibilityGraph.class);
      Strict.nonNull(problem, "problem", AllocationProblem.class);
    }
  }

  /**
   * An instance of the 2025 policy with a {@code capShare} cap per segment.
   *
   * @param scale the marketplace's fraction of national scale, in (0, 1]
   * @param guaranteedShare the share of suppliers with a guarantee, in [0, 1]
   * @param capShare the largest share of a segment one supplier may be planned, in (0, 1]
   * @throws IllegalArgumentException naming an argument out of range
   */
  public static Instance generate(long seed, double scale, double guaranteedShare, double capShare) {
    check("guaranteedShare", guaranteedShare, 0, false);
    check("capShare", capShare, 0, true);
    Marketplace m = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(scale, seed), 1);
    Scores scores = Scorer.DEFAULT.score(m.suppliers());
    EligibilityGraph graph = EligibilityGraph.of(m.suppliers(), m.segments());
    int n = graph.supplierCount();
    boolean[] quality = new boolean[n];
    boolean[] head = new boolean[n];
    for (int r = 0; r < n; r++) {
      quality[r] = scores.qualityTier(r);
      head[r] = scores.headTier(r);
    }
    AllocationProblem.Builder plain = AllocationProblem.builder(graph).scores(scores, Merit.DEFAULT);
    AllocationProblem unpromised = plain.build();
    double[] guarantees = new double[n];
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    for (int r = 0; r < n; r++) {
      if (random.nextDouble() >= guaranteedShare) {
        continue;
      }
      double fair = 0;
      double capped = 0;
      for (int k = 0, d = graph.supplierDegree(r); k < d; k++) {
        int e = graph.supplierEdge(r, k);
        fair += unpromised.fairExposure(e);
        capped += capShare * graph.segments().traffic(graph.segmentOf(e));
      }
      guarantees[r] = Math.min((0.5 + 1.5 * random.nextDouble()) * fair, 0.5 * capped);
    }
    AllocationProblem problem = Policies.industrialBeltRecovery2025(graph.segments())
        .qualityTier(quality).headCap(head, BeltwayStrategy.HEAD_CAP).guarantees(guarantees).build()
        .applyTo(AllocationProblem.builder(graph).scores(scores, Merit.DEFAULT).capShareOfSegment(capShare))
        .build();
    return new Instance(m, scores, graph, problem);
  }

  private static void check(String name, double value, double low, boolean open) {
    if (!(open ? value > low && value <= 1 : value >= low && value <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s (%s): expected a share in %s",
          name, value, open ? "(0, 1]" : "[0, 1]"));
    }
  }
}
