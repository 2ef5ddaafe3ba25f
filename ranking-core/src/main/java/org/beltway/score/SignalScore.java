package org.beltway.score;

import org.beltway.internal.Strict;

/**
 * One signal of a {@link ScoreCard}: the evidence, the raw and shrunk rate, the prior and the percentile
 * within the category. For {@link Signal#PRICE_CREDIT}, which is not a rate, {@code part}, {@code whole}
 * and the prior fields are NaN, {@code raw} is the price index and {@code shrunk} its credit on the
 * {@link PriceBand} (the value ranked).
 *
 * @param signal the signal
 * @param part the numerator (successes; fractional for weighted claims and the new-product sales share)
 * @param whole the denominator (trials, the evidence)
 * @param raw {@code part / whole}, NaN when {@code whole = 0}
 * @param shrunk {@code (part + α) / (whole + α + β)}: the value ranked
 * @param priorMean {@code α / (α + β)}
 * @param priorAlpha α of the prior
 * @param priorBeta β of the prior
 * @param categoryPrior whether the prior is the category's own (else the global prior)
 * @param percentile the mid-rank percentile within the category in [0, 1], inverted for
 *     lower-is-better signals
 */
public record SignalScore(Signal signal, double part, double whole, double raw, double shrunk,
    double priorMean, double priorAlpha, double priorBeta, boolean categoryPrior, double percentile) {
  /** Rejects a null signal. */
  public SignalScore {
    Strict.nonNull(signal, "signal", Signal.class);
  }
}
