package org.beltway.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MidRanksTest {

  private static double[] percentiles(double[] values, Direction direction) {
    int m = values.length;
    double[] out = new double[m];
    MidRanks.percentiles(values, 0, m, direction, new long[m], new MidRanks.Buffers(m), out);
    return out;
  }

  /** The formula of the class doc, by counting: O(m²). */
  private static double[] byCounting(double[] values, Direction direction) {
    int m = values.length;
    double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      int below = 0;
      int above = 0;
      int equal = 0;
      for (double v : values) {
        if (v < values[i]) {
          below++;
        } else if (v > values[i]) {
          above++;
        } else {
          equal++;
        }
      }
      int better = direction == Direction.HIGHER_IS_BETTER ? below : above;
      out[i] = m == 1 ? 0.5 : (better + (equal - 1) / 2.0) / (m - 1);
    }
    return out;
  }

  @Test
  void tiesGetTheAverageOfTheirRanks() {
    double[] values = {0.3, 0.1, 0.3, 0.5, 0.1};
    // sorted 0.1 0.1 0.3 0.3 0.5: mid-ranks 0.5, 0.5, 2.5, 2.5, 4 over m - 1 = 4
    assertArrayEquals(new double[] {0.625, 0.125, 0.625, 1.0, 0.125},
        percentiles(values, Direction.HIGHER_IS_BETTER), 0);
    // lower is better: counted from above
    assertArrayEquals(new double[] {0.375, 0.875, 0.375, 0.0, 0.875},
        percentiles(values, Direction.LOWER_IS_BETTER), 0);
  }

  @Test
  void aGroupOfOneGetsOneHalfAndAllEqualGetOneHalf() {
    assertArrayEquals(new double[] {0.5}, percentiles(new double[] {0.7}, Direction.HIGHER_IS_BETTER), 0);
    assertArrayEquals(new double[] {0.5, 0.5, 0.5},
        percentiles(new double[] {0.2, 0.2, 0.2}, Direction.LOWER_IS_BETTER), 0);
  }

  @Test
  void valuesOneUlpApartAreOrderedExactly() {
    double v = 0.3;
    double[] values = {Math.nextUp(v), v, Math.nextUp(Math.nextUp(v)), v, 0.0, -0.0};
    assertArrayEquals(byCounting(values, Direction.HIGHER_IS_BETTER),
        percentiles(values, Direction.HIGHER_IS_BETTER), 0);
    assertEquals(percentiles(values, Direction.HIGHER_IS_BETTER)[4],
        percentiles(values, Direction.HIGHER_IS_BETTER)[5], 0);
  }

  @Test
  void percentilesEqualTheCountingFormulaForSmallAndLargeGroups() {
    qt().withFixedSeed(42L).withExamples(200)
        .forAll(longs().all(), integers().between(1, 3 * MidRanks.RADIX_THRESHOLD),
            integers().between(0, 3))
        .checkAssert((seed, m, kind) -> {
          SplittableRandom random = new SplittableRandom(seed);
          double[] values = new double[m];
          for (int i = 0; i < m; i++) {
            switch (kind) {
              case 0: // coarse: many exact ties
                values[i] = random.nextInt(5) / 4.0;
                break;
              case 1: // near-ties: a few ulps apart, colliding in every prefix
                double v = 0.25;
                for (int u = random.nextInt(4); u > 0; u--) {
                  v = Math.nextUp(v);
                }
                values[i] = v;
                break;
              case 2: // wide range of magnitudes
                values[i] = Math.pow(2, -random.nextInt(60)) * random.nextDouble();
                break;
              default:
                values[i] = random.nextDouble();
            }
          }
          for (Direction d : Direction.values()) {
            assertArrayEquals(byCounting(values, d), percentiles(values, d), 0, "direction " + d);
          }
        });
  }

  @Test
  void orderSortsByBitsThenIndex() {
    int m = 2 * MidRanks.RADIX_THRESHOLD;
    long[] bits = new long[m];
    for (int i = 0; i < m; i++) {
      bits[i] = (i % 3) * 1000L + (i % 2 == 0 ? 1L << 40 : 0);
    }
    MidRanks.Buffers buffers = new MidRanks.Buffers(m);
    MidRanks.order(bits, m, buffers);
    for (int k = 1; k < m; k++) {
      int a = (int) buffers.keys[k - 1];
      int b = (int) buffers.keys[k];
      boolean ordered = bits[a] < bits[b] || (bits[a] == bits[b] && a < b);
      assertEquals(true, ordered, "entries " + a + " and " + b);
    }
  }
}
