package org.beltway.supplier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beltway.internal.Strict;

/**
 * The raw signals of one supplier over one window (default 90 days): counts, amounts and refund
 * claimants. Values are taken as given; {@link SupplierTable.Builder#add} validates them at the
 * boundary, where the supplier id is known for the message.
 */
public final class Signals {
  private final long[] counts;
  private final double[] amounts;
  private final List<Claimant> claimants;

  private Signals(long[] counts, double[] amounts, List<Claimant> claimants) {
    this.counts = counts;
    this.amounts = amounts;
    this.claimants = claimants;
  }

  /** A strict builder: every count starts at 0, the price index at 1.0 and other amounts at 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value of a count. */
  public long count(Count count) {
    Strict.nonNull(count, "count", Count.class);
    return counts[count.ordinal()];
  }

  /** The value of an amount. */
  public double amount(Amount amount) {
    Strict.nonNull(amount, "amount", Amount.class);
    return amounts[amount.ordinal()];
  }

  /** The refund claimants, read-only. */
  public List<Claimant> claimants() {
    return claimants;
  }

  /** A builder that starts from these signals; each field may then be set once. */
  public Builder toBuilder() {
    Builder b = new Builder();
    System.arraycopy(counts, 0, b.counts, 0, counts.length);
    System.arraycopy(amounts, 0, b.amounts, 0, amounts.length);
    b.claimants.addAll(claimants);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signals s && Arrays.equals(counts, s.counts)
        && Arrays.equals(amounts, s.amounts) && claimants.equals(s.claimants);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(counts) + Arrays.hashCode(amounts)) + claimants.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Signals{");
    for (Count c : Count.VALUES) {
      sb.append(c.field()).append('=').append(counts[c.ordinal()]).append(", ");
    }
    for (Amount a : Amount.VALUES) {
      sb.append(a.field()).append('=').append(amounts[a.ordinal()]).append(", ");
    }
    return sb.append("claimants=").append(claimants).append('}').toString();
  }

  /** Builds {@link Signals}; setting the same field twice fails at once. */
  public static final class Builder {
    private final long[] counts = new long[Count.VALUES.length];
    private final double[] amounts = new double[Amount.VALUES.length];
    private final boolean[] countSet = new boolean[Count.VALUES.length];
    private final boolean[] amountSet = new boolean[Amount.VALUES.length];
    private final List<Claimant> claimants = new ArrayList<>();

    private Builder() {
      amounts[Amount.PRICE_INDEX.ordinal()] = 1.0;
    }

    /**
     * Sets a count.
     *
     * @throws IllegalStateException if it was already set on this builder
     */
    public Builder count(Count count, long value) {
      Strict.nonNull(count, "count", Count.class);
      Strict.requireUnset(count.field(), countSet[count.ordinal()], counts[count.ordinal()]);
      countSet[count.ordinal()] = true;
      counts[count.ordinal()] = value;
      return this;
    }

    /**
     * Sets an amount.
     *
     * @throws IllegalStateException if it was already set on this builder
     */
    public Builder amount(Amount amount, double value) {
      Strict.nonNull(amount, "amount", Amount.class);
      Strict.requireUnset(amount.field(), amountSet[amount.ordinal()], amounts[amount.ordinal()]);
      amountSet[amount.ordinal()] = true;
      amounts[amount.ordinal()] = value;
      return this;
    }

    /** Adds the refund claims of one buyer. */
    public Builder claimant(int claims, int malicious, int appealsWon, double credibility) {
      claimants.add(new Claimant(claims, malicious, appealsWon, credibility));
      return this;
    }

    /** Returns the immutable signals. */
    public Signals build() {
      return new Signals(counts.clone(), amounts.clone(), List.copyOf(claimants));
    }
  }
}
