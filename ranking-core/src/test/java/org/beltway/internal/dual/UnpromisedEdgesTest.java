package org.beltway.internal.dual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.beltway.internal.ClippedSum;
import org.beltway.internal.Workers;
import org.junit.jupiter.api.Test;

/**
 * The aggregated bins of {@link UnpromisedEdges} against the same edges summed one by one: traffic,
 * unclipped fair exposure, fair-exposure distance, and the evaluation the segment roots use (sum,
 * one-sided slopes, neighbouring breakpoints), at random levels and exactly at every breakpoint.
 */
class UnpromisedEdgesTest {
  private static final int SEGMENTS = 3;
  private static final int COMBOS = 3;

  private record Instance(double[] theta, double[] cap, int[] segStart, int[] supOf, short[] combo,
      boolean[] promised) {}

  private static Instance instance(long seed, boolean caps, boolean sharedCap) {
    Random rnd = new Random(seed);
    int[] segStart = new int[SEGMENTS + 1];
    for (int j = 0; j < SEGMENTS; j++) {
      segStart[j + 1] = segStart[j] + rnd.nextInt(30);
    }
    int edges = segStart[SEGMENTS];
    double[] theta = new double[edges];
    double[] cap = caps ? new double[edges] : null;
    int[] supOf = new int[edges];
    short[] combo = new short[edges];
    boolean[] promised = new boolean[edges];
    double segmentCap = 1 + rnd.nextInt(100) * 0.5; // u/8 and 8(u/8) exact: ties at the cap
    for (int e = 0; e < edges; e++) {
      supOf[e] = e; // one supplier per edge
      theta[e] = rnd.nextDouble() < 0.1 ? 0 : rnd.nextInt(4) == 0 ? 8 : rnd.nextDouble() * 100;
      if (caps) {
        double r = rnd.nextDouble();
        cap[e] = sharedCap ? segmentCap : r < 0.15 ? Double.POSITIVE_INFINITY : r < 0.25 ? 0
            : r < 0.6 ? segmentCap : rnd.nextDouble() * 300;
      }
      combo[e] = (short) rnd.nextInt(COMBOS);
      promised[e] = rnd.nextDouble() < 0.3;
    }
    return new Instance(theta, cap, segStart, supOf, combo, promised);
  }

  private static boolean inBin(Instance f, int e, int j, int c) {
    return e >= f.segStart()[j] && e < f.segStart()[j + 1] && f.theta()[e] > 0 && !f.promised()[e]
        && f.combo()[e] == c;
  }

  /** Whether every edge's cap test gives the same answer as θL against u and as u/θ against L. */
  private static boolean roundsAlike(double[] th, double[] cp, double level, double base) {
    if (base + (level - base) != level) {
      return false;
    }
    for (int q = 0; q < th.length; q++) {
      double u = cp == null ? Double.POSITIVE_INFINITY : cp[q];
      if (Double.compare(th[q] * level, u) != Double.compare(level, u / th[q])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The next day's instance: per segment unchanged, θ and caps scaled alike (the ratios keep their order,
   * the bins their edges), promises flipped, combinations changed, or θ redrawn (a new order).
   */
  private static Instance nextDay(Instance f, Random rnd) {
    double[] theta = f.theta().clone();
    double[] cap = f.cap() == null ? null : f.cap().clone();
    short[] combo = f.combo().clone();
    boolean[] promised = f.promised().clone();
    for (int j = 0; j < SEGMENTS; j++) {
      int change = rnd.nextInt(5);
      double scale = 0.5 + rnd.nextDouble();
      for (int e = f.segStart()[j]; e < f.segStart()[j + 1]; e++) {
        boolean some = rnd.nextInt(4) == 0;
        switch (change) {
          case 1 -> {
            theta[e] *= scale;
            if (cap != null) {
              cap[e] *= scale;
            }
          }
          case 2 -> promised[e] ^= some;
          case 3 -> combo[e] = some ? (short) rnd.nextInt(COMBOS) : combo[e];
          case 4 -> theta[e] = some ? rnd.nextDouble() * 100 : theta[e];
          default -> { }
        }
      }
    }
    return new Instance(theta, cap, f.segStart(), f.supOf(), combo, promised);
  }

  private static UnpromisedEdges build(Instance f, UnpromisedEdges.Order previous) {
    try (Workers workers = new Workers(2)) {
      return new UnpromisedEdges(f.theta(), f.cap(), f.segStart(), f.supOf(), f.combo(), COMBOS,
          f.promised(), workers, previous);
    }
  }

  @Test
  void aBuildFromAnEarlierOrderEqualsAFreshBuild() {
    qt().withFixedSeed(11L).withExamples(300).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      Random rnd = new Random(seed);
      Instance today = instance(seed, seed % 3 != 0, seed % 3 == 1);
      UnpromisedEdges.Order order = build(today, null).order;
      for (int day = 0; day < 3; day++) {
        today = nextDay(today, rnd);
        UnpromisedEdges reused = build(today, order);
        UnpromisedEdges fresh = build(today, null);
        assertArrayEquals(fresh.order.binStart, reused.order.binStart);
        assertArrayEquals(fresh.order.binCombo, reused.order.binCombo);
        assertArrayEquals(fresh.order.entryStart, reused.order.entryStart);
        assertArrayEquals(fresh.order.edgeOf, reused.order.edgeOf);
        for (int b = 0; b < fresh.bins(); b++) {
          for (int probe = 0; probe < 4; probe++) {
            double level = rnd.nextDouble() * 3 - 0.5;
            assertEquals(fresh.traffic(b, level), reused.traffic(b, level));
            assertEquals(fresh.cost(b, level), reused.cost(b, level));
            assertEquals(fresh.freeTheta(b, level), reused.freeTheta(b, level));
          }
        }
        order = reused.order;
      }
    });
  }

  /**
   * Regression: a bin of more than eight entries, most of them newcomers (promises closed overnight), in
   * a segment no larger than the first scratch arrays overran the merge's buffer (found by the
   * simulation with split-proof merit).
   */
  @Test
  void aBinOfManyNewcomersMergesWithinItsBuffer() {
    int edges = 12;
    double[] theta = new double[edges];
    int[] supOf = new int[edges];
    boolean[] promised = new boolean[edges];
    for (int e = 0; e < edges; e++) {
      theta[e] = 1 + e;
      supOf[e] = e;
      promised[e] = e >= 2;
    }
    int[] segStart = {0, edges};
    try (Workers workers = new Workers(1)) {
      UnpromisedEdges.Order order = new UnpromisedEdges(theta, null, segStart, supOf, null, 1, promised, workers, null).order;
      UnpromisedEdges today = new UnpromisedEdges(theta, null, segStart, supOf, null, 1, new boolean[edges],
          workers, order);
      UnpromisedEdges fresh = new UnpromisedEdges(theta, null, segStart, supOf, null, 1, new boolean[edges],
          workers, null);
      assertArrayEquals(fresh.order.edgeOf, today.order.edgeOf);
    }
  }

  @Test
  void binsAgreeWithTheirEdgesSummedOneByOne() {
    qt().withFixedSeed(7L).withExamples(300).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      // no caps, one cap for all (the segment share: many tied ratios), or mixed caps
      Instance f = instance(seed, seed % 3 != 0, seed % 3 == 1);
      UnpromisedEdges bins;
      try (Workers workers = new Workers(2)) {
        bins = new UnpromisedEdges(f.theta(), f.cap(), f.segStart(), f.supOf(), f.combo(), COMBOS,
            f.promised(), workers, null);
      }
      Random rnd = new Random(seed);
      int seen = 0;
      for (int j = 0; j < SEGMENTS; j++) {
        for (int b = bins.firstBin(j); b < bins.endBin(j); b++) {
          int c = bins.binCombo[b];
          // the bin's edges, one by one, as ClippedSum terms with offset base
          int n = 0;
          for (int e = 0; e < f.theta().length; e++) {
            if (inBin(f, e, j, c)) {
              n++;
            }
          }
          seen += n;
          double[] th = new double[n];
          double[] cp = f.cap() == null ? null : new double[n];
          int k = 0;
          for (int e = 0; e < f.theta().length; e++) {
            if (inBin(f, e, j, c)) {
              th[k] = f.theta()[e];
              if (cp != null) {
                cp[k] = f.cap()[e];
              }
              k++;
            }
          }
          double base = rnd.nextBoolean() ? 1.0 : 1 + rnd.nextGaussian();
          double[] bs = new double[n];
          Arrays.fill(bs, base);
          // levels: random, zero, and every cap breakpoint exactly
          double[] levels = new double[4 + n];
          levels[0] = -1;
          levels[1] = 0;
          levels[2] = rnd.nextDouble() * 20;
          levels[3] = 1e9;
          for (int q = 0; q < n; q++) {
            levels[4 + q] = cp == null ? 1 : cp[q] / th[q];
          }
          for (int v = 0; v < levels.length; v++) {
            double level = levels[v];
            if (!Double.isFinite(level)) {
              continue;
            }
            // at a cap breakpoint, θL against u and u/θ against L may round apart: the values agree,
            // the one-sided slopes are then compared only away from the breakpoints
            boolean kink = v >= 4 && !roundsAlike(th, cp, level, base);
            double traffic = 0;
            double free = 0;
            double cost = 0;
            for (int q = 0; q < n; q++) {
              double z = th[q] * level;
              double u = cp == null ? Double.POSITIVE_INFINITY : cp[q];
              if (z <= 0) {
                cost += 0.5 * th[q];
              } else if (z < u) {
                traffic += z;
                free += th[q];
                cost += 0.5 * th[q] * (level - 1) * (level - 1);
              } else {
                traffic += u;
                cost += 0.5 * (u - th[q]) * (u - th[q]) / th[q];
              }
            }
            double scale = 1e-12 * (1 + Math.abs(traffic) + Math.abs(level) * 3000);
            String where = "seed " + seed + " segment " + j + " combo " + c + " level " + level;
            assertEquals(traffic, bins.traffic(b, level), scale, where);
            if (!kink) {
              assertEquals(free, bins.freeTheta(b, level), scale, where);
            }
            assertEquals(cost, bins.cost(b, level), 1e-9 * (1 + Math.abs(cost)), where);
            double t = level - base;
            double[] expected = new double[ClippedSum.OUTPUT];
            ClippedSum.evaluate(th, bs, cp, 0, n, t, expected, 0);
            double[] actual = {0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            bins.addTo(b, base, t, actual);
            for (int o = 0; o < (kink ? 1 : ClippedSum.OUTPUT); o++) {
              assertEquals(expected[o], actual[o], scale, where + " output " + o);
            }
          }
        }
      }
      int unpromised = 0;
      for (int e = 0; e < f.theta().length; e++) {
        if (f.theta()[e] > 0 && !f.promised()[e]) {
          unpromised++;
        }
      }
      assertEquals(unpromised, seen, "every unpromised edge with θ > 0 sits in exactly one bin");
    });
  }
}
