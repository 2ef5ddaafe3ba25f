package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Laws every plan obeys, checked over seeded generated instances (QuickTheories prints the failing
 * seed). Instances mix guarantees, caps, total caps and group shares, feasible and not.
 */
class AllocationPropertiesTest {
  private static final AllocationSolver SOLVER = AllocationSolver.builder().threads(1).build();

  private static RandomInstance instance(long seed) {
    return RandomInstance.generate(seed, RandomInstance.Shape.EVERYTHING, null);
  }

  @Test
  void planConservesTrafficInEverySegment() {
    qt().withFixedSeed(42L).withExamples(100).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      AllocationPlan plan = SOLVER.solve(instance(seed).problem());
      EligibilityGraph g = plan.problem().graph();
      for (int j = 0; j < g.segmentCount(); j++) {
        double forecast = g.segments().traffic(j);
        assertEquals(forecast, plan.segmentAllocated(j) + plan.segmentUnallocated(j), 0.0,
            "seed " + seed + ", segment " + j);
        double sum = 0;
        for (int e = g.segmentStart(j); e < g.segmentStart(j) + g.segmentDegree(j); e++) {
          sum += plan.x(e);
        }
        assertTrue(plan.segmentUnallocated(j) >= 0, "seed " + seed);
        assertEquals(sum, plan.segmentAllocated(j), 1e-9 * Math.max(1, forecast), "seed " + seed);
      }
    });
  }

  @Test
  void planNeverExceedsACap() {
    qt().withFixedSeed(42L).withExamples(100).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      RandomInstance r = instance(seed);
      AllocationPlan plan = SOLVER.solve(r.problem());
      EligibilityGraph g = plan.problem().graph();
      for (int k = 0; k < r.edges(); k++) {
        double x = plan.x(g.edge(r.edgeSupplier[k], r.edgeSegment[k]));
        assertTrue(x >= 0 && x <= r.cap(k), "seed " + seed + ", edge " + k + ": " + x);
      }
      for (int i = 0; i < r.suppliers(); i++) {
        assertTrue(plan.supplierTotalOfRow(i) <= r.totalCap[i] * (1 + 1e-6), "seed " + seed);
      }
    });
  }

  @Test
  void noSupplierGetsTrafficFromASegmentItIsNotEligibleFor() {
    qt().withFixedSeed(42L).withExamples(60).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      SmallMarketplace m = SmallMarketplace.generate(seed);
      EligibilityGraph g = EligibilityGraph.of(m.suppliers, m.segments);
      Random rnd = new Random(seed);
      double[] scores = new double[m.suppliers.size()];
      Arrays.setAll(scores, i -> rnd.nextDouble());
      AllocationPlan plan = SOLVER.solve(AllocationProblem.builder(g).merit(Merit.DEFAULT.apply(scores))
          .guarantee(m.suppliers.id(0), 200).build());
      for (int i = 0; i < m.suppliers.size(); i++) {
        for (int j = 0; j < m.segments.size(); j++) {
          boolean eligible = m.eligible(i, j);
          assertEquals(eligible, g.edge(i, j) >= 0, "seed " + seed + ", row " + i + ", segment " + j);
          double x = plan.allocation(m.suppliers.id(i), m.segments.id(j));
          assertTrue(eligible ? x >= 0 : x == 0.0, "seed " + seed + ": " + x);
        }
      }
      // both directions of the graph list the same edges
      int counted = 0;
      for (int i = 0; i < m.suppliers.size(); i++) {
        for (int k = 0; k < g.supplierDegree(i); k++) {
          int e = g.supplierEdge(i, k);
          assertEquals(i, g.supplierOf(e));
          counted++;
        }
      }
      assertEquals(g.edgeCount(), counted);
    });
  }

  @Test
  void planKeepsEveryGuaranteeOfAFeasibleInstance() {
    qt().withFixedSeed(42L).withExamples(100).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      RandomInstance plain = RandomInstance.generate(seed, RandomInstance.Shape.PLAIN, null);
      // guarantees below what one random feasible plan delivers: feasible by construction, often binding
      Random rnd = new Random(seed);
      double[] delivered = new double[plain.suppliers()];
      double[] theta = plain.theta();
      for (int j = 0; j < plain.segments(); j++) {
        double[] weight = new double[plain.edges()];
        double sum = 0;
        for (int k = 0; k < plain.edges(); k++) {
          if (plain.edgeSegment[k] == j && theta[k] > 0) {
            weight[k] = rnd.nextDouble();
            sum += weight[k];
          }
        }
        double share = 0.6 + 0.4 * rnd.nextDouble();
        for (int k = 0; k < plain.edges(); k++) {
          if (weight[k] > 0) {
            delivered[plain.edgeSupplier[k]] += plain.traffic[j] * share * weight[k] / sum;
          }
        }
      }
      double[] guarantees = new double[plain.suppliers()];
      for (int i = 0; i < guarantees.length; i++) {
        guarantees[i] = rnd.nextDouble() < 0.5 ? delivered[i] * (0.5 + 0.5 * rnd.nextDouble()) : 0;
      }
      RandomInstance r = plain.withGuarantees(guarantees);
      AllocationPlan plan = SOLVER.solve(r.problem());
      assertTrue(plan.certificate().converged(), () -> "seed " + seed + ": " + plan.certificate());
      assertTrue(plan.unmetPromises().isEmpty(), () -> "seed " + seed + ": " + plan.unmetPromises());
      for (int i = 0; i < guarantees.length; i++) {
        assertTrue(plan.supplierTotalOfRow(i) >= guarantees[i] * (1 - 1e-6), "seed " + seed);
      }
    });
  }

  @Test
  void certificateClosesTheDualityGapAndItsBoundIsValid() {
    qt().withFixedSeed(42L).withExamples(100).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      RandomInstance r = RandomInstance.generate(seed, RandomInstance.Shape.EVERYTHING,
          new Priorities(50, 5));
      AllocationPlan plan = SOLVER.solve(r.problem());
      Certificate c = plan.certificate();
      assertTrue(c.converged() && c.relativeGap() <= 1e-4 && c.maxViolation() <= 1e-6,
          () -> "seed " + seed + ": " + c);
      // weak duality, checked against points the solver never saw: no plan at all, and fair exposure
      // clipped to the caps (both keep every hard constraint)
      double[] none = new double[r.edges()];
      double[] fair = r.theta();
      for (int k = 0; k < fair.length; k++) {
        fair[k] = Math.min(fair[k], r.cap(k));
      }
      double slack = 1e-9 * Math.max(1, Math.abs(c.dualBound()));
      assertTrue(c.dualBound() <= ReferenceQp.objective(r, none) + slack, () -> "seed " + seed);
      if (ReferenceQp.feasible(r, fair)) {
        assertTrue(c.dualBound() <= ReferenceQp.objective(r, fair) + slack, () -> "seed " + seed);
      }
    });
  }

  @Test
  void raisingOneSuppliersScoreNeverLowersItsPlannedTrafficWhenNoConstraintOfItsOwnBinds() {
    qt().withFixedSeed(42L).withExamples(100)
        .forAll(longs().between(1, 1_000_000), doubles().between(1.01, 4.0))
        .checkAssert((seed, factor) -> {
          RandomInstance r = RandomInstance.generate(seed, new RandomInstance.Shape(20, 150, true, false,
              true, false), null);
          // the supplier with no guarantee of its own, and the first such
          int chosen = -1;
          for (int i = 0; i < r.suppliers() && chosen < 0; i++) {
            if (r.guarantee[i] == 0) {
              chosen = i;
            }
          }
          if (chosen < 0) {
            return;
          }
          int i = chosen;
          AllocationSolver tight = AllocationSolver.builder().threads(1).gapTolerance(1e-10)
              .violationTolerance(1e-10).build();
          double before = tight.solve(r.problem()).supplierTotalOfRow(i);
          double after = tight.solve(r.withMeritScaled(i, factor).problem()).supplierTotalOfRow(i);
          double scale = Arrays.stream(r.traffic).sum();
          assertTrue(after >= before - 1e-7 * scale,
              () -> String.format("seed %d, supplier row %d, factor %s: %s -> %s", seed, i, factor, before,
                  after));
        });
  }

  @Test
  void planIsIdenticalForOneAndTwoThreads() {
    AllocationSolver two = AllocationSolver.builder().threads(2).build();
    qt().withFixedSeed(42L).withExamples(60).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      AllocationProblem p = instance(seed).problem();
      AllocationPlan a = SOLVER.solve(p);
      AllocationPlan b = two.solve(p);
      for (int e = 0; e < p.graph().edgeCount(); e++) {
        assertEquals(Double.doubleToRawLongBits(a.x(e)), Double.doubleToRawLongBits(b.x(e)),
            "seed " + seed + ", edge " + e);
      }
      Certificate ca = a.certificate();
      Certificate cb = b.certificate();
      assertEquals(ca.primalObjective(), cb.primalObjective(), 0.0);
      assertEquals(ca.dualBound(), cb.dualBound(), 0.0);
      assertEquals(ca.passes(), cb.passes());
      assertEquals(a.unmetPromises(), b.unmetPromises());
    });
  }
}
