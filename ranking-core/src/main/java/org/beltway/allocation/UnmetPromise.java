package org.beltway.allocation;

import java.util.Set;
import org.beltway.internal.Strict;

/**
 * A promise the plan does not keep, with the facts behind it (docs/design.md §4, "elastic, never
 * silent"). The solver meets every promise as far as the hard constraints (supply, caps) and the
 * {@link Priorities} allow, and lists the rest here.
 *
 * @param kind what was promised
 * @param supplierId the supplier of a guarantee; meaningless (0) for a group share
 * @param group the group share's name, or {@code null} for a guarantee
 * @param target the promised amount in impressions (the guarantee, or the share's bound times its
 *     scope's forecast traffic)
 * @param planned what the plan delivers, in impressions
 * @param shortfall how far the plan misses the target, in impressions ({@code > 0})
 * @param binding what stops the plan from delivering more (or, for an upper share, less)
 * @param explanation one sentence naming the promise, the numbers and what binds
 */
public record UnmetPromise(Kind kind, long supplierId, String group, double target, double planned,
    double shortfall, Set<Binding> binding, String explanation) {

  /** Copies the set of bindings; only {@code group} may be null. */
  public UnmetPromise {
    Strict.nonNull(kind, "kind", Kind.class);
    binding = Set.copyOf(Strict.nonNull(binding, "binding", Set.class));
    Strict.nonNull(explanation, "explanation", String.class);
  }

  /** Kinds of promise. */
  public enum Kind {
    /** A supplier's impression guarantee. */
    GUARANTEE,
    /** A group share's lower bound ({@code atLeast}). */
    SHARE_FLOOR,
    /** A group share's upper bound ({@code atMost}). */
    SHARE_CAP
  }

  /** What binds. */
  public enum Binding {
    /** The supplier (or no supplier of the group) is eligible in any segment with traffic. */
    NO_ELIGIBLE_SEGMENT,
    /** The eligible segments' forecast traffic is all allocated. */
    SEGMENT_SUPPLY,
    /** Edge caps (share of segment, per-segment or per-edge caps) are reached. */
    EDGE_CAP,
    /** A supplier's total cap is reached. */
    SUPPLIER_CAP,
    /** Another group share binds on the same edges. */
    COMPETING_SHARE,
    /** Guarantees of the group's suppliers force traffic into the group. */
    COMPETING_GUARANTEE,
    /** Nothing physical binds: keeping it would cost more than its penalty allows (see Priorities). */
    PRIORITY,
    /** The solver stopped at its limits before settling this promise. */
    NOT_CONVERGED
  }
}
