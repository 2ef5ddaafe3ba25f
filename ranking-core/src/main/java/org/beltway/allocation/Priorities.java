package org.beltway.allocation;

import java.util.Locale;

/**
 * The order in which promises give way when not all can be kept. Segment supply and caps are physical
 * and always hard. Guarantees and group shares are <em>elastic</em>: each unit of shortfall costs a
 * linear penalty in the objective, so the program is always feasible and a promise is kept whenever it
 * can be, then met as far as possible and reported (docs/design.md §4, "elastic, never silent").
 *
 * <p>A penalty is in the objective's own unit: the objective's marginal cost of giving an edge one more
 * impression is its relative over-exposure {@code x/θ - 1}, so a penalty {@code M} means "this promise is
 * worth boosting a supplier up to {@code 1 + M} times its fair exposure". In the dual, a penalty is just
 * an upper bound on the promise's dual variable (α_i ≤ M for a guarantee, λ_g, ν_g ≤ M for a share), so
 * dual coordinate ascent applies unchanged. When two promises compete for the same impressions, the one
 * with the larger penalty wins as long as the penalties differ by more than the boosts involved, which
 * the default gap of three orders of magnitude makes the rule. {@link #GUARANTEES_FIRST} is the default.
 *
 * @param guaranteePenalty penalty per impression of guarantee shortfall, finite and {@code > 0}
 * @param groupPenalty penalty per impression a group share misses its bound by, finite and {@code > 0}
 */
public record Priorities(double guaranteePenalty, double groupPenalty) {

  /** Guarantees (10^6) before group shares (10^3): the default. */
  public static final Priorities GUARANTEES_FIRST = new Priorities(1e6, 1e3);

  /** Group shares (10^6) before guarantees (10^3). */
  public static final Priorities GROUPS_FIRST = new Priorities(1e3, 1e6);

  /**
   * Validates the penalties.
   *
   * @throws IllegalArgumentException naming the penalty and its value
   */
  public Priorities {
    check("guaranteePenalty", guaranteePenalty);
    check("groupPenalty", groupPenalty);
  }

  private static void check(String what, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s must be a finite number > 0: %s", what, value));
    }
  }
}
