package org.beltway.sim;

import java.util.EnumMap;
import java.util.Map;
import org.beltway.supplier.Count;
import org.beltway.supplier.SupplierTable;

/**
 * How suppliers' signals drift as the simulation gives them new buyers, for the weekly re-score. Kept
 * simple on purpose:
 * <ul>
 *   <li>the scoring window is <em>extended</em>, not rolled: the generated 90-day window plus every day
 *       simulated so far (old events are not dropped);
 *   <li>each new buyer places one order: {@code product.buyers} and {@code product.orders} grow by the
 *       supplier's new buyers {@code g}; repeat buyers do not grow (a new buyer has not reordered yet,
 *       so the repeat-buyer rate falls as a supplier grows fast);
 *   <li>the outcomes of the new orders are added at their <em>expected</em> counts (rounded down) under
 *       the supplier's latent quality {@code q}, with the generator's rate curves (see
 *       {@link MarketplaceGenerator}; {@code b = (1 − q)²}; bad actors at the midpoints of their ranges):
 *       quality refunds 0.004 + 0.08 b (0.25), 30% rated with description match 0.70 + 0.29 q (0.45),
 *       silent orders 0.55 + 0.25 q, shipped in 48 h 0.55 + 0.44 q (0.35), on time 0.70 + 0.29 q
 *       (0.45), valid tracking 0.90 + 0.099 q (0.65), seller cancellations 0.002 + 0.04 b (0.10),
 *       disputes 0.001 + 0.02 b (0.055);
 *   <li>every other signal (chats, inquiries, products, prices, refund claimants) stays as generated.
 * </ul>
 * So a supplier that wins many buyers accumulates evidence of its true quality: a good small supplier
 * climbs as its shrunk rates leave the category prior, a bad one that was lucky falls. Package-private.
 */
final class SignalDrift {
  private static final Count[] DRIFTING = {
    Count.ORDERS, Count.BUYERS, Count.QUALITY_REFUND_ORDERS, Count.DESCRIPTION_RATINGS,
    Count.DESCRIPTION_MATCHES, Count.SILENT_ORDERS, Count.SHIPPED_IN_48H, Count.ON_TIME_DELIVERIES,
    Count.VALID_TRACKING, Count.SELLER_CANCELLATIONS, Count.DISPUTES
  };

  private final SupplierTable base;
  private final Marketplace marketplace;
  private final int[][] baseCounts = new int[DRIFTING.length][];

  SignalDrift(Marketplace marketplace) {
    this.marketplace = marketplace;
    this.base = marketplace.suppliers();
    int n = base.size();
    for (int c = 0; c < DRIFTING.length; c++) {
      int[] column = new int[n];
      for (int r = 0; r < n; r++) {
        column[r] = (int) base.count(DRIFTING[c], r);
      }
      baseCounts[c] = column;
    }
  }

  /**
   * The generated table with the counts of the extended window, given each row's new buyers since
   * day 0.
   */
  SupplierTable after(long[] newBuyers) {
    int n = base.size();
    int[][] next = new int[DRIFTING.length][n];
    for (int r = 0; r < n; r++) {
      long g = Math.min(newBuyers[r], Integer.MAX_VALUE / 4);
      double q = marketplace.quality(r);
      boolean bad = marketplace.isBadActor(r);
      double b = (1 - q) * (1 - q);
      long ratings = (long) Math.floor(0.30 * g);
      add(next, 0, r, g);
      add(next, 1, r, g);
      add(next, 2, r, expected(g, bad ? 0.25 : 0.004 + 0.08 * b));
      add(next, 3, r, ratings);
      add(next, 4, r, expected(ratings, bad ? 0.45 : 0.70 + 0.29 * q));
      add(next, 5, r, expected(g, 0.55 + 0.25 * q));
      add(next, 6, r, expected(g, bad ? 0.35 : 0.55 + 0.44 * q));
      add(next, 7, r, expected(g, bad ? 0.45 : 0.70 + 0.29 * q));
      add(next, 8, r, expected(g, bad ? 0.65 : 0.90 + 0.099 * q));
      add(next, 9, r, expected(g, bad ? 0.10 : 0.002 + 0.04 * b));
      add(next, 10, r, expected(g, bad ? 0.055 : 0.001 + 0.02 * b));
    }
    Map<Count, int[]> columns = new EnumMap<>(Count.class);
    for (int c = 0; c < DRIFTING.length; c++) {
      columns.put(DRIFTING[c], next[c]);
    }
    return base.withCounts(columns);
  }

  private void add(int[][] next, int column, int row, long extra) {
    next[column][row] = (int) Math.min(Integer.MAX_VALUE, baseCounts[column][row] + extra);
  }

  private static long expected(long n, double rate) {
    return (long) Math.floor(n * rate);
  }
}
