package org.beltway.supplier;

import java.util.Arrays;
import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * A supplier's paid membership on the marketplace. The tier decides which buyer promise applies:
 * TrustPass suppliers are promised 30 buyers in 60 days, Power merchants and Super factories a doubled
 * buyer count in 180 days (docs/design.md §1).
 */
public enum MembershipTier {
  /** 诚信通, the entry membership. */
  TRUSTPASS,
  /** 实力商家, verified strong merchants. */
  POWER_MERCHANT,
  /** 超级工厂, verified large factories. */
  SUPER_FACTORY;

  private static final MembershipTier[] VALUES = values();

  /** The tier with this ordinal, as stored in a {@link SupplierTable} column. */
  static MembershipTier ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /**
   * Parses a tier name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static MembershipTier parse(String name) {
    Strict.nonNull(name, "name", String.class);
    for (MembershipTier tier : VALUES) {
      if (tier.name().equalsIgnoreCase(name.trim())) {
        return tier;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "unknown membership tier \"%s\": expected one of %s", name, Arrays.toString(VALUES)));
  }
}
