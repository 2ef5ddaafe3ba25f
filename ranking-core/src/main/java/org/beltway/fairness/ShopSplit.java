package org.beltway.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Claimant;
import org.beltway.supplier.Count;
import org.beltway.supplier.Signals;

/**
 * Cuts one supplier's signals into N shops' whose sums are the original's: every count and sale adds
 * up, refund claimants are dealt out, and each shop's parts stay within its wholes, so every shop is a
 * valid row. Shop sizes are random (seeded), from half to one and a half times the mean.
 */
final class ShopSplit {
  private ShopSplit() {}

  static Signals[] split(Signals whole, int shops, SplittableRandom random) {
    double[] weight = new double[shops];
    double sum = 0;
    for (int k = 0; k < shops; k++) {
      weight[k] = 0.5 + random.nextDouble();
      sum += weight[k];
    }
    for (int k = 0; k < shops; k++) {
      weight[k] /= sum;
    }
    List<List<Claimant>> claimants = new ArrayList<>();
    long[] claims = new long[shops];
    for (int k = 0; k < shops; k++) {
      claimants.add(new ArrayList<>());
    }
    for (Claimant c : whole.claimants()) {
      int k = random.nextInt(shops);
      claimants.get(k).add(c);
      claims[k] += c.claims();
    }
    long[][] counts = new long[Count.values().length][];
    for (Count c : Count.values()) {
      if (c.whole() != null) {
        continue;
      }
      if (c == Count.ORDERS) {
        long free = whole.count(c);
        for (long x : claims) {
          free -= x;
        }
        long[] orders = byWeight(free, weight);
        for (int k = 0; k < shops; k++) {
          orders[k] += claims[k];
        }
        counts[c.ordinal()] = orders;
      } else {
        counts[c.ordinal()] = byWeight(whole.count(c), weight);
      }
    }
    for (Count c : Count.values()) {
      if (c.whole() != null) {
        counts[c.ordinal()] = within(whole.count(c), counts[c.whole().ordinal()], whole.count(c.whole()));
      }
    }
    Signals[] out = new Signals[shops];
    double sales = whole.amount(Amount.SALES);
    double newSales = whole.amount(Amount.NEW_PRODUCT_SALES);
    double given = 0;
    for (int k = 0; k < shops; k++) {
      double s = k == shops - 1 ? Math.max(0, sales - given) : sales * weight[k];
      given += s;
      Signals.Builder b = Signals.builder();
      for (Count c : Count.values()) {
        b.count(c, counts[c.ordinal()][k]);
      }
      b.amount(Amount.PRICE_INDEX, whole.amount(Amount.PRICE_INDEX));
      b.amount(Amount.SALES, s);
      b.amount(Amount.NEW_PRODUCT_SALES, sales > 0 ? Math.min(s, newSales * (s / sales)) : 0);
      for (Claimant c : claimants.get(k)) {
        b.claimant(c.claims(), c.malicious(), c.appealsWon(), c.credibility());
      }
      out[k] = b.build();
    }
    return out;
  }

  /** {@code total} dealt by weight, largest remainders first, so the parts add up exactly. */
  private static long[] byWeight(long total, double[] weight) {
    long[] out = new long[weight.length];
    double[] rest = new double[weight.length];
    long given = 0;
    for (int k = 0; k < weight.length; k++) {
      double exact = total * weight[k];
      out[k] = (long) Math.floor(exact);
      rest[k] = exact - out[k];
      given += out[k];
    }
    for (int k = 0; given > total; k = (k + 1) % out.length) { // weights summing above 1 by rounding
      if (out[k] > 0) {
        out[k]--;
        given--;
      }
    }
    while (given < total) {
      int best = 0;
      for (int k = 1; k < weight.length; k++) {
        if (rest[k] > rest[best]) {
          best = k;
        }
      }
      out[best]++;
      rest[best] = -1;
      given++;
    }
    return out;
  }

  /** A part dealt in proportion to its shops' wholes, then moved where it would pass a shop's whole. */
  private static long[] within(long part, long[] wholes, long whole) {
    double[] weight = new double[wholes.length];
    for (int k = 0; k < wholes.length; k++) {
      weight[k] = whole > 0 ? (double) wholes[k] / whole : 1.0 / wholes.length;
    }
    long[] out = byWeight(part, weight);
    long excess = 0;
    for (int k = 0; k < out.length; k++) {
      if (out[k] > wholes[k]) {
        excess += out[k] - wholes[k];
        out[k] = wholes[k];
      }
    }
    for (int k = 0; k < out.length && excess > 0; k++) {
      long room = Math.min(excess, wholes[k] - out[k]);
      out[k] += room;
      excess -= room;
    }
    return out;
  }
}
