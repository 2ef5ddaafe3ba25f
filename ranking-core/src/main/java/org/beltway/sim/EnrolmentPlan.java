package org.beltway.sim;

import java.util.Arrays;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.guarantee.GuaranteeProgram;
import org.beltway.supplier.Count;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.SupplierTable;

/**
 * The enrolments of a simulation, the same for every strategy, in the order every strategy's ledger
 * receives them (so enrolment indices agree across ledgers), with what each won before day 0 and
 * whether its promise can be kept at all. See {@link Simulation} for the rules. Package-private.
 */
final class EnrolmentPlan {
  int size;
  int[] row = new int[16];
  byte[] program = new byte[16];
  /** Simulation day of enrolment; negative for TrustPass suppliers enrolled before day 0. */
  int[] start = new int[16];
  int[] baseline = new int[16];
  int[] target = new int[16];
  /** First simulation day after the window. */
  int[] deadline = new int[16];
  long[] preImpressions = new long[16];
  int[] preBuyers = new int[16];
  private byte[] reason = new byte[16];
  /** Enrolments made at the start of day t are [firstOfDay[t], firstOfDay[t + 1]); day 0 has every enrolment made on or before it. */
  final int[] firstOfDay;
  /** Buyers each row won before day 0 (TrustPass suppliers enrolled before it). */
  final int[] preWonByRow;

  EnrolmentPlan(Simulation sim, double[] fair, double[] fairWeighted) {
    SupplierTable table = sim.table;
    int n = table.size();
    int days = sim.config.days();
    preWonByRow = new int[n];
    firstOfDay = new int[days + 1];
    boolean random = sim.config.randomConversion();
    double participation = sim.config.participation();
    for (int r = 0; r < n; r++) {
      MembershipTier tier = table.tier(r);
      boolean takesUp = participation >= 1
          || Noise.uniform(sim.seed, Noise.PARTICIPATION, 0, r) < participation;
      if (!takesUp) {
        continue;
      }
      if (tier != MembershipTier.TRUSTPASS) {
        add(sim, r, Simulation.programOf(tier), 0, (int) table.count(Count.BUYERS, r), 0, 0);
      } else if (table.daysOnPlatform(r) < Simulation.HISTORY_DAYS) {
        int elapsed = table.daysOnPlatform(r);
        long impressions = Math.round(elapsed * fair[r]);
        double mean = sim.buyers.expected(r, elapsed * fairWeighted[r], 0);
        long won = random ? Noise.poisson(mean, Noise.uniform(sim.seed, Noise.PREHISTORY, 0, r))
            : (long) Math.floor(mean);
        won = Math.min(won, impressions);
        preWonByRow[r] = (int) won;
        add(sim, r, Simulation.TRUST_PASS, -elapsed, 0, impressions, (int) won);
      }
    }
    firstOfDay[0] = 0;
    // sign-ups: TrustPass suppliers on the platform for 60 days or more, in a seeded random order
    int candidates = 0;
    for (int r = 0; r < n; r++) {
      if (table.tier(r) == MembershipTier.TRUSTPASS && table.daysOnPlatform(r) >= Simulation.HISTORY_DAYS) {
        candidates++;
      }
    }
    int[] order = new int[candidates];
    for (int r = 0, k = 0; r < n; r++) {
      if (table.tier(r) == MembershipTier.TRUSTPASS && table.daysOnPlatform(r) >= Simulation.HISTORY_DAYS) {
        order[k++] = r;
      }
    }
    for (int i = candidates - 1; i > 0; i--) {
      int j = (int) (Noise.uniform(sim.seed, Noise.ARRIVALS, 0, i) * (i + 1));
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double rate = sim.config.newTrustPassPerDay(n);
    int last = Math.min(sim.config.lastEnrolmentDay(), days - 1);
    int next = 0;
    for (int t = 1; t <= days; t++) {
      firstOfDay[t] = size;
      if (t <= last) {
        long count = (long) Math.floor(rate * t) - (long) Math.floor(rate * (t - 1));
        for (long c = 0; c < count && next < candidates; c++) {
          add(sim, order[next++], Simulation.TRUST_PASS, t, 0, 0, 0);
        }
      }
    }
  }

  /** The enrolments of day t: [from(t), to(t)). */
  int from(int day) {
    return firstOfDay[day];
  }

  int to(int day) {
    return firstOfDay[day + 1];
  }

  /** Why enrolment e's promise cannot be kept, or null if it can. */
  Infeasibility infeasibility(int e) {
    return reason[e] < 0 ? null : Infeasibility.values()[reason[e]];
  }

  boolean feasible(int e) {
    return reason[e] < 0;
  }

  private void add(Simulation sim, int r, int p, int day, int base, long impressions, int won) {
    if (size == row.length) {
      int cap = size * 2;
      row = Arrays.copyOf(row, cap);
      program = Arrays.copyOf(program, cap);
      start = Arrays.copyOf(start, cap);
      baseline = Arrays.copyOf(baseline, cap);
      target = Arrays.copyOf(target, cap);
      deadline = Arrays.copyOf(deadline, cap);
      preImpressions = Arrays.copyOf(preImpressions, cap);
      preBuyers = Arrays.copyOf(preBuyers, cap);
      reason = Arrays.copyOf(reason, cap);
    }
    GuaranteeProgram g = Simulation.PROGRAMS.get(p);
    int e = size++;
    row[e] = r;
    program[e] = (byte) p;
    start[e] = day;
    baseline[e] = base;
    target[e] = g.newBuyersNeeded(base);
    deadline[e] = day + g.windowDays();
    preImpressions[e] = impressions;
    preBuyers[e] = won;
    Infeasibility why = judge(sim, e);
    reason[e] = (byte) (why == null ? -1 : why.ordinal());
  }

  /** Whether enrolment e's promise can be kept at all; see {@link Infeasibility}. */
  private Infeasibility judge(Simulation sim, int e) {
    int r = row[e];
    int remaining = target[e] - preBuyers[e];
    if (remaining <= 0) {
      return null;
    }
    EligibilityGraph graph = sim.graph;
    double cap = sim.config.segmentCapShare();
    double capWeighted = 0;
    for (int k = 0, degree = graph.supplierDegree(r); k < degree; k++) {
      int j = graph.segmentOf(graph.supplierEdge(r, k));
      capWeighted += cap * sim.forecast[j] * sim.segmentFactor[j];
    }
    if (!(capWeighted > 0)) {
      return Infeasibility.NO_ELIGIBLE_SEGMENT;
    }
    BuyerModel buyers = sim.buyers;
    if (remaining > buyers.headroom(r, preBuyers[e])) {
      return Infeasibility.BUYER_POOL_EXHAUSTED;
    }
    int days = deadline[e] - Math.max(start[e], 0);
    double pool = buyers.reachablePool(r);
    double saturation = 1 - (buyers.existingBuyers(r) + preBuyers[e] + remaining / 2.0) / pool;
    double most = days * buyers.newBuyerRate(r) * capWeighted * Math.max(0.0, saturation);
    return most < remaining ? Infeasibility.ABOVE_ELIGIBLE_SUPPLY : null;
  }
}
