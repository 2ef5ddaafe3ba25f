package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.score.Dimension;
import org.beltway.score.Evidence;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.score.Signal;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

/** {@link EvidenceMerit}: the catalogue times the merit of quality's calibrated percentile, placed by supplier id. */
class EvidenceMeritTest {
  private static final Marketplace M = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.0005, 7));
  private static final SupplierTable TABLE = M.suppliers();
  private static final Scores SCORES = Scorer.DEFAULT.score(TABLE);

  private static final EvidenceMerit MERIT = EvidenceMerit.calibrate(SCORES);

  @Test
  void aWeightIsTheCatalogueTimesTheMeritOfItsQuality() {
    double[] weight = MERIT.apply(SCORES);
    double[] quality = MERIT.quality(SCORES);
    double[][] goodness = Evidence.goodness(SCORES);
    for (int r = 0; r < weight.length; r++) {
      int category = TABLE.primaryCategory(r);
      double composite = 0;
      for (Dimension d : Dimension.values()) {
        double mean = 0;
        for (Signal signal : d.signals()) {
          // the percentile by its definition: the category's reference suppliers below, ties half
          double below = 0;
          int members = 0;
          for (int s = 0; s < weight.length; s++) {
            if (TABLE.primaryCategory(s) == category) {
              members++;
              double g = goodness[signal.ordinal()][s];
              double mine = goodness[signal.ordinal()][r];
              below += g < mine ? 1 : g == mine ? 0.5 : 0;
            }
          }
          mean += below / members;
        }
        composite += SCORES.config().weights(category).weight(d) * mean / d.signals().size();
      }
      assertEquals(composite, quality[r], 1e-12, "row " + r);
      double expected = (Evidence.volume(TABLE, r) + EvidenceMerit.DEFAULT_EPSILON) * Merit.DEFAULT.of(quality[r]);
      assertEquals(expected, weight[r], 0.0, "row " + r);
      assertTrue(weight[r] > 0);
    }
  }

  @Test
  void thePercentileNeverFallsAsGoodnessRises() {
    int category = TABLE.primaryCategory(0);
    for (Signal signal : Signal.values()) {
      double previous = -1;
      for (double g = 0; g <= 1.0; g += 1.0 / 256) {
        double p = MERIT.percentile(category, signal, g);
        assertTrue(p >= previous && p >= 0 && p <= 1, signal + " " + g + ": " + p);
        previous = p;
      }
    }
    assertEquals(MERIT.percentile(-12345, Signal.ON_TIME_DELIVERY_RATE, 0.5),
        MERIT.percentile(-7, Signal.ON_TIME_DELIVERY_RATE, 0.5), "a category it lacks is read on all");
  }

  @Test
  void theBuilderPlacesWeightsBySupplierId() {
    int n = TABLE.size();
    long[] reversed = new long[n];
    for (int r = 0; r < n; r++) {
      reversed[r] = TABLE.id(n - 1 - r);
    }
    EligibilityGraph.Builder b = EligibilityGraph.builder(reversed, M.segments());
    EligibilityGraph byTable = EligibilityGraph.of(TABLE, M.segments());
    for (int e = 0; e < byTable.edgeCount(); e++) {
      if (M.segments().channel(byTable.segmentOf(e)) == Channel.WHOLESALE) {
        b.edge(byTable.supplierId(byTable.supplierOf(e)), M.segments().id(byTable.segmentOf(e)));
      }
    }
    EligibilityGraph graph = b.build();
    AllocationProblem problem = AllocationProblem.builder(graph).scores(SCORES, MERIT).build();
    double[] weight = MERIT.apply(SCORES);
    for (int r = 0; r < n; r++) {
      assertEquals(weight[r], problem.merit(graph.row(TABLE.id(r))), 0.0, "supplier " + TABLE.id(r));
    }
  }

  @Test
  void aBadEpsilonIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EvidenceMerit.calibrate(SCORES, Merit.DEFAULT, 0));
    assertEquals("epsilon (0.0): expected a finite number > 0", e.getMessage());
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> MERIT.apply(SCORES, new double[3]));
    assertEquals("quality has 3 values: expected one per scored supplier (" + TABLE.size() + ")",
        length.getMessage());
    assertArrayEquals(MERIT.apply(SCORES), MERIT.apply(SCORES, MERIT.quality(SCORES)), 0.0);
  }
}
