package org.beltway.guarantee;

import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;

/** Small supplier tables for the guarantee tests. */
final class TestTables {
  private TestTables() {}

  static Supplier supplier(long id, MembershipTier tier, int category) {
    return Supplier.builder(id).tier(tier).categories(category).build();
  }

  static SupplierTable of(Supplier... suppliers) {
    SupplierTable.Builder b = SupplierTable.builder(suppliers.length);
    for (Supplier s : suppliers) {
      b.add(s, Signals.builder().build());
    }
    return b.build();
  }
}
