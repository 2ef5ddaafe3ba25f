package org.beltway.guarantee;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.beltway.internal.Strict;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.SupplierTable;

/**
 * The ledger of guarantee enrolments and of the new buyers and impressions each has had since
 * enrolment: the state a daily re-plan converts into impression demand (docs/design.md §5).
 *
 * <p>Enrolments are numbered in the order they are made and stored column by column. A supplier may be
 * enrolled in several programs (e.g. TrustPass, then Power merchant after an upgrade) but in each at
 * most once; a buyer or impression event counts for every enrolment of the supplier whose window
 * {@code [day, deadline)} contains the event's day, and for no other. Buyers are counted once per
 * enrolment however often they come back: buyer ids are kept in one primitive set per enrolment (a bare
 * {@code long[]} hash table, about 11 to 21 bytes per buyer), created on its first buyer.
 *
 * <p>Statuses and demand are taken <em>as at the start of a day</em>: they count the events of the days
 * before it. The ledger keeps no history by day, so asking about a day no later than the latest day with
 * a recorded event is refused rather than answered with events of the future.
 *
 * <p>Mutable and not thread-safe: one writer, e.g. the simulation's daily loop.
 */
public final class BuyerLedger {
  private final SupplierTable suppliers;
  private final List<GuaranteeProgram> programs = new ArrayList<>();
  private int size;
  private long[] supplierIds = new long[16];
  private int[] programIndex = new int[16];
  private int[] days = new int[16];
  private int[] deadlines = new int[16];
  private int[] baselines = new int[16];
  private int[] targets = new int[16];
  private int[] bulkWon = new int[16];
  private long[] impressions = new long[16];
  private int[] nextOfSupplier = new int[16];
  private final Long2IntOpenHashMap firstBySupplier = new Long2IntOpenHashMap();
  private final BuyerSets buyers = new BuyerSets();
  private int latestEventDay = -1;
  private SupplierTable rowsTable;
  private int[] rows = new int[0];
  private int rowsCount;

  private BuyerLedger(SupplierTable suppliers) {
    this.suppliers = suppliers;
    firstBySupplier.defaultReturnValue(-1);
  }

  /** An empty ledger that accepts any supplier id. */
  public static BuyerLedger create() {
    return new BuyerLedger(null);
  }

  /**
   * An empty ledger that enrols only suppliers of this table, each in a program its tier is eligible
   * for.
   */
  public static BuyerLedger over(SupplierTable suppliers) {
    Strict.nonNull(suppliers, "suppliers", SupplierTable.class);
    return new BuyerLedger(suppliers);
  }

  /**
   * Enrols a supplier.
   *
   * @return the enrolment's index, {@code size() - 1}
   * @throws IllegalArgumentException naming the supplier when it is already enrolled in the program,
   *     when another program of the same name is in the ledger, or, for a ledger {@link #over} a table,
   *     when the supplier is not in the table or its tier is not eligible
   */
  public int enrol(Enrolment enrolment) {
    Strict.nonNull(enrolment, "enrolment", Enrolment.class);
    long id = enrolment.supplierId();
    GuaranteeProgram program = enrolment.program();
    if (suppliers != null) {
      int row = suppliers.row(id);
      if (row < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier %d: not in the supplier table", id));
      }
      MembershipTier tier = suppliers.tier(row);
      if (!program.eligible(tier)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier %d: tier %s is not eligible for %s: expected one of %s", id, tier, program.name(),
            program.tiers()));
      }
    }
    int p = programIndex(program);
    for (int e = firstBySupplier.get(id); e >= 0; e = nextOfSupplier[e]) {
      if (programIndex[e] == p) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier %d: already enrolled in %s on day %d", id, program.name(), days[e]));
      }
    }
    if (p == programs.size()) {
      programs.add(program);
    }
    ensureCapacity(size + 1);
    int e = size;
    supplierIds[e] = id;
    programIndex[e] = p;
    days[e] = enrolment.day();
    deadlines[e] = enrolment.deadline();
    baselines[e] = enrolment.baselineBuyers();
    targets[e] = enrolment.target();
    nextOfSupplier[e] = -1;
    int first = firstBySupplier.get(id);
    if (first < 0) {
      firstBySupplier.put(id, e);
    } else {
      int last = first;
      while (nextOfSupplier[last] >= 0) {
        last = nextOfSupplier[last];
      }
      nextOfSupplier[last] = e;
    }
    buyers.ensureSets(e + 1);
    size++;
    return e;
  }

  /** The number of enrolments. */
  public int size() {
    return size;
  }

  /** The enrolment at an index, as a value. */
  public Enrolment enrolment(int index) {
    checkIndex(index);
    return new Enrolment(supplierIds[index], programs.get(programIndex[index]), days[index], baselines[index]);
  }

  /** The indices of a supplier's enrolments, ascending; empty if it has none. */
  public int[] enrolmentsOf(long supplierId) {
    int count = 0;
    for (int e = firstBySupplier.get(supplierId); e >= 0; e = nextOfSupplier[e]) {
      count++;
    }
    int[] result = new int[count];
    int k = 0;
    for (int e = firstBySupplier.get(supplierId); e >= 0; e = nextOfSupplier[e]) {
      result[k++] = e;
    }
    return result;
  }

  /**
   * Records that a buyer bought from a supplier on a day. The buyer counts once per enrolment: a repeat
   * buyer, or an event outside an enrolment's window, adds nothing.
   *
   * @return whether the buyer was new to at least one enrolment whose window contains the day
   * @throws IllegalArgumentException naming the supplier when the day or buyer id is negative, the
   *     supplier is not enrolled, or the day precedes all its enrolments
   */
  public boolean record(int day, long supplierId, long buyerId) {
    int first = firstEnrolment(day, supplierId, "buyer event");
    if (buyerId < 0) {
      throw Enrolment.error(supplierId, "buyer id", buyerId, ">= 0");
    }
    boolean counted = false;
    for (int e = first; e >= 0; e = nextOfSupplier[e]) {
      if (day >= days[e] && day < deadlines[e]) {
        counted |= buyers.add(e, buyerId);
      }
    }
    latestEventDay = Math.max(latestEventDay, day);
    return counted;
  }

  /**
   * Records {@code count} new buyers won by a supplier on a day, without their identities: the bulk path
   * of a simulation that models buyers as unique. The caller vouches that they are distinct from each
   * other and from every buyer recorded for the same enrolment before, by identity or in bulk. They
   * count for every enrolment whose window contains the day.
   *
   * @throws IllegalArgumentException naming the supplier when the day or count is negative, the supplier
   *     is not enrolled, the day precedes all its enrolments, or an enrolment's count would overflow
   */
  public void recordNewBuyers(int day, long supplierId, int count) {
    int first = firstEnrolment(day, supplierId, "buyer event");
    if (count < 0) {
      throw Enrolment.error(supplierId, "new buyers", count, ">= 0");
    }
    for (int e = first; e >= 0; e = nextOfSupplier[e]) {
      if (day >= days[e] && day < deadlines[e]) {
        addBulk(e, count);
      }
    }
    latestEventDay = Math.max(latestEventDay, day);
  }

  /**
   * Records impressions delivered to a supplier on a day; they count for every enrolment whose window
   * contains the day, and feed the supplier's new-buyer rate per impression.
   *
   * @throws IllegalArgumentException naming the supplier when the day or impressions are negative, the
   *     supplier is not enrolled, or the day precedes all its enrolments
   */
  public void recordImpressions(int day, long supplierId, long delivered) {
    int first = firstEnrolment(day, supplierId, "impressions");
    if (delivered < 0) {
      throw Enrolment.error(supplierId, "impressions", delivered, ">= 0");
    }
    for (int e = first; e >= 0; e = nextOfSupplier[e]) {
      if (day >= days[e] && day < deadlines[e]) {
        impressions[e] = addImpressions(e, delivered);
      }
    }
    latestEventDay = Math.max(latestEventDay, day);
  }

  /**
   * Records one day's delivered impressions of every supplier of a table, by row. Rows of suppliers with
   * no enrolment open on that day are ignored; that is the difference from
   * {@link #recordImpressions(int, long, long)}, which insists the supplier be enrolled.
   *
   * @throws IllegalArgumentException when the day is negative, the array's length is not the table's
   *     size, a value is negative (naming the supplier), or an enrolled supplier is not in the table
   */
  public void recordImpressions(int day, SupplierTable table, long[] deliveredByRow) {
    Strict.nonNull(table, "table", SupplierTable.class);
    Strict.nonNull(deliveredByRow, "deliveredByRow", long[].class);
    checkByRow(day, table, deliveredByRow.length, "deliveredByRow");
    for (int r = 0; r < deliveredByRow.length; r++) {
      if (deliveredByRow[r] < 0) {
        throw Enrolment.error(table.id(r), "impressions", deliveredByRow[r], ">= 0");
      }
    }
    int[] rowOf = rowsIn(table);
    for (int e = 0; e < size; e++) { // check every sum first, so a refused call changes nothing
      if (day >= days[e] && day < deadlines[e]) {
        addImpressions(e, deliveredByRow[rowOf[e]]);
      }
    }
    for (int e = 0; e < size; e++) {
      if (day >= days[e] && day < deadlines[e]) {
        impressions[e] += deliveredByRow[rowOf[e]];
      }
    }
    latestEventDay = Math.max(latestEventDay, day);
  }

  /**
   * Records one day's new buyers of every supplier of a table, by row, in bulk as
   * {@link #recordNewBuyers(int, long, int)} does. Rows of suppliers with no enrolment open on that day
   * are ignored.
   *
   * @throws IllegalArgumentException when the day is negative, the array's length is not the table's
   *     size, a value is negative (naming the supplier), or an enrolled supplier is not in the table
   */
  public void recordNewBuyers(int day, SupplierTable table, int[] newBuyersByRow) {
    Strict.nonNull(table, "table", SupplierTable.class);
    Strict.nonNull(newBuyersByRow, "newBuyersByRow", int[].class);
    checkByRow(day, table, newBuyersByRow.length, "newBuyersByRow");
    for (int r = 0; r < newBuyersByRow.length; r++) {
      if (newBuyersByRow[r] < 0) {
        throw Enrolment.error(table.id(r), "new buyers", newBuyersByRow[r], ">= 0");
      }
    }
    int[] rowOf = rowsIn(table);
    for (int e = 0; e < size; e++) {
      if (day >= days[e] && day < deadlines[e]) {
        addBulk(e, newBuyersByRow[rowOf[e]]);
      }
    }
    latestEventDay = Math.max(latestEventDay, day);
  }

  /** New unique buyers an enrolment has won in its window: identified buyers plus bulk ones. */
  public int won(int index) {
    checkIndex(index);
    return wonAt(index);
  }

  /** Impressions delivered in an enrolment's window. */
  public long impressions(int index) {
    checkIndex(index);
    return impressions[index];
  }

  /** Whether a buyer, recorded by identity, counts for an enrolment. */
  public boolean hasBuyer(int index, long buyerId) {
    checkIndex(index);
    return buyerId >= 0 && buyers.contains(index, buyerId);
  }

  /** The latest day with a recorded event, or -1 if none was recorded. */
  public int latestEventDay() {
    return latestEventDay;
  }

  /**
   * The status of an enrolment as at the start of a day.
   *
   * @throws IllegalArgumentException if the day is not after {@link #latestEventDay()}
   * @throws IndexOutOfBoundsException if there is no such enrolment
   */
  public EnrolmentStatus status(int index, int day) {
    checkIndex(index);
    checkStatusDay(day);
    return statusAt(index, day);
  }

  /**
   * The statuses of all enrolments as at the start of a day, by enrolment index.
   *
   * @throws IllegalArgumentException if the day is not after {@link #latestEventDay()}
   */
  public List<EnrolmentStatus> statuses(int day) {
    checkStatusDay(day);
    List<EnrolmentStatus> result = new ArrayList<>(size);
    for (int e = 0; e < size; e++) {
      result.add(statusAt(e, day));
    }
    return result;
  }

  /**
   * The heap the ledger's columns and buyer sets take, in bytes (array headers of the columns and the
   * supplier index's load factor are approximated).
   */
  public long columnBytes() {
    long perEnrolment = 8 + 4 + 4 + 4 + 4 + 4 + 4 + 8 + 4;
    long index = (long) firstBySupplier.size() * 2 * (8 + 4);
    return perEnrolment * supplierIds.length + index + buyers.heapBytes();
  }

  // ---- package-private columns for DemandConversion ----

  long supplierIdAt(int e) {
    return supplierIds[e];
  }

  GuaranteeProgram programAt(int e) {
    return programs.get(programIndex[e]);
  }

  int dayAt(int e) {
    return days[e];
  }

  int deadlineAt(int e) {
    return deadlines[e];
  }

  int targetAt(int e) {
    return targets[e];
  }

  int wonAt(int e) {
    return buyers.size(e) + bulkWon[e];
  }

  long impressionsAt(int e) {
    return impressions[e];
  }

  EnrolmentStatus statusAt(int e, int day) {
    int won = wonAt(e);
    return new EnrolmentStatus(supplierIds[e], programs.get(programIndex[e]), days[e], day, won, targets[e],
        impressions[e], EnrolmentStatus.Standing.of(day, days[e], deadlines[e], won, targets[e]));
  }

  /** Refuses a status day that would count events of that day or later. */
  void checkStatusDay(int day) {
    if (day <= latestEventDay) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "day (%d): expected a day after %d, the latest day with recorded events, as a status counts "
              + "the events of earlier days only", day, latestEventDay));
    }
  }

  /**
   * The row of each enrolment's supplier in a table, by enrolment index; cached for the last table
   * asked. The array is the ledger's own: callers read it and never write it.
   *
   * @throws IllegalArgumentException naming the first enrolled supplier that is not in the table
   */
  int[] rowsIn(SupplierTable table) {
    if (table != rowsTable) {
      rowsTable = table;
      rowsCount = 0;
    }
    if (rows.length < size) {
      rows = Arrays.copyOf(rows, supplierIds.length);
    }
    for (; rowsCount < size; rowsCount++) {
      int row = table.row(supplierIds[rowsCount]);
      if (row < 0) {
        long id = supplierIds[rowsCount];
        rowsTable = null;
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "supplier %d: enrolled in %s but not in the supplier table", id,
            programs.get(programIndex[rowsCount]).name()));
      }
      rows[rowsCount] = row;
    }
    return rows;
  }

  private int firstEnrolment(int day, long supplierId, String event) {
    if (day < 0) {
      throw Enrolment.error(supplierId, "day", day, ">= 0");
    }
    int first = firstBySupplier.get(supplierId);
    if (first < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "supplier %d: not enrolled in any guarantee program", supplierId));
    }
    int earliest = Integer.MAX_VALUE;
    for (int e = first; e >= 0; e = nextOfSupplier[e]) {
      earliest = Math.min(earliest, days[e]);
    }
    if (day < earliest) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "supplier %d: %s on day %d before enrolment on day %d", supplierId, event, day, earliest));
    }
    return first;
  }

  /** An enrolment's impressions plus {@code delivered}, refused rather than wrapped past Long.MAX_VALUE. */
  private long addImpressions(int e, long delivered) {
    long sum = impressions[e] + delivered;
    if (sum < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "supplier %d: impressions (%d) would take %s past %d impressions", supplierIds[e], delivered,
          programs.get(programIndex[e]).name(), Long.MAX_VALUE));
    }
    return sum;
  }

  private void addBulk(int e, int count) {
    if (count > Integer.MAX_VALUE - wonAt(e)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "supplier %d: new buyers (%d) would take %s past %d buyers", supplierIds[e], count,
          programs.get(programIndex[e]).name(), Integer.MAX_VALUE));
    }
    bulkWon[e] += count;
  }

  private void checkByRow(int day, SupplierTable table, int length, String name) {
    if (day < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "day (%d): expected >= 0", day));
    }
    if (length != table.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has %d values: expected one per supplier row (%d)", name, length, table.size()));
    }
  }

  private int programIndex(GuaranteeProgram program) {
    for (int p = 0; p < programs.size(); p++) {
      GuaranteeProgram known = programs.get(p);
      if (known.name().equals(program.name())) {
        if (!known.equals(program)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "guarantee program %s: %s differs from the program of that name already in this ledger (%s)",
              program.name(), program, known));
        }
        return p;
      }
    }
    return programs.size();
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
          "enrolment index (%d): expected in [0, %d)", index, size));
    }
  }

  private void ensureCapacity(int needed) {
    if (needed <= supplierIds.length) {
      return;
    }
    int cap = Math.max(needed, supplierIds.length + (supplierIds.length >> 1));
    supplierIds = Arrays.copyOf(supplierIds, cap);
    programIndex = Arrays.copyOf(programIndex, cap);
    days = Arrays.copyOf(days, cap);
    deadlines = Arrays.copyOf(deadlines, cap);
    baselines = Arrays.copyOf(baselines, cap);
    targets = Arrays.copyOf(targets, cap);
    bulkWon = Arrays.copyOf(bulkWon, cap);
    impressions = Arrays.copyOf(impressions, cap);
    nextOfSupplier = Arrays.copyOf(nextOfSupplier, cap);
  }
}
