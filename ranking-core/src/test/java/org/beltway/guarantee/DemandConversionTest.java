package org.beltway.guarantee;

import static org.beltway.guarantee.TestTables.supplier;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.beltway.guarantee.EnrolmentStatus.Standing;
import org.beltway.guarantee.ScheduleAlert.Reason;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

class DemandConversionTest {
  private static final GuaranteeProgram TRUST_PASS = GuaranteeProgram.trustPass();
  private static final GuaranteeProgram POWER = GuaranteeProgram.powerMerchant();
  /** Rows: 0 = supplier 17 (TrustPass, category 5), 1 = supplier 40 (Power, category 5), 2 = supplier 8 (TrustPass, category 2). */
  private static final SupplierTable TABLE = TestTables.of(supplier(17, MembershipTier.TRUSTPASS, 5),
      supplier(40, MembershipTier.POWER_MERCHANT, 5), supplier(8, MembershipTier.TRUSTPASS, 2));
  /** Mean 0.003 with the strength of 1 000 impressions everywhere, mean 0.001 in category 5. */
  private static final ConversionPrior PRIOR = ConversionPrior.global(3, 997).withCategory(5, 10, 9990);
  private static final DemandConversion CONVERSION = DemandConversion.builder(PRIOR).build();

  /**
   * The remembered risk searches answer what the search itself answers, asked once or again, in any
   * order.
   */
  @Test
  void rememberedRiskSearchesAnswerAsTheSearchDoes() {
    DemandConversion risky = DemandConversion.builder(PRIOR).risk(0.01).build();
    qt().withExamples(3_000).forAll(integers().between(1, 60), integers().between(0, 20),
        longs().between(0, 40), integers().between(0, 5)).checkAssert((missing, won, extra, category) -> {
          long seen = won + extra * 100;
          double expected = PromiseRisk.impressionsFor(missing, PRIOR.alpha(category) + won,
              PRIOR.beta(category) + (seen - won), 0.01) / 10.0;
          assertEquals(expected, risky.dailyNeed(category, missing, won, seen, 0, 10, 0));
          assertEquals(expected, risky.dailyNeed(category, missing, won, seen, 0, 10, 0));
        });
  }

  @Test
  void riskAwareDemandUsesThePosteriorAndTheDaysLeft() {
    BuyerLedger ledger = BuyerLedger.over(TABLE);
    ledger.enrol(new Enrolment(8, TRUST_PASS, 0, 0));
    for (int day = 0; day < 30; day++) {
      ledger.recordImpressions(day, 8, 400);
      ledger.record(day, 8, day % 12);
    }
    DemandConversion risky = DemandConversion.builder(PRIOR).risk(0.01).build();
    GuaranteeDemand demand = risky.demand(ledger, TABLE, 30);
    // 18 buyers to go, posterior Beta(3 + 12, 997 + 12 000 − 12), 30 days left
    double expected = PromiseRisk.impressionsFor(18, 15, 12_985, 0.01) / 30.0;
    assertEquals(expected, demand.impressions(2), 1e-9);
    assertTrue(expected > 624.0 / 1.2, "more than the expected need: " + expected);
    assertEquals(0.01, risky.risk());
    assertTrue(Double.isNaN(CONVERSION.risk()));
  }

  @Test
  void aFrontLoadedPromiseIsPlannedToItsTargetDayThenCatchesUp() {
    BuyerLedger ledger = BuyerLedger.over(TABLE);
    ledger.enrol(new Enrolment(8, TRUST_PASS, 0, 0));
    for (int day = 0; day < 30; day++) {
      ledger.recordImpressions(day, 8, 400);
      ledger.record(day, 8, day % 12);
    }
    DemandConversion early = DemandConversion.builder(PRIOR).frontLoad(0.75).build();
    // the window is 60 days: met by day 45, so 15 days for 18 buyers, twice the plain demand
    assertEquals(2 * 624.0, early.demand(ledger, TABLE, 30).impressions(2), 1e-9);
    assertEquals(0.75, early.frontLoad());
    for (int day = 30; day < 50; day++) {
      ledger.recordImpressions(day, 8, 1);
    }
    // past day 45 and not met: the 10 days left to the deadline
    double q = PRIOR.rate(2, 12, 12_020);
    assertEquals(18 / (q * 10) * 1.2, early.demand(ledger, TABLE, 50).impressions(2), 1e-9);
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> DemandConversion.builder(PRIOR).frontLoad(1.5));
    assertEquals("frontLoad must be a share of the window in (0, 1]: 1.5", bad.getMessage());
  }

  @Test
  void riskAndMarginExcludeEachOther() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DemandConversion.builder(PRIOR).risk(0.01).safetyMargin(1.5));
    assertEquals("safetyMargin: risk (0.01) is set; a demand is risk-aware or the expected need times"
        + " a margin, not both", e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> DemandConversion.builder(PRIOR).safetyMargin(1.5).risk(0.01));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> DemandConversion.builder(PRIOR).risk(0));
    assertEquals("risk must be a probability of missing a promise in (0, 0.5): 0.0", bad.getMessage());
    assertEquals("risk must be a probability of missing a promise in (0, 0.5): 0.5",
        assertThrows(IllegalArgumentException.class, () -> DemandConversion.builder(PRIOR).risk(0.5))
            .getMessage());
  }

  @Test
  void convertsATrustPassPromiseAsComputedByHand() {
    BuyerLedger ledger = BuyerLedger.over(TABLE);
    ledger.enrol(new Enrolment(8, TRUST_PASS, 0, 0));
    for (int day = 0; day < 30; day++) {
      ledger.recordImpressions(day, 8, 400);
      ledger.record(day, 8, day % 12); // 12 distinct buyers, the rest repeats
    }
    assertEquals(12, ledger.won(0));
    assertEquals(12_000, ledger.impressions(0));
    GuaranteeDemand demand = CONVERSION.demand(ledger, TABLE, 30);
    // raw rate 12 / 12 000 = 0.001, shrunk with Beta(3, 997): q = 15 / 13 000;
    // 18 buyers to go in 30 days: 18 / (q * 30) * 1.2 = 624 impressions a day
    assertEquals(624.0, demand.impressions(2), 1e-9);
    assertEquals(0.0, demand.impressions(0));
    assertEquals(624.0, demand.total(), 1e-9);
    assertArrayEquals(new int[] {2}, demand.guaranteedRows());
    assertEquals(30, demand.day());
    assertEquals(3, demand.rows());
    // 12 of 30 with half the window gone is behind schedule
    ScheduleAlert alert = demand.alerts().get(0);
    assertEquals(1, demand.alerts().size());
    assertEquals(Reason.BEHIND_SCHEDULE, alert.reason());
    assertEquals(8, alert.supplierId());
    assertEquals(TRUST_PASS, alert.program());
    assertEquals(12, alert.won());
    assertEquals(30, alert.target());
    assertEquals(30, alert.daysLeft());
    assertEquals(15.0 / 13_000, alert.newBuyerRate(), 1e-18);
    assertEquals(624.0, alert.demand(), 1e-9);
  }

  @Test
  void convertsAPowerMerchantPromiseWithItsCategoryPrior() {
    BuyerLedger ledger = BuyerLedger.over(TABLE);
    ledger.enrol(new Enrolment(40, POWER, 10, 40));
    ledger.recordNewBuyers(10, 40, 25);
    ledger.recordImpressions(10, 40, 50_000);
    GuaranteeDemand demand = CONVERSION.demand(ledger, TABLE, 100);
    // double 40 baseline buyers: 40 new, 25 won, 90 of 180 days left; q = (25 + 10) / (50 000 + 10 000)
    assertEquals(15 / (35.0 / 60_000 * 90) * 1.2, demand.impressions(1), 1e-9);
    assertEquals(2400.0 / 7, demand.impressions(1), 1e-9);
    assertEquals(List.of(), demand.alerts()); // 25 of 40 at mid-window is on schedule
    assertEquals(Standing.ON_SCHEDULE, ledger.status(0, 100).standing());
  }

  @Test
  void aNewEnrolmentStartsFromItsCategoryRate() {
    BuyerLedger ledger = BuyerLedger.over(TABLE);
    ledger.enrol(new Enrolment(17, TRUST_PASS, 4, 0));
    // 30 buyers in 60 days at the category's 0.001, with 20% margin
    assertEquals(30 / (0.001 * 60) * 1.2, CONVERSION.demand(ledger, TABLE, 4).impressions(0), 1e-9);
    assertEquals(0.0, CONVERSION.demand(ledger, TABLE, 3).impressions(0)); // pending
  }

  @Test
  void metPromisesNeedNothingAndBrokenOnesAreReported() {
    BuyerLedger ledger = BuyerLedger.over(TABLE);
    ledger.enrol(new Enrolment(17, TRUST_PASS, 0, 0));
    ledger.enrol(new Enrolment(8, TRUST_PASS, 0, 0));
    ledger.recordNewBuyers(5, 17, 30);
    ledger.recordNewBuyers(5, 8, 29);
    GuaranteeDemand demand = CONVERSION.demand(ledger, TABLE, 60);
    assertArrayEquals(new double[3], demand.impressionsByRow());
    assertEquals(1, demand.alerts().size());
    ScheduleAlert broken = demand.alerts().get(0);
    assertEquals(Reason.EXPIRED_UNMET, broken.reason());
    assertEquals(8, broken.supplierId());
    assertEquals(29, broken.won());
    assertEquals(0, broken.daysLeft());
    assertEquals(0.0, broken.demand());
    assertEquals(Standing.MET, ledger.status(0, 60).standing());
  }

  @Test
  void capsImplausibleDemandAndReportsIt() {
    DemandConversion bounded = DemandConversion.builder(PRIOR).safetyMargin(1.5).maxDailyImpressions(500).build();
    BuyerLedger ledger = BuyerLedger.over(TABLE);
    ledger.enrol(new Enrolment(8, TRUST_PASS, 0, 0));
    ledger.enrol(new Enrolment(17, TRUST_PASS, 0, 0));
    ledger.recordNewBuyers(0, 17, 29);
    GuaranteeDemand demand = bounded.demand(ledger, TABLE, 55);
    // supplier 8: 30 buyers in 5 days at 0.003 is 3 000 a day with 1.5 margin, far past 500
    assertEquals(500.0, demand.impressions(2));
    // supplier 17: one buyer at (29 + 10) / (0 + 10 000) in 5 days, ahead of schedule
    assertEquals(1 / (39 / 10_000.0 * 5) * 1.5, demand.impressions(0), 1e-9);
    assertEquals(1, demand.alerts().size());
    ScheduleAlert alert = demand.alerts().get(0);
    assertEquals(Reason.DEMAND_EXCEEDS_BOUND, alert.reason());
    assertEquals(30 / (0.003 * 5) * 1.5, alert.demand(), 1e-9);
    assertEquals(Standing.BEHIND_SCHEDULE, alert.status().standing());
  }

  @Test
  void aSupplierInTwoProgramsNeedsTheLargerDemand() {
    SupplierTable table = TestTables.of(supplier(40, MembershipTier.POWER_MERCHANT, 5));
    BuyerLedger ledger = BuyerLedger.create();
    ledger.enrol(new Enrolment(40, POWER, 0, 100));
    ledger.enrol(new Enrolment(40, TRUST_PASS, 0, 0));
    GuaranteeDemand demand = CONVERSION.demand(ledger, table, 0);
    double power = 100 / (0.001 * 180) * 1.2;
    double trustPass = 30 / (0.001 * 60) * 1.2;
    assertTrue(power > trustPass);
    assertEquals(power, demand.impressions(0), 1e-9);
  }

  @Test
  void alertsAreOrderedBySupplierThenProgramWhateverTheEnrolmentOrder() {
    SupplierTable table = TestTables.of(supplier(40, MembershipTier.POWER_MERCHANT, 5),
        supplier(8, MembershipTier.TRUSTPASS, 5));
    Enrolment[] enrolments = {new Enrolment(40, TRUST_PASS, 0, 0), new Enrolment(8, TRUST_PASS, 0, 0),
        new Enrolment(40, POWER, 0, 3)};
    BuyerLedger forward = BuyerLedger.create();
    BuyerLedger backward = BuyerLedger.create();
    for (int i = 0; i < enrolments.length; i++) {
      forward.enrol(enrolments[i]);
      backward.enrol(enrolments[enrolments.length - 1 - i]);
    }
    GuaranteeDemand a = CONVERSION.demand(forward, table, 30);
    GuaranteeDemand b = CONVERSION.demand(backward, table, 30);
    assertArrayEquals(a.impressionsByRow(), b.impressionsByRow());
    assertEquals(a.alerts(), b.alerts());
    assertEquals(3, a.alerts().size());
    assertEquals(8, a.alerts().get(0).supplierId());
    assertEquals("PowerMerchant", a.alerts().get(1).program().name());
    assertEquals("TrustPass", a.alerts().get(2).program().name());
  }

  @Test
  void rejectsDaysWithRecordedEventsAndSuppliersMissingFromTheTable() {
    BuyerLedger ledger = BuyerLedger.create();
    ledger.enrol(new Enrolment(99, TRUST_PASS, 0, 0));
    assertEquals("supplier 99: enrolled in TrustPass but not in the supplier table",
        assertThrows(IllegalArgumentException.class, () -> CONVERSION.demand(ledger, TABLE, 1)).getMessage());
    ledger.record(3, 99, 1);
    assertEquals("day (3): expected a day after 3, the latest day with recorded events, as a status counts "
            + "the events of earlier days only",
        assertThrows(IllegalArgumentException.class, () -> CONVERSION.demand(ledger, TABLE, 3)).getMessage());
  }

  @Test
  void builderIsStrict() {
    assertEquals(DemandConversion.DEFAULT_SAFETY_MARGIN, CONVERSION.safetyMargin());
    assertEquals(Double.POSITIVE_INFINITY, CONVERSION.maxDailyImpressions());
    assertEquals("safetyMargin must be a finite number >= 1: 0.9",
        assertThrows(IllegalArgumentException.class,
            () -> DemandConversion.builder(PRIOR).safetyMargin(0.9)).getMessage());
    assertEquals("safetyMargin must be a finite number >= 1: Infinity",
        assertThrows(IllegalArgumentException.class,
            () -> DemandConversion.builder(PRIOR).safetyMargin(Double.POSITIVE_INFINITY)).getMessage());
    assertEquals("maxDailyImpressions must be > 0: 0.0",
        assertThrows(IllegalArgumentException.class,
            () -> DemandConversion.builder(PRIOR).maxDailyImpressions(0)).getMessage());
    assertEquals("maxDailyImpressions must be > 0: NaN",
        assertThrows(IllegalArgumentException.class,
            () -> DemandConversion.builder(PRIOR).maxDailyImpressions(Double.NaN)).getMessage());
    assertEquals("safetyMargin was already set to 1.3",
        assertThrows(IllegalStateException.class,
            () -> DemandConversion.builder(PRIOR).safetyMargin(1.3).safetyMargin(1.4)).getMessage());
    assertEquals("maxDailyImpressions was already set to 10.0",
        assertThrows(IllegalStateException.class,
            () -> DemandConversion.builder(PRIOR).maxDailyImpressions(10).maxDailyImpressions(20)).getMessage());
    assertEquals("prior: expected a non-null ConversionPrior",
        assertThrows(NullPointerException.class, () -> DemandConversion.builder(null)).getMessage());
  }

  /** The demand of supplier 40 (row 1) enrolled as a Power merchant on day 0, asked on {@code day}. */
  private static double powerDemand(int baseline, long won, long impressions, int day) {
    BuyerLedger ledger = BuyerLedger.create();
    ledger.enrol(new Enrolment(40, POWER, 0, baseline));
    ledger.recordNewBuyers(0, 40, (int) won);
    ledger.recordImpressions(0, 40, impressions);
    return CONVERSION.demand(ledger, TABLE, day).impressions(1);
  }

  @Test
  void demandIsNonIncreasingInBuyersWon() {
    qt().withFixedSeed(42L).withExamples(150)
        .forAll(integers().between(0, 300), longs().between(0, 400), longs().between(0, 2_000_000),
            integers().between(1, 179))
        .checkAssert((baseline, won, impressions, day) -> {
          double fewer = powerDemand(baseline, won, impressions, day);
          double more = powerDemand(baseline, won + 1, impressions, day);
          assertTrue(more <= fewer, "demand rose from " + fewer + " to " + more + " with one more buyer");
        });
  }

  @Test
  void demandIsZeroOnceMet() {
    qt().withFixedSeed(42L).withExamples(150)
        .forAll(integers().between(0, 300), longs().between(0, 300), longs().between(0, 2_000_000),
            integers().between(1, 400))
        .checkAssert((baseline, extra, impressions, day) -> {
          int target = POWER.newBuyersNeeded(baseline);
          BuyerLedger ledger = BuyerLedger.create();
          ledger.enrol(new Enrolment(40, POWER, 0, baseline));
          ledger.recordNewBuyers(0, 40, (int) (target + extra));
          ledger.recordImpressions(0, 40, impressions);
          GuaranteeDemand demand = CONVERSION.demand(ledger, TABLE, day);
          assertEquals(0.0, demand.total());
          assertEquals(List.of(), demand.alerts());
          assertEquals(Standing.MET, ledger.status(0, day).standing());
        });
  }
}
