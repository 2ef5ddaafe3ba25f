package org.beltway.policy;

import java.util.List;
import java.util.Locale;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.GroupShare;
import org.beltway.internal.Strict;

/**
 * A named set of promises, ready to add to an {@link AllocationProblem}: group shares and, optionally,
 * impression guarantees by supplier row. Immutable; built by {@link Policies}.
 */
public final class Policy {
  private final String name;
  private final List<GroupShare> shares;
  private final double[] guarantees;

  Policy(String name, List<GroupShare> shares, double[] guarantees) {
    this.name = name;
    this.shares = List.copyOf(shares);
    this.guarantees = guarantees == null ? null : guarantees.clone();
  }

  public String name() {
    return name;
  }

  /** The group shares, in the order they are added. */
  public List<GroupShare> shares() {
    return shares;
  }

  /** Whether the policy carries guarantees. */
  public boolean hasGuarantees() {
    return guarantees != null;
  }

  /**
   * Adds the policy's shares and guarantees to a problem builder.
   *
   * @return the builder
   * @throws IllegalArgumentException as the builder's own methods do, e.g. when the guarantees or a
   *     supplier mask do not have one entry per supplier of the builder's graph
   */
  public AllocationProblem.Builder applyTo(AllocationProblem.Builder builder) {
    Strict.nonNull(builder, "builder", AllocationProblem.Builder.class);
    for (GroupShare share : shares) {
      builder.share(share);
    }
    if (guarantees != null) {
      builder.guarantees(guarantees);
    }
    return builder;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Policy[%s: %s%s]", name, shares,
        guarantees == null ? "" : ", guarantees");
  }
}
