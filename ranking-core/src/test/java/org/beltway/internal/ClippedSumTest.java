package org.beltway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ClippedSumTest {

  private static double value(double[] theta, double[] base, double[] cap, double[] mult, double t) {
    double sum = 0;
    for (int k = 0; k < theta.length; k++) {
      double m = mult == null ? 1 : mult[k];
      double z = theta[k] * (base[k] + m * t);
      double u = cap == null ? Double.POSITIVE_INFINITY : cap[k];
      sum += m * Math.max(0, Math.min(u, z));
    }
    return sum;
  }

  private record Terms(double[] theta, double[] base, double[] cap, double[] mult) {}

  private static Terms terms(long seed, boolean caps, boolean signed) {
    Random rnd = new Random(seed);
    int n = 1 + rnd.nextInt(40);
    double[] theta = new double[n];
    double[] base = new double[n];
    double[] cap = caps ? new double[n] : null;
    double[] mult = signed ? new double[n] : null;
    for (int k = 0; k < n; k++) {
      theta[k] = rnd.nextDouble() < 0.1 ? 0 : rnd.nextDouble() * 100;
      base[k] = rnd.nextGaussian() * 3;
      if (caps) {
        double r = rnd.nextDouble();
        cap[k] = r < 0.2 ? Double.POSITIVE_INFINITY : r < 0.3 ? 0 : rnd.nextDouble() * 300;
      }
      if (signed) {
        mult[k] = (rnd.nextInt(3) + 1) * (rnd.nextBoolean() ? 1 : -1);
      }
    }
    if (signed && cap == null) {
      cap = new double[n];
      java.util.Arrays.fill(cap, Double.POSITIVE_INFINITY);
    }
    return new Terms(theta, base, cap, mult);
  }

  @Test
  void rootHitsTheTargetOfAnyClippedPiecewiseLinearSum() {
    qt().withFixedSeed(42L).withExamples(500).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      Terms f = terms(seed, seed % 2 == 0, false);
      double lo = -20;
      double hi = 20;
      double gLo = value(f.theta(), f.base(), f.cap(), null, lo);
      double gHi = value(f.theta(), f.base(), f.cap(), null, hi);
      double target = gLo + new Random(seed).nextDouble() * (gHi - gLo);
      double[] w = new double[ClippedSum.OUTPUT];
      double t = ClippedSum.root((x, o) -> ClippedSum.evaluate(f.theta(), f.base(), f.cap(), 0,
          f.theta().length, x, o, 0), target, lo, hi, 0.0, w);
      assertTrue(t >= lo && t <= hi);
      double g = value(f.theta(), f.base(), f.cap(), null, t);
      assertEquals(target, g, 1e-9 * Math.max(1, target), "seed " + seed + ", t " + t);
    });
  }

  @Test
  void rootOfASignedSumHitsItsTarget() {
    qt().withFixedSeed(42L).withExamples(500).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      Terms f = terms(seed, seed % 2 == 0, true);
      double lo = -20;
      double hi = 20;
      double gLo = value(f.theta(), f.base(), f.cap(), f.mult(), lo);
      double gHi = value(f.theta(), f.base(), f.cap(), f.mult(), hi);
      assertTrue(gLo <= gHi + 1e-9, "nondecreasing");
      double target = gLo + new Random(seed).nextDouble() * (gHi - gLo);
      double[] w = new double[ClippedSum.OUTPUT];
      double t = ClippedSum.root((x, o) -> ClippedSum.evaluateScaled(f.theta(), f.base(), f.cap(),
          f.mult(), 0, f.theta().length, x, o, 0), target, lo, hi, 3.0, w);
      double g = value(f.theta(), f.base(), f.cap(), f.mult(), t);
      assertEquals(target, g, 1e-9 * Math.max(1, Math.abs(target)), "seed " + seed + ", t " + t);
    });
  }

  @Test
  void rootClampsToTheDomainWhenTheTargetIsOutOfReach() {
    double[] theta = {1, 2};
    double[] base = {0, 1};
    ClippedSum.Evaluator f = (x, o) -> ClippedSum.evaluate(theta, base, null, 0, 2, x, o, 0);
    double[] w = new double[ClippedSum.OUTPUT];
    assertEquals(5.0, ClippedSum.root(f, 1e9, 0, 5, 1, w)); // G(5) = 5 + 12 < target: hi
    assertEquals(-1.0, ClippedSum.root(f, -1, -1, 5, 1, w)); // G >= 0 > target: lo
    assertEquals(0.0, ClippedSum.root(f, 2, -1, 5, 3, w), 1e-12); // G(0) = 2
  }

  @Test
  void evaluationsCombineInPartOrder() {
    double[] theta = {1, 2, 3, 4};
    double[] base = {1, -1, 0.5, 2};
    double[] cap = {0.5, 10, 10, 3};
    double[] parts = new double[2 * ClippedSum.OUTPUT];
    ClippedSum.evaluate(theta, base, cap, 0, 2, 0.25, parts, 0);
    ClippedSum.evaluate(theta, base, cap, 2, 4, 0.25, parts, ClippedSum.OUTPUT);
    double[] combined = new double[ClippedSum.OUTPUT];
    ClippedSum.combine(parts, 2, combined);
    double[] whole = new double[ClippedSum.OUTPUT];
    ClippedSum.evaluate(theta, base, cap, 0, 4, 0.25, whole, 0);
    for (int i = 0; i < ClippedSum.OUTPUT; i++) {
      assertEquals(whole[i], combined[i], 1e-12);
    }
    assertEquals(value(theta, base, cap, null, 0.25), whole[ClippedSum.SUM], 1e-12);
  }

  @Test
  void workersRunEveryChunkOnceAndPassOnFailures() {
    try (Workers workers = new Workers(2)) {
      AtomicIntegerArray runs = new AtomicIntegerArray(1000);
      workers.forEach(1000, (c, w) -> runs.incrementAndGet(c));
      for (int c = 0; c < 1000; c++) {
        assertEquals(1, runs.get(c));
      }
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> workers.forEach(10, (c, w) -> {
            if (c == 7) {
              throw new IllegalStateException("chunk 7");
            }
          }));
      assertEquals("chunk 7", e.getMessage());
    }
    assertEquals("threads must be >= 1: 0",
        assertThrows(IllegalArgumentException.class, () -> new Workers(0)).getMessage());
  }
}
