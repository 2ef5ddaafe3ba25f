package org.beltway.allocation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.internal.dual.DualAscent;
import org.beltway.internal.dual.DualsSnapshot;

/** The dual domain every move of the solver must keep: the bounds on α, κ, β, λ and ν. */
final class DualDomain {
  private DualDomain() {}

  /** Asserts that every dual of {@code state} lies in its domain; {@code label} names the instance. */
  static void assertHolds(DualAscent state, Object label) {
    DualsSnapshot s = state.snapshot();
    for (int k = 0; k < s.alpha().length; k++) {
      assertTrue(s.alpha()[k] >= 0 && s.alpha()[k] <= s.guaranteePenalty(), label + ": α " + k);
      assertTrue(s.kappa()[k] >= 0, label + ": κ " + k);
    }
    for (int j = 0; j < s.beta().length; j++) {
      assertTrue(s.beta()[j] >= 0, label + ": β " + j);
    }
    for (int g = 0; g < s.lambda().length; g++) {
      assertTrue(s.lambda()[g] <= s.groupPenalty() && s.nu()[g] <= s.groupPenalty(),
          label + ": group " + g);
    }
  }
}
