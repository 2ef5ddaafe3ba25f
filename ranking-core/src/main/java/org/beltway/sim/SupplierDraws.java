package org.beltway.sim;

import java.util.SplittableRandom;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Count;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.PriorityClass;
import org.beltway.supplier.Program;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;

/**
 * Draws one supplier and the signals of its 90-day window from the random stream of its index, so that
 * any range of suppliers can be drawn on any thread. Every number here is documented on
 * {@link MarketplaceGenerator}; keep the two in step. Package-private machinery.
 */
final class SupplierDraws {
  static final long FIRST_ID = 1_000_000L;

  static final double FACTORY_SHARE = 0.57;
  static final double SUPER_FACTORY_SHARE = 0.03;
  static final double POWER_MERCHANT_SHARE = 0.12;
  static final double POWER_MERCHANT_AMONG_FACTORIES = 0.14;
  static final double SUPER_FACTORY_AMONG_FACTORIES = SUPER_FACTORY_SHARE / FACTORY_SHARE;
  static final double POWER_MERCHANT_AMONG_TRADERS =
      (POWER_MERCHANT_SHARE - FACTORY_SHARE * POWER_MERCHANT_AMONG_FACTORIES) / (1 - FACTORY_SHARE);

  static final double BELT_SHARE = 0.60;
  static final double BELT_SHARE_AMONG_FACTORIES = 0.70;
  static final double BELT_SHARE_AMONG_TRADERS =
      (BELT_SHARE - FACTORY_SHARE * BELT_SHARE_AMONG_FACTORIES) / (1 - FACTORY_SHARE);
  static final double OUTSIDE_BELT_IN_BELT_CITY = 0.40;
  static final double OTHER_CITY_ZIPF_EXPONENT = 1.0;

  static final double NEW_SUPPLIER_SHARE = 0.10;
  static final int NEW_SUPPLIER_DAYS = 90;
  static final double MEAN_DAYS_BEYOND_90 = 1_000;
  static final int MAX_DAYS_ON_PLATFORM = 9_490;

  static final double[] CATEGORY_COUNT_PROBABILITY = {0.17, 0.26, 0.25, 0.17, 0.09, 0.06};
  static final double BELT_SECTOR_LOYALTY = 0.85;
  static final double PRIMARY_BELT_SECTOR_WEIGHT = 0.6;
  static final double SAME_SECTOR = 0.80;

  /** Base opt-in rates by {@link Program} ordinal. */
  static final double[] PROGRAM_RATE = {0.28, 0.15, 0.11, 0.06};
  /** Opt-in multiplier by {@link MembershipTier} ordinal. */
  static final double[] PROGRAM_TIER_FACTOR = {0.9, 1.5, 2.0};
  /** Opt-in multiplier by program ordinal: factories, then traders. */
  static final double[][] PROGRAM_FACTORY_FACTOR = {{1.0, 1.0}, {0.9, 1.13}, {1.3, 0.6}, {1.1, 0.87}};

  static final int MAX_ORDERS = 5_000_000;
  static final double[] MEDIAN_ORDERS_BY_TIER = {8, 60, 300};
  static final double FACTORY_ORDER_FACTOR = 1.5;
  static final double ORDERS_LOG_SD = 1.6;
  static final double EXTREME_PRICE_SHARE = 0.005;
  static final int MAX_CLAIMANTS = 8;

  private static final Program[] PROGRAMS = Program.values();

  private final Catalogue catalogue;
  private final long seed;
  private final double badActorShare;
  private final AliasTable categories;
  private final AliasTable[] categoriesOfSector;
  private final AliasTable sectors;
  private final AliasTable belts;
  private final AliasTable beltCities;
  private final AliasTable otherCities;
  private final int[][] beltSectors;

  SupplierDraws(MarketplaceConfig config, Catalogue catalogue) {
    this.catalogue = catalogue;
    this.seed = config.seed();
    this.badActorShare = config.badActorShare();
    int n = catalogue.categoryCount();
    double[] weights = new double[n];
    for (int c = 0; c < n; c++) {
      weights[c] = catalogue.categoryWeight(c);
    }
    categories = new AliasTable(weights);
    categoriesOfSector = new AliasTable[Catalogue.SECTOR_COUNT];
    double[] sectorWeights = new double[Catalogue.SECTOR_COUNT];
    for (int s = 0; s < Catalogue.SECTOR_COUNT; s++) {
      int first = catalogue.firstCategory(s);
      double[] w = new double[catalogue.categoriesIn(s)];
      for (int k = 0; k < w.length; k++) {
        w[k] = weights[first + k];
        sectorWeights[s] += w[k];
      }
      categoriesOfSector[s] = new AliasTable(w);
    }
    sectors = new AliasTable(sectorWeights);
    double[] revenue = new double[Catalogue.BELT_COUNT];
    double[] beltsPerCity = new double[Catalogue.BELT_CITY_COUNT];
    beltSectors = new int[Catalogue.BELT_COUNT][];
    for (int b = 0; b < revenue.length; b++) {
      revenue[b] = catalogue.beltRevenue(b);
      beltsPerCity[catalogue.beltCity(b)]++;
      beltSectors[b] = catalogue.beltSectors(b);
    }
    belts = new AliasTable(revenue);
    beltCities = new AliasTable(beltsPerCity);
    double[] others = new double[Catalogue.CITY_COUNT - Catalogue.BELT_CITY_COUNT];
    for (int c = 0; c < others.length; c++) {
      others[c] = Math.pow(c + 1, -OTHER_CITY_ZIPF_EXPONENT);
    }
    otherCities = new AliasTable(others);
  }

  /** Draws suppliers [from, to) into a new chunk. */
  Chunk draw(int from, int to) {
    Chunk chunk = new Chunk(from, to - from);
    for (int i = from; i < to; i++) {
      draw(i, chunk, i - from);
    }
    return chunk;
  }

  /** The suppliers, signals and ground truth of a range of supplier indices. */
  static final class Chunk {
    final int from;
    final Supplier[] suppliers;
    final Signals[] signals;
    final double[] quality;
    final boolean[] badActor;

    Chunk(int from, int size) {
      this.from = from;
      suppliers = new Supplier[size];
      signals = new Signals[size];
      quality = new double[size];
      badActor = new boolean[size];
    }
  }

  private void draw(int index, Chunk out, int slot) {
    SplittableRandom r = Draws.stream(seed, index);
    boolean bad = r.nextDouble() < badActorShare;
    boolean factory = r.nextDouble() < FACTORY_SHARE;
    MembershipTier tier = tier(r, factory);
    boolean inBelt = r.nextDouble() < (factory ? BELT_SHARE_AMONG_FACTORIES : BELT_SHARE_AMONG_TRADERS);
    int belt = inBelt ? belts.sample(r) : Supplier.NO_BELT;
    int city = inBelt ? catalogue.beltCity(belt)
        : r.nextDouble() < OUTSIDE_BELT_IN_BELT_CITY ? beltCities.sample(r)
        : Catalogue.BELT_CITY_COUNT + otherCities.sample(r);
    int days = r.nextDouble() < NEW_SUPPLIER_SHARE ? r.nextInt(NEW_SUPPLIER_DAYS)
        : (int) Math.min(MAX_DAYS_ON_PLATFORM,
            NEW_SUPPLIER_DAYS - MEAN_DAYS_BEYOND_90 * Math.log(1.0 - r.nextDouble()));
    double quality = bad ? Draws.uniform(r, 0, 0.1)
        : Draws.logitNormal(r, 0.8 + (tier == MembershipTier.POWER_MERCHANT ? 0.25 : 0)
            + (tier == MembershipTier.SUPER_FACTORY ? 0.5 : 0) + (factory ? 0.15 : 0), 0.9);
    int[] cats = categories(r, belt);

    Supplier.Builder supplier = Supplier.builder(FIRST_ID + index).tier(tier).factory(factory)
        .belt(belt).city(city).categories(cats).daysOnPlatform(days);
    int programMask = 0;
    for (Program p : PROGRAMS) {
      double rate = PROGRAM_RATE[p.ordinal()] * PROGRAM_TIER_FACTOR[tier.ordinal()]
          * PROGRAM_FACTORY_FACTOR[p.ordinal()][factory ? 0 : 1];
      if (r.nextDouble() < Math.min(0.95, rate)) {
        supplier.join(p);
        programMask |= 1 << p.ordinal();
      }
    }
    boolean lightCustom = (programMask & (1 << Program.LIGHT_CUSTOMIZATION.ordinal())) != 0;
    boolean crossBorder = (programMask & (1 << Program.CROSS_BORDER.ordinal())) != 0;
    boolean strongTier = tier != MembershipTier.TRUSTPASS;
    double lift = 0.5 + quality;
    priority(r, supplier, PriorityClass.DEMAND_INSIGHT, 0.03 * lift);
    priority(r, supplier, PriorityClass.SMALL_BATCH_QUICK_RESPONSE, (factory ? 0.08 : 0.01) * lift);
    priority(r, supplier, PriorityClass.LIGHT_CUSTOM_BRAND_OEM, factory && lightCustom ? 0.30 * lift : 0);
    priority(r, supplier, PriorityClass.SPECIALISED_SME, factory ? 0.06 * lift : 0);
    priority(r, supplier, PriorityClass.FIRST_HAND_STALL, factory ? 0 : 0.12 * lift);
    priority(r, supplier, PriorityClass.BRAND_OWNER, 0.03 * lift);
    priority(r, supplier, PriorityClass.CHAIN_LEADER, inBelt && strongTier ? 0.05 * lift : 0);
    priority(r, supplier, PriorityClass.CROSS_BORDER_TRADER, !factory && crossBorder ? 0.25 * lift : 0);

    out.suppliers[slot] = supplier.build();
    out.signals[slot] = signals(r, tier, factory, days, quality, bad, lightCustom, cats[0]);
    out.quality[slot] = quality;
    out.badActor[slot] = bad;
  }

  private static MembershipTier tier(SplittableRandom r, boolean factory) {
    double u = r.nextDouble();
    if (factory) {
      return u < SUPER_FACTORY_AMONG_FACTORIES ? MembershipTier.SUPER_FACTORY
          : u < SUPER_FACTORY_AMONG_FACTORIES + POWER_MERCHANT_AMONG_FACTORIES
          ? MembershipTier.POWER_MERCHANT : MembershipTier.TRUSTPASS;
    }
    return u < POWER_MERCHANT_AMONG_TRADERS ? MembershipTier.POWER_MERCHANT : MembershipTier.TRUSTPASS;
  }

  private static void priority(SplittableRandom r, Supplier.Builder b, PriorityClass c, double p) {
    if (r.nextDouble() < p) {
      b.priority(c);
    }
  }

  /** 1–6 distinct categories, primary first, clustered in the primary's sector. */
  private int[] categories(SplittableRandom r, int belt) {
    double u = r.nextDouble();
    int k = 1;
    for (double acc = CATEGORY_COUNT_PROBABILITY[0]; u >= acc && k < CATEGORY_COUNT_PROBABILITY.length; k++) {
      acc += CATEGORY_COUNT_PROBABILITY[k];
    }
    int sector;
    if (belt != Supplier.NO_BELT && r.nextDouble() < BELT_SECTOR_LOYALTY) {
      int[] own = beltSectors[belt];
      sector = own.length == 1 || r.nextDouble() < PRIMARY_BELT_SECTOR_WEIGHT ? own[0]
          : own[1 + r.nextInt(own.length - 1)];
    } else {
      sector = sectors.sample(r);
    }
    int[] cats = new int[k];
    int first = catalogue.firstCategory(sector);
    int inSector = catalogue.categoriesIn(sector);
    cats[0] = first + categoriesOfSector[sector].sample(r);
    int taken = 1;
    int takenInSector = 1;
    while (taken < k) {
      int c = -1;
      if (takenInSector < inSector && r.nextDouble() < SAME_SECTOR) {
        for (int attempt = 0; attempt < 16 && c < 0; attempt++) {
          int candidate = first + categoriesOfSector[sector].sample(r);
          c = contains(cats, taken, candidate) ? -1 : candidate;
        }
        if (c < 0) { // a small sector nearly used up: take the next free leaf
          int start = r.nextInt(inSector);
          for (int j = 0; j < inSector && c < 0; j++) {
            int candidate = first + (start + j) % inSector;
            c = contains(cats, taken, candidate) ? -1 : candidate;
          }
        }
        takenInSector++;
      } else {
        int n = catalogue.categoryCount();
        for (int attempt = 0; attempt < 16 && c < 0; attempt++) {
          int candidate = categories.sample(r);
          c = contains(cats, taken, candidate) ? -1 : candidate;
        }
        if (c < 0) {
          int start = r.nextInt(n);
          for (int j = 0; j < n && c < 0; j++) {
            int candidate = (start + j) % n;
            c = contains(cats, taken, candidate) ? -1 : candidate;
          }
        }
        if (catalogue.sector(c) == sector) {
          takenInSector++;
        }
      }
      cats[taken++] = c;
    }
    return cats;
  }

  private static boolean contains(int[] values, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private Signals signals(SplittableRandom r, MembershipTier tier, boolean factory, int days,
      double q, boolean bad, boolean lightCustom, int primary) {
    double median = MEDIAN_ORDERS_BY_TIER[tier.ordinal()] * (factory ? FACTORY_ORDER_FACTOR : 1)
        * Math.exp(1.5 * (q - 0.7)) * Math.min(1.0, (days + 1.0) / NEW_SUPPLIER_DAYS);
    int orders = (int) Math.min(MAX_ORDERS, Math.floor(Draws.logNormal(r, median, ORDERS_LOG_SD)));
    double bq = (1 - q) * (1 - q);
    double defect;
    double descriptionMatch;
    double repeat;
    double answered;
    double shipped;
    double onTime;
    double tracking;
    double cancel;
    double dispute;
    double claimRate;
    if (bad) {
      defect = Draws.uniform(r, 0.15, 0.35);
      descriptionMatch = Draws.uniform(r, 0.30, 0.60);
      repeat = Draws.uniform(r, 0.0, 0.05);
      answered = Draws.uniform(r, 0.05, 0.30);
      shipped = Draws.uniform(r, 0.20, 0.50);
      onTime = Draws.uniform(r, 0.30, 0.60);
      tracking = Draws.uniform(r, 0.50, 0.80);
      cancel = Draws.uniform(r, 0.05, 0.15);
      dispute = Draws.uniform(r, 0.03, 0.08);
      claimRate = Draws.uniform(r, 0.15, 0.30);
    } else {
      defect = 0.004 + 0.08 * bq;
      descriptionMatch = 0.70 + 0.29 * q;
      repeat = 0.05 + 0.40 * q;
      answered = 0.40 + 0.58 * q;
      shipped = 0.55 + 0.44 * q;
      onTime = 0.70 + 0.29 * q;
      tracking = 0.90 + 0.099 * q;
      cancel = 0.002 + 0.04 * bq;
      dispute = 0.001 + 0.02 * bq;
      claimRate = 0.005 + 0.06 * bq;
    }
    int ratings = Draws.binomial(r, orders, 0.30);
    int buyers = orders == 0 ? 0 : 1 + Draws.binomial(r, orders - 1, 0.5);
    int repeatBuyers = Math.min(Draws.binomial(r, buyers, repeat), orders - buyers);
    int silent = Draws.binomial(r, orders, 0.55 + 0.25 * q);
    int inquiries = (int) Math.min(MAX_ORDERS, Math.floor((0.6 * orders + 2) * Draws.logNormal(r, 0.84, 0.6)));
    int inquiryOrders = Math.min(orders, Draws.binomial(r, inquiries, 0.05 + 0.30 * q));
    int chats = orders - silent + inquiries;
    double innovation = Math.max(0, Math.min(1, q + 0.2 * r.nextGaussian()));
    double factoryListing = factory ? 1.5 : 1.0;
    int listed = (int) Math.max(1, Math.min(100_000, Math.round(Draws.logNormal(r,
        30 * factoryListing * (tier == MembershipTier.TRUSTPASS ? 1 : tier == MembershipTier.POWER_MERCHANT ? 2 : 4),
        1.0))));
    int newWithSales = Math.min(orders, Draws.binomial(r, listed, 0.02 + 0.30 * innovation));
    int hits = Math.min(orders, Draws.binomial(r, listed, 0.001 + 0.02 * innovation * innovation));

    double priceIndex;
    if (bad) {
      priceIndex = Draws.uniform(r, 0.3, 0.7);
    } else {
      priceIndex = Draws.logNormal(r, Math.exp(0.1 * (q - 0.7)), 0.25);
      if (r.nextDouble() < EXTREME_PRICE_SHARE) {
        priceIndex *= Math.exp((r.nextBoolean() ? 1 : -1) * Draws.uniform(r, 1, 3));
      }
    }
    double unitsPerOrder = Draws.logNormal(r, 40, 1.0);
    double sales = orders * catalogue.referencePrice(primary) * priceIndex * unitsPerOrder;
    double newShare = Math.min(1.0, (double) newWithSales / listed * Draws.uniform(r, 0.5, 2.0));

    Signals.Builder s = Signals.builder()
        .count(Count.ORDERS, orders)
        .count(Count.QUALITY_REFUND_ORDERS, Draws.binomial(r, orders, defect))
        .count(Count.DESCRIPTION_RATINGS, ratings)
        .count(Count.DESCRIPTION_MATCHES, Draws.binomial(r, ratings, descriptionMatch))
        .count(Count.BUYERS, buyers)
        .count(Count.REPEAT_BUYERS, repeatBuyers)
        .count(Count.CHATS, chats)
        .count(Count.CHATS_ANSWERED_IN_3_MIN, Draws.binomial(r, chats, answered))
        .count(Count.SILENT_ORDERS, silent)
        .count(Count.INQUIRIES, inquiries)
        .count(Count.INQUIRY_ORDERS, inquiryOrders)
        .count(Count.SHIPPED_IN_48H, Draws.binomial(r, orders, shipped))
        .count(Count.ON_TIME_DELIVERIES, Draws.binomial(r, orders, onTime))
        .count(Count.VALID_TRACKING, Draws.binomial(r, orders, tracking))
        .count(Count.SELLER_CANCELLATIONS, Draws.binomial(r, orders, cancel))
        .count(Count.DISPUTES, Draws.binomial(r, orders, dispute))
        .count(Count.LISTED_PRODUCTS, listed)
        .count(Count.NEW_PRODUCTS_WITH_SALES, newWithSales)
        .count(Count.HIT_PRODUCTS, hits)
        .count(Count.LIGHT_CUSTOM_ORDERS,
            Draws.binomial(r, orders, lightCustom ? 0.05 + 0.30 * innovation : 0.005))
        .amount(Amount.PRICE_INDEX, priceIndex)
        .amount(Amount.SALES, sales)
        .amount(Amount.NEW_PRODUCT_SALES, sales * newShare);
    claimants(r, s, Draws.binomial(r, orders, claimRate), bad ? 0.02 : 0.05 + 0.25 * q);
    return s.build();
  }

  /** Splits {@code claims} among 1–8 claimants, each with credibility, malicious claims and appeals won. */
  private static void claimants(SplittableRandom r, Signals.Builder s, int claims, double appealWinRate) {
    if (claims == 0) {
      return;
    }
    int m = 1;
    while (m < MAX_CLAIMANTS && r.nextDouble() < 0.6) {
      m++;
    }
    m = Math.min(m, claims);
    int left = claims - m;
    for (int j = 0; j < m; j++) {
      int extra = j == m - 1 ? left : Draws.binomial(r, left, 1.0 / (m - j));
      left -= extra;
      int own = 1 + extra;
      boolean abusive = r.nextDouble() < 0.10;
      double credibility = abusive ? Draws.uniform(r, 0, 0.3) : Draws.uniform(r, 0.6, 1.0);
      int malicious = Draws.binomial(r, own, abusive ? 0.7 : 0.01);
      int appealsWon = Draws.binomial(r, own - malicious, appealWinRate);
      s.claimant(own, malicious, appealsWon, credibility);
    }
  }
}
