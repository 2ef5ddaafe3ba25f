package org.beltway.guarantee;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.UnmetPromise.Binding;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.supplier.SupplierTable;

/**
 * What an application must pass before {@link Admission} solves anything: an enrolment valid on the
 * day of application, one promise per business and program, and a need its own caps allow in some
 * plan. The first is the caller's error (an exception naming the supplier and field); the others are
 * refusals, decided here with their reason.
 */
final class AdmissionScreen {
  private AdmissionScreen() {}

  /** The application's supplier row, after checking its enrolment against the day and the book. */
  static int check(Admission.Application application, BuyerLedger book, SupplierTable suppliers, int day,
      Set<String> seen) {
    Enrolment e = application.enrolment();
    long id = e.supplierId();
    int row = suppliers.row(id);
    if (row < 0) {
      throw Enrolment.error(id, "supplier", id, "a supplier of the table");
    }
    if (e.day() > day) {
      throw Enrolment.error(id, "first day", e.day(), "on or before the day of application " + day);
    }
    if (e.deadline() <= day) {
      throw Enrolment.error(id, "deadline", e.deadline(), "after the day of application " + day);
    }
    if (!e.program().eligible(suppliers.tier(row))) {
      throw Enrolment.error(id, "tier", suppliers.tier(row), "one of " + e.program().tiers() + " for "
          + e.program().name());
    }
    if (!seen.add(id + "/" + e.program().name())) {
      throw Enrolment.error(id, "application", e.program().name(), "one application per program");
    }
    for (int index : book.enrolmentsOf(id)) {
      if (book.enrolment(index).program().name().equals(e.program().name())) {
        throw Enrolment.error(id, "application", e.program().name(), "a program it is not booked in");
      }
    }
    return row;
  }

  /**
   * Refuses an applicant whose business entity already holds a promise of the same program through
   * another shop, booked or applied for earlier in the list: one promise per business and program, so
   * splitting a business into shops does not multiply its promised buyers (docs/design.md §7).
   */
  static void refuseSecondPromiseOfEntity(BuyerLedger book, SupplierTable suppliers,
      List<Admission.Application> applications, int[] rows, double[] need, boolean[] refused, Admission.Decision[] decisions) {
    LongOpenHashSet applying = new LongOpenHashSet();
    for (int row : rows) {
      applying.add(suppliers.entity(row));
    }
    // the book's promises of the applicants' businesses only: most businesses have one shop
    Map<String, Long> holder = new HashMap<>();
    for (int index = 0; index < book.size(); index++) {
      Enrolment e = book.enrolment(index);
      int row = suppliers.row(e.supplierId());
      if (row >= 0 && applying.contains(suppliers.entity(row))) {
        holder.putIfAbsent(suppliers.entity(row) + "/" + e.program().name(), e.supplierId());
      }
    }
    for (int a = 0; a < rows.length; a++) {
      Enrolment e = applications.get(a).enrolment();
      long entity = suppliers.entity(rows[a]);
      Long shop = holder.putIfAbsent(entity + "/" + e.program().name(), e.supplierId());
      if (shop == null) {
        continue;
      }
      refused[a] = true;
      decisions[a] = new Admission.Decision(applications.get(a), false, -1, need[a], 0, Set.of(), List.of(),
          String.format(Locale.ROOT, "supplier %d: %s refused: its business (entity %d) already holds a %s"
              + " promise through shop %d: one promise per business and program", e.supplierId(),
              e.program().name(), entity, e.program().name(), shop));
    }
  }

  /** Refuses the applicants whose need is above what their own caps allow in any plan. */
  static void refuseAboveCaps(AllocationProblem problem, List<Admission.Application> applications, int[] rows,
      double[] need, double[] booked, boolean[] refused, Admission.Decision[] decisions) {
    EligibilityGraph graph = problem.graph();
    for (int a = 0; a < rows.length; a++) {
      int row = rows[a];
      if (refused[a] || need[a] <= booked[row]) {
        continue;
      }
      double most = 0;
      for (int k = 0, degree = graph.supplierDegree(row); k < degree; k++) {
        int e = graph.supplierEdge(row, k);
        if (problem.fairExposure(e) > 0) {
          most += Math.min(problem.edgeCap(e), graph.segments().traffic(graph.segmentOf(e)));
        }
      }
      most = Math.min(most, problem.totalCap(row));
      if (need[a] <= most) {
        continue;
      }
      Binding binding = most == 0 ? Binding.NO_ELIGIBLE_SEGMENT
          : most == problem.totalCap(row) ? Binding.SUPPLIER_CAP : Binding.EDGE_CAP;
      Enrolment e = applications.get(a).enrolment();
      refused[a] = true;
      decisions[a] = new Admission.Decision(applications.get(a), false, -1, need[a], most, Set.of(binding), List.of(),
          String.format(Locale.ROOT, "supplier %d: %s refused: needs %.1f impressions a day at the booking"
              + " risk, its caps allow at most %.1f in any plan (%s)", e.supplierId(), e.program().name(),
              need[a], most, binding));
    }
  }
}
