package org.beltway.guarantee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.beltway.guarantee.GuaranteeProgram.Rule;
import org.beltway.supplier.MembershipTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GuaranteeProgramTest {

  private static String rejection(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @Test
  void standardProgramsCarryTheMarketplacesNumbers() {
    GuaranteeProgram trustPass = GuaranteeProgram.trustPass();
    assertEquals("TrustPass", trustPass.name());
    assertEquals(Set.of(MembershipTier.TRUSTPASS), trustPass.tiers());
    assertEquals(Rule.FIXED_BUYERS, trustPass.rule());
    assertEquals(30, trustPass.amount());
    assertEquals(60, trustPass.windowDays());
    for (GuaranteeProgram p : new GuaranteeProgram[] {GuaranteeProgram.powerMerchant(), GuaranteeProgram.superFactory()}) {
      assertEquals(Rule.MULTIPLE_OF_BASELINE, p.rule());
      assertEquals(2.0, p.amount());
      assertEquals(180, p.windowDays());
    }
    assertTrue(GuaranteeProgram.powerMerchant().eligible(MembershipTier.POWER_MERCHANT));
    assertFalse(GuaranteeProgram.powerMerchant().eligible(MembershipTier.SUPER_FACTORY));
    assertTrue(GuaranteeProgram.superFactory().eligible(MembershipTier.SUPER_FACTORY));
    assertSame(GuaranteeProgram.trustPass(), GuaranteeProgram.standard(MembershipTier.TRUSTPASS));
    assertSame(GuaranteeProgram.powerMerchant(), GuaranteeProgram.standard(MembershipTier.POWER_MERCHANT));
    assertSame(GuaranteeProgram.superFactory(), GuaranteeProgram.standard(MembershipTier.SUPER_FACTORY));
  }

  @Test
  void targetsCountNewBuyers() {
    assertEquals(30, GuaranteeProgram.trustPass().newBuyersNeeded(0));
    assertEquals(30, GuaranteeProgram.trustPass().newBuyersNeeded(500));
    // doubling 40 baseline buyers means 40 new ones, 80 in total
    assertEquals(40, GuaranteeProgram.powerMerchant().newBuyersNeeded(40));
    // a supplier with no baseline buyers is still promised one
    assertEquals(1, GuaranteeProgram.superFactory().newBuyersNeeded(0));
    // 1.1 x 10 is 11 buyers: exactly 1 new one, not 2 from binary rounding of 0.1
    GuaranteeProgram tenPercent = GuaranteeProgram.multipleOfBaseline("Grow10", 1.1, 90, MembershipTier.TRUSTPASS);
    assertEquals(1, tenPercent.newBuyersNeeded(10));
    assertEquals(2, tenPercent.newBuyersNeeded(11));
    assertEquals(40, new Enrolment(7, GuaranteeProgram.powerMerchant(), 10, 40).target());
    assertEquals(190, new Enrolment(7, GuaranteeProgram.powerMerchant(), 10, 40).deadline());
  }

  @Test
  void rejectsInvalidPrograms() {
    assertEquals("guarantee program name (\" \"): expected a non-blank name",
        rejection(() -> GuaranteeProgram.fixedBuyers(" ", 30, 60, MembershipTier.TRUSTPASS)));
    assertEquals("guarantee program name (null): expected a non-blank name",
        rejection(() -> GuaranteeProgram.fixedBuyers(null, 30, 60, MembershipTier.TRUSTPASS)));
    assertEquals("guarantee program X: tiers ([]): expected at least one of [TRUSTPASS, POWER_MERCHANT, SUPER_FACTORY]",
        rejection(() -> GuaranteeProgram.fixedBuyers("X", 30, 60)));
    assertEquals("guarantee program X: rule (null): expected one of [FIXED_BUYERS, MULTIPLE_OF_BASELINE]",
        rejection(() -> new GuaranteeProgram("X", EnumSet.of(MembershipTier.TRUSTPASS), null, 30, 60)));
    assertEquals("guarantee program X: amount (0.0): expected a whole number of buyers >= 1",
        rejection(() -> GuaranteeProgram.fixedBuyers("X", 0, 60, MembershipTier.TRUSTPASS)));
    assertEquals("guarantee program X: amount (30.5): expected a whole number of buyers >= 1",
        rejection(() -> new GuaranteeProgram("X", EnumSet.of(MembershipTier.TRUSTPASS), Rule.FIXED_BUYERS, 30.5, 60)));
    assertEquals("guarantee program X: amount (1.0): expected a finite multiple of the baseline > 1",
        rejection(() -> GuaranteeProgram.multipleOfBaseline("X", 1.0, 180, MembershipTier.POWER_MERCHANT)));
    assertEquals("guarantee program X: amount (NaN): expected a finite multiple of the baseline > 1",
        rejection(() -> GuaranteeProgram.multipleOfBaseline("X", Double.NaN, 180, MembershipTier.POWER_MERCHANT)));
    assertEquals("guarantee program X: windowDays (0): expected >= 1",
        rejection(() -> GuaranteeProgram.fixedBuyers("X", 30, 0, MembershipTier.TRUSTPASS)));
  }

  @Test
  void rejectsTargetsThatDoNotFit() {
    assertEquals("guarantee program PowerMerchant: baselineBuyers (-1): expected >= 0",
        rejection(() -> GuaranteeProgram.powerMerchant().newBuyersNeeded(-1)));
    GuaranteeProgram triple = GuaranteeProgram.multipleOfBaseline("Triple", 3.0, 180, MembershipTier.POWER_MERCHANT);
    assertEquals("guarantee program Triple: newBuyersNeeded (4000000000): expected <= 2147483647 for baseline 2000000000",
        rejection(() -> triple.newBuyersNeeded(2_000_000_000)));
  }

  @Test
  void rejectsInvalidEnrolments() {
    GuaranteeProgram tp = GuaranteeProgram.trustPass();
    assertEquals("supplier 17: enrolment day (-1): expected >= 0",
        rejection(() -> new Enrolment(17, tp, -1, 0)));
    assertEquals("supplier 17: enrolment day (2147483647): expected <= 2147483587 so that the window's end is a valid day",
        rejection(() -> new Enrolment(17, tp, Integer.MAX_VALUE, 0)));
    assertEquals("supplier 17: baselineBuyers (-4): expected >= 0",
        rejection(() -> new Enrolment(17, tp, 0, -4)));
    assertEquals("supplier 17: program: expected a non-null GuaranteeProgram",
        assertThrows(NullPointerException.class, () -> new Enrolment(17, null, 0, 0)).getMessage());
  }
}
