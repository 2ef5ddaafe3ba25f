package org.beltway.allocation;

import java.util.Locale;
import java.util.function.IntPredicate;
import org.beltway.internal.Strict;
import org.beltway.score.Scores;

/**
 * A share constraint on a group of edges: the traffic planned to the chosen suppliers in the chosen
 * segments lies between {@code atLeast · S_scope} and {@code atMost · S_scope}, where {@code S_scope}
 * is the <em>forecast</em> traffic of the chosen segments (a constant of the planning period, not the
 * traffic that ends up allocated, so the constraint stays linear and its meaning does not move with the
 * plan). This one primitive states the 2025 plan's share promises (docs/design.md §1):
 * <ul>
 *   <li>quality tier ≥ 80% of all traffic: quality suppliers × all segments, {@code atLeast(0.8)};</li>
 *   <li>top buyers go to top suppliers: quality suppliers × TOP-buyer segments, {@code atLeast(0.6)};</li>
 *   <li>commercial share capped: paid suppliers × all segments, {@code atMost(cap)};</li>
 *   <li>head suppliers capped, new suppliers or a belt given a floor, and so on.</li>
 * </ul>
 * A share that cannot be met is met as far as possible and reported (see {@link Priorities}).
 * Immutable; built with {@link #builder(String)}.
 *
 * <p>The suppliers are graph rows: a mask (its length checked against the graph), a predicate over the
 * graph's rows, or a predicate over the rows of a {@link Scores}, which the problem maps to its graph by
 * supplier id and refuses when the scores are of other suppliers, naming both sizes. Prefer the last for
 * a tier of scores ({@code suppliers(scores, scores::qualityTier)}): a bare {@code scores::qualityTier}
 * over scores of more suppliers than the graph, or of the same ones in another order, cannot be told
 * from a predicate over the graph's rows.
 */
public final class GroupShare {
  private final String name;
  private final IntPredicate supplierRows;
  private final boolean[] supplierMask;
  private final Scores scored;
  private final IntPredicate segmentIndexes;
  private final double atLeast;
  private final double atMost;

  private GroupShare(Builder b) {
    this(b.name, b.supplierRows, b.supplierMask, b.scored, b.segmentIndexes, b.atLeast, b.atMost);
  }

  private GroupShare(String name, IntPredicate supplierRows, boolean[] supplierMask, Scores scored,
      IntPredicate segmentIndexes, double atLeast, double atMost) {
    this.name = name;
    this.supplierRows = supplierRows;
    this.supplierMask = supplierMask;
    this.scored = scored;
    this.segmentIndexes = segmentIndexes;
    this.atLeast = atLeast;
    this.atMost = atMost;
  }

  /**
   * A builder for a group share with a unique name (used in reports and to carry duals over in a warm
   * start).
   *
   * @throws IllegalArgumentException if the name is null or blank
   */
  public static Builder builder(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("group share name must not be blank: \"" + name + "\"");
    }
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  /** The lower share of the scope's forecast traffic, in [0, 1]; 0 when none was set. */
  public double atLeast() {
    return atLeast;
  }

  /** The upper share of the scope's forecast traffic, in [0, 1]; 1 when none was set. */
  public double atMost() {
    return atMost;
  }

  /**
   * Whether a supplier row belongs to the group: a row of the graph, or for a share over scores not
   * yet added to a problem, a row of the scored table.
   */
  public boolean includesSupplier(int row) {
    return supplierMask != null ? supplierMask[row] : supplierRows.test(row);
  }

  /** The scores whose rows the supplier predicate is over, or null when it is over the graph's rows. */
  Scores scored() {
    return scored;
  }

  /** This share with its suppliers given as a mask over a graph's rows. */
  GroupShare withMask(boolean[] mask) {
    return new GroupShare(name, null, mask, null, segmentIndexes, atLeast, atMost);
  }

  /** The length of the supplier mask, or -1 when suppliers are chosen by a predicate. */
  int maskLength() {
    return supplierMask == null ? -1 : supplierMask.length;
  }

  /** Whether a segment index belongs to the scope. */
  public boolean includesSegment(int segment) {
    return segmentIndexes == null || segmentIndexes.test(segment);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "GroupShare[%s, atLeast=%s, atMost=%s]", name, atLeast, atMost);
  }

  /**
   * Builds a {@link GroupShare}; every setting may be given once and is checked at once: a second time
   * throws {@link IllegalStateException} naming the setting and its value.
   */
  public static final class Builder {
    private final String name;
    private IntPredicate supplierRows;
    private boolean[] supplierMask;
    private Scores scored;
    private IntPredicate segmentIndexes;
    private double atLeast = Double.NaN;
    private double atMost = Double.NaN;

    private Builder(String name) {
      this.name = name;
    }

    /** The group's suppliers: rows of the problem's supplier table for which the predicate holds. */
    public Builder suppliers(IntPredicate rows) {
      if (rows == null) {
        throw Strict.nullArgument(label("suppliers"), IntPredicate.class);
      }
      checkSuppliersUnset();
      supplierRows = rows;
      return this;
    }

    /** The group's suppliers: rows whose mask entry is true (one entry per row; copied). */
    public Builder suppliers(boolean[] mask) {
      if (mask == null) {
        throw Strict.nullArgument(label("suppliers"), boolean[].class);
      }
      checkSuppliersUnset();
      supplierMask = mask.clone();
      return this;
    }

    /**
     * The group's suppliers: those of the scored table for whose row the predicate holds, e.g.
     * {@code suppliers(scores, scores::qualityTier)}. A problem maps them to its graph by supplier id,
     * so the graph may list them in another order, and refuses scores of other suppliers, naming both
     * sizes.
     *
     * @param scores the scores whose rows {@code scoredRows} tests
     * @param scoredRows the predicate over {@code scores}' rows
     */
    public Builder suppliers(Scores scores, IntPredicate scoredRows) {
      Strict.nonNull(scores, "scores", Scores.class);
      Strict.nonNull(scoredRows, "scoredRows", IntPredicate.class);
      checkSuppliersUnset();
      scored = scores;
      supplierRows = scoredRows;
      return this;
    }

    /** The scope: segment indexes for which the predicate holds; all segments when not set. */
    public Builder segments(IntPredicate segmentIndexes) {
      if (segmentIndexes == null) {
        throw Strict.nullArgument(label("segments"), IntPredicate.class);
      }
      Strict.requireUnset(label("segments"), this.segmentIndexes);
      this.segmentIndexes = segmentIndexes;
      return this;
    }

    /**
     * The group gets at least this share of the scope's forecast traffic.
     *
     * @throws IllegalArgumentException if the share is not in [0, 1]
     * @throws IllegalStateException if atLeast was already set
     */
    public Builder atLeast(double share) {
      Strict.requireUnset(label("atLeast"), !Double.isNaN(atLeast), atLeast);
      atLeast = checkShare("atLeast", share);
      return this;
    }

    /**
     * The group gets at most this share of the scope's forecast traffic.
     *
     * @throws IllegalArgumentException if the share is not in [0, 1]
     * @throws IllegalStateException if atMost was already set
     */
    public Builder atMost(double share) {
      Strict.requireUnset(label("atMost"), !Double.isNaN(atMost), atMost);
      atMost = checkShare("atMost", share);
      return this;
    }

    /**
     * Returns the group share.
     *
     * @throws IllegalArgumentException if the suppliers or both bounds are missing, or if atLeast
     *     exceeds atMost
     */
    public GroupShare build() {
      if (supplierRows == null && supplierMask == null) {
        throw error("suppliers are not set");
      }
      if (Double.isNaN(atLeast) && Double.isNaN(atMost)) {
        throw error("needs atLeast or atMost");
      }
      if (Double.isNaN(atLeast)) {
        atLeast = 0;
      }
      if (Double.isNaN(atMost)) {
        atMost = 1;
      }
      if (atLeast > atMost) {
        throw error(String.format(Locale.ROOT, "atLeast (%s) exceeds atMost (%s)", atLeast, atMost));
      }
      return new GroupShare(this);
    }

    private void checkSuppliersUnset() {
      Strict.requireUnset(label("suppliers"), supplierRows != null ? supplierRows : supplierMask);
    }

    private double checkShare(String what, double share) {
      if (!(share >= 0 && share <= 1)) {
        throw error(String.format(Locale.ROOT, "%s must be in [0, 1]: %s", what, share));
      }
      return share;
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException(label(message));
    }

    private String label(String message) {
      return "group share \"" + name + "\": " + message;
    }
  }
}
