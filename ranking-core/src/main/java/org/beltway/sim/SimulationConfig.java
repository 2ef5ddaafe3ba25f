package org.beltway.sim;

import java.util.Locale;
import org.beltway.internal.PromiseSettings;
import org.beltway.internal.Strict;

/**
 * The knobs of a {@link Simulation}: how long it runs, how wrong the planner's forecasts are, how
 * guarantees are converted into impressions, how often suppliers are re-scored, and how TrustPass
 * suppliers sign up. The marketplace itself (scale, seed) comes from its {@link MarketplaceConfig}; every
 * random draw of the simulation derives from that seed.
 *
 * @param days simulated days, in [1, {@value #MAX_DAYS}]; default {@value #DEFAULT_DAYS}
 * @param trafficError the planner's forecast error on segment traffic: each segment's actual traffic of
 *     a day is its forecast × (1 + e) with e uniform in [−trafficError, trafficError], drawn per segment
 *     and day; in [0, 1), default 0.2
 * @param conversionError the planner's error on conversion rates: the prior it converts buyer targets
 *     into impressions with has each category's mean multiplied by (1 + e), e uniform in
 *     [−conversionError, conversionError] per category, fixed for the run; in [0, 1), default 0.2
 * @param safetyMargin the factor on the impressions a guarantee is expected to need (see
 *     {@link org.beltway.guarantee.DemandConversion}); finite and {@code >= 1}, or {@code NaN} when demand
 *     is risk-aware (the default)
 * @param risk the accepted probability of missing a promise: a promise's demand is the least number of
 *     impressions that bring its missing buyers with probability at least {@code 1 − risk}
 *     ({@link org.beltway.guarantee.PromiseRisk}); in (0, 0.5), default {@value #DEFAULT_RISK}, or
 *     {@code NaN} when a safety margin is used instead. Exactly one of {@code risk} and
 *     {@code safetyMargin} is a number
 * @param frontLoad the share of its window by whose end a promise is planned to be met, catching up to
 *     the deadline when behind; in (0, 1], default {@value #DEFAULT_FRONT_LOAD}
 * @param rescoreEveryDays suppliers are re-scored on every day that is a multiple of this, day 0 being
 *     the initial score; {@code >= 1}, default 7 (weekly)
 * @param newTrustPassPerDay TrustPass suppliers that sign up for the 30-buyer guarantee per day, on
 *     average (fractions accumulate); finite and {@code >= 0}; {@code NaN} means the default,
 *     {@value #NATIONAL_NEW_TRUSTPASS_PER_DAY} × suppliers / 1 070 000
 * @param lastEnrolmentDay the last day a TrustPass supplier signs up, so that the windows of late
 *     sign-ups still close within the run; {@code >= 0}, default {@code max(0, days − 60)}
 * @param randomConversion whether new buyers are random (Poisson draws from the seed) or the expected
 *     number, carried over in fractions from day to day (deterministic; for tests and for isolating the
 *     effect of forecast error)
 * @param pilotDays the days of merit-proportional traffic before day 0 on which the planner fits its
 *     conversion prior; {@code >= 1}, default 30
 * @param segmentCapShare the largest share of one segment's traffic a supplier may be planned: the edge
 *     cap of the Beltway plan, and the bound used to judge whether a promise can be kept at all; in
 *     (0, 1], default {@value #DEFAULT_SEGMENT_CAP_SHARE}
 * @param participation the share of Power merchants, Super factories and recently joined TrustPass
 *     suppliers that take up their program's promise on day 0 (each decides by a seeded draw); in
 *     [0, 1], default 1 (all of them). Sign-ups after day 0 are set by {@code newTrustPassPerDay}.
 * @param meritRule how scores become merit and the quality tier, default {@link MeritRule#COMPOSITE}
 */
public record SimulationConfig(int days, double trafficError, double conversionError,
    double safetyMargin, double risk, double frontLoad, int rescoreEveryDays, double newTrustPassPerDay, int lastEnrolmentDay,
    boolean randomConversion, int pilotDays, double segmentCapShare, double participation,
    MeritRule meritRule) {

  /** Days of the national simulation (docs/design.md §8). */
  public static final int DEFAULT_DAYS = 180;
  /** The most days a simulation may run. */
  public static final int MAX_DAYS = 3_650;
  /**
   * TrustPass sign-ups per day at scale 1.0 (assumed: the generator makes 10% of suppliers new within
   * 90 days and 85% of suppliers TrustPass, so about 1 000 new TrustPass suppliers a day).
   */
  public static final double NATIONAL_NEW_TRUSTPASS_PER_DAY = 1_000;
  /** The default accepted risk of missing a promise. */
  public static final double DEFAULT_RISK = 0.01;
  /** The default share of a window by whose end a promise is planned to be met. */
  public static final double DEFAULT_FRONT_LOAD = 0.75;
  /** The default edge cap: no supplier is planned more than 5% of a segment (assumed). */
  public static final double DEFAULT_SEGMENT_CAP_SHARE = 0.05;

  /**
   * Validates every setting.
   *
   * @throws IllegalArgumentException naming the setting, the value and the expectation
   */
  public SimulationConfig {
    Strict.nonNull(meritRule, "meritRule", MeritRule.class);
    checkDays(days);
    checkError("trafficError", trafficError);
    checkError("conversionError", conversionError);
    if (Double.isNaN(safetyMargin) == Double.isNaN(risk)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "exactly one of safetyMargin (%s) and risk (%s) must be a number: demand is risk-aware or the"
              + " expected need times a margin", safetyMargin, risk));
    }
    if (!Double.isNaN(safetyMargin)) {
      checkSafetyMargin(safetyMargin);
    } else {
      PromiseSettings.checkRisk(risk);
    }
    PromiseSettings.checkFrontLoad(frontLoad);
    checkAtLeastOne("rescoreEveryDays", rescoreEveryDays);
    if (!Double.isNaN(newTrustPassPerDay)) {
      checkArrivals(newTrustPassPerDay);
    }
    checkLastEnrolmentDay(lastEnrolmentDay);
    checkAtLeastOne("pilotDays", pilotDays);
    checkCapShare(segmentCapShare);
    checkParticipation(participation);
  }

  /**
   * Every default: 180 days, ±20% forecast errors, risk-aware demand at 1% risk, promises planned to
   * 75% of their window, weekly re-scoring.
   */
  public static SimulationConfig defaults() {
    return builder().build();
  }

  /** A strict builder; every setting may be given once. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The TrustPass sign-ups per day for a marketplace of {@code suppliers} suppliers: the configured
   * value, or by default {@value #NATIONAL_NEW_TRUSTPASS_PER_DAY} × suppliers / 1 070 000.
   */
  public double newTrustPassPerDay(int suppliers) {
    return Double.isNaN(newTrustPassPerDay)
        ? NATIONAL_NEW_TRUSTPASS_PER_DAY * suppliers / MarketplaceConfig.NATIONAL_SUPPLIERS
        : newTrustPassPerDay;
  }

  private static void checkDays(int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "days must be in [1, %d]: %d", MAX_DAYS, days));
    }
  }

  private static void checkError(String name, double error) {
    if (!(error >= 0 && error < 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be in [0, 1): %s", name, error));
    }
  }

  private static void checkSafetyMargin(double margin) {
    if (!(margin >= 1 && Double.isFinite(margin))) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "safetyMargin must be a finite number >= 1: %s", margin));
    }
  }

  private static void checkAtLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be >= 1: %d", name, value));
    }
  }

  private static void checkArrivals(double perDay) {
    if (!(perDay >= 0 && Double.isFinite(perDay))) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "newTrustPassPerDay must be a finite number >= 0: %s", perDay));
    }
  }

  private static void checkLastEnrolmentDay(int day) {
    if (day < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "lastEnrolmentDay must be >= 0: %d", day));
    }
  }

  private static void checkCapShare(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "segmentCapShare must be in (0, 1]: %s", share));
    }
  }

  private static void checkParticipation(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "participation must be in [0, 1]: %s", share));
    }
  }

  /** Builds a {@link SimulationConfig}; a setting given twice, or out of range, fails at once. */
  public static final class Builder {
    private Integer days;
    private Double trafficError;
    private Double conversionError;
    private Double safetyMargin;
    private Double risk;
    private Double frontLoad;
    private Integer rescoreEveryDays;
    private Double newTrustPassPerDay;
    private Integer lastEnrolmentDay;
    private Boolean randomConversion;
    private Integer pilotDays;
    private Double segmentCapShare;
    private MeritRule meritRule;
    private Double participation;

    private Builder() {}

    /**
     * Sets the simulated days.
     *
     * @throws IllegalArgumentException if not in [1, 3 650]
     * @throws IllegalStateException if already set
     */
    public Builder days(int days) {
      Strict.requireUnset("days", this.days);
      checkDays(days);
      this.days = days;
      return this;
    }

    /**
     * Sets the forecast error on traffic and on conversion rates to the same value.
     *
     * @throws IllegalArgumentException if not in [0, 1)
     * @throws IllegalStateException if either was already set
     */
    public Builder forecastError(double error) {
      return trafficError(error).conversionError(error);
    }

    /**
     * Sets the forecast error on segment traffic.
     *
     * @throws IllegalArgumentException if not in [0, 1)
     * @throws IllegalStateException if already set
     */
    public Builder trafficError(double error) {
      Strict.requireUnset("trafficError", trafficError);
      checkError("trafficError", error);
      trafficError = error;
      return this;
    }

    /**
     * Sets the planner's error on conversion rates.
     *
     * @throws IllegalArgumentException if not in [0, 1)
     * @throws IllegalStateException if already set
     */
    public Builder conversionError(double error) {
      Strict.requireUnset("conversionError", conversionError);
      checkError("conversionError", error);
      conversionError = error;
      return this;
    }

    /**
     * Sets the safety margin of the demand conversion.
     *
     * @throws IllegalArgumentException if not finite and {@code >= 1}
     * @throws IllegalStateException if already set
     */
    public Builder safetyMargin(double margin) {
      Strict.requireUnset("safetyMargin", safetyMargin);
      if (risk != null) {
        throw new IllegalStateException("safetyMargin: risk (" + risk + ") is set; demand is risk-aware"
            + " or the expected need times a margin, not both");
      }
      checkSafetyMargin(margin);
      safetyMargin = margin;
      return this;
    }

    /**
     * Sets the accepted risk of missing a promise (risk-aware demand, the default at
     * {@value SimulationConfig#DEFAULT_RISK}).
     *
     * @throws IllegalArgumentException if not in (0, 0.5)
     * @throws IllegalStateException if already set, or if a safety margin is set
     */
    public Builder risk(double epsilon) {
      Strict.requireUnset("risk", risk);
      if (safetyMargin != null) {
        throw new IllegalStateException("risk: safetyMargin (" + safetyMargin + ") is set; demand is"
            + " risk-aware or the expected need times a margin, not both");
      }
      PromiseSettings.checkRisk(epsilon);
      risk = epsilon;
      return this;
    }

    /**
     * Sets the share of its window by whose end a promise is planned to be met.
     *
     * @throws IllegalArgumentException if not in (0, 1]
     * @throws IllegalStateException if already set
     */
    public Builder frontLoad(double share) {
      Strict.requireUnset("frontLoad", frontLoad);
      PromiseSettings.checkFrontLoad(share);
      frontLoad = share;
      return this;
    }

    /**
     * Sets how often suppliers are re-scored, in days.
     *
     * @throws IllegalArgumentException if {@code < 1}
     * @throws IllegalStateException if already set
     */
    public Builder rescoreEveryDays(int days) {
      Strict.requireUnset("rescoreEveryDays", rescoreEveryDays);
      checkAtLeastOne("rescoreEveryDays", days);
      rescoreEveryDays = days;
      return this;
    }

    /**
     * Sets the TrustPass sign-ups per day.
     *
     * @throws IllegalArgumentException if not finite and {@code >= 0}
     * @throws IllegalStateException if already set
     */
    public Builder newTrustPassPerDay(double perDay) {
      Strict.requireUnset("newTrustPassPerDay", newTrustPassPerDay);
      checkArrivals(perDay);
      newTrustPassPerDay = perDay;
      return this;
    }

    /**
     * Sets the last sign-up day.
     *
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if already set
     */
    public Builder lastEnrolmentDay(int day) {
      Strict.requireUnset("lastEnrolmentDay", lastEnrolmentDay);
      checkLastEnrolmentDay(day);
      lastEnrolmentDay = day;
      return this;
    }

    /**
     * Sets whether new buyers are random draws (default) or expected values.
     *
     * @throws IllegalStateException if already set
     */
    public Builder randomConversion(boolean random) {
      Strict.requireUnset("randomConversion", randomConversion);
      randomConversion = random;
      return this;
    }

    /**
     * Sets the days of the pilot the conversion prior is fitted on.
     *
     * @throws IllegalArgumentException if {@code < 1}
     * @throws IllegalStateException if already set
     */
    public Builder pilotDays(int days) {
      Strict.requireUnset("pilotDays", pilotDays);
      checkAtLeastOne("pilotDays", days);
      pilotDays = days;
      return this;
    }

    /**
     * Sets the largest share of a segment one supplier may be planned.
     *
     * @throws IllegalArgumentException if not in (0, 1]
     * @throws IllegalStateException if already set
     */
    public Builder segmentCapShare(double share) {
      Strict.requireUnset("segmentCapShare", segmentCapShare);
      checkCapShare(share);
      segmentCapShare = share;
      return this;
    }

    /**
     * Sets the share of eligible suppliers that take up their promise on day 0.
     *
     * @throws IllegalArgumentException if not in [0, 1]
     * @throws IllegalStateException if already set
     */
    public Builder participation(double share) {
      Strict.requireUnset("participation", participation);
      checkParticipation(share);
      participation = share;
      return this;
    }

    /**
     * Sets how scores become merit and the quality tier.
     *
     * @throws IllegalStateException if already set
     */
    public Builder meritRule(MeritRule rule) {
      Strict.nonNull(rule, "rule", MeritRule.class);
      Strict.requireUnset("meritRule", meritRule);
      meritRule = rule;
      return this;
    }

    /** Returns the configuration. */
    public SimulationConfig build() {
      int d = days == null ? DEFAULT_DAYS : days;
      return new SimulationConfig(d, trafficError == null ? 0.2 : trafficError,
          conversionError == null ? 0.2 : conversionError,
          safetyMargin == null ? Double.NaN : safetyMargin,
          safetyMargin != null ? Double.NaN : risk == null ? DEFAULT_RISK : risk,
          frontLoad == null ? DEFAULT_FRONT_LOAD : frontLoad,
          rescoreEveryDays == null ? 7 : rescoreEveryDays,
          newTrustPassPerDay == null ? Double.NaN : newTrustPassPerDay,
          lastEnrolmentDay == null ? Math.max(0, d - 60) : lastEnrolmentDay,
          randomConversion == null || randomConversion, pilotDays == null ? 30 : pilotDays,
          segmentCapShare == null ? DEFAULT_SEGMENT_CAP_SHARE : segmentCapShare,
          participation == null ? 1.0 : participation, meritRule == null ? MeritRule.COMPOSITE : meritRule);
    }
  }
}
