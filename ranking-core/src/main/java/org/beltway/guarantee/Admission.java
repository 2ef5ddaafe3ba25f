package org.beltway.guarantee;

import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.Certificate;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.Priorities;
import org.beltway.allocation.UnmetPromise;
import org.beltway.allocation.UnmetPromise.Binding;
import org.beltway.internal.Strict;
import org.beltway.supplier.SupplierTable;

/**
 * Booking: before a promise is accepted, checks that it can be kept jointly with the policy and the
 * promises already booked, and answers yes, or no with what binds (docs/design.md §5). A promise once
 * booked is kept: the daily plan puts booked guarantees first, so admission is where a promise the
 * marketplace cannot afford is refused, not the deadline.
 *
 * <h2>The check</h2>
 * The day's allocation program on the forecast ({@link Forecast}), with every booked promise at its
 * demand of the day and every applicant at the demand it would have if booked now, both from the same
 * {@link DemandConversion} (so at the same risk level), solved with the policy's shares before the
 * guarantees ({@link Priorities#GROUPS_FIRST}): the shares and caps are kept, and a guarantee the
 * program cannot fit beside them is reported unmet. The program spreads a shortfall over every
 * guarantee that competes for the scarce traffic, so refusing every unmet applicant would refuse many
 * that fit. Instead, each round covers the shortfall cluster by cluster ({@link Competition}: the
 * promises that share priced segments or a binding share): of a cluster's unmet applicants, those that
 * take the most extra impressions a day are refused first (the latest to apply first among equals; or
 * first come, first served, see {@link RefusalOrder}) until the demand they free covers the cluster's
 * shortfall. The program is solved again without them, until no applicant is unmet; every round
 * warm-starts from the same plan (the one given to {@link #warmStartFrom}, else this admission's last
 * one), never from the round before, whose duals still price the refused. Before that, an applicant
 * that needs more than its own caps allow (the sum of its edge caps over segments with traffic, or its
 * total cap) is refused outright, since refusing others cannot help it. A refusal names the solver's
 * bindings and the policy shares that bind against the applicant. The search is greedy: an applicant
 * refused in an early round might have fitted in the end.
 *
 * <p>The forecast is one day of traffic, and a promise's demand is its daily need; admission assumes the
 * forecast day repeats over the promise's window (a stationary forecast). A booked promise the forecast
 * cannot keep beside the policy (it fell behind, so its catch-up demand grew) is counted in
 * {@link Result#bookedAtRisk()}, not dropped.
 *
 * <p>Not thread-safe: an instance keeps its last solve to warm-start the next.
 */
public final class Admission {
  private final DemandConversion conversion;
  private final AllocationSolver solver;
  private final Forecast forecast;
  private final RefusalOrder order;
  private AllocationPlan previous;

  /** Which unmet applicants of a cluster give way first when not all fit. */
  public enum RefusalOrder {
    /**
     * The applicants whose promise takes the most extra impressions a day first, the latest of equals
     * first: the fewest refusals cover a shortfall, so the most promises are booked (the default).
     */
    MOST_TRAFFIC_FIRST,
    /** The latest to apply first: first come, first served. */
    LAST_COME_FIRST
  }

  /**
   * Warm-starts the next call's first solve from this plan (e.g. the day's plan just solved), instead
   * of this admission's own last solve.
   *
   * @throws NullPointerException if the plan is null
   */
  public void warmStartFrom(AllocationPlan plan) {
    Strict.nonNull(plan, "plan", AllocationPlan.class);
    previous = plan;
  }

  /**
   * The last solve of the last {@link #admit} call (the check that booked), or the plan given to
   * {@link #warmStartFrom} since; {@code null} before either. A plan of the booked promises warm-starts
   * from it well: it keeps them.
   */
  public AllocationPlan lastCheck() {
    return previous;
  }

  /** The allocation program of a forecast day, with given guarantees and priorities. */
  @FunctionalInterface
  public interface Forecast {
    /**
     * The day's problem on the forecast traffic under the policy.
     *
     * @param guaranteesByRow impressions each supplier row is to be guaranteed
     * @param priorities the order in which promises give way
     */
    AllocationProblem problem(double[] guaranteesByRow, Priorities priorities);
  }

  /**
   * An application: a promise and what its supplier has already won and been shown since the promise's
   * first day (both 0 for a promise starting on the day of application).
   *
   * @param enrolment the promise
   * @param won new buyers since {@code enrolment.day()}, in {@code [0, impressions]}
   * @param impressions impressions since {@code enrolment.day()}, {@code >= 0}
   */
  public record Application(Enrolment enrolment, int won, long impressions) {
    /**
     * Validates the application.
     *
     * @throws NullPointerException if the enrolment is null
     * @throws IllegalArgumentException naming the supplier, the field and the value
     */
    public Application {
      Strict.nonNull(enrolment, "enrolment", Enrolment.class);
      if (impressions < 0) {
        throw Enrolment.error(enrolment.supplierId(), "impressions", impressions, ">= 0");
      }
      if (won < 0 || won > impressions) {
        throw Enrolment.error(enrolment.supplierId(), "won", won, "in [0, impressions = " + impressions + "]");
      }
    }

    /** A promise starting on the day it applies. */
    public static Application of(Enrolment enrolment) {
      return new Application(enrolment, 0, 0);
    }
  }

  /**
   * The answer to one application.
   *
   * @param application what was asked
   * @param admitted whether the promise was booked
   * @param index its index in the book when admitted, else -1
   * @param demand the impressions a day it needs at the conversion's risk level (0 when already met)
   * @param planned what the admission program planned for its supplier
   * @param binding what stops the plan from keeping it, empty when admitted
   * @param bindingShares the names of the policy's shares that bind against it (a floor of a group it
   *     is outside, a cap of a group it is in), empty when admitted
   * @param reason one sentence: the numbers and what binds, or why it was admitted
   */
  public record Decision(Application application, boolean admitted, int index, double demand,
      double planned, Set<Binding> binding, List<String> bindingShares, String reason) {
    /** Copies the collections. */
    public Decision {
      Strict.nonNull(application, "application", Application.class);
      Strict.nonNull(binding, "binding", Set.class);
      Strict.nonNull(bindingShares, "bindingShares", List.class);
      Strict.nonNull(reason, "reason", String.class);
      binding = binding.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(binding));
      bindingShares = List.copyOf(bindingShares);
    }
  }

  /**
   * The answers to a day's applications, in the order asked.
   *
   * @param decisions one per application
   * @param bookedAtRisk booked promises (before this call) whose supplier the forecast could not plan
   *     its demand beside the policy
   * @param rounds solves it took, the start from the booked promises alone (when there was no plan to
   *     start from) included
   * @param unconverged of those, the solves that stopped at a limit of the solver (pass or time) before
   *     their certificate met its tolerances
   * @param check the certificate of the last solve, the one that booked: when it did not converge, what
   *     it booked is not certified, and each admitted decision's reason says so
   */
  public record Result(List<Decision> decisions, int bookedAtRisk, int rounds, int unconverged,
      Certificate check) {
    /** Copies the list. */
    public Result {
      decisions = List.copyOf(Strict.nonNull(decisions, "decisions", List.class));
      Strict.nonNull(check, "check", Certificate.class);
    }

    /** The applications admitted. */
    public int admitted() {
      int k = 0;
      for (Decision d : decisions) {
        k += d.admitted() ? 1 : 0;
      }
      return k;
    }
  }

  private Admission(DemandConversion conversion, AllocationSolver solver, Forecast forecast,
      RefusalOrder order) {
    this.conversion = conversion;
    this.solver = solver;
    this.forecast = forecast;
    this.order = order;
  }

  /**
   * A new admission like this one (without its last solve) that refuses in another order.
   *
   * @throws NullPointerException if the order is null
   */
  public Admission refusing(RefusalOrder refusalOrder) {
    Strict.nonNull(refusalOrder, "refusalOrder", RefusalOrder.class);
    return new Admission(conversion, solver, forecast, refusalOrder);
  }

  /**
   * Admission with a demand conversion (its risk level is the one promises are booked at), a solver
   * and the forecast day's program.
   *
   * @throws NullPointerException naming a null argument
   */
  public static Admission of(DemandConversion conversion, AllocationSolver solver, Forecast forecast) {
    Strict.nonNull(conversion, "conversion", DemandConversion.class);
    Strict.nonNull(solver, "solver", AllocationSolver.class);
    Strict.nonNull(forecast, "forecast", Forecast.class);
    return new Admission(conversion, solver, forecast, RefusalOrder.MOST_TRAFFIC_FIRST);
  }

  /**
   * Decides a day's applications against the promises already in {@code book} and books (enrols) the
   * admitted ones, with their history ({@code won}, {@code impressions}) recorded on their first day.
   *
   * @param book the booked promises; the admitted are enrolled in it
   * @param suppliers the table whose rows the forecast's problems index
   * @param day the day of application: the book must hold no event of this day or later
   * @param applications the applications, at most one per supplier and program
   * @throws IllegalArgumentException naming the supplier, the field, the value and what was expected:
   *     a supplier not in the table, a promise that starts after {@code day} or whose deadline is not
   *     after it, a tier the program does not take, a promise applied for twice or already booked (a
 *     target of no new buyers cannot be made: {@link GuaranteeProgram} asks at least one)
   */
  public Result admit(BuyerLedger book, SupplierTable suppliers, int day, List<Application> applications) {
    Strict.nonNull(book, "book", BuyerLedger.class);
    Strict.nonNull(suppliers, "suppliers", SupplierTable.class);
    Strict.nonNull(applications, "applications", List.class);
    int count = applications.size();
    int[] rows = new int[count];
    double[] need = new double[count];
    Set<String> seen = new HashSet<>();
    for (int a = 0; a < count; a++) {
      Application application = applications.get(a);
      rows[a] = AdmissionScreen.check(application, book, suppliers, day, seen);
      Enrolment e = application.enrolment();
      int missing = e.target() - application.won();
      need[a] = missing <= 0 ? 0.0 : conversion.dailyNeed(suppliers.primaryCategory(rows[a]), missing,
          application.won(), application.impressions(), e.day(), e.deadline(), day);
    }
    double[] booked = conversion.demand(book, suppliers, day).impressionsByRow();
    boolean[] refused = new boolean[count];
    Decision[] decisions = new Decision[count];
    int rounds = 0;
    int unconverged = 0;
    AllocationPlan start = previous;
    AllocationPlan plan;
    Map<Long, UnmetPromise> unmet = new HashMap<>();
    AdmissionScreen.refuseSecondPromiseOfEntity(book, suppliers, applications, rows, need, refused, decisions);
    AllocationProblem bookedOnly = forecast.problem(booked, Priorities.GROUPS_FIRST);
    AdmissionScreen.refuseAboveCaps(bookedOnly, applications, rows, need, booked, refused, decisions);
    if (start == null) {
      // cold, every round would climb the penalty stages: start them all from the booked promises alone
      start = solver.solve(bookedOnly);
      rounds++;
    }
    while (true) {
      double[] guarantees = booked.clone();
      for (int a = 0; a < count; a++) {
        if (!refused[a]) {
          guarantees[rows[a]] = Math.max(guarantees[rows[a]], need[a]);
        }
      }
      // every round starts where the call started: from a plan that kept the booked promises, a round's
      // duals carry the penalty of the applicants it gave up into every segment they shared, which the
      // next round, without them, would take hundreds of passes to bring down
      AllocationProblem problem = forecast.problem(guarantees, Priorities.GROUPS_FIRST);
      plan = start == null ? solver.solve(problem) : solver.solve(problem, start);
      rounds++;
      if (!plan.certificate().converged()) {
        unconverged++;
      }
      unmet.clear();
      for (UnmetPromise u : plan.unmetPromises()) {
        if (u.kind() == UnmetPromise.Kind.GUARANTEE) {
          unmet.put(u.supplierId(), u);
        }
      }
      if (!refuse(plan, guarantees, suppliers, applications, rows, need, booked, unmet, refused,
          decisions)) {
        break;
      }
    }
    previous = plan;
    int bookedAtRisk = bookedAtRisk(book, suppliers, booked, unmet);
    String uncertified = plan.certificate().converged() ? "" : String.format(Locale.ROOT,
        " (uncertified: the check stopped at its %s, gap %.2g, largest violation %.2g)",
        plan.certificate().termination(), plan.certificate().relativeGap(), plan.certificate().maxViolation());
    for (int a = 0; a < count; a++) {
      if (refused[a]) {
        continue;
      }
      Application application = applications.get(a);
      Enrolment e = application.enrolment();
      int index = book.enrol(e);
      if (application.impressions() > 0) {
        book.recordImpressions(e.day(), e.supplierId(), application.impressions());
      }
      if (application.won() > 0) {
        book.recordNewBuyers(e.day(), e.supplierId(), application.won());
      }
      double planned = plan.supplierTotalOfRow(rows[a]);
      decisions[a] = new Decision(application, true, index, need[a], planned, Set.of(), List.of(),
          String.format(Locale.ROOT, "supplier %d: %s admitted: needs %.1f impressions a day, planned %.1f"
              + " beside the policy and %d other promises%s", e.supplierId(), e.program().name(), need[a],
              planned, book.size() - 1, uncertified));
    }
    return new Result(List.of(decisions), bookedAtRisk, rounds, unconverged, plan.certificate());
  }

  /**
   * Refuses unmet applicants of a round until, in each cluster of competing promises
   * ({@link Competition}), the demand they free covers the cluster's shortfall: a refusal frees its
   * whole extra demand (what it was planned plus what it missed) for the others of its cluster, and
   * helps no other cluster. Within a cluster, in {@link #order}. Returns whether any was refused.
   */
  private boolean refuse(AllocationPlan plan, double[] guarantees, SupplierTable suppliers,
      List<Application> applications, int[] rows, double[] need, double[] booked,
      Map<Long, UnmetPromise> unmet, boolean[] refused, Decision[] decisions) {
    if (unmet.isEmpty()) {
      return false;
    }
    Competition competition = Competition.of(plan, guarantees);
    Int2DoubleOpenHashMap shortfall = new Int2DoubleOpenHashMap();
    for (UnmetPromise u : unmet.values()) {
      shortfall.addTo(competition.cluster(suppliers.row(u.supplierId())), u.shortfall());
    }
    IntArrayList candidates = new IntArrayList();
    for (int a = 0; a < rows.length; a++) {
      if (!refused[a] && need[a] > booked[rows[a]] && unmet.containsKey(suppliers.id(rows[a]))) {
        candidates.add(a);
      }
    }
    // the latest applicant first among equals: first come, first served
    candidates.sort((a, b) -> {
      int byPrice = order == RefusalOrder.MOST_TRAFFIC_FIRST
          ? Double.compare(need[b] - booked[rows[b]], need[a] - booked[rows[a]]) : 0;
      return byPrice != 0 ? byPrice : Integer.compare(b, a);
    });
    Int2DoubleOpenHashMap freed = new Int2DoubleOpenHashMap();
    boolean any = false;
    for (int k = 0; k < candidates.size(); k++) {
      int a = candidates.getInt(k);
      int cluster = competition.cluster(rows[a]);
      if (freed.get(cluster) >= shortfall.get(cluster)) {
        continue;
      }
      freed.addTo(cluster, need[a] - booked[rows[a]]);
      refused[a] = true;
      any = true;
      UnmetPromise u = unmet.get(suppliers.id(rows[a]));
      List<String> shares = bindingShares(plan, rows[a]);
      decisions[a] = new Decision(applications.get(a), false, -1, need[a], u.planned(), u.binding(),
          shares, refusal(applications.get(a), need[a], u, shares));
    }
    return any;
  }

  private static int bookedAtRisk(BuyerLedger book, SupplierTable suppliers, double[] booked,
      Map<Long, UnmetPromise> unmet) {
    int k = 0;
    for (int index = 0, n = book.size(); index < n; index++) {
      long id = book.enrolment(index).supplierId();
      if (booked[suppliers.row(id)] > 0 && unmet.containsKey(id)) {
        k++;
      }
    }
    return k;
  }

  /** Floors of groups the row is outside and caps of groups it is in, where the share is at its bound. */
  private static List<String> bindingShares(AllocationPlan plan, int row) {
    AllocationProblem problem = plan.problem();
    List<String> names = new ArrayList<>();
    for (int g = 0, groups = problem.groupCount(); g < groups; g++) {
      GroupShare share = problem.group(g);
      double level = plan.groupLevel(g);
      boolean inside = share.includesSupplier(row);
      if ((level > 0 && !inside) || (level < 0 && inside)) {
        names.add(share.name());
      }
    }
    return names;
  }

  private static String refusal(Application application, double need, UnmetPromise unmet, List<String> shares) {
    Enrolment e = application.enrolment();
    String policy = shares.isEmpty() ? "" : "; the policy's " + String.join(", ", shares)
        + (shares.size() == 1 ? " share binds" : " shares bind");
    return String.format(Locale.ROOT, "supplier %d: %s refused: needs %.1f impressions a day at the"
        + " booking risk, the forecast plans at most %.1f beside the policy and the booked promises (%s)%s",
        e.supplierId(), e.program().name(), need, unmet.planned(), bindingText(unmet.binding()), policy);
  }

  private static String bindingText(Set<Binding> binding) {
    List<String> parts = new ArrayList<>();
    for (Binding b : binding) {
      parts.add(b.name());
    }
    return parts.isEmpty() ? "nothing reported" : String.join(", ", parts);
  }
}
