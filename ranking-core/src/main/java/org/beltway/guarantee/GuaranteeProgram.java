package org.beltway.guarantee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.beltway.internal.Strict;
import org.beltway.supplier.MembershipTier;

/**
 * A buyer promise the marketplace makes to the suppliers of some membership tiers (保生意, docs/design.md
 * §1 and §5): TrustPass (诚信通) suppliers get at least 30 new buyers within 60 days of enrolment;
 * Power merchants (实力商家) and Super factories (超级工厂) double their buyer count within 180 days.
 *
 * <p>The promise is counted in <em>new buyers won since enrolment</em>, by one of two rules:
 * <ul>
 *   <li>{@link Rule#FIXED_BUYERS}: {@code amount} new buyers, whatever the baseline (TrustPass: 30);</li>
 *   <li>{@link Rule#MULTIPLE_OF_BASELINE}: reach {@code amount × baseline} buyers in total, where the
 *       baseline is the number of distinct buyers the supplier had in the reference window before
 *       enrolment (the natural source is {@code Count.BUYERS} of the enrolment-day window). The new
 *       buyers needed are {@code ceil((amount − 1) × baseline)}, and at least 1, so that a supplier with
 *       no baseline buyers is promised one. "Double" is {@code amount = 2}: baseline new buyers.</li>
 * </ul>
 * The window covers {@code windowDays} days starting on the enrolment day: enrolled on day {@code e}, a
 * buyer counts if won on a day in {@code [e, e + windowDays)}.
 *
 * <p>Programs are identified by their name within a {@link BuyerLedger}.
 *
 * @param name the program's name, e.g. {@code TrustPass}; not blank
 * @param tiers the membership tiers that may enrol; not empty
 * @param rule how the target is set
 * @param amount new buyers ({@link Rule#FIXED_BUYERS}, a whole number {@code >= 1}) or the multiple of
 *     the baseline to reach ({@link Rule#MULTIPLE_OF_BASELINE}, finite and {@code > 1})
 * @param windowDays days from enrolment in which the buyers must be won, {@code >= 1}
 */
public record GuaranteeProgram(String name, Set<MembershipTier> tiers, Rule rule, double amount,
    int windowDays) {

  /** How a program sets its buyer target. */
  public enum Rule {
    /** A fixed number of new buyers. */
    FIXED_BUYERS,
    /** A multiple of the baseline buyer count, to be reached in total. */
    MULTIPLE_OF_BASELINE
  }

  private static final GuaranteeProgram TRUST_PASS =
      fixedBuyers("TrustPass", 30, 60, MembershipTier.TRUSTPASS);
  private static final GuaranteeProgram POWER_MERCHANT =
      multipleOfBaseline("PowerMerchant", 2.0, 180, MembershipTier.POWER_MERCHANT);
  private static final GuaranteeProgram SUPER_FACTORY =
      multipleOfBaseline("SuperFactory", 2.0, 180, MembershipTier.SUPER_FACTORY);

  /**
   * Validates the program and copies the tiers.
   *
   * @throws IllegalArgumentException naming the program, the field, the value and the expectation
   */
  public GuaranteeProgram {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "guarantee program name (%s): expected a non-blank name", name == null ? null : "\"" + name + "\""));
    }
    if (rule == null) {
      throw error(name, "rule", null, "one of " + Arrays.toString(Rule.values()));
    }
    if (tiers == null || tiers.isEmpty()) {
      throw error(name, "tiers", tiers, "at least one of " + Arrays.toString(MembershipTier.values()));
    }
    tiers = Collections.unmodifiableSet(EnumSet.copyOf(tiers));
    if (rule == Rule.FIXED_BUYERS
        && !(amount >= 1 && amount <= Integer.MAX_VALUE && amount == Math.rint(amount))) {
      throw error(name, "amount", amount, "a whole number of buyers >= 1");
    }
    if (rule == Rule.MULTIPLE_OF_BASELINE && !(amount > 1 && Double.isFinite(amount))) {
      throw error(name, "amount", amount, "a finite multiple of the baseline > 1");
    }
    if (windowDays < 1) {
      throw error(name, "windowDays", windowDays, ">= 1");
    }
  }

  /** TrustPass (诚信通): 30 new buyers within 60 days, for {@link MembershipTier#TRUSTPASS}. */
  public static GuaranteeProgram trustPass() {
    return TRUST_PASS;
  }

  /** Power merchant (实力商家): twice the baseline buyers within 180 days. */
  public static GuaranteeProgram powerMerchant() {
    return POWER_MERCHANT;
  }

  /** Super factory (超级工厂): twice the baseline buyers within 180 days. */
  public static GuaranteeProgram superFactory() {
    return SUPER_FACTORY;
  }

  /** The standard program of a membership tier: {@link #trustPass()}, {@link #powerMerchant()} or {@link #superFactory()}. */
  public static GuaranteeProgram standard(MembershipTier tier) {
    Strict.nonNull(tier, "tier", MembershipTier.class);
    return switch (tier) {
      case TRUSTPASS -> TRUST_PASS;
      case POWER_MERCHANT -> POWER_MERCHANT;
      case SUPER_FACTORY -> SUPER_FACTORY;
    };
  }

  /**
   * A program promising {@code buyers} new buyers within {@code windowDays} days.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static GuaranteeProgram fixedBuyers(String name, int buyers, int windowDays,
      MembershipTier... tiers) {
    return new GuaranteeProgram(name, tierSet(tiers), Rule.FIXED_BUYERS, buyers, windowDays);
  }

  /**
   * A program promising {@code multiple} times the baseline buyer count within {@code windowDays} days.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static GuaranteeProgram multipleOfBaseline(String name, double multiple, int windowDays,
      MembershipTier... tiers) {
    return new GuaranteeProgram(name, tierSet(tiers), Rule.MULTIPLE_OF_BASELINE, multiple, windowDays);
  }

  /** Whether a supplier of this tier may enrol. */
  public boolean eligible(MembershipTier tier) {
    Strict.nonNull(tier, "tier", MembershipTier.class);
    return tiers.contains(tier);
  }

  /**
   * The new buyers a supplier must win to keep the promise. For {@link Rule#MULTIPLE_OF_BASELINE} the
   * multiple is taken as the decimal it prints as, so that {@code 1.1 × 10} needs exactly 1 buyer.
   *
   * @param baselineBuyers distinct buyers in the reference window before enrolment, {@code >= 0}
   * @return new buyers needed, {@code >= 1}
   * @throws IllegalArgumentException if the baseline is negative or the target exceeds
   *     {@link Integer#MAX_VALUE}
   */
  public int newBuyersNeeded(int baselineBuyers) {
    if (baselineBuyers < 0) {
      throw error(name, "baselineBuyers", baselineBuyers, ">= 0");
    }
    if (rule == Rule.FIXED_BUYERS) {
      return (int) amount;
    }
    BigDecimal needed = BigDecimal.valueOf(amount).subtract(BigDecimal.ONE)
        .multiply(BigDecimal.valueOf(baselineBuyers)).setScale(0, RoundingMode.CEILING);
    if (needed.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw error(name, "newBuyersNeeded", needed, "<= " + Integer.MAX_VALUE + " for baseline " + baselineBuyers);
    }
    return Math.max(1, needed.intValue());
  }

  private static Set<MembershipTier> tierSet(MembershipTier... tiers) {
    Strict.nonNull(tiers, "tiers", MembershipTier[].class);
    for (int i = 0; i < tiers.length; i++) {
      Strict.nonNull(tiers[i], "tiers[" + i + "]", MembershipTier.class);
    }
    return tiers.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(tiers));
  }

  private static IllegalArgumentException error(String name, String field, Object value, String expected) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "guarantee program %s: %s (%s): expected %s", name, field, value, expected));
  }
}
