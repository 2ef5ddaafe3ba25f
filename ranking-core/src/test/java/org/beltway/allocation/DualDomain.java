package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dual domain every move of the solver must keep: the bounds on α, κ, β, λ and ν. */
final class DualDomain {
  private DualDomain() {}

  /** Asserts that every dual of {@code state} lies in its domain; {@code label} names the instance. */
  static void assertHolds(DualAscent state, Object label) {
    for (int k = 0; k < state.constrained; k++) {
      assertTrue(state.alpha[k] >= 0 && state.alpha[k] <= state.guaranteePenalty, label + ": α " + k);
      assertTrue(state.kappa[k] >= 0, label + ": κ " + k);
    }
    for (int j = 0; j < state.segments; j++) {
      assertTrue(state.beta[j] >= 0, label + ": β " + j);
    }
    for (int g = 0; g < state.groups; g++) {
      assertTrue(state.lambda[g] <= state.groupPenalty && state.nu[g] <= state.groupPenalty,
          label + ": group " + g);
    }
  }
}
