package org.beltway.supplier;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.beltway.internal.Strict;

/**
 * Every supplier of a marketplace and the raw signals of one window, stored column by column in
 * primitive arrays so that a national table (1.07 M suppliers) fits in a few hundred MB and scoring runs
 * as tight loops. Rows are numbered in insertion order; {@link #row(long)} maps a supplier id to its row.
 * Variable-length data (categories, refund claimants) is stored in compressed sparse rows.
 *
 * <p>Immutable once built. Built with {@link #builder(int)}, which validates every row.
 */
public final class SupplierTable {
  private final int size;
  private final long[] ids;
  private final long[] entities;
  private final byte[] tiers;
  private final boolean[] factories;
  private final int[] belts;
  private final int[] cities;
  private final CategoryRows categories;
  private final byte[] programs;
  private final short[] priorityClasses;
  private final int[] daysOnPlatform;
  private final int[][] counts;
  private final double[][] amounts;
  private final ClaimantRows claimants;
  private final Long2IntOpenHashMap rowById;

  private SupplierTable(Builder b) {
    size = b.size;
    ids = Arrays.copyOf(b.ids, size);
    entities = Arrays.copyOf(b.entities, size);
    tiers = Arrays.copyOf(b.tiers, size);
    factories = Arrays.copyOf(b.factories, size);
    belts = Arrays.copyOf(b.belts, size);
    cities = Arrays.copyOf(b.cities, size);
    categories = new CategoryRows(b.categoryStart, b.categories, size);
    programs = Arrays.copyOf(b.programs, size);
    priorityClasses = Arrays.copyOf(b.priorityClasses, size);
    daysOnPlatform = Arrays.copyOf(b.daysOnPlatform, size);
    counts = new int[Count.VALUES.length][];
    for (int c = 0; c < counts.length; c++) {
      counts[c] = Arrays.copyOf(b.counts[c], size);
    }
    amounts = new double[Amount.VALUES.length][];
    for (int a = 0; a < amounts.length; a++) {
      amounts[a] = Arrays.copyOf(b.amounts[a], size);
    }
    claimants = b.claimants.build(size);
    rowById = b.rowById;
    rowById.trim();
  }

  /** A table sharing every column of {@code base} but the entities and counts, taken as given. */
  private SupplierTable(SupplierTable base, long[] entities, int[][] counts) {
    size = base.size;
    ids = base.ids;
    this.entities = entities;
    tiers = base.tiers;
    factories = base.factories;
    belts = base.belts;
    cities = base.cities;
    categories = base.categories;
    programs = base.programs;
    priorityClasses = base.priorityClasses;
    daysOnPlatform = base.daysOnPlatform;
    this.counts = counts;
    amounts = base.amounts;
    claimants = base.claimants;
    rowById = base.rowById;
  }

  /**
   * A copy of this table with some count columns replaced, e.g. by the counts of a later window of the
   * same suppliers; every other column is shared (the table is immutable). Runs in time linear in the
   * rows and checks the new counts as {@link Builder#add} does: non-negative, no part above its whole,
   * refund claims no more than the orders.
   *
   * @param replacements new values by row for each count replaced (copied)
   * @return the new table
   * @throws IllegalArgumentException naming the supplier, field, value and expectation for an invalid
   *     count, or if an array's length is not {@link #size()}
   */
  public SupplierTable withCounts(Map<Count, int[]> replacements) {
    Strict.nonNull(replacements, "replacements", Map.class);
    int[][] next = counts.clone();
    for (Map.Entry<Count, int[]> entry : replacements.entrySet()) {
      Count c = Strict.nonNull(entry.getKey(), "replacements: a key", Count.class);
      int[] values = Strict.nonNull(entry.getValue(), "replacements[" + c + "]", int[].class);
      if (values.length != size) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s has %d values: expected one per supplier row (%d)", c.field(), values.length, size));
      }
      for (int r = 0; r < size; r++) {
        if (values[r] < 0) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "supplier %d: %s (%d): expected >= 0", ids[r], c.field(), values[r]));
        }
      }
      next[c.ordinal()] = values.clone();
    }
    for (Count c : Count.VALUES) {
      Count whole = c.whole();
      if (whole == null || !(replacements.containsKey(c) || replacements.containsKey(whole))) {
        continue;
      }
      int[] part = next[c.ordinal()];
      int[] of = next[whole.ordinal()];
      for (int r = 0; r < size; r++) {
        if (part[r] > of[r]) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "supplier %d: %s (%d) exceeds %s (%d)", ids[r], c.field(), part[r], whole.field(), of[r]));
        }
      }
    }
    if (replacements.containsKey(Count.ORDERS)) {
      int[] orders = next[Count.ORDERS.ordinal()];
      for (int r = 0; r < size; r++) {
        long claims = claimants.claimsOf(r);
        if (claims > orders[r]) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "supplier %d: afterSales.refundClaims (%d) exceeds %s (%d)", ids[r], claims,
              Count.ORDERS.field(), orders[r]));
        }
      }
    }
    return new SupplierTable(this, entities, next);
  }

  /**
   * A copy of this table with each shop's business entity replaced, e.g. by links a policy owner
   * confirmed ({@code org.beltway.entity.EntityLinks}); every other column is shared.
   *
   * @param entityByRow the new entity id of every row (copied)
   * @throws IllegalArgumentException if the array's length is not {@link #size()}
   */
  public SupplierTable withEntities(long[] entityByRow) {
    Strict.nonNull(entityByRow, "entityByRow", long[].class);
    if (entityByRow.length != size) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "entityByRow has %d values: expected one per supplier row (%d)", entityByRow.length, size));
    }
    return new SupplierTable(this, entityByRow.clone(), counts);
  }

  /**
   * A builder for a table of about {@code expectedSize} suppliers (it grows as needed).
   *
   * @throws IllegalArgumentException if {@code expectedSize} is negative
   */
  public static Builder builder(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must be >= 0: " + expectedSize);
    }
    return new Builder(expectedSize);
  }

  /** The number of suppliers. */
  public int size() {
    return size;
  }

  /** The row of a supplier, or -1 if the table has no supplier with that id. */
  public int row(long supplierId) {
    return rowById.get(supplierId);
  }

  /** The supplier id of a row. */
  public long id(int row) {
    return ids[row];
  }

  /** The business entity that owns the row's shop ({@link Supplier#entity()}). */
  public long entity(int row) {
    return entities[row];
  }

  public MembershipTier tier(int row) {
    return MembershipTier.ofOrdinal(tiers[row]);
  }

  public boolean isFactory(int row) {
    return factories[row];
  }

  /** The belt id, or {@link Supplier#NO_BELT}. */
  public int belt(int row) {
    return belts[row];
  }

  public int city(int row) {
    return cities[row];
  }

  /** The number of categories the supplier sells in (at least 1). */
  public int categoryCount(int row) {
    return categories.count(row);
  }

  /** The {@code k}-th category of a row, 0 being the primary. */
  public int category(int row, int k) {
    return categories.id(row, k);
  }

  /** The primary category: the peer group of the supplier's signals. */
  public int primaryCategory(int row) {
    return categories.id(row, 0);
  }

  /** Whether the supplier sells in the category. */
  public boolean sellsIn(int row, int category) {
    return categories.sellsIn(row, category);
  }

  /**
   * One more than the largest category id in the table (at most {@link Integer#MAX_VALUE}): category
   * ids lie in [0, categoryLimit). Arrays indexed by category id would grow with the largest id, which
   * is the caller's to choose; index them by {@link #denseCategory} instead.
   */
  public int categoryLimit() {
    return categories.limit();
  }

  /** The number of distinct categories the table's suppliers sell in. */
  public int distinctCategories() {
    return categories.distinctCount();
  }

  /** The category id of a dense category index in [0, {@link #distinctCategories()}). */
  public int categoryIdAt(int dense) {
    return categories.idAt(dense);
  }

  /** The dense index of a category id, or -1 when no supplier of the table sells in it. */
  public int denseCategoryOf(int categoryId) {
    return categories.denseOf(categoryId);
  }

  /** The dense index of a row's {@code k}-th category, in [0, {@link #distinctCategories()}). */
  public int denseCategory(int row, int k) {
    return categories.dense(row, k);
  }

  /** The dense index of a row's primary category. */
  public int densePrimaryCategory(int row) {
    return categories.dense(row, 0);
  }

  public boolean joined(int row, Program program) {
    Strict.nonNull(program, "program", Program.class);
    return (programs[row] & (1 << program.ordinal())) != 0;
  }

  public boolean inPriorityClass(int row, PriorityClass priorityClass) {
    Strict.nonNull(priorityClass, "priorityClass", PriorityClass.class);
    return (priorityClasses[row] & (1 << priorityClass.ordinal())) != 0;
  }

  public int daysOnPlatform(int row) {
    return daysOnPlatform[row];
  }

  /** A count of the row's window. */
  public long count(Count count, int row) {
    Strict.nonNull(count, "count", Count.class);
    return counts[count.ordinal()][row];
  }

  /** An amount of the row's window. */
  public double amount(Amount amount, int row) {
    Strict.nonNull(amount, "amount", Amount.class);
    return amounts[amount.ordinal()][row];
  }

  /** The first claimant index of a row; the row's claimants are [claimantStart(row), claimantStart(row + 1)). */
  public int claimantStart(int row) {
    return claimants.start(row);
  }

  public int claimantClaims(int claimant) {
    return claimants.claims(claimant);
  }

  public int claimantMalicious(int claimant) {
    return claimants.malicious(claimant);
  }

  public int claimantAppealsWon(int claimant) {
    return claimants.appealsWon(claimant);
  }

  public double claimantCredibility(int claimant) {
    return claimants.credibility(claimant);
  }

  /** The supplier of a row, as a value. */
  public Supplier supplier(int row) {
    EnumSet<Program> joined = EnumSet.noneOf(Program.class);
    for (Program p : Program.VALUES) {
      if (joined(row, p)) {
        joined.add(p);
      }
    }
    EnumSet<PriorityClass> classes = EnumSet.noneOf(PriorityClass.class);
    for (PriorityClass c : PriorityClass.VALUES) {
      if (inPriorityClass(row, c)) {
        classes.add(c);
      }
    }
    return new Supplier(ids[row], entities[row], tier(row), factories[row], belts[row], cities[row],
        categories.of(row), joined, classes,
        daysOnPlatform[row]);
  }

  /** The signals of a row, as a value. */
  public Signals signals(int row) {
    Signals.Builder b = Signals.builder();
    for (Count c : Count.VALUES) {
      b.count(c, counts[c.ordinal()][row]);
    }
    for (Amount a : Amount.VALUES) {
      b.amount(a, amounts[a.ordinal()][row]);
    }
    for (int k = claimants.start(row); k < claimants.start(row + 1); k++) {
      b.claimant(claimants.claims(k), claimants.malicious(k), claimants.appealsWon(k),
          claimants.credibility(k));
    }
    return b.build();
  }

  /**
   * The heap the table's columns take, in bytes (arrays and the id index; object headers of the
   * arrays are ignored).
   */
  public long columnBytes() {
    long perRow = 8 + 8 + 1 + 1 + 4 + 4 + 4 + 1 + 2 + 4 + 4L * Count.VALUES.length
        + 8L * Amount.VALUES.length + 4;
    long index = (long) rowById.size() * 2 * (8 + 4); // keys + values at load factor 0.5 after trim
    return perRow * size + categories.entryBytes() + claimants.entryBytes() + index;
  }

  /**
   * Builds a {@link SupplierTable} row by row. {@link #add} validates the row at once and rejects it
   * with a message naming the supplier id, the field, the value and the expectation; nothing is ever
   * clamped. A builder builds one table.
   */
  public static final class Builder {
    private int size;
    private long[] ids;
    private long[] entities;
    private byte[] tiers;
    private boolean[] factories;
    private int[] belts;
    private int[] cities;
    private int[] categoryStart;
    private int[] categories;
    private byte[] programs;
    private short[] priorityClasses;
    private int[] daysOnPlatform;
    private final int[][] counts = new int[Count.VALUES.length][];
    private final double[][] amounts = new double[Amount.VALUES.length][];
    private final ClaimantRows.Appender claimants;
    private final Long2IntOpenHashMap rowById;
    private boolean built;

    private Builder(int expected) {
      int cap = Math.max(16, expected);
      ids = new long[cap];
      entities = new long[cap];
      tiers = new byte[cap];
      factories = new boolean[cap];
      belts = new int[cap];
      cities = new int[cap];
      categoryStart = new int[cap + 1];
      categories = new int[cap * 3];
      programs = new byte[cap];
      priorityClasses = new short[cap];
      daysOnPlatform = new int[cap];
      for (int c = 0; c < counts.length; c++) {
        counts[c] = new int[cap];
      }
      for (int a = 0; a < amounts.length; a++) {
        amounts[a] = new double[cap];
      }
      claimants = new ClaimantRows.Appender(cap);
      rowById = new Long2IntOpenHashMap(cap);
      rowById.defaultReturnValue(-1);
    }

    /** The number of rows added so far. */
    public int size() {
      return size;
    }

    /**
     * Validates and appends one supplier with the signals of its window.
     *
     * @return this builder
     * @throws IllegalArgumentException naming the supplier, field, value and expectation when the row
     *     is invalid: unknown tier, empty or invalid categories, duplicate id, negative counts, a part
     *     larger than its whole, NaN, infinite or negative amounts, invalid claimants
     * @throws IllegalStateException if the table was already built
     */
    public Builder add(Supplier supplier, Signals signals) {
      if (built) {
        throw new IllegalStateException("this builder has already built its table");
      }
      Strict.nonNull(supplier, "supplier", Supplier.class);
      Strict.nonNull(signals, "signals", Signals.class);
      if (rowById.containsKey(supplier.id())) {
        throw RowCheck.error(supplier.id(), "id", supplier.id(), "a supplier id not already in the table");
      }
      RowCheck.validate(supplier, signals);
      ensureCapacity(size + 1);
      int r = size;
      ids[r] = supplier.id();
      entities[r] = supplier.entity();
      tiers[r] = (byte) supplier.tier().ordinal();
      factories[r] = supplier.factory();
      belts[r] = supplier.belt();
      cities[r] = supplier.city();
      int[] cats = supplier.categories();
      int start = categoryStart[r];
      if (start + cats.length > categories.length) {
        categories = Arrays.copyOf(categories, Math.max(categories.length * 2, start + cats.length));
      }
      System.arraycopy(cats, 0, categories, start, cats.length);
      categoryStart[r + 1] = start + cats.length;
      byte programMask = 0;
      for (Program p : supplier.programs()) {
        programMask |= (byte) (1 << p.ordinal());
      }
      programs[r] = programMask;
      short classMask = 0;
      for (PriorityClass c : supplier.priorityClasses()) {
        classMask |= (short) (1 << c.ordinal());
      }
      priorityClasses[r] = classMask;
      daysOnPlatform[r] = supplier.daysOnPlatform();
      for (Count c : Count.VALUES) {
        counts[c.ordinal()][r] = (int) signals.count(c);
      }
      for (Amount a : Amount.VALUES) {
        amounts[a.ordinal()][r] = signals.amount(a);
      }
      claimants.add(r, signals.claimants());
      rowById.put(supplier.id(), r);
      size++;
      return this;
    }

    /** Returns the immutable table; the builder cannot be used afterwards. */
    public SupplierTable build() {
      if (built) {
        throw new IllegalStateException("this builder has already built its table");
      }
      built = true;
      return new SupplierTable(this);
    }

    private void ensureCapacity(int needed) {
      if (needed <= ids.length) {
        return;
      }
      int cap = Math.max(needed, ids.length + (ids.length >> 1));
      ids = Arrays.copyOf(ids, cap);
      entities = Arrays.copyOf(entities, cap);
      tiers = Arrays.copyOf(tiers, cap);
      factories = Arrays.copyOf(factories, cap);
      belts = Arrays.copyOf(belts, cap);
      cities = Arrays.copyOf(cities, cap);
      categoryStart = Arrays.copyOf(categoryStart, cap + 1);
      programs = Arrays.copyOf(programs, cap);
      priorityClasses = Arrays.copyOf(priorityClasses, cap);
      daysOnPlatform = Arrays.copyOf(daysOnPlatform, cap);
      for (int c = 0; c < counts.length; c++) {
        counts[c] = Arrays.copyOf(counts[c], cap);
      }
      for (int a = 0; a < amounts.length; a++) {
        amounts[a] = Arrays.copyOf(amounts[a], cap);
      }
    }
  }
}
