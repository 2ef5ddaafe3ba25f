package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.SegmentTable;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Count;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.PriorityClass;
import org.beltway.supplier.Program;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

/**
 * Checks the generated marketplace against the numbers documented on {@link MarketplaceGenerator}. The
 * shape checks use one marketplace at scale 0.05 (53 500 suppliers), large enough that every share below
 * is several standard errors inside its bound.
 */
class MarketplaceGeneratorTest {
  private static final Marketplace M = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.05, 42), 2);
  private static final SupplierTable T = M.suppliers();
  private static final int N = T.size();

  private static double share(java.util.function.IntPredicate rowMatches) {
    int k = 0;
    for (int r = 0; r < N; r++) {
      k += rowMatches.test(r) ? 1 : 0;
    }
    return (double) k / N;
  }

  private static void assertIdentical(Marketplace a, Marketplace b) {
    assertEquals(a.suppliers().size(), b.suppliers().size());
    for (int r = 0; r < a.suppliers().size(); r++) {
      assertEquals(a.suppliers().supplier(r), b.suppliers().supplier(r), "supplier row " + r);
      assertEquals(a.suppliers().signals(r), b.suppliers().signals(r), "signals row " + r);
      assertEquals(a.quality(r), b.quality(r), "quality row " + r);
      assertEquals(a.isBadActor(r), b.isBadActor(r), "bad actor row " + r);
    }
    assertEquals(a.segments().size(), b.segments().size());
    for (int s = 0; s < a.segments().size(); s++) {
      assertEquals(a.segments().segment(s), b.segments().segment(s), "segment " + s);
    }
    assertEquals(a.eligibleEdgeCount(), b.eligibleEdgeCount());
  }

  @Test
  void sameSeedGivesTheSameMarketplaceWhateverTheThreadCount() {
    MarketplaceConfig config = MarketplaceConfig.ofScale(0.005, 7);
    Marketplace one = MarketplaceGenerator.generate(config, 1);
    assertIdentical(one, MarketplaceGenerator.generate(config, 3));
    assertIdentical(one, MarketplaceGenerator.generate(config));
  }

  @Test
  void differentSeedsGiveDifferentMarketplaces() {
    Marketplace a = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.002, 1), 1);
    Marketplace b = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.002, 2), 1);
    assertEquals(a.suppliers().size(), b.suppliers().size());
    int sameSupplier = 0;
    int sameSignals = 0;
    for (int r = 0; r < a.suppliers().size(); r++) {
      sameSupplier += a.suppliers().supplier(r).equals(b.suppliers().supplier(r)) ? 1 : 0;
      sameSignals += a.suppliers().signals(r).equals(b.suppliers().signals(r)) ? 1 : 0;
    }
    assertTrue(sameSupplier < a.suppliers().size() / 100, "same suppliers: " + sameSupplier);
    assertTrue(sameSignals < a.suppliers().size() / 10, "same signals: " + sameSignals);
    assertFalse(a.segments().traffic(0) == b.segments().traffic(0));
  }

  @Test
  void generatesTheRoundedScaledSupplierCountWithDistinctIds() {
    for (double scale : new double[] {1e-6, 1e-4, 0.00123}) {
      MarketplaceConfig config = MarketplaceConfig.ofScale(scale, 3);
      SupplierTable t = MarketplaceGenerator.generate(config, 2).suppliers();
      assertEquals(Math.max(1, Math.round(1_070_000 * scale)), t.size(), "scale " + scale);
      for (int r = 0; r < t.size(); r++) {
        assertEquals(1_000_000L + r, t.id(r));
        assertEquals(r, t.row(1_000_000L + r));
      }
    }
    assertEquals(53_500, N);
  }

  @Test
  void factoriesAndTiersMatchTheNationalMix() {
    double factories = share(T::isFactory);
    assertTrue(factories > 600_000.0 / 1_070_000, "factory share " + factories);
    assertEquals(0.57, factories, 0.01);
    assertEquals(0.85, share(r -> T.tier(r) == MembershipTier.TRUSTPASS), 0.01);
    assertEquals(0.12, share(r -> T.tier(r) == MembershipTier.POWER_MERCHANT), 0.01);
    assertEquals(0.03, share(r -> T.tier(r) == MembershipTier.SUPER_FACTORY), 0.005);
    assertEquals(0, share(r -> T.tier(r) == MembershipTier.SUPER_FACTORY && !T.isFactory(r)));
  }

  @Test
  void mostSuppliersAreInBeltsAndMostBeltSuppliersInLargeBelts() {
    Catalogue c = M.catalogue();
    double inBelt = share(r -> T.belt(r) >= 0);
    assertEquals(0.60, inBelt, 0.01);
    assertEquals(0.89, share(r -> T.belt(r) >= 0 && c.isLarge(T.belt(r))) / inBelt, 0.02);
    for (int r = 0; r < N; r++) {
      if (T.belt(r) >= 0) {
        assertEquals(c.beltCity(T.belt(r)), T.city(r), "row " + r);
      }
      assertTrue(T.city(r) >= 0 && T.city(r) < c.cityCount(), "row " + r);
    }
    assertEquals(0.4 * 0.4, share(r -> T.belt(r) < 0 && T.city(r) < Catalogue.BELT_CITY_COUNT), 0.01);
  }

  @Test
  void suppliersSellInOneToSixClusteredCategories() {
    Catalogue c = M.catalogue();
    long categories = 0;
    long further = 0;
    long inPrimarySector = 0;
    for (int r = 0; r < N; r++) {
      int k = T.categoryCount(r);
      assertTrue(k >= 1 && k <= 6, "row " + r);
      categories += k;
      int sector = c.sector(T.primaryCategory(r));
      for (int j = 1; j < k; j++) {
        further++;
        inPrimarySector += c.sector(T.category(r, j)) == sector ? 1 : 0;
      }
    }
    assertEquals(2.93, (double) categories / N, 0.03);
    assertTrue((double) inPrimarySector / further > 0.8, "in primary sector " + inPrimarySector + " of " + further);
    double loyal = 0;
    double beltSuppliers = 0;
    for (int r = 0; r < N; r++) {
      if (T.belt(r) >= 0) {
        beltSuppliers++;
        int sector = c.sector(T.primaryCategory(r));
        for (int s : c.beltSectors(T.belt(r))) {
          loyal += s == sector ? 1 : 0;
        }
      }
    }
    assertTrue(loyal / beltSuppliers > 0.85, "primary category in a belt sector: " + loyal / beltSuppliers);
  }

  @Test
  void programsArePartlyJoinedAndCorrelateWithTierAndFactory() {
    assertEquals(0.28, share(r -> T.joined(r, Program.DISTRIBUTION)), 0.01);
    assertEquals(0.15, share(r -> T.joined(r, Program.CROSS_BORDER)), 0.01);
    assertEquals(0.11, share(r -> T.joined(r, Program.LIGHT_CUSTOMIZATION)), 0.01);
    assertEquals(0.06, share(r -> T.joined(r, Program.OFFLINE_SELECTION)), 0.01);
    double superFactories = share(r -> T.tier(r) == MembershipTier.SUPER_FACTORY);
    double trustPass = share(r -> T.tier(r) == MembershipTier.TRUSTPASS);
    assertTrue(share(r -> T.tier(r) == MembershipTier.SUPER_FACTORY && T.joined(r, Program.DISTRIBUTION))
        / superFactories > 0.5);
    assertTrue(share(r -> T.tier(r) == MembershipTier.TRUSTPASS && T.joined(r, Program.DISTRIBUTION))
        / trustPass < 0.27);
    double factories = share(T::isFactory);
    assertTrue(share(r -> T.isFactory(r) && T.joined(r, Program.LIGHT_CUSTOMIZATION)) / factories
        > 2 * share(r -> !T.isFactory(r) && T.joined(r, Program.LIGHT_CUSTOMIZATION)) / (1 - factories));
  }

  @Test
  void everyPriorityClassIsAMinorityThatExists() {
    for (PriorityClass c : PriorityClass.values()) {
      double s = share(r -> T.inPriorityClass(r, c));
      assertTrue(s > 0.002 && s < 0.10, c + " share " + s);
    }
    assertEquals(0, share(r -> T.inPriorityClass(r, PriorityClass.CROSS_BORDER_TRADER)
        && !T.joined(r, Program.CROSS_BORDER)));
    assertEquals(0, share(r -> T.inPriorityClass(r, PriorityClass.SPECIALISED_SME) && !T.isFactory(r)));
  }

  @Test
  void aTenthOfSuppliersAreNew() {
    assertEquals(0.10, share(r -> T.daysOnPlatform(r) < 90), 0.01);
    assertEquals(0, share(r -> T.daysOnPlatform(r) > 9_490));
  }

  @Test
  void ordersHaveALongTail() {
    assertTrue(share(r -> T.count(Count.ORDERS, r) < 10) > 0.4);
    assertTrue(share(r -> T.count(Count.ORDERS, r) == 0) > 0.05);
    assertTrue(share(r -> T.count(Count.ORDERS, r) >= 10_000) * N >= 10);
  }

  @Test
  void badActorsExistWithTerribleRates() {
    assertEquals(0.015, (double) M.badActorCount() / N, 0.003);
    double badDefects = 0;
    double badOrders = 0;
    double goodDefects = 0;
    double goodOrders = 0;
    for (int r = 0; r < N; r++) {
      long orders = T.count(Count.ORDERS, r);
      long defects = T.count(Count.QUALITY_REFUND_ORDERS, r);
      if (M.isBadActor(r)) {
        assertTrue(M.quality(r) <= 0.1, "row " + r);
        assertTrue(T.amount(Amount.PRICE_INDEX, r) < 0.7, "bad actors dump prices, row " + r);
        badDefects += defects;
        badOrders += orders;
      } else {
        goodDefects += defects;
        goodOrders += orders;
      }
    }
    assertTrue(badDefects / badOrders > 0.15, "bad actors' defect rate " + badDefects / badOrders);
    assertTrue(goodDefects / goodOrders < 0.03, "others' defect rate " + goodDefects / goodOrders);
  }

  @Test
  void latentQualityDrivesEveryRate() {
    Count[][] rates = {
      {Count.ON_TIME_DELIVERIES, Count.ORDERS}, {Count.SHIPPED_IN_48H, Count.ORDERS},
      {Count.CHATS_ANSWERED_IN_3_MIN, Count.CHATS}, {Count.REPEAT_BUYERS, Count.BUYERS},
      {Count.DESCRIPTION_MATCHES, Count.DESCRIPTION_RATINGS}, {Count.SILENT_ORDERS, Count.ORDERS}};
    for (Count[] rate : rates) {
      double[] sum = new double[2];
      double[] whole = new double[2];
      for (int r = 0; r < N; r++) {
        if (T.count(Count.ORDERS, r) >= 100 && !M.isBadActor(r)) {
          int half = M.quality(r) >= 0.75 ? 1 : 0;
          sum[half] += T.count(rate[0], r);
          whole[half] += T.count(rate[1], r);
        }
      }
      assertTrue(sum[1] / whole[1] > sum[0] / whole[0] + 0.02, rate[0] + ": " + sum[0] / whole[0] + " vs " + sum[1] / whole[1]);
    }
    for (int r = 0; r < N; r++) {
      assertTrue(M.quality(r) >= 0 && M.quality(r) <= 1, "row " + r);
    }
  }

  @Test
  void priceIndexIsPositiveWithAFewExtremes() {
    int low = 0;
    int high = 0;
    for (int r = 0; r < N; r++) {
      double p = T.amount(Amount.PRICE_INDEX, r);
      assertTrue(p > 0, "row " + r);
      low += p < 0.3 ? 1 : 0;
      high += p > 3 ? 1 : 0;
      assertTrue(T.amount(Amount.NEW_PRODUCT_SALES, r) <= T.amount(Amount.SALES, r));
    }
    assertTrue(low > 10 && low < N / 100, "low " + low);
    assertTrue(high > 10 && high < N / 100, "high " + high);
    assertEquals(1.0, median(Amount.PRICE_INDEX), 0.05);
  }

  private static double median(Amount a) {
    double[] values = new double[N];
    for (int r = 0; r < N; r++) {
      values[r] = T.amount(a, r);
    }
    java.util.Arrays.sort(values);
    return values[N / 2];
  }

  @Test
  void refundClaimantsCarryMaliciousClaimsAndAppeals() {
    long malicious = 0;
    long appeals = 0;
    long claims = 0;
    int withClaimants = 0;
    for (int r = 0; r < N; r++) {
      int first = T.claimantStart(r);
      int end = T.claimantStart(r + 1);
      assertTrue(end - first <= 8, "row " + r);
      withClaimants += end > first ? 1 : 0;
      long own = 0;
      for (int k = first; k < end; k++) {
        assertTrue(T.claimantClaims(k) >= 1);
        own += T.claimantClaims(k);
        malicious += T.claimantMalicious(k);
        appeals += T.claimantAppealsWon(k);
        assertTrue(T.claimantCredibility(k) >= 0 && T.claimantCredibility(k) <= 1);
      }
      assertTrue(own <= T.count(Count.ORDERS, r), "row " + r);
      claims += own;
    }
    assertTrue(withClaimants > N / 20, "suppliers with claimants " + withClaimants);
    assertTrue(malicious > claims / 50 && malicious < claims / 4, malicious + " malicious of " + claims);
    assertTrue(appeals > claims / 20 && appeals < claims / 2, appeals + " appeals won of " + claims);
  }

  @Test
  void segmentsCoverEveryCategoryTierAndChannelWithTheDocumentedIds() {
    SegmentTable s = M.segments();
    int categories = M.catalogue().categoryCount();
    assertEquals(447, categories);
    assertEquals(10 * categories, s.size());
    int i = 0;
    for (int c = 0; c < categories; c++) {
      for (BuyerTier t : BuyerTier.values()) {
        for (Channel h : Channel.values()) {
          assertEquals(Marketplace.segmentId(c, t, h), s.id(i));
          assertEquals(16L * c + 8 * t.ordinal() + h.ordinal(), s.id(i));
          assertEquals(c, s.category(i));
          assertEquals(t, s.buyerTier(i));
          assertEquals(h, s.channel(i));
          assertTrue(s.traffic(i) > 0, "segment " + i);
          i++;
        }
      }
    }
  }

  @Test
  void trafficTotalsTheDailyImpressionsSplitByChannelAndBuyerTier() {
    SegmentTable s = M.segments();
    assertEquals(5e7, s.totalTraffic(), 1e-3);
    double[] byChannel = new double[5];
    double top = 0;
    for (int i = 0; i < s.size(); i++) {
      byChannel[s.channel(i).ordinal()] += s.traffic(i);
      top += s.buyerTier(i) == BuyerTier.TOP ? s.traffic(i) : 0;
      if (s.buyerTier(i) == BuyerTier.TOP) {
        assertEquals(0.35 / 0.65, s.traffic(i) / s.traffic(i + 5), 1e-9, "segment " + i);
      }
    }
    double[] expected = {0.70, 0.12, 0.09, 0.06, 0.03};
    for (int h = 0; h < 5; h++) {
      assertEquals(expected[h], byChannel[h] / s.totalTraffic(), 1e-9, Channel.values()[h].name());
    }
    assertEquals(0.35, top / s.totalTraffic(), 1e-9);
    assertEquals(2e9 * 1.0, MarketplaceConfig.ofScale(2.0, 1).dailyImpressions());
  }

  @Test
  void trafficFollowsCategorySize() {
    Catalogue c = M.catalogue();
    double[] traffic = new double[c.categoryCount()];
    for (int i = 0; i < M.segments().size(); i++) {
      traffic[M.segments().category(i)] += M.segments().traffic(i);
    }
    int largest = 0;
    int smallest = 0;
    for (int k = 1; k < traffic.length; k++) {
      largest = c.categoryWeight(k) > c.categoryWeight(largest) ? k : largest;
      smallest = c.categoryWeight(k) < c.categoryWeight(smallest) ? k : smallest;
    }
    assertTrue(traffic[largest] > 20 * traffic[smallest], traffic[largest] + " vs " + traffic[smallest]);
  }

  @Test
  void eligibleEdgesAverageAboutNineAndAHalfPerSupplierAndMatchABruteForceCount() {
    SegmentTable s = M.segments();
    long edges = 0;
    for (int r = 0; r < N; r++) {
      for (int k = 0; k < T.categoryCount(r); k++) {
        for (BuyerTier t : BuyerTier.values()) {
          for (Channel h : Channel.values()) {
            boolean joined = h.program() == null || T.joined(r, h.program());
            edges += joined && s.index(Marketplace.segmentId(T.category(r, k), t, h)) >= 0 ? 1 : 0;
          }
        }
      }
    }
    assertEquals(edges, M.eligibleEdgeCount());
    double perSupplier = (double) edges / N;
    assertTrue(perSupplier > 9 && perSupplier < 10, "edges per supplier " + perSupplier);
  }

  @Test
  void catalogueOfTheGeneratorMatchesTheMarketplace() {
    Catalogue alone = MarketplaceGenerator.catalogue(M.config());
    for (int b = 0; b < alone.beltCount(); b++) {
      assertEquals(alone.beltName(b), M.catalogue().beltName(b));
    }
    for (int c = 0; c < alone.categoryCount(); c++) {
      assertEquals(alone.categoryWeight(c), M.catalogue().categoryWeight(c));
    }
    assertEquals(alone.categoryCount(), T.categoryLimit());
  }

  @Test
  void rejectsAThreadCountOutOfRange() {
    MarketplaceConfig config = MarketplaceConfig.ofScale(0.001, 1);
    assertEquals("threads must be in [1, 256]: 0", assertThrows(IllegalArgumentException.class,
        () -> MarketplaceGenerator.generate(config, 0)).getMessage());
    assertEquals("category must be in [0, 100000]: -1", assertThrows(IllegalArgumentException.class,
        () -> Marketplace.segmentId(-1, BuyerTier.TOP, Channel.OFFLINE)).getMessage());
  }
}
