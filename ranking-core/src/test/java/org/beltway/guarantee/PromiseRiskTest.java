package org.beltway.guarantee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/** The risk-aware demand against commons-math and a brute-force Monte Carlo of the model. */
class PromiseRiskTest {

  @Test
  void logGammaAgreesWithCommonsMath() {
    for (double x : new double[] {0.1, 0.5, 1, 2.5, 10, 498, 1e4, 1e6, 3.3e7}) {
      double expected = Gamma.logGamma(x);
      assertEquals(expected, PromiseRisk.logGamma(x), 1e-13 * Math.max(1, Math.abs(expected)), "x " + x);
    }
  }

  @Test
  void theTailMatchesAMonteCarloOfTheModel() {
    Well19937c rng = new Well19937c(7);
    int[][] cases = {{30, 2, 498, 6_000}, {5, 3, 297, 600}, {12, 20, 1980, 1_000}, {1, 1, 9, 5}};
    for (int[] c : cases) {
      int buyers = c[0];
      BetaDistribution posterior = new BetaDistribution(rng, c[1], c[2]);
      int trials = 20_000;
      int reached = 0;
      for (int t = 0; t < trials; t++) {
        double q = posterior.sample();
        if (new BinomialDistribution(rng, c[3], q).sample() >= buyers) {
          reached++;
        }
      }
      double p = PromiseRisk.probabilityOfReaching(c[3], buyers, c[1], c[2]);
      double sd = Math.sqrt(p * (1 - p) / trials);
      assertEquals(reached / (double) trials, p, 4 * sd + 1e-3, "case " + java.util.Arrays.toString(c));
    }
  }

  @Test
  void theTailMatchesNumericalIntegrationOverThePosterior() {
    double a = 2;
    double b = 498;
    BetaDistribution posterior = new BetaDistribution(a, b);
    int buyers = 30;
    for (long n : new long[] {5_000, 7_500, 15_000, 40_000}) {
      int steps = 200_000;
      double upper = 0.1;
      double sum = 0;
      for (int s = 0; s < steps; s++) {
        double q = (s + 0.5) * upper / steps;
        double tail = 1 - new BinomialDistribution(null, (int) n, q).cumulativeProbability(buyers - 1);
        sum += posterior.density(q) * tail;
      }
      double integral = sum * upper / steps + (1 - posterior.cumulativeProbability(upper));
      assertEquals(integral, PromiseRisk.probabilityOfReaching(n, buyers, a, b), 1e-6, "n " + n);
    }
  }

  @Test
  void theDemandIsTheLeastThatReachesTheRisk() {
    qt().withExamples(200).forAll(integers().between(1, 60), doubles().between(0.5, 50),
        doubles().between(50, 5_000), doubles().between(0.001, 0.3)).checkAssert((r, a, b, eps) -> {
          long n = PromiseRisk.impressionsFor(r, a, b, eps);
          assertTrue(PromiseRisk.probabilityOfReaching(n, r, a, b) >= 1 - eps);
          assertTrue(PromiseRisk.probabilityOfReaching(n - 1, r, a, b) < 1 - eps);
          assertTrue(n >= r * (a + b) / a * 0.5, "not far below the expected need");
        });
  }

  @Test
  void aWidePosteriorNeedsMoreThanANarrowOneOfTheSameMean() {
    long wide = PromiseRisk.impressionsFor(30, 2, 498, 0.01);
    long narrow = PromiseRisk.impressionsFor(30, 200, 49_800, 0.01);
    assertTrue(narrow > 30 * 250 && narrow < 2 * 30 * 250, "narrow " + narrow);
    assertTrue(wide > narrow, "wide " + wide + ", narrow " + narrow);
    assertEquals(0, PromiseRisk.impressionsFor(0, 2, 498, 0.01));
  }

  @Test
  void badInputIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PromiseRisk.impressionsFor(3, 2, 498, 1.0));
    assertEquals("epsilon (1.0): expected a probability of missing in (0, 1)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PromiseRisk.probabilityOfReaching(10, 3, 0, 498));
    assertEquals("posterior Beta(0.0, 498.0): expected finite parameters > 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PromiseRisk.probabilityOfReaching(10, -1, 2, 498));
    assertEquals("buyers (-1): expected at least 0", e.getMessage());
  }
}
