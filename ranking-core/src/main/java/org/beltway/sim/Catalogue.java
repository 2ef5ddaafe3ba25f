package org.beltway.sim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fixed reference data of a generated marketplace: top-level sectors and their leaf categories
 * (with a size weight and a reference price each), cities, and industrial belts. Category, city and belt
 * ids are the ids stored in a {@link org.beltway.supplier.SupplierTable}.
 *
 * <p>Numbers and distributions (docs/design.md §1 where cited, assumed otherwise):
 * <ul>
 *   <li><b>Sectors</b>: {@value #SECTOR_COUNT} top-level sectors (assumed), each with a fixed share of
 *       the leaf categories (apparel 12%, home goods 8%, …; see {@link #sectorName}) and a median
 *       reference price in RMB (assumed, e.g. apparel 40, packaging 2, industrial machinery 3 000).
 *   <li><b>Leaf categories</b>: {@link MarketplaceConfig#categories()} of them, apportioned to sectors:
 *       one each, the other n − 20 by the sector shares (largest remainder) and numbered sector by sector, so a
 *       sector's leaves are the contiguous ids [{@link #firstCategory}, +{@link #categoriesIn}). Named
 *       {@code sector/leaf}, e.g. {@code apparel/042}. Size weights are Zipf-like with exponent
 *       {@value #CATEGORY_ZIPF_EXPONENT} (assumed) over a seeded random ranking of all categories, so
 *       the largest category of 2 000 holds about 3.4% of the weight and the smallest about 0.002%;
 *       weights sum to 1. A category's reference price is its sector's median times a log-normal
 *       factor with log-sd 0.7 (assumed), rounded to the cent.
 *   <li><b>Cities</b>: {@value #CITY_COUNT} (assumed). Cities [0, {@value #BELT_CITY_COUNT}) are the
 *       40 cities that host the industrial belts (docs/design.md §1: 177 belts in 40 cities), named
 *       after real manufacturing cities (Guangzhou, Yiwu, Jinjiang, …); the others, named
 *       {@code city-040} …, host only suppliers outside belts.
 *   <li><b>Belts</b>: {@value #BELT_COUNT} industrial belts, {@value #LARGE_BELT_COUNT} of them large
 *       (docs/design.md §1: worth ≥ 10 bn RMB a year). Belt ids are ordered by annual revenue,
 *       largest first, so belts [0, 68) are the large ones. Revenue (assumed): large belt of rank r
 *       (1-based) {@code 10 × (68 / r)^0.6} bn RMB (126 bn down to exactly 10 bn), small belt of rank r
 *       {@code 9.5 × r^-0.5} bn RMB (9.5 bn down to 0.91 bn); large belts hold about 89% of the
 *       revenue, and suppliers are drawn into belts in proportion to revenue. Every belt city gets one
 *       belt of a seeded random order; the remaining 137 belts go to cities drawn Zipf-like
 *       (exponent {@value #BELT_CITY_ZIPF_EXPONENT}, by city id), so Guangzhou hosts about 13 belts on
 *       average and the last cities about 3. Each belt has 1, 2 or 3 main sectors with
 *       probability 0.5, 0.35, 0.15 (assumed), drawn without replacement by the sectors' leaf shares;
 *       the first is its primary sector. Named after city and primary sector, e.g.
 *       {@code Dongguan consumer-electronics belt}.
 * </ul>
 * Immutable; arrays are copied out. Built deterministically from the configuration's seed and
 * category count, independently of the suppliers, so it costs microseconds.
 */
public final class Catalogue {
  /** Top-level sectors (assumed). */
  public static final int SECTOR_COUNT = 20;
  /** Industrial belts (docs/design.md §1). */
  public static final int BELT_COUNT = 177;
  /** Belts worth at least 10 bn RMB a year (docs/design.md §1). */
  public static final int LARGE_BELT_COUNT = 68;
  /** Cities hosting belts (docs/design.md §1). */
  public static final int BELT_CITY_COUNT = 40;
  /** All cities, belt cities first (assumed: about China's 300 prefecture-level cities). */
  public static final int CITY_COUNT = 300;
  /** Annual revenue of the smallest large belt, in bn RMB (docs/design.md §1). */
  public static final double LARGE_BELT_REVENUE_BN_RMB = 10.0;
  /** Zipf exponent of the number of belts a city hosts beyond its first, by city id (assumed). */
  public static final double BELT_CITY_ZIPF_EXPONENT = 0.5;
  /** Zipf exponent of category sizes (assumed). */
  public static final double CATEGORY_ZIPF_EXPONENT = 0.7;

  private static final String[] SECTOR_NAMES = {
    "apparel", "footwear-bags", "textiles", "home-goods", "furniture", "consumer-electronics",
    "small-appliances", "hardware-tools", "auto-parts", "packaging-printing", "toys",
    "jewelry-accessories", "beauty-personal-care", "sports-outdoors", "office-stationery",
    "pet-supplies", "lighting", "industrial-machinery", "chemicals-plastics", "food-agriculture"};
  private static final double[] SECTOR_LEAF_SHARES = {
    0.12, 0.06, 0.06, 0.08, 0.04, 0.06, 0.04, 0.06, 0.04, 0.04,
    0.04, 0.05, 0.05, 0.04, 0.04, 0.02, 0.03, 0.05, 0.04, 0.04};
  private static final double[] SECTOR_MEDIAN_PRICE_RMB = {
    40, 60, 15, 20, 300, 80, 120, 25, 50, 2, 25, 10, 20, 45, 8, 20, 40, 3000, 15, 30};
  private static final String[] BELT_CITY_NAMES = {
    "Guangzhou", "Shenzhen", "Dongguan", "Foshan", "Zhongshan", "Shantou", "Jieyang", "Chaozhou",
    "Yiwu", "Yongkang", "Wenzhou", "Ningbo", "Hangzhou", "Shaoxing", "Huzhou", "Jiaxing", "Haining",
    "Tongxiang", "Zhuji", "Taizhou", "Suzhou", "Changshu", "Wuxi", "Changzhou", "Nantong", "Yangzhou",
    "Danyang", "Quanzhou", "Jinjiang", "Putian", "Xiamen", "Linyi", "Qingdao", "Heze", "Baoding",
    "Tianjin", "Zhengzhou", "Wuhan", "Chengdu", "Chongqing"};
  private static final double[] BELT_SECTOR_COUNT_PROBABILITY = {0.5, 0.35, 0.15};

  private final int[] categorySector;
  private final int[] sectorStart;
  private final double[] categoryWeight;
  private final double[] referencePrice;
  private final int[] beltCity;
  private final double[] beltRevenue;
  private final int[] beltSectorStart;
  private final int[] beltSectors;
  private final String[] beltNames;

  /** The catalogue of a configuration; random choices come from stream -1 of its seed. */
  Catalogue(MarketplaceConfig config) {
    SplittableRandom r = Draws.stream(config.seed(), -1);
    int n = config.categories();
    sectorStart = apportion(n);
    categorySector = new int[n];
    for (int s = 0; s < SECTOR_COUNT; s++) {
      Arrays.fill(categorySector, sectorStart[s], sectorStart[s + 1], s);
    }
    int[] rank = permutation(n, r);
    categoryWeight = new double[n];
    double sum = 0;
    for (int c = 0; c < n; c++) {
      categoryWeight[c] = Math.pow(rank[c] + 1, -CATEGORY_ZIPF_EXPONENT);
      sum += categoryWeight[c];
    }
    for (int c = 0; c < n; c++) {
      categoryWeight[c] /= sum;
    }
    referencePrice = new double[n];
    for (int c = 0; c < n; c++) {
      double price = Draws.logNormal(r, SECTOR_MEDIAN_PRICE_RMB[categorySector[c]], 0.7);
      referencePrice[c] = Math.max(0.01, Math.round(price * 100) / 100.0);
    }

    beltRevenue = new double[BELT_COUNT];
    for (int b = 0; b < BELT_COUNT; b++) {
      beltRevenue[b] = b < LARGE_BELT_COUNT
          ? LARGE_BELT_REVENUE_BN_RMB * Math.pow((double) LARGE_BELT_COUNT / (b + 1), 0.6)
          : 9.5 * Math.pow(b - LARGE_BELT_COUNT + 1, -0.5);
    }
    beltCity = new int[BELT_COUNT];
    int[] order = permutation(BELT_COUNT, r);
    double[] cityWeights = new double[BELT_CITY_COUNT];
    for (int c = 0; c < BELT_CITY_COUNT; c++) {
      cityWeights[c] = Math.pow(c + 1, -BELT_CITY_ZIPF_EXPONENT);
    }
    AliasTable cities = new AliasTable(cityWeights);
    for (int b = 0; b < BELT_COUNT; b++) {
      // order[b] is belt b's position in a random order; the first 40 positions cover every city
      beltCity[b] = order[b] < BELT_CITY_COUNT ? order[b] : -1;
    }
    for (int b = 0; b < BELT_COUNT; b++) {
      if (beltCity[b] < 0) {
        beltCity[b] = cities.sample(r);
      }
    }
    AliasTable sectors = new AliasTable(SECTOR_LEAF_SHARES);
    beltSectorStart = new int[BELT_COUNT + 1];
    int[] chosen = new int[BELT_COUNT * BELT_SECTOR_COUNT_PROBABILITY.length];
    int k = 0;
    for (int b = 0; b < BELT_COUNT; b++) {
      double u = r.nextDouble();
      int count = u < BELT_SECTOR_COUNT_PROBABILITY[0] ? 1
          : u < BELT_SECTOR_COUNT_PROBABILITY[0] + BELT_SECTOR_COUNT_PROBABILITY[1] ? 2 : 3;
      int start = k;
      while (k - start < count) {
        int s = sectors.sample(r);
        boolean duplicate = false;
        for (int j = start; j < k; j++) {
          duplicate |= chosen[j] == s;
        }
        if (!duplicate) {
          chosen[k++] = s;
        }
      }
      beltSectorStart[b + 1] = k;
    }
    beltSectors = Arrays.copyOf(chosen, k);
    beltNames = new String[BELT_COUNT];
    Map<String, Integer> seen = new HashMap<>();
    for (int b = 0; b < BELT_COUNT; b++) {
      String base = cityName(beltCity[b]) + " " + SECTOR_NAMES[beltSectors[beltSectorStart[b]]] + " belt";
      int copies = seen.merge(base, 1, Integer::sum);
      beltNames[b] = copies == 1 ? base : base + " " + copies;
    }
  }

  /** Sector boundaries: largest-remainder apportionment of n leaves by share, at least one each. */
  private static int[] apportion(int n) {
    int[] leaves = new int[SECTOR_COUNT];
    double[] remainder = new double[SECTOR_COUNT];
    int given = 0;
    for (int s = 0; s < SECTOR_COUNT; s++) {
      double exact = 1 + (n - SECTOR_COUNT) * SECTOR_LEAF_SHARES[s];
      leaves[s] = (int) Math.floor(exact);
      remainder[s] = exact - leaves[s];
      given += leaves[s];
    }
    while (given < n) {
      int best = 0;
      for (int s = 1; s < SECTOR_COUNT; s++) {
        if (remainder[s] > remainder[best]) {
          best = s;
        }
      }
      leaves[best]++;
      remainder[best] = -1;
      given++;
    }
    int[] start = new int[SECTOR_COUNT + 1];
    for (int s = 0; s < SECTOR_COUNT; s++) {
      start[s + 1] = start[s] + leaves[s];
    }
    return start;
  }

  /** A seeded random permutation of [0, n) (Fisher–Yates). */
  private static int[] permutation(int n, SplittableRandom r) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static void check(String what, int id, int limit) {
    if (id < 0 || id >= limit) {
      throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
          "%s %d: expected an id in [0, %d)", what, id, limit));
    }
  }

  /** The number of top-level sectors, {@value #SECTOR_COUNT}. */
  public int sectorCount() {
    return SECTOR_COUNT;
  }

  /** The name of a sector, e.g. {@code apparel}. */
  public String sectorName(int sector) {
    check("sector", sector, SECTOR_COUNT);
    return SECTOR_NAMES[sector];
  }

  /** The first leaf category of a sector; its leaves are contiguous. */
  public int firstCategory(int sector) {
    check("sector", sector, SECTOR_COUNT);
    return sectorStart[sector];
  }

  /** The number of leaf categories of a sector, at least 1. */
  public int categoriesIn(int sector) {
    check("sector", sector, SECTOR_COUNT);
    return sectorStart[sector + 1] - sectorStart[sector];
  }

  /** The number of leaf categories; ids are [0, categoryCount()). */
  public int categoryCount() {
    return categorySector.length;
  }

  /** The sector of a leaf category. */
  public int sector(int category) {
    check("category", category, categorySector.length);
    return categorySector[category];
  }

  /** The name of a leaf category: sector and leaf index within the sector, e.g. {@code apparel/042}. */
  public String categoryName(int category) {
    int s = sector(category);
    return String.format(Locale.ROOT, "%s/%03d", SECTOR_NAMES[s], category - sectorStart[s]);
  }

  /** The size weight of a category: its share of suppliers' primary categories before belt bias; all sum to 1. */
  public double categoryWeight(int category) {
    check("category", category, categorySector.length);
    return categoryWeight[category];
  }

  /** The category's reference price in RMB, the denominator of a supplier's price index. */
  public double referencePrice(int category) {
    check("category", category, categorySector.length);
    return referencePrice[category];
  }

  /** The number of cities, {@value #CITY_COUNT}; ids are [0, cityCount()). */
  public int cityCount() {
    return CITY_COUNT;
  }

  /** The number of cities that host belts, {@value #BELT_CITY_COUNT}: ids [0, 40). */
  public int beltCityCount() {
    return BELT_CITY_COUNT;
  }

  /** The name of a city. */
  public String cityName(int city) {
    check("city", city, CITY_COUNT);
    return city < BELT_CITY_COUNT ? BELT_CITY_NAMES[city] : String.format(Locale.ROOT, "city-%03d", city);
  }

  /** The number of industrial belts, {@value #BELT_COUNT}; ids are [0, beltCount()), largest first. */
  public int beltCount() {
    return BELT_COUNT;
  }

  /** The number of large belts (≥ 10 bn RMB a year), {@value #LARGE_BELT_COUNT}: ids [0, 68). */
  public int largeBeltCount() {
    return LARGE_BELT_COUNT;
  }

  /** Whether a belt's annual revenue is at least 10 bn RMB. */
  public boolean isLarge(int belt) {
    return beltRevenue(belt) >= LARGE_BELT_REVENUE_BN_RMB;
  }

  /** The city of a belt, in [0, 40). */
  public int beltCity(int belt) {
    check("belt", belt, BELT_COUNT);
    return beltCity[belt];
  }

  /** The annual revenue of a belt, in bn RMB. */
  public double beltRevenue(int belt) {
    check("belt", belt, BELT_COUNT);
    return beltRevenue[belt];
  }

  /** The main sectors of a belt, primary first (a copy). */
  public int[] beltSectors(int belt) {
    check("belt", belt, BELT_COUNT);
    return Arrays.copyOfRange(beltSectors, beltSectorStart[belt], beltSectorStart[belt + 1]);
  }

  /** The name of a belt, e.g. {@code Dongguan consumer-electronics belt}. */
  public String beltName(int belt) {
    check("belt", belt, BELT_COUNT);
    return beltNames[belt];
  }

  /** The sector leaf shares, for the generator. */
  static double[] sectorLeafShares() {
    return SECTOR_LEAF_SHARES.clone();
  }
}
