package org.beltway.sim;

import java.util.Locale;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.SegmentTable;
import org.beltway.internal.Strict;
import org.beltway.supplier.Count;
import org.beltway.supplier.Program;
import org.beltway.supplier.SupplierTable;

/**
 * The buyers behind a generated marketplace's daily traffic, and how an impression becomes a new buyer
 * of a supplier. Individual buyers and impressions are not simulated (a national day has 1e9
 * impressions): the model works per segment and per supplier, and the simulation draws each supplier's
 * new buyers of a day from the expected count this class gives.
 *
 * <p>Every number is the default at scale 1.0; "§1" marks a number from docs/design.md §1, every other
 * number is <b>assumed</b>.
 *
 * <h2>Buyers and their pools</h2>
 * <ul>
 *   <li><b>Buyers</b>: {@code round(96 M × scale)} (§1: 96 M buyers), of whom {@code round(10 M × scale)}
 *       are paid members (§1: 10 M). The TOP buyer tier is the top {@value #TOP_BUYER_SHARE} of buyers
 *       by purchasing volume (19.2 M); paid members are counted among them (they are the marketplace's
 *       most active buyers), so 10 / 19.2 = 52% of TOP buyers are paid members.
 *   <li><b>Pool of a segment</b> (category c, buyer tier t, channel h): the buyers who search there,
 *       {@code buyers × CATEGORIES_PER_BUYER × share(c, h) × tierShare(t)}, where a buyer searches
 *       {@value #CATEGORIES_PER_BUYER} leaf categories on average, {@code share(c, h)} is the (c, h)
 *       pair's share of the daily traffic (both tiers), and {@code tierShare} is 0.2 for TOP and 0.8 for
 *       OTHER. A buyer who searches several categories or channels is counted in each pool: pools are
 *       memberships, not heads.
 *   <li><b>Reachable pool of a supplier</b>: the sum of the pools of every segment it is eligible in (it
 *       sells in the category and, outside wholesale, joined the channel's program), so about 9.4 segments
 *       and a few hundred thousand buyers for a typical national supplier.
 *   <li><b>Buyers already won</b>: the supplier's {@code product.buyers} count of the generated 90-day
 *       window, plus every new buyer the simulation gives it. A new buyer is one the supplier has not
 *       won before, so the chance that an interested buyer is new falls with the share of the pool
 *       already won: {@code 1 − won / pool}. This matters only for head suppliers with tens of thousands
 *       of buyers; it is what makes "double your buyers" hard for them.
 * </ul>
 *
 * <h2>Clicks and conversion</h2>
 * An impression of supplier i in segment j is clicked with probability {@code ctr(q_i) = 0.01 + 0.03 q}
 * (1% to 4%) and a click wins a buyer new to the supplier with probability {@code cvr(q_i) = 0.008 +
 * 0.024 q} (0.8% to 3.2%), where {@code q} is the supplier's latent quality (the generator's ground truth,
 * which scoring never sees). Both are multiplied, per segment, by a channel factor (wholesale 1.0,
 * distribution 1.2: resellers buy in bulk and often; cross-border 0.6: long-distance buyers compare
 * more; light customization 0.8: custom orders take negotiation; offline selection centres 1.5: the
 * buyers are pre-qualified) and a buyer-tier factor (OTHER 1.0, TOP {@code 1 + 0.5 × 10/19.2 = 1.26}:
 * paid members buy half as often again). By binomial thinning the new buyers of {@code n} impressions are
 * {@code Binomial(n, ctr · cvr · factor · (1 − won / pool))}; with rates of about 1e-4 the simulation
 * draws them as a Poisson variate of that mean. A median supplier (q ≈ 0.7) wins about 7.7e-4 new buyers
 * per wholesale impression, a bad actor (q ≤ 0.1) under 1.6e-4.
 *
 * <p>Calibration: with merit-proportional exposure of the day's impressions (1e9 × scale), the rates
 * above give the suppliers new buyers of the same order as the generated 90-day windows hold buyers:
 * measured at seed 42, about 76 new buyers per supplier per 90 days against 56 to 58 buyers per supplier
 * in the windows, at scales 0.01 to 0.2 ({@link SimulationResult#buyersPer90DaysAtFairExposure()} prints
 * the figure of every run).
 *
 * <p>Immutable.
 */
public final class BuyerModel {
  /** Buyers at scale 1.0 (docs/design.md §1). */
  public static final long NATIONAL_BUYERS = 96_000_000L;
  /** Paid buyer members at scale 1.0 (docs/design.md §1). */
  public static final long NATIONAL_PAID_MEMBERS = 10_000_000L;
  /** Leaf categories a buyer searches on average (assumed). */
  public static final double CATEGORIES_PER_BUYER = 4.0;
  /** The TOP buyer tier's share of buyers: the top 20% by purchasing volume (docs/design.md §1). */
  public static final double TOP_BUYER_SHARE = 0.2;
  /** How much more often a paid member converts than another buyer (assumed). */
  public static final double PAID_MEMBER_LIFT = 0.5;
  /** Conversion factor by {@link Channel} ordinal (assumed; see the class doc). */
  private static final double[] CHANNEL_CONVERSION = {1.0, 1.2, 0.6, 0.8, 1.5};

  private static final Channel[] CHANNELS = Channel.values();

  private final long buyers;
  private final long paidMembers;
  private final double topTierFactor;
  private final double[] segmentPool;
  private final double[] segmentFactor;
  private final double[] quality;
  private final double[] reachablePool;
  private final int[] existingBuyers;

  private BuyerModel(Marketplace marketplace) {
    double scale = marketplace.config().scale();
    buyers = Math.max(1, Math.round(NATIONAL_BUYERS * scale));
    paidMembers = Math.round(NATIONAL_PAID_MEMBERS * scale);
    double topBuyers = TOP_BUYER_SHARE * buyers;
    topTierFactor = 1 + PAID_MEMBER_LIFT * Math.min(1.0, paidMembers / topBuyers);

    SupplierTable suppliers = marketplace.suppliers();
    SegmentTable segments = marketplace.segments();
    int segmentCount = segments.size();
    int categoryLimit = Math.max(suppliers.categoryLimit(), 1);
    for (int j = 0; j < segmentCount; j++) {
      categoryLimit = Math.max(categoryLimit, segments.category(j) + 1);
    }
    int channels = CHANNELS.length;
    double[] pairTraffic = new double[categoryLimit * channels];
    for (int j = 0; j < segmentCount; j++) {
      pairTraffic[segments.category(j) * channels + segments.channel(j).ordinal()] += segments.traffic(j);
    }
    double total = segments.totalTraffic();
    segmentPool = new double[segmentCount];
    segmentFactor = new double[segmentCount];
    for (int j = 0; j < segmentCount; j++) {
      boolean top = segments.buyerTier(j) == BuyerTier.TOP;
      double share = total > 0
          ? pairTraffic[segments.category(j) * channels + segments.channel(j).ordinal()] / total : 0;
      segmentPool[j] = buyers * CATEGORIES_PER_BUYER * share * (top ? TOP_BUYER_SHARE : 1 - TOP_BUYER_SHARE);
      segmentFactor[j] = CHANNEL_CONVERSION[segments.channel(j).ordinal()] * (top ? topTierFactor : 1.0);
    }

    // segments by category, to sum each supplier's reachable pool in time linear in its segments
    int[] start = new int[categoryLimit + 1];
    for (int j = 0; j < segmentCount; j++) {
      start[segments.category(j) + 1]++;
    }
    for (int c = 0; c < categoryLimit; c++) {
      start[c + 1] += start[c];
    }
    int[] byCategory = new int[segmentCount];
    int[] fill = start.clone();
    for (int j = 0; j < segmentCount; j++) {
      byCategory[fill[segments.category(j)]++] = j;
    }
    int n = suppliers.size();
    quality = new double[n];
    reachablePool = new double[n];
    existingBuyers = new int[n];
    for (int row = 0; row < n; row++) {
      quality[row] = marketplace.quality(row);
      existingBuyers[row] = (int) suppliers.count(Count.BUYERS, row);
      double pool = 0;
      for (int k = 0, kc = suppliers.categoryCount(row); k < kc; k++) {
        int c = suppliers.category(row, k);
        for (int s = start[c]; s < start[c + 1]; s++) {
          int j = byCategory[s];
          Program program = segments.channel(j).program();
          if (program == null || suppliers.joined(row, program)) {
            pool += segmentPool[j];
          }
        }
      }
      reachablePool[row] = pool;
    }
  }

  /** The buyer model of a generated marketplace. */
  public static BuyerModel of(Marketplace marketplace) {
    Strict.nonNull(marketplace, "marketplace", Marketplace.class);
    return new BuyerModel(marketplace);
  }

  /** Buyers: {@code max(1, round(96 M × scale))}. */
  public long buyers() {
    return buyers;
  }

  /** Paid buyer members, all in the TOP buyer tier: {@code round(10 M × scale)}. */
  public long paidMembers() {
    return paidMembers;
  }

  /** The conversion factor of the TOP buyer tier, {@code 1 + 0.5 × paid members / TOP buyers}. */
  public double topTierFactor() {
    return topTierFactor;
  }

  /** The number of segments. */
  public int segmentCount() {
    return segmentPool.length;
  }

  /** The number of supplier rows. */
  public int supplierCount() {
    return quality.length;
  }

  /** The buyers who search in a segment (memberships; see the class doc). */
  public double segmentPool(int segment) {
    return segmentPool[segment];
  }

  /** The conversion factor of a segment: its channel's factor times its buyer tier's. */
  public double segmentFactor(int segment) {
    return segmentFactor[segment];
  }

  /** The click-through rate of a supplier of latent quality {@code q}: {@code 0.01 + 0.03 q}. */
  public static double clickRate(double quality) {
    return 0.01 + 0.03 * quality;
  }

  /** The share of clicks that win a buyer new to a supplier of latent quality {@code q}: {@code 0.008 + 0.024 q}. */
  public static double conversionPerClick(double quality) {
    return 0.008 + 0.024 * quality;
  }

  /** The click-through rate of a supplier row. */
  public double clickRate(int row) {
    return clickRate(quality[row]);
  }

  /**
   * A supplier's new buyers per impression in a segment of factor 1 with no buyer won yet:
   * {@code ctr(q) · cvr(q)}.
   */
  public double newBuyerRate(int row) {
    double q = quality[row];
    return clickRate(q) * conversionPerClick(q);
  }

  /** The buyers of every segment a supplier is eligible in. */
  public double reachablePool(int row) {
    return reachablePool[row];
  }

  /** The buyers a supplier had before the simulation: its window's {@code product.buyers}. */
  public int existingBuyers(int row) {
    return existingBuyers[row];
  }

  /**
   * The buyers of a supplier's reachable pool it has not won yet.
   *
   * @param won new buyers won since the simulation began, {@code >= 0}
   */
  public double headroom(int row, long won) {
    return Math.max(0.0, reachablePool[row] - existingBuyers[row] - won);
  }

  /**
   * The expected new buyers of a supplier from impressions whose segment factors sum to
   * {@code weightedImpressions} (Σ impressions × {@link #segmentFactor}), given the new buyers it has won
   * so far: {@code ctr · cvr · weightedImpressions · (1 − won / pool)}, at most its {@link #headroom}.
   *
   * @throws IllegalArgumentException if the impressions are negative or not finite, or won is negative
   */
  public double expectedNewBuyers(int row, double weightedImpressions, long won) {
    if (!(weightedImpressions >= 0 && weightedImpressions < Double.POSITIVE_INFINITY) || won < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "supplier row %d: weightedImpressions (%s) and won (%d): expected finite impressions >= 0 and"
              + " won >= 0", row, weightedImpressions, won));
    }
    return expected(row, weightedImpressions, won);
  }

  /** {@link #expectedNewBuyers} without the checks, for the simulation's daily loop. */
  double expected(int row, double weightedImpressions, long won) {
    double pool = reachablePool[row];
    double free = pool - existingBuyers[row] - won;
    if (!(free > 0) || !(weightedImpressions > 0)) {
      return 0.0;
    }
    double q = quality[row];
    double mean = clickRate(q) * conversionPerClick(q) * weightedImpressions * (free / pool);
    return Math.min(mean, free);
  }
}
