package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** Share margins (issue 33): the delivered share meets a floor planned at f + m with odds 1 − ε. */
class ShareMarginsTest {
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1).build();
  private static final long SEED = 33L;
  private static final int SEGMENTS = 60;
  private static final double ERROR = 0.3;

  /** Segment j has traffic 100..1000; odd rows are quality; some segments have only one kind. */
  private static EligibilityGraph market() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    double[] traffic = new double[SEGMENTS];
    List<int[]> edges = new ArrayList<>();
    for (int j = 0; j < SEGMENTS; j++) {
      traffic[j] = 100 + rnd.nextInt(900);
      int kind = j % 3; // 0: both, 1: quality only, 2: head only
      if (kind != 2) {
        edges.add(new int[] {2 * j + 2, j + 1}); // row 2j+1, quality
      }
      if (kind != 1) {
        edges.add(new int[] {2 * j + 1, j + 1}); // row 2j, head
      }
    }
    return SmallGraphs.graph(traffic, 2 * SEGMENTS, edges.toArray(new int[0][]));
  }

  private static final IntPredicate QUALITY = row -> row % 2 == 1;

  private static AllocationPlan plan(EligibilityGraph g, double floor) {
    double[] merit = new double[g.supplierCount()];
    for (int i = 0; i < merit.length; i++) {
      merit[i] = QUALITY.test(i) ? 1 : 3;
    }
    return SOLVER.solve(AllocationProblem.builder(g).merit(merit)
        .share(GroupShare.builder("quality").suppliers(QUALITY).atLeast(floor).build()).build());
  }

  private static double[] sd(int n, double value) {
    double[] s = new double[n];
    Arrays.fill(s, value);
    return s;
  }

  /** d_j = x_Gj − f·T_j of the plan, per segment. */
  private static double[] deficits(AllocationPlan plan, double f) {
    EligibilityGraph g = plan.problem().graph();
    double[] d = new double[g.segmentCount()];
    for (int j = 0; j < d.length; j++) {
      d[j] = -f * g.segments().traffic(j);
    }
    for (int e = 0; e < g.edgeCount(); e++) {
      if (QUALITY.test(g.supplierOf(e))) {
        d[g.segmentOf(e)] += plan.x(e);
      }
    }
    return d;
  }

  @Test
  void upperQuantileMatchesTheNormalTable() {
    assertEquals(2.326348, ShareMargins.upperQuantile(0.01), 1e-5);
    assertEquals(1.644854, ShareMargins.upperQuantile(0.05), 1e-5);
    assertEquals(3.090232, ShareMargins.upperQuantile(0.001), 1e-5);
    assertEquals(0.0, ShareMargins.upperQuantile(0.5), 0.0);
  }

  @Test
  void aShareWithZeroErrorGetsZeroMargin() {
    AllocationPlan plan = plan(market(), 0.55);
    ShareMargins m = ShareMargins.of(plan, sd(SEGMENTS, 0.0), 0.01);
    assertEquals(0.0, m.floorMargin(0), 0.0);
    assertEquals(0.0, m.capMargin(0), 0.0);
  }

  @Test
  void marginMatchesAMonteCarloOfTheDeliveredShortfall() {
    double f = 0.55;
    AllocationPlan plan = plan(market(), f);
    double eps = 0.05;
    ShareMargins m = ShareMargins.of(plan, sd(SEGMENTS, ERROR / Math.sqrt(3)), eps);
    double[] d = deficits(plan, f);
    double scope = plan.problem().totalTraffic();
    SplittableRandom rnd = new SplittableRandom(SEED);
    int draws = 20_000;
    double[] noise = new double[draws];
    for (int k = 0; k < draws; k++) {
      double s = 0;
      for (int j = 0; j < d.length; j++) {
        s += ERROR * (2 * rnd.nextDouble() - 1) * d[j];
      }
      noise[k] = s;
    }
    Arrays.sort(noise);
    double reference = -noise[(int) (eps * draws)] / scope; // the ε-quantile of the shortfall
    assertTrue(m.floorMargin(0) > 0, "margin " + m.floorMargin(0));
    assertEquals(reference, m.floorMargin(0), 0.1 * reference,
        "seed " + SEED + ": Monte Carlo " + reference + " vs " + m.floorMargin(0));
  }

  @Test
  void floorPlannedWithItsMarginHoldsOnDeliveryOnAllButEpsilonOfDays() {
    double f = 0.55;
    double eps = 0.05;
    EligibilityGraph g = market();
    double[] sd = sd(SEGMENTS, ERROR / Math.sqrt(3));
    AllocationPlan plan = plan(g, f);
    double margin = 0;
    for (int round = 0; round < 3; round++) {
      margin = ShareMargins.of(plan, sd, eps).floorMargin(0);
      plan = plan(g, f + margin);
    }
    double[] d = deficits(plan, f);
    int days = 4000;
    int misses = 0;
    int missesWithout = 0;
    double[] dBare = deficits(plan(g, f), f);
    SplittableRandom rnd = new SplittableRandom(SEED + 1);
    for (int day = 0; day < days; day++) {
      double s = 0;
      double bare = 0;
      for (int j = 0; j < d.length; j++) {
        double e = ERROR * (2 * rnd.nextDouble() - 1);
        s += (1 + e) * d[j];
        bare += (1 + e) * dBare[j];
      }
      misses += s < 0 ? 1 : 0;
      missesWithout += bare < 0 ? 1 : 0;
    }
    double bound = eps * days + 3 * Math.sqrt(days * eps * (1 - eps)); // binomial, 3 sd
    assertTrue(misses <= bound, "seed " + SEED + ": " + misses + " of " + days + " days missed, bound "
        + bound + ", margin " + margin + ", planned share " + plan.groupShare(0) + ", sum d " + Arrays.stream(d).sum() + ", converged " + plan.certificate());
    assertTrue(missesWithout > bound, "without the margin the floor should miss often: " + missesWithout);
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    AllocationPlan plan = plan(market(), 0.55);
    assertEquals("relativeSd has 2 entries, expected one per segment: 60",
        assertThrows(IllegalArgumentException.class, () -> ShareMargins.of(plan, new double[2], 0.01))
            .getMessage());
    double[] sd = sd(SEGMENTS, 0.1);
    sd[4] = Double.NaN;
    assertEquals("relativeSd[4] must be finite and >= 0: NaN",
        assertThrows(IllegalArgumentException.class, () -> ShareMargins.of(plan, sd, 0.01)).getMessage());
    assertEquals("risk must be in (0, 0.5]: 0.0", assertThrows(IllegalArgumentException.class,
        () -> ShareMargins.of(plan, sd(SEGMENTS, 0.1), 0.0)).getMessage());
    assertThrows(NullPointerException.class, () -> ShareMargins.of(null, sd(SEGMENTS, 0.1), 0.01));
  }
}
