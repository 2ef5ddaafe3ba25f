package org.beltway.guarantee;

import org.beltway.supplier.Count;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.SupplierTable;

/**
 * The test plans' guarantees: every eligible supplier enrolled on day 0 (TrustPass suppliers under 60
 * days on the platform, every Power merchant and Super factory with its buyer count as baseline), and
 * the day-0 demand under the prior Beta(2, 498).
 */
public final class DayZeroGuarantees {
  private DayZeroGuarantees() {}

  /** The impressions each row of the table is guaranteed on day 0. */
  public static double[] impressionsByRow(SupplierTable table) {
    BuyerLedger ledger = BuyerLedger.over(table);
    for (int row = 0; row < table.size(); row++) {
      MembershipTier tier = table.tier(row);
      if (tier == MembershipTier.TRUSTPASS && table.daysOnPlatform(row) < 60) {
        ledger.enrol(new Enrolment(table.id(row), GuaranteeProgram.trustPass(), 0, 0));
      } else if (tier != MembershipTier.TRUSTPASS) {
        int baseline = (int) table.count(Count.BUYERS, row);
        ledger.enrol(new Enrolment(table.id(row), GuaranteeProgram.standard(tier), 0, baseline));
      }
    }
    return DemandConversion.builder(ConversionPrior.global(2, 498)).build()
        .demand(ledger, table, 0).impressionsByRow();
  }
}
