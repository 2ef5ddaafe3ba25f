package org.beltway.sim;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.beltway.internal.Strict;
import org.beltway.supplier.SupplierTable;

/**
 * Generates a seeded synthetic marketplace at any fraction of national scale (docs/design.md §1 and
 * §8), for the demo, the tests and the benchmarks. The same configuration always gives the same
 * marketplace, whatever the number of threads: supplier {@code i} is drawn from its own random stream,
 * seeded by a hash of (seed, i), so ranges of suppliers are drawn in parallel and appended in order.
 * Every row goes through {@link SupplierTable.Builder#add}, so every generated row has passed the
 * table's validation.
 *
 * <p>Every number below is the default at scale 1.0. "§1" marks a number from docs/design.md §1;
 * every other number is <b>assumed</b>, chosen to be plausible for a B2B wholesale marketplace and to
 * give the sizes of docs/design.md §9 (≈ 1 M suppliers, ≈ 20 k segments, ≈ 10 M edges).
 *
 * <h2>Suppliers</h2>
 * <ul>
 *   <li><b>Count</b>: {@link MarketplaceConfig#supplierCount()} = max(1, round(1 070 000 × scale)) (§1:
 *       1.07 M). Supplier {@code i} (row i) has id {@code 1 000 000 + i}.
 *   <li><b>Factories</b>: each supplier is a factory with probability 0.57, about 610 k at scale 1.0
 *       (§1: &gt; 600 k factories of 1.07 M, i.e. &gt; 56.1%).
 *   <li><b>Membership tier</b>: TrustPass 85%, Power merchant 12%, Super factory 3% overall. Super
 *       factories are always factories (3% / 57% = 5.3% of factories); 14% of factories are Power
 *       merchants, and 9.3% of non-factories, so that the overall share is 12%.
 *   <li><b>Belts and cities</b>: 60% of suppliers are in one of the 177 belts (70% of factories,
 *       46.7% of non-factories); the belt is drawn in proportion to its revenue (see {@link Catalogue}),
 *       so the 68 large belts (§1) hold about 89% of belt suppliers, and the city is the belt's. Of the
 *       suppliers outside belts, 40% are in a belt city (drawn in proportion to its number of belts), the
 *       others in the 260 other cities, drawn Zipf-like with exponent 1.
 *   <li><b>Days on platform</b>: 10% are new, uniform in [0, 90) days; the others have 90 + an
 *       exponential with mean 1 000 days, capped at 9 490 (the marketplace's 26 years).
 *   <li><b>Categories</b>: 1–6 leaf categories with probability 0.17, 0.26, 0.25, 0.17, 0.09, 0.06
 *       (mean 2.93). The primary category's sector is, for belt suppliers with probability 0.85, one of
 *       the belt's main sectors (the belt's primary sector with probability 0.6, else one of the others
 *       uniformly), otherwise drawn by sector size; within the sector the leaf is drawn by category
 *       weight. Each further category stays in the primary's sector with probability 0.8 (drawn by
 *       weight, without repeats), else is drawn from all categories by weight.
 *   <li><b>Programs</b> (opt-in, docs/design.md §1): joined independently with probability
 *       {@code min(0.95, base × tier factor × factory factor)}: bases distribution 0.28, cross-border
 *       0.15, light customization 0.11, offline selection 0.06; tier factors TrustPass 0.9, Power
 *       merchant 1.5, Super factory 2.0; factory factors (factory / non-factory) distribution 1.0 / 1.0,
 *       cross-border 0.9 / 1.13, light customization 1.3 / 0.6, offline 1.1 / 0.87. The factors average
 *       about 1, so overall rates stay near the bases (mean 0.60 programs per supplier).
 *   <li><b>Priority classes</b> (§1's "priority supply"), each with probability base × (0.5 + quality):
 *       demand insight 0.03; small-batch quick-response 0.08 for factories, 0.01 otherwise;
 *       light-customization brand OEM 0.30 of factories in the light-customization program; specialised
 *       SME 0.06 of factories; first-hand stall 0.12 of non-factories; brand owner 0.03; chain leader
 *       0.05 of belt suppliers that are Power merchants or Super factories; cross-border trader 0.25 of
 *       non-factories in the cross-border program. Each class is a minority (under 10%).
 * </ul>
 *
 * <h2>Signals of the 90-day window</h2>
 * <ul>
 *   <li><b>Latent quality</b> q in [0, 1]: logit-normal, {@code q = 1 / (1 + exp(-(0.8 + 0.25 [Power
 *       merchant] + 0.5 [Super factory] + 0.15 [factory] + 0.9 Z)))} (median about 0.7). A share of
 *       {@link MarketplaceConfig#badActorShare()} (default 1.5%) are bad actors with q uniform in
 *       [0, 0.1] and the terrible rates below. Every rate is a function of q; counts are binomial draws
 *       on those rates, so small suppliers are noisy.
 *   <li><b>Orders</b>: log-normal, {@code floor(median × exp(1.6 Z))}, capped at 5 000 000, with median
 *       8 (TrustPass), 60 (Power merchant), 300 (Super factory), × 1.5 for factories, × exp(1.5 (q −
 *       0.7)), × (days + 1) / 90 for new suppliers. About half the suppliers have under 10 orders; a
 *       few have tens of thousands or more.
 *   <li><b>Rates</b>, normal suppliers (with {@code b = (1 − q)²}) / bad actors (uniform in the range):
 *       quality refunds 0.004 + 0.08 b / 0.15–0.35 of orders; 30% of orders rated, matching description
 *       0.70 + 0.29 q / 0.30–0.60; buyers 1 + Bin(orders − 1, 0.5), repeat buyers Bin(buyers, 0.05 +
 *       0.40 q / 0–0.05) and at most orders − buyers; silent orders 0.55 + 0.25 q (§1: 70% of orders
 *       placed without chatting); inquiries {@code (0.6 orders + 2) × lognormal} (mean factor 1, log-sd
 *       0.6), inquiry orders 0.05 + 0.30 q of inquiries (at most the orders); chats = non-silent orders
 *       + inquiries, answered within 3 min 0.40 + 0.58 q / 0.05–0.30; shipped in 48 h 0.55 + 0.44 q /
 *       0.2–0.5; on time 0.70 + 0.29 q / 0.3–0.6; valid tracking 0.90 + 0.099 q / 0.5–0.8; seller
 *       cancellations 0.002 + 0.04 b / 0.05–0.15; disputes 0.001 + 0.02 b / 0.03–0.08.
 *   <li><b>New products</b>: innovation = q + 0.2 Z clamped to [0, 1]; listed products log-normal with
 *       median 30 (× 1.5 for factories, × 2 Power merchant, × 4 Super factory), log-sd 1.0, in [1,
 *       100 000]; new products with sales Bin(listed, 0.02 + 0.30 innovation), hit products Bin(listed,
 *       0.001 + 0.02 innovation²), both at most the orders; light-custom orders 0.05 + 0.30 innovation of
 *       orders in the light-customization program, 0.005 otherwise.
 *   <li><b>Price index</b>: log-normal with median exp(0.1 (q − 0.7)) and log-sd 0.25; 0.5% of normal
 *       suppliers are extreme, multiplied or divided by exp(U[1, 3]) (from about 0.04 to 25); bad
 *       actors dump at 0.3–0.7. Always &gt; 0.
 *   <li><b>Sales</b> (RMB) = orders × the primary category's reference price × price index × units per
 *       order (log-normal, median 40, log-sd 1.0); new-product sales = sales × min(1, new products with
 *       sales / listed × U[0.5, 2]).
 *   <li><b>Refund claims</b>: Bin(orders, 0.005 + 0.06 b / 0.15–0.30) claims split among 1–8 claimants
 *       (1 + a geometric count continuing with probability 0.6, at most the claims), each with at least
 *       one claim. 10% of claimants are abusive, with credibility U[0, 0.3] and each claim malicious with
 *       probability 0.7; the others have credibility U[0.6, 1] and 1% malicious claims. Of the
 *       remaining claims the supplier won the appeal with probability 0.05 + 0.25 q (bad actors 0.02).
 * </ul>
 *
 * <h2>Segments and traffic</h2>
 * Every leaf category × buyer tier {TOP, OTHER} × channel {wholesale, distribution, cross-border, light
 * customization, offline}: 10 per category, 20 000 at scale 1.0 (see {@link Marketplace} for ids).
 * Traffic is {@link MarketplaceConfig#dailyImpressions()} a day (default 1e9 × scale), split: by channel
 * 70% wholesale, 12% distribution, 9% cross-border, 6% light customization, 3% offline, exactly; within a
 * channel across categories in proportion to category weight × a per-category factor (log-normal, log-sd
 * 0.3) × a per-(category, channel) factor (log-normal, log-sd 0.25); within a category and channel 35%
 * to the TOP buyer tier (the top 20% of buyers, who search more) and 65% to the others.
 *
 * <h2>Sizes at scale 1.0</h2>
 * About 2.93 categories × 2 buyer tiers × (1 + 0.60 programs) ≈ 9.4 eligible edges per supplier, so
 * about 10 M edges ({@link Marketplace#eligibleEdgeCount()}); 20 000 segments. The supplier table
 * takes about 200 MB ({@link SupplierTable#columnBytes()}).
 */
public final class MarketplaceGenerator {
  /** Channel shares of the daily traffic, by {@link Channel} ordinal (assumed). */
  static final double[] CHANNEL_SHARE = {0.70, 0.12, 0.09, 0.06, 0.03};
  /** The TOP buyer tier's share of each category and channel's traffic (assumed). */
  static final double TOP_BUYER_SHARE = 0.35;
  static final double CATEGORY_TRAFFIC_LOG_SD = 0.3;
  static final double CHANNEL_TRAFFIC_LOG_SD = 0.25;
  static final int CHUNK = 4096;
  /** The most threads {@link #generate(MarketplaceConfig, int)} accepts. */
  public static final int MAX_THREADS = 256;

  private static final Channel[] CHANNELS = Channel.values();
  private static final BuyerTier[] BUYER_TIERS = BuyerTier.values();

  private MarketplaceGenerator() {}

  /**
   * The catalogue of a configuration, without generating any supplier (microseconds); equal to the
   * catalogue of {@link #generate} for the same configuration.
   */
  public static Catalogue catalogue(MarketplaceConfig config) {
    Strict.nonNull(config, "config", MarketplaceConfig.class);
    return new Catalogue(config);
  }

  /** Generates a marketplace on all available processors. */
  public static Marketplace generate(MarketplaceConfig config) {
    Strict.nonNull(config, "config", MarketplaceConfig.class);
    return generate(config, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Generates a marketplace; the result does not depend on {@code threads}.
   *
   * @param threads threads drawing suppliers, in [1, {@value #MAX_THREADS}]; with 1 everything runs on
   *     the calling thread
   * @throws IllegalArgumentException if {@code threads} is out of range
   * @throws IllegalStateException if the calling thread is interrupted (its interrupt flag is kept)
   */
  public static Marketplace generate(MarketplaceConfig config, int threads) {
    Strict.nonNull(config, "config", MarketplaceConfig.class);
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "threads must be in [1, %d]: %d", MAX_THREADS, threads));
    }
    Catalogue catalogue = new Catalogue(config);
    SupplierDraws draws = new SupplierDraws(config, catalogue);
    int n = config.supplierCount();
    SupplierTable.Builder table = SupplierTable.builder(n);
    double[] quality = new double[n];
    boolean[] badActor = new boolean[n];
    int chunks = (n + CHUNK - 1) / CHUNK;
    if (threads == 1) {
      for (int k = 0; k < chunks; k++) {
        append(draws.draw(k * CHUNK, Math.min(n, (k + 1) * CHUNK)), table, quality, badActor);
      }
    } else {
      AtomicInteger threadNumber = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
        Thread t = new Thread(task, "beltway-marketplace-" + threadNumber.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      try {
        ArrayDeque<Future<SupplierDraws.Chunk>> ahead = new ArrayDeque<>();
        int next = 0;
        for (int k = 0; k < chunks; k++) {
          while (next < chunks && ahead.size() < 4 * threads) {
            int from = next * CHUNK;
            int to = Math.min(n, from + CHUNK);
            ahead.add(pool.submit(() -> draws.draw(from, to)));
            next++;
          }
          append(await(ahead.poll()), table, quality, badActor);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return new Marketplace(config, catalogue, table.build(), segments(config, catalogue), quality, badActor);
  }

  private static SupplierDraws.Chunk await(Future<SupplierDraws.Chunk> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while generating a marketplace", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static void append(SupplierDraws.Chunk chunk, SupplierTable.Builder table, double[] quality,
      boolean[] badActor) {
    for (int k = 0; k < chunk.suppliers.length; k++) {
      table.add(chunk.suppliers[k], chunk.signals[k]);
    }
    System.arraycopy(chunk.quality, 0, quality, chunk.from, chunk.quality.length);
    System.arraycopy(chunk.badActor, 0, badActor, chunk.from, chunk.badActor.length);
  }

  /** The segments and their daily traffic; random factors come from stream -2 of the seed. */
  static SegmentTable segments(MarketplaceConfig config, Catalogue catalogue) {
    SplittableRandom r = Draws.stream(config.seed(), -2);
    int n = catalogue.categoryCount();
    int channels = CHANNELS.length;
    double[] weight = new double[n * channels];
    double[] channelSum = new double[channels];
    for (int c = 0; c < n; c++) {
      double category = catalogue.categoryWeight(c) * Draws.logNormal(r, 1, CATEGORY_TRAFFIC_LOG_SD);
      for (int h = 0; h < channels; h++) {
        double w = category * Draws.logNormal(r, 1, CHANNEL_TRAFFIC_LOG_SD);
        weight[c * channels + h] = w;
        channelSum[h] += w;
      }
    }
    double total = config.dailyImpressions();
    SegmentTable.Builder b = SegmentTable.builder(n * channels * BUYER_TIERS.length);
    for (int c = 0; c < n; c++) {
      for (BuyerTier t : BUYER_TIERS) {
        double tierShare = t == BuyerTier.TOP ? TOP_BUYER_SHARE : 1 - TOP_BUYER_SHARE;
        for (Channel h : CHANNELS) {
          double traffic = total * CHANNEL_SHARE[h.ordinal()] * tierShare
              * weight[c * channels + h.ordinal()] / channelSum[h.ordinal()];
          b.add(Segment.of(Marketplace.segmentId(c, t, h), c, t, h, traffic));
        }
      }
    }
    return b.build();
  }
}
