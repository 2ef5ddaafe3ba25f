package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Risk-aware shares (issue 33): planned with the margins its own plan needs, a floor and a cap hold on
 * generated delivery days on all but ε of them; no error, no margin; an unaffordable margin is reported.
 */
class RiskAwareSharesTest {
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1).build();
  private static final long SEED = 3301L;
  private static final int SEGMENTS = 80;
  private static final double ERROR = 0.3;
  private static final double EPS = 0.05;
  private static final IntPredicate QUALITY = row -> row % 3 == 0;
  private static final IntPredicate HEAD = row -> row % 3 == 1;

  /** Three suppliers per segment (quality, head, other); a quarter of segments lack a quality one. */
  private static EligibilityGraph market() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    double[] traffic = new double[SEGMENTS];
    List<int[]> edges = new ArrayList<>();
    for (int j = 0; j < SEGMENTS; j++) {
      traffic[j] = 100 + rnd.nextInt(2000);
      for (int k = 0; k < 3; k++) {
        if (k == 0 && j % 4 == 3) {
          continue;
        }
        edges.add(new int[] {3 * j + k + 1, j + 1});
      }
    }
    return SmallGraphs.graph(traffic, 3 * SEGMENTS, edges.toArray(new int[0][]));
  }

  /** Quality at least {@code floor}, head at most {@code cap}; head suppliers have the most merit. */
  private static AllocationProblem problem(double floor, double cap) {
    EligibilityGraph g = market();
    double[] merit = new double[g.supplierCount()];
    for (int i = 0; i < merit.length; i++) {
      merit[i] = QUALITY.test(i) ? 1 : HEAD.test(i) ? 4 : 2;
    }
    return AllocationProblem.builder(g).merit(merit)
        .share(GroupShare.builder("quality").suppliers(QUALITY).atLeast(floor).build())
        .share(GroupShare.builder("head").suppliers(HEAD).atMost(cap).build()).build();
  }

  private static double[] sd(double value) {
    double[] s = new double[SEGMENTS];
    Arrays.fill(s, value);
    return s;
  }

  /** Days of {@code days} generated with uniform error ±ERROR on which group g's delivered share misses. */
  private static int missedDays(AllocationPlan plan, int g, IntPredicate members, boolean floor, int days) {
    EligibilityGraph graph = plan.problem().graph();
    GroupShare share = plan.problem().group(g);
    double bound = floor ? share.atLeast() : share.atMost();
    double[] inGroup = new double[SEGMENTS];
    for (int e = 0; e < graph.edgeCount(); e++) {
      if (members.test(graph.supplierOf(e))) {
        inGroup[graph.segmentOf(e)] += plan.x(e);
      }
    }
    SplittableRandom rnd = new SplittableRandom(SEED + g);
    int missed = 0;
    for (int day = 0; day < days; day++) {
      double got = 0;
      double all = 0;
      for (int j = 0; j < SEGMENTS; j++) {
        double grow = 1 + ERROR * (2 * rnd.nextDouble() - 1);
        got += grow * inGroup[j];
        all += grow * graph.segments().traffic(j);
      }
      double delivered = got / all;
      missed += floor ? (delivered < bound ? 1 : 0) : (delivered > bound ? 1 : 0);
    }
    return missed;
  }

  @Test
  void sharesPlannedWithTheirMarginsHoldOnAllButEpsilonOfDeliveredDays() {
    AllocationProblem stated = problem(0.5, 0.3);
    RiskAwareShares.Planned p = RiskAwareShares.of(SOLVER, sd(ERROR / Math.sqrt(3)), EPS)
        .plan(stated, null, null);
    AllocationPlan plan = p.plan();
    assertTrue(p.shortOfNeeded() <= RiskAwareShares.TOLERANCE, "rounds did not settle: " + p);
    assertTrue(p.margins().floorMargin(0) > 0 && p.margins().capMargin(1) > 0, p.margins().describe(stated));
    assertEquals(0.5 + p.margins().floorMargin(0), plan.problem().plannedAtLeast(0), 1e-12);
    assertEquals(0.3 - p.margins().capMargin(1), plan.problem().plannedAtMost(1), 1e-12);
    assertTrue(plan.unmetPromises().isEmpty(), plan.unmetPromises().toString());
    assertTrue(p.unaffordable().isEmpty());
    int days = 4000;
    double allowed = EPS * days + 3 * Math.sqrt(days * EPS * (1 - EPS)); // binomial, 3 sd
    int floorMissed = missedDays(plan, 0, QUALITY, true, days);
    int capMissed = missedDays(plan, 1, HEAD, false, days);
    assertTrue(floorMissed <= allowed, "seed " + SEED + ": floor missed " + floorMissed + " of " + days);
    assertTrue(capMissed <= allowed, "seed " + SEED + ": cap missed " + capMissed + " of " + days);
    // the same shares planned as stated bind exactly and miss about half the days
    AllocationPlan bare = SOLVER.solve(stated);
    assertTrue(missedDays(bare, 0, QUALITY, true, days) > allowed);
    assertTrue(missedDays(bare, 1, HEAD, false, days) > allowed);
  }

  @Test
  void aForecastWithoutErrorGetsNoMarginAndTheStatedPlan() {
    AllocationProblem stated = problem(0.5, 0.3);
    RiskAwareShares.Planned p = RiskAwareShares.of(SOLVER, sd(0.0), 0.01).plan(stated, null, null);
    assertEquals(1, p.solves());
    assertEquals(0.0, p.margins().floorMargin(0), 0.0);
    assertEquals(0.0, p.margins().capMargin(1), 0.0);
    assertEquals(0.5, p.plan().problem().plannedAtLeast(0), 1e-15);
    AllocationPlan bare = SOLVER.solve(stated);
    double[] x = new double[bare.problem().graph().edgeCount()];
    double[] y = new double[x.length];
    for (int e = 0; e < x.length; e++) {
      x[e] = bare.x(e);
      y[e] = p.plan().x(e);
    }
    assertArrayEquals(x, y, 0.0);
    assertNull(stated.shareMargins());
  }

  @Test
  void aMarginThePolicyCannotAffordIsReportedWithWhatBinds() {
    // quality suppliers sit in three quarters of the segments, about 75% of the traffic: a floor at
    // the most they can take leaves no room for a margin
    AllocationProblem reach = problem(0.0, 1.0);
    double most = 0;
    for (int e = 0; e < reach.graph().edgeCount(); e++) {
      if (QUALITY.test(reach.graph().supplierOf(e))) {
        most += reach.graph().segments().traffic(reach.graph().segmentOf(e));
      }
    }
    double floor = most / reach.totalTraffic() - 1e-3;
    RiskAwareShares.Planned p = RiskAwareShares.of(SOLVER, sd(ERROR / Math.sqrt(3)), EPS)
        .plan(problem(floor, 1.0), null, null);
    List<UnmetPromise> unaffordable = p.unaffordable();
    assertEquals(1, unaffordable.size(), unaffordable.toString());
    UnmetPromise u = unaffordable.get(0);
    assertEquals("quality", u.group());
    assertTrue(u.binding().contains(UnmetPromise.Binding.SEGMENT_SUPPLY)
        || u.binding().contains(UnmetPromise.Binding.NO_ELIGIBLE_SEGMENT), u.toString());
    assertTrue(u.explanation().contains("delivery margin"), u.explanation());
    // the stated floor itself is still met: the margin is what cannot be afforded
    assertTrue(p.plan().groupShare(0) >= floor - 1e-6, "share " + p.plan().groupShare(0));
  }

  @Test
  void marginsForAnotherProblemAreRefused() {
    AllocationProblem stated = problem(0.5, 0.3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> stated.withShareMargins(ShareMargins.none(3, 0.01)));
    assertEquals("margins are for 3 group shares: this problem has 2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RiskAwareShares.of(SOLVER, sd(0.1), 0.0));
    assertThrows(IllegalArgumentException.class,
        () -> RiskAwareShares.of(SOLVER, new double[3], 0.01).plan(stated, null, null));
    assertFalse(ShareMargins.none(2, 0.01).describe(stated).isEmpty());
  }
}
