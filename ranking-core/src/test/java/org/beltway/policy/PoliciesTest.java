package org.beltway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Merit;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

class PoliciesTest {
  private static final int SUPPLIERS = 200;

  @Test
  void theRecoveryPolicyKeepsItsSharesOnAMarketplace() {
    Random rnd = new Random(11);
    Signals signals = Signals.builder().amount(Amount.PRICE_INDEX, 1.0).build();
    SupplierTable.Builder tb = SupplierTable.builder(SUPPLIERS);
    double[] scores = new double[SUPPLIERS];
    boolean[] quality = new boolean[SUPPLIERS];
    boolean[] paid = new boolean[SUPPLIERS];
    boolean[] head = new boolean[SUPPLIERS];
    double[] guarantees = new double[SUPPLIERS];
    for (int i = 0; i < SUPPLIERS; i++) {
      tb.add(Supplier.builder(i + 1).categories(rnd.nextInt(4)).build(), signals);
      scores[i] = rnd.nextDouble();
      quality[i] = scores[i] > 0.8;
      head[i] = scores[i] > 0.95;
      paid[i] = rnd.nextDouble() < 0.3;
      guarantees[i] = !quality[i] && rnd.nextDouble() < 0.1 ? 200 : 0;
    }
    SegmentTable.Builder sb = SegmentTable.builder(8);
    for (int c = 0; c < 4; c++) {
      sb.add(Segment.of(10 * c + 1, c, BuyerTier.TOP, Channel.WHOLESALE, 20_000));
      sb.add(Segment.of(10 * c + 2, c, BuyerTier.OTHER, Channel.WHOLESALE, 50_000));
    }
    SegmentTable segments = sb.build();
    EligibilityGraph graph = EligibilityGraph.of(tb.build(), segments);
    Policy policy = Policies.industrialBeltRecovery2025(segments).qualityTier(quality)
        .commercialCap(paid, 0.25).headCap(head, 0.3).guarantees(guarantees).build();
    assertEquals(4, policy.shares().size());
    AllocationProblem problem = policy.applyTo(AllocationProblem.builder(graph)
        .merit(Merit.DEFAULT.apply(scores))).build();
    AllocationPlan plan = AllocationSolver.builder().threads(1).build().solve(problem);
    assertTrue(plan.certificate().converged(), plan.certificate()::toString);
    assertTrue(plan.unmetPromises().isEmpty(), plan.unmetPromises()::toString);
    assertTrue(plan.groupShare(problem.groupIndex("quality")) >= 0.8 - 1e-6);
    assertTrue(plan.groupShare(problem.groupIndex("topBuyersToQuality")) >= 0.6 - 1e-6);
    assertTrue(plan.groupShare(problem.groupIndex("commercial")) <= 0.25 + 1e-6);
    assertTrue(plan.groupShare(problem.groupIndex("head")) <= 0.3 + 1e-6);
    for (int i = 0; i < SUPPLIERS; i++) {
      assertTrue(plan.supplierTotalOfRow(i) >= guarantees[i] * (1 - 1e-6));
    }
  }

  @Test
  void theBuilderNamesWhatIsMissingOrWrong() {
    SegmentTable segments = SegmentTable.builder(1)
        .add(Segment.of(1, 0, BuyerTier.TOP, Channel.WHOLESALE, 10)).build();
    assertEquals("industrialBeltRecovery2025: qualityTier is not set", assertThrows(
        IllegalArgumentException.class, () -> Policies.industrialBeltRecovery2025(segments).build())
        .getMessage());
    assertEquals("industrialBeltRecovery2025: commercialCap must be in [0, 1]: 1.5", assertThrows(
        IllegalArgumentException.class, () -> Policies.industrialBeltRecovery2025(segments)
            .commercialCap(new boolean[2], 1.5)).getMessage());
    assertEquals("industrialBeltRecovery2025: headCap mask has 3 values: expected one per supplier (2)",
        assertThrows(IllegalArgumentException.class, () -> Policies.industrialBeltRecovery2025(segments)
            .qualityTier(new boolean[2]).headCap(new boolean[3], 0.2).build()).getMessage());
    assertEquals("industrialBeltRecovery2025: qualityShare was already set to 0.8",
        assertThrows(IllegalStateException.class, () -> Policies.industrialBeltRecovery2025(segments)
            .qualityShare(0.8).qualityShare(0.7)).getMessage());
    assertEquals("industrialBeltRecovery2025: headCap was already set to 0.1",
        assertThrows(IllegalStateException.class, () -> Policies.industrialBeltRecovery2025(segments)
            .headCap(new boolean[2], 0.1).headCap(new boolean[2], 0.2)).getMessage());
    assertEquals("industrialBeltRecovery2025: qualityTier was already set to [true, false]",
        assertThrows(IllegalStateException.class, () -> Policies.industrialBeltRecovery2025(segments)
            .qualityTier(new boolean[] {true, false}).qualityTier(new boolean[2])).getMessage());
  }
}
