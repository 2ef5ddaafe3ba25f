package org.beltway.guarantee;

import static org.beltway.guarantee.TestTables.supplier;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beltway.guarantee.EnrolmentStatus.Standing;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BuyerLedgerTest {
  private static final GuaranteeProgram TRUST_PASS = GuaranteeProgram.trustPass();
  private static final GuaranteeProgram POWER = GuaranteeProgram.powerMerchant();

  private static String rejection(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  private static BuyerLedger trustPassAt(long supplierId, int day) {
    BuyerLedger ledger = BuyerLedger.create();
    ledger.enrol(new Enrolment(supplierId, TRUST_PASS, day, 0));
    return ledger;
  }

  /** Regression (issue 14): impression totals wrapped to negative and lowered the planned demand. */
  @Test
  void impressionTotalsAreRefusedRatherThanWrapped() {
    BuyerLedger ledger = trustPassAt(5, 0);
    ledger.recordImpressions(0, 5, Long.MAX_VALUE - 10);
    assertEquals("supplier 5: impressions (11) would take TrustPass past 9223372036854775807 impressions",
        rejection(() -> ledger.recordImpressions(1, 5, 11)));
    assertEquals(Long.MAX_VALUE - 10, ledger.impressions(0), "a refused call changes nothing");
    ledger.recordImpressions(1, 5, 10);
    assertEquals(Long.MAX_VALUE, ledger.impressions(0));
  }

  @Test
  void repeatBuyersCountOnce() {
    BuyerLedger ledger = trustPassAt(17, 0);
    assertTrue(ledger.record(0, 17, 1001));
    assertTrue(ledger.record(1, 17, 1002));
    assertFalse(ledger.record(2, 17, 1001));
    assertFalse(ledger.record(3, 17, 1002));
    assertTrue(ledger.record(3, 17, 0));
    assertEquals(3, ledger.won(0));
    assertTrue(ledger.hasBuyer(0, 1001));
    assertTrue(ledger.hasBuyer(0, 0));
    assertFalse(ledger.hasBuyer(0, 1003));
    assertFalse(ledger.hasBuyer(0, -1));
  }

  @Test
  void countsManyBuyersOfOneSupplierExactly() {
    BuyerLedger ledger = trustPassAt(17, 0);
    for (int round = 0; round < 3; round++) {
      for (long buyer = 0; buyer < 5000; buyer++) {
        assertEquals(round == 0, ledger.record(round, 17, buyer * 1_000_003L));
      }
    }
    assertEquals(5000, ledger.won(0));
    assertTrue(ledger.hasBuyer(0, 4999 * 1_000_003L));
    assertFalse(ledger.hasBuyer(0, 5000 * 1_000_003L));
  }

  @Test
  void bulkBuyersAddToIdentifiedOnes() {
    BuyerLedger ledger = trustPassAt(17, 0);
    ledger.record(0, 17, 5);
    ledger.recordNewBuyers(1, 17, 4);
    ledger.recordNewBuyers(2, 17, 0);
    assertEquals(5, ledger.won(0));
  }

  @Test
  void onlyEventsInsideTheWindowCount() {
    BuyerLedger ledger = trustPassAt(17, 5);
    assertTrue(ledger.record(5, 17, 1));
    assertTrue(ledger.record(64, 17, 2));
    assertFalse(ledger.record(65, 17, 3));
    ledger.recordNewBuyers(65, 17, 10);
    ledger.recordImpressions(64, 17, 100);
    ledger.recordImpressions(65, 17, 1000);
    assertEquals(2, ledger.won(0));
    assertEquals(100, ledger.impressions(0));
    assertEquals(65, ledger.latestEventDay());
  }

  @Test
  void aSupplierInTwoProgramsCountsEachBuyerForEveryOpenWindow() {
    BuyerLedger ledger = BuyerLedger.create();
    ledger.enrol(new Enrolment(17, TRUST_PASS, 0, 0));
    ledger.enrol(new Enrolment(3, TRUST_PASS, 0, 0));
    ledger.enrol(new Enrolment(17, POWER, 50, 20));
    assertArrayEquals(new int[] {0, 2}, ledger.enrolmentsOf(17));
    assertArrayEquals(new int[0], ledger.enrolmentsOf(99));
    ledger.record(10, 17, 1); // TrustPass only
    ledger.record(55, 17, 1); // new for Power, repeat for TrustPass
    ledger.record(55, 17, 2); // both
    ledger.record(70, 17, 3); // TrustPass closed on day 60: Power only
    ledger.recordImpressions(55, 17, 10);
    assertEquals(2, ledger.won(0));
    assertEquals(3, ledger.won(2));
    assertEquals(0, ledger.won(1));
    assertEquals(10, ledger.impressions(0));
    assertEquals(10, ledger.impressions(2));
    assertEquals(new Enrolment(17, POWER, 50, 20), ledger.enrolment(2));
  }

  @Test
  void statusMovesFromPendingThroughScheduleToMet() {
    BuyerLedger ledger = trustPassAt(17, 10);
    assertEquals(Standing.PENDING, ledger.status(0, 5).standing());
    assertEquals(60, ledger.status(0, 5).daysLeft());
    EnrolmentStatus first = ledger.status(0, 10);
    assertEquals(Standing.ON_SCHEDULE, first.standing());
    assertEquals(0, first.daysElapsed());
    assertEquals(60, first.daysLeft());
    assertEquals(30, first.target());
    // 20 days in, the pro-rata share is 10 buyers
    for (int b = 0; b < 10; b++) {
      ledger.record(10 + b, 17, b);
    }
    EnrolmentStatus onTrack = ledger.status(0, 30);
    assertEquals(Standing.ON_SCHEDULE, onTrack.standing());
    assertEquals(10, onTrack.won());
    assertEquals(20, onTrack.daysElapsed());
    assertEquals(40, onTrack.daysLeft());
    assertEquals(20, onTrack.remaining());
    assertEquals(Standing.BEHIND_SCHEDULE, ledger.status(0, 31).standing());
    ledger.recordNewBuyers(31, 17, 20);
    EnrolmentStatus met = ledger.status(0, 32);
    assertEquals(Standing.MET, met.standing());
    assertEquals(0, met.remaining());
    assertEquals(Standing.MET, ledger.status(0, 500).standing());
  }

  @Test
  void statusExpiresUnmetWhenTheWindowCloses() {
    BuyerLedger ledger = trustPassAt(17, 0);
    ledger.recordNewBuyers(58, 17, 29);
    EnrolmentStatus lastDay = ledger.status(0, 59);
    assertEquals(Standing.BEHIND_SCHEDULE, lastDay.standing()); // 29 of 30 with 59 of 60 days gone
    assertEquals(1, lastDay.daysLeft());
    EnrolmentStatus expired = ledger.status(0, 60);
    assertEquals(Standing.EXPIRED_UNMET, expired.standing());
    assertEquals(0, expired.daysLeft());
    assertEquals(60, expired.daysElapsed());
    assertEquals(List.of(expired), ledger.statuses(60));
  }

  @Test
  void rejectsEventsBeforeEnrolment() {
    BuyerLedger ledger = trustPassAt(17, 5);
    assertEquals("supplier 17: buyer event on day 3 before enrolment on day 5",
        rejection(() -> ledger.record(3, 17, 1)));
    assertEquals("supplier 17: buyer event on day 4 before enrolment on day 5",
        rejection(() -> ledger.recordNewBuyers(4, 17, 1)));
    assertEquals("supplier 17: impressions on day 0 before enrolment on day 5",
        rejection(() -> ledger.recordImpressions(0, 17, 1)));
    assertEquals(-1, ledger.latestEventDay());
  }

  @Test
  void rejectsSuppliersNotEnrolled() {
    BuyerLedger ledger = trustPassAt(17, 0);
    assertEquals("supplier 99: not enrolled in any guarantee program", rejection(() -> ledger.record(3, 99, 1)));
    assertEquals("supplier 99: not enrolled in any guarantee program", rejection(() -> ledger.recordNewBuyers(3, 99, 1)));
    assertEquals("supplier 99: not enrolled in any guarantee program", rejection(() -> ledger.recordImpressions(3, 99, 1)));
  }

  @Test
  void rejectsNegativeValues() {
    BuyerLedger ledger = trustPassAt(17, 0);
    assertEquals("supplier 17: day (-1): expected >= 0", rejection(() -> ledger.record(-1, 17, 1)));
    assertEquals("supplier 17: buyer id (-3): expected >= 0", rejection(() -> ledger.record(2, 17, -3)));
    assertEquals("supplier 17: new buyers (-2): expected >= 0", rejection(() -> ledger.recordNewBuyers(2, 17, -2)));
    assertEquals("supplier 17: impressions (-5): expected >= 0", rejection(() -> ledger.recordImpressions(2, 17, -5)));
    assertEquals(0, ledger.won(0));
    assertEquals(-1, ledger.latestEventDay());
  }

  @Test
  void rejectsACountThatWouldOverflow() {
    BuyerLedger ledger = trustPassAt(17, 0);
    ledger.record(0, 17, 1);
    ledger.recordNewBuyers(0, 17, Integer.MAX_VALUE - 1);
    assertEquals("supplier 17: new buyers (1) would take TrustPass past 2147483647 buyers",
        rejection(() -> ledger.recordNewBuyers(1, 17, 1)));
  }

  @Test
  void rejectsASecondEnrolmentInTheSameProgram() {
    BuyerLedger ledger = trustPassAt(17, 5);
    assertEquals("supplier 17: already enrolled in TrustPass on day 5",
        rejection(() -> ledger.enrol(new Enrolment(17, TRUST_PASS, 90, 0))));
    GuaranteeProgram impostor = GuaranteeProgram.fixedBuyers("TrustPass", 10, 60, MembershipTier.TRUSTPASS);
    assertEquals("guarantee program TrustPass: " + impostor
            + " differs from the program of that name already in this ledger (" + TRUST_PASS + ")",
        rejection(() -> ledger.enrol(new Enrolment(18, impostor, 0, 0))));
    assertEquals(1, ledger.size());
  }

  @Test
  void checksEnrolmentsAgainstTheSupplierTable() {
    SupplierTable table = TestTables.of(supplier(17, MembershipTier.POWER_MERCHANT, 3),
        supplier(18, MembershipTier.TRUSTPASS, 3));
    BuyerLedger ledger = BuyerLedger.over(table);
    assertEquals("supplier 17: tier POWER_MERCHANT is not eligible for TrustPass: expected one of [TRUSTPASS]",
        rejection(() -> ledger.enrol(new Enrolment(17, TRUST_PASS, 0, 0))));
    assertEquals("supplier 99: not in the supplier table",
        rejection(() -> ledger.enrol(new Enrolment(99, TRUST_PASS, 0, 0))));
    assertEquals(0, ledger.enrol(new Enrolment(17, POWER, 0, 12)));
    assertEquals(1, ledger.enrol(new Enrolment(18, TRUST_PASS, 0, 0)));
  }

  @Test
  void refusesAStatusThatWouldCountEventsOfItsOwnDayOrLater() {
    BuyerLedger ledger = trustPassAt(17, 0);
    ledger.record(30, 17, 1);
    String expected = "day (30): expected a day after 30, the latest day with recorded events, "
        + "as a status counts the events of earlier days only";
    assertEquals(expected, rejection(() -> ledger.status(0, 30)));
    assertEquals(expected, rejection(() -> ledger.statuses(30)));
    assertEquals(1, ledger.status(0, 31).won());
    assertEquals("enrolment index (1): expected in [0, 1)",
        assertThrows(IndexOutOfBoundsException.class, () -> ledger.won(1)).getMessage());
  }

  @Test
  void recordsADaysTotalsByRowForOpenEnrolmentsOnly() {
    SupplierTable table = TestTables.of(supplier(5, MembershipTier.TRUSTPASS, 1),
        supplier(17, MembershipTier.TRUSTPASS, 1), supplier(40, MembershipTier.POWER_MERCHANT, 2));
    BuyerLedger ledger = BuyerLedger.over(table);
    ledger.enrol(new Enrolment(40, POWER, 0, 10));
    ledger.enrol(new Enrolment(17, TRUST_PASS, 3, 0));
    ledger.recordImpressions(2, table, new long[] {100, 200, 300});
    ledger.recordNewBuyers(2, table, new int[] {1, 2, 3});
    ledger.recordImpressions(3, table, new long[] {100, 200, 300});
    ledger.recordNewBuyers(3, table, new int[] {1, 2, 3});
    assertEquals(600, ledger.impressions(0));
    assertEquals(6, ledger.won(0));
    assertEquals(200, ledger.impressions(1));
    assertEquals(2, ledger.won(1));
    assertEquals(3, ledger.latestEventDay());
    assertEquals("deliveredByRow has 2 values: expected one per supplier row (3)",
        rejection(() -> ledger.recordImpressions(4, table, new long[2])));
    assertEquals("newBuyersByRow has 4 values: expected one per supplier row (3)",
        rejection(() -> ledger.recordNewBuyers(4, table, new int[4])));
    assertEquals("supplier 5: impressions (-1): expected >= 0",
        rejection(() -> ledger.recordImpressions(4, table, new long[] {-1, 0, 0})));
    assertEquals("supplier 40: new buyers (-2): expected >= 0",
        rejection(() -> ledger.recordNewBuyers(4, table, new int[] {0, 0, -2})));
    assertEquals("day (-1): expected >= 0", rejection(() -> ledger.recordNewBuyers(-1, table, new int[3])));
    SupplierTable other = TestTables.of(supplier(40, MembershipTier.POWER_MERCHANT, 2));
    assertEquals("supplier 17: enrolled in TrustPass but not in the supplier table",
        rejection(() -> ledger.recordImpressions(4, other, new long[1])));
    assertEquals(600, ledger.impressions(0));
  }

  /**
   * A million buyer events over 50 000 enrolments, each buyer seen four times on average: the counts are
   * exact and the buyer sets stay primitive (a few tens of bytes per distinct buyer, where boxed sets
   * would take several times that).
   */
  @Test
  void recordsAMillionEventsInPrimitiveSets() {
    int suppliers = 50_000;
    BuyerLedger ledger = BuyerLedger.create();
    for (int s = 0; s < suppliers; s++) {
      ledger.enrol(new Enrolment(1_000_000L + s, TRUST_PASS, 0, 0));
    }
    int events = 0;
    long state = 42;
    for (int day = 0; day < 20; day++) {
      for (int s = 0; s < suppliers; s++) {
        state = state * 6364136223846793005L + 1442695040888963407L;
        int buyerOfSupplier = (int) ((state >>> 33) % 5) + 5 * (day % 5); // 25 distinct per supplier at most
        ledger.record(day, 1_000_000L + s, 77_000_000L + 31L * s + buyerOfSupplier);
        events++;
      }
    }
    assertEquals(1_000_000, events);
    long distinct = 0;
    for (int e = 0; e < suppliers; e++) {
      int won = ledger.won(e);
      assertTrue(won >= 5 && won <= 25, "enrolment " + e + " won " + won);
      distinct += won;
    }
    // every buyer of enrolment 0 is one of its 25 candidates, and each candidate found is counted once
    int found = 0;
    for (int b = 0; b < 25; b++) {
      if (ledger.hasBuyer(0, 77_000_000L + b)) {
        found++;
      }
    }
    assertEquals(ledger.won(0), found);
    double bytesPerBuyer = (double) ledger.columnBytes() / distinct;
    assertTrue(bytesPerBuyer < 40, "bytes per distinct buyer: " + bytesPerBuyer);
  }
}
