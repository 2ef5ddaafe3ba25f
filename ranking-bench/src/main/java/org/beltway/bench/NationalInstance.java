package org.beltway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.Merit;
import org.beltway.allocation.Priorities;
import org.beltway.allocation.SegmentTable;
import org.beltway.guarantee.BuyerLedger;
import org.beltway.guarantee.ConversionPrior;
import org.beltway.guarantee.DemandConversion;
import org.beltway.guarantee.Enrolment;
import org.beltway.guarantee.GuaranteeProgram;
import org.beltway.policy.Policies;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.Count;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.SupplierTable;

/**
 * A generated marketplace under the 2025 policy, as the allocation benchmarks plan it: scores, the
 * eligibility graph, and guarantees from the ledger on day 0 — TrustPass suppliers on the platform for
 * fewer than 60 days enrolled for 30 buyers in 60 days, every Power merchant and Super factory for
 * doubling its window's buyers in 180 days, at an assumed new-buyer rate of 0.4% per impression
 * (prior Beta(2, 498)) and the default 1.2 safety margin. Shares: quality tier ≥ 80% of all traffic,
 * ≥ 60% of TOP-buyer traffic, head tier ≤ 15% (assumed), no supplier above 5% of a segment.
 */
public final class NationalInstance {
  public final Marketplace marketplace;
  public final Scores scores;
  public final EligibilityGraph graph;
  public final double[] guarantees;
  /** The day-0 enrolments behind {@link #guarantees}, in row order: every eligible supplier applies. */
  public final List<Enrolment> enrolments;
  /** The conversion of promises to impressions a day that {@link #guarantees} come from. */
  public final DemandConversion conversion;

  public NationalInstance(double scale, long seed) {
    marketplace = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(scale, seed));
    SupplierTable table = marketplace.suppliers();
    scores = Scorer.DEFAULT.score(table);
    graph = EligibilityGraph.of(table, marketplace.segments());
    BuyerLedger ledger = BuyerLedger.over(table);
    List<Enrolment> list = new ArrayList<>();
    for (int row = 0; row < table.size(); row++) {
      MembershipTier tier = table.tier(row);
      if (tier == MembershipTier.TRUSTPASS && table.daysOnPlatform(row) < 60) {
        list.add(new Enrolment(table.id(row), GuaranteeProgram.trustPass(), 0, 0));
      } else if (tier != MembershipTier.TRUSTPASS) {
        int baseline = (int) table.count(Count.BUYERS, row);
        list.add(new Enrolment(table.id(row), GuaranteeProgram.standard(tier), 0, baseline));
      }
    }
    for (Enrolment e : list) {
      ledger.enrol(e);
    }
    enrolments = List.copyOf(list);
    conversion = DemandConversion.builder(ConversionPrior.global(2, 498)).build();
    guarantees = conversion.demand(ledger, table, 0).impressionsByRow();
  }

  /** Today's problem on the given graph (today's or a drifted day's segments). */
  public AllocationProblem problem(EligibilityGraph on, double[] guaranteesByRow) {
    return problem(on, guaranteesByRow, Priorities.GUARANTEES_FIRST);
  }

  /** Today's problem on the given graph, with given guarantees and priorities (admission's forecast). */
  public AllocationProblem problem(EligibilityGraph on, double[] guaranteesByRow, Priorities priorities) {
    boolean[] quality = new boolean[scores.size()];
    boolean[] head = new boolean[scores.size()];
    for (int row = 0; row < quality.length; row++) {
      quality[row] = scores.qualityTier(row);
      head[row] = scores.headTier(row);
    }
    AllocationProblem.Builder builder = AllocationProblem.builder(on)
        .scores(scores, Merit.DEFAULT).capShareOfSegment(0.05).priorities(priorities);
    return Policies.industrialBeltRecovery2025(on.segments()).qualityTier(quality).headCap(head, 0.15)
        .guarantees(guaranteesByRow).build().applyTo(builder).build();
  }

  /** Tomorrow: every segment's traffic and every guarantee moved by up to ±10%, seeded. */
  public AllocationProblem drifted(long seed) {
    SegmentTable today = marketplace.segments();
    SplittableRandom random = new SplittableRandom(seed);
    double[] traffic = new double[today.size()];
    for (int j = 0; j < traffic.length; j++) {
      traffic[j] = today.traffic(j) * (0.9 + 0.2 * random.nextDouble());
    }
    double[] demand = guarantees.clone();
    for (int row = 0; row < demand.length; row++) {
      demand[row] *= 0.9 + 0.2 * random.nextDouble();
    }
    return problem(EligibilityGraph.of(marketplace.suppliers(), today.withTraffic(traffic)), demand);
  }
}
