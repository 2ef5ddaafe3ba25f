package org.beltway.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The page selection against a full sort by (score descending, id, position), on any input. */
class TopKTest {

  /** The shapes a query's scores take: random, few distinct values, sorted either way, all equal. */
  private static double[] scores(int n, int shape, SplittableRandom random) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = switch (shape) {
        case 0 -> random.nextDouble();
        case 1 -> random.nextInt(4) * 0.25;
        case 2 -> i;
        case 3 -> n - i;
        case 4 -> 0.5;
        default -> random.nextInt(3) == 0 ? -1.0 : random.nextDouble();  // some may not be shown
      };
    }
    return s;
  }

  private static int[] expected(long[] ids, double[] s, int k) {
    Comparator<Integer> best = Comparator.<Integer>comparingDouble(i -> -s[i])
        .thenComparingLong(i -> ids[i]).thenComparingInt(i -> i);
    return IntStream.range(0, s.length).filter(i -> s[i] >= 0).boxed().sorted(best).limit(k)
        .mapToInt(Integer::intValue).toArray();
  }

  @Test
  void thePageIsTheBestKOfAFullSortWhateverTheShapeOfTheScores() {
    TopK top = new TopK(5_000);
    qt().withExamples(400).forAll(integers().between(0, 5_000), integers().between(1, 700),
        integers().between(0, 5), longs().all()).checkAssert((n, k, shape, seed) -> {
          SplittableRandom random = new SplittableRandom(seed);
          double[] s = scores(n, shape, random);
          long[] ids = new long[n];
          for (int i = 0; i < n; i++) {
            ids[i] = random.nextInt(Math.max(1, n / 2));  // repeated ids: ties fall to position
          }
          int[] want = expected(ids, s, k);
          int[] order = new int[k];
          double[] page = new double[k];
          int placed = top.selectChecked(ids, s, n, k, order, page);
          assertArrayEquals(want, Arrays.copyOf(order, placed),
              () -> "n " + n + " k " + k + " shape " + shape + " seed " + seed);
          for (int p = 0; p < placed; p++) {
            assertEquals(s[order[p]], page[p]);
          }
        });
  }

  @Test
  void aSampleThatMissesFallsBackToEveryCandidate() {
    // the sample (every 100th of 12,800) sees only the few high scores: 2 of them pass its threshold
    int n = 12_800;
    double[] s = new double[n];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = i % 100 == 0 ? 1.0 + i : 0.001 * (i % 7);
      ids[i] = n - i;
    }
    int[] order = new int[60];
    int placed = new TopK(n).select(ids, s, n, 60, order, null);
    assertArrayEquals(expected(ids, s, 60), order);
    assertEquals(60, placed);
  }

  @Test
  void badInputIsRefusedWithTheCandidate() {
    TopK top = new TopK(10);
    long[] ids = {7, 8, 9};
    int[] order = new int[3];
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> top.select(ids, new double[] {1, Double.NaN, 2}, 3, 3, order, null));
    assertTrue(nan.getMessage().contains("candidate 1 (supplier 8): score (NaN)"), nan::getMessage);
    assertThrows(IllegalArgumentException.class,
        () -> top.select(ids, new double[] {1, -1, 2}, 3, 3, order, null));
    assertThrows(IllegalArgumentException.class,
        () -> top.select(ids, new double[] {1, 2, 3}, 11, 3, order, null));
    assertThrows(IllegalArgumentException.class,
        () -> top.select(ids, new double[] {1, 2, 3}, 3, 0, order, null));
    assertThrows(IllegalArgumentException.class,
        () -> top.select(ids, new double[] {1, 2, 3}, 3, 3, new int[2], null));
    assertThrows(IllegalArgumentException.class, () -> new TopK(0));
  }
}
