package org.beltway.guarantee;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.beltway.internal.PromiseSettings;
import org.beltway.internal.Strict;
import org.beltway.supplier.SupplierTable;

/**
 * Turns the buyer promises of a {@link BuyerLedger} into the day's impression guarantees of the
 * allocation program (docs/design.md §5). For each enrolment whose window is open and whose target is
 * not yet met, at the start of day {@code t}:
 *
 * <pre>
 *   d = (target − won) / (q · daysLeft) × safetyMargin
 *   q = (won + a) / (impressions + a + b)
 * </pre>
 *
 * where {@code daysLeft = deadline − t} counts today, {@code won} and {@code impressions} are the
 * enrolment's since enrolment, and {@code Beta(a, b)} is the {@link ConversionPrior} of the supplier's
 * primary category: a new enrolment starts from its category's rate and moves to its own as evidence
 * accumulates. The plan is re-solved daily with the ledger updated, so forecast error is corrected as it
 * appears. A supplier with several open promises needs the largest of their demands, since one new buyer
 * counts for all of them.
 *
 * <p>A demand above {@code maxDailyImpressions} is capped at it and flagged
 * {@link ScheduleAlert.Reason#DEMAND_EXCEEDS_BOUND}: the solver is asked for what is plausible, and the
 * promise is reported as unlikely to be kept. Promises behind a linear schedule and promises whose
 * window closed unmet are flagged too. The result does not depend on the order of enrolment.
 *
 * <p>Immutable and thread-safe; built with {@link #builder(ConversionPrior)}. At a risk level, the
 * impressions a promise needs are searched on its posterior ({@link PromiseRisk#impressionsFor}), a
 * bisection whose every step sums as many terms as buyers are missing; the answers are remembered by
 * (buyers missing, posterior), which promises of one category starting together share.
 */
public final class DemandConversion {
  /** The default safety margin: 20% more impressions than the expected need. */
  public static final double DEFAULT_SAFETY_MARGIN = 1.2;

  private static final Comparator<ScheduleAlert> ALERT_ORDER =
      Comparator.comparingLong(ScheduleAlert::supplierId).thenComparing(a -> a.program().name());
  /** Distinct risk searches remembered at most; beyond it, the memory starts afresh. */
  private static final int REMEMBERED = 1 << 16;

  private final ConversionPrior prior;
  private final double safetyMargin;
  private final double maxDailyImpressions;
  private final double risk;
  private final double frontLoad;
  /** Impressions at the risk level by buyers missing and posterior; cleared when it grows past its bound. */
  private final ConcurrentHashMap<Need, Long> searched = new ConcurrentHashMap<>();

  /** A risk search's question: buyers missing and the posterior's parameters. */
  private record Need(int buyers, double alpha, double beta) {}

  private DemandConversion(Builder b) {
    prior = b.prior;
    risk = b.risk;
    frontLoad = b.frontLoad;
    safetyMargin = b.safetyMargin;
    maxDailyImpressions = b.maxDailyImpressions;
  }

  /** A builder with the default margin and no plausibility bound. */
  public static Builder builder(ConversionPrior prior) {
    Strict.nonNull(prior, "prior", ConversionPrior.class);
    return new Builder(prior);
  }

  public ConversionPrior prior() {
    return prior;
  }

  public double safetyMargin() {
    return safetyMargin;
  }

  /**
   * The accepted risk of missing a promise when demand is risk-aware ({@link Builder#risk}), or NaN
   * when demand is the expected need times the safety margin.
   */
  public double risk() {
    return risk;
  }

  /** The share of a promise's window by whose end it is planned to be met ({@link Builder#frontLoad}). */
  public double frontLoad() {
    return frontLoad;
  }

  /** The largest plausible demand of one supplier, in impressions per day. */
  public double maxDailyImpressions() {
    return maxDailyImpressions;
  }

  /**
   * The impressions each supplier of a table needs on {@code day}, and the day's alerts.
   *
   * @param ledger enrolments and what they have won so far
   * @param suppliers the table whose rows index the result; every enrolled supplier must be in it
   * @param day the day planned; the ledger must hold no event of this day or later
   * @throws IllegalArgumentException if the day is not after the ledger's latest event day, or naming
   *     an enrolled supplier that is not in the table
   */
  public GuaranteeDemand demand(BuyerLedger ledger, SupplierTable suppliers, int day) {
    Strict.nonNull(ledger, "ledger", BuyerLedger.class);
    Strict.nonNull(suppliers, "suppliers", SupplierTable.class);
    ledger.checkStatusDay(day);
    int[] rows = ledger.rowsIn(suppliers);
    double[] byRow = new double[suppliers.size()];
    List<ScheduleAlert> alerts = new ArrayList<>();
    for (int e = 0, n = ledger.size(); e < n; e++) {
      int start = ledger.dayAt(e);
      int deadline = ledger.deadlineAt(e);
      int won = ledger.wonAt(e);
      int target = ledger.targetAt(e);
      EnrolmentStatus.Standing standing = EnrolmentStatus.Standing.of(day, start, deadline, won, target);
      if (standing == EnrolmentStatus.Standing.PENDING || standing == EnrolmentStatus.Standing.MET) {
        continue;
      }
      if (standing == EnrolmentStatus.Standing.EXPIRED_UNMET) {
        alerts.add(new ScheduleAlert(ledger.statusAt(e, day), ScheduleAlert.Reason.EXPIRED_UNMET, Double.NaN, 0));
        continue;
      }
      int row = rows[e];
      int category = suppliers.primaryCategory(row);
      long seen = ledger.impressionsAt(e);
      double q = prior.rate(category, won, seen);
      double need = dailyNeed(category, target - won, won, seen, start, deadline, day);
      double planned = need;
      if (need > maxDailyImpressions) {
        planned = maxDailyImpressions;
        alerts.add(new ScheduleAlert(ledger.statusAt(e, day), ScheduleAlert.Reason.DEMAND_EXCEEDS_BOUND, q, need));
      } else if (standing == EnrolmentStatus.Standing.BEHIND_SCHEDULE) {
        alerts.add(new ScheduleAlert(ledger.statusAt(e, day), ScheduleAlert.Reason.BEHIND_SCHEDULE, q, need));
      }
      byRow[row] = Math.max(byRow[row], planned);
    }
    alerts.sort(ALERT_ORDER);
    return new GuaranteeDemand(day, byRow, alerts);
  }

  /**
   * The impressions a day one promise needs on {@code day}, before the plausibility bound: its missing
   * buyers, converted at the supplier's posterior rate (times the margin, or at the risk level), spread
   * over the days to its front-loaded target day, or to its deadline once past it. This is the demand
   * {@link #demand} plans for each open promise, and the one {@link Admission} books a promise at.
   *
   * @param category the supplier's primary category
   * @param missing new buyers still to win, {@code > 0}
   * @param won new buyers won since the promise started, {@code >= 0}
   * @param seen impressions delivered since the promise started, {@code >= won}
   * @param start the promise's first day; {@code deadline} its first day after the window
   * @param day the day planned, in {@code [start, deadline)}
   */
  double dailyNeed(int category, int missing, int won, long seen, int start, int deadline, int day) {
    int days = daysToPlan(day, start, deadline);
    if (Double.isNaN(risk)) {
      return missing / (prior.rate(category, won, seen) * days) * safetyMargin;
    }
    return (double) impressionsAtRisk(missing, prior.alpha(category) + won,
        prior.beta(category) + (seen - won)) / days;
  }

  private long impressionsAtRisk(int buyers, double alpha, double beta) {
    Need need = new Need(buyers, alpha, beta);
    Long known = searched.get(need);
    if (known != null) {
      return known;
    }
    long impressions = PromiseRisk.impressionsFor(buyers, alpha, beta, risk);
    if (searched.size() >= REMEMBERED) {
      searched.clear();
    }
    searched.put(need, impressions);
    return impressions;
  }

  /**
   * The days over which the missing buyers are planned: to the front-loaded target day {@code start +
   * ceil(frontLoad × window)} while it is ahead, then (catching up) to the deadline.
   */
  private int daysToPlan(int day, int start, int deadline) {
    int planned = start + (int) Math.ceil(frontLoad * (deadline - start));
    return day < planned ? planned - day : deadline - day;
  }

  /**
   * Builds a {@link DemandConversion}. Each setting may be given once; a setting given twice or out of
   * range fails at once, naming the setting and the value.
   */
  public static final class Builder {
    private final ConversionPrior prior;
    private double safetyMargin = DEFAULT_SAFETY_MARGIN;
    private double maxDailyImpressions = Double.POSITIVE_INFINITY;
    private double risk = Double.NaN;
    private double frontLoad = 1.0;
    private boolean frontLoadSet;
    private boolean marginSet;
    private boolean boundSet;

    private Builder(ConversionPrior prior) {
      this.prior = prior;
    }

    /**
     * The factor applied to the expected need, {@code >= 1} and finite; default
     * {@value DemandConversion#DEFAULT_SAFETY_MARGIN}.
     *
     * @throws IllegalArgumentException if not finite and {@code >= 1}
     * @throws IllegalStateException if already set
     */
    public Builder safetyMargin(double margin) {
      Strict.requireUnset("safetyMargin", marginSet, safetyMargin);
      if (!Double.isNaN(risk)) {
        throw new IllegalStateException("safetyMargin: risk (" + risk + ") is set; a demand is"
            + " risk-aware or the expected need times a margin, not both");
      }
      if (!(margin >= 1 && Double.isFinite(margin))) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "safetyMargin must be a finite number >= 1: %s", margin));
      }
      safetyMargin = margin;
      marginSet = true;
      return this;
    }

    /**
     * The largest plausible demand of one supplier in impressions per day, {@code > 0}; default
     * unbounded ({@link Double#POSITIVE_INFINITY}).
     *
     * @throws IllegalArgumentException if not {@code > 0}
     * @throws IllegalStateException if already set
     */
    public Builder maxDailyImpressions(double bound) {
      Strict.requireUnset("maxDailyImpressions", boundSet, maxDailyImpressions);
      if (!(bound > 0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "maxDailyImpressions must be > 0: %s", bound));
      }
      maxDailyImpressions = bound;
      boundSet = true;
      return this;
    }

    /**
     * Makes demand risk-aware: a promise's demand is the least number of impressions over the rest of
     * its window that brings its missing buyers with probability at least {@code 1 − epsilon}
     * ({@link PromiseRisk}, from the supplier's posterior), spread evenly over the days left. Re-solved
     * daily, the posterior narrows as impressions accumulate, so this is conservative.
     *
     * @throws IllegalArgumentException if {@code epsilon} is not in (0, 0.5)
     * @throws IllegalStateException if already set, or if a safety margin is set
     */
    public Builder risk(double epsilon) {
      Strict.requireUnset("risk", !Double.isNaN(risk), risk);
      if (marginSet) {
        throw new IllegalStateException("risk: safetyMargin (" + safetyMargin + ") is set; a demand"
            + " is risk-aware or the expected need times a margin, not both");
      }
      PromiseSettings.checkRisk(epsilon);
      risk = epsilon;
      return this;
    }

    /**
     * Plans each promise to be met by the end of this share of its window, in (0, 1]; default 1 (the
     * deadline). A promise not met by then is planned over the days left to its deadline (catch-up).
     * Front-loading leaves the last part of the window as a reserve against bad luck instead of
     * putting all the work at the deadline.
     *
     * @throws IllegalArgumentException if not in (0, 1]
     * @throws IllegalStateException if already set
     */
    public Builder frontLoad(double share) {
      Strict.requireUnset("frontLoad", frontLoadSet, frontLoad);
      PromiseSettings.checkFrontLoad(share);
      frontLoad = share;
      frontLoadSet = true;
      return this;
    }

    public DemandConversion build() {
      return new DemandConversion(this);
    }
  }
}
