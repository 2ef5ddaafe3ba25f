package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {
  private static final Catalogue NATIONAL = MarketplaceGenerator.catalogue(MarketplaceConfig.national(42));

  @Test
  void hasTheBeltsAndCitiesOfDesignSectionOne() {
    assertEquals(177, NATIONAL.beltCount());
    assertEquals(68, NATIONAL.largeBeltCount());
    assertEquals(40, NATIONAL.beltCityCount());
    assertEquals(300, NATIONAL.cityCount());
    Set<Integer> cities = new HashSet<>();
    int large = 0;
    for (int b = 0; b < NATIONAL.beltCount(); b++) {
      int city = NATIONAL.beltCity(b);
      assertTrue(city >= 0 && city < 40, "belt " + b + " city " + city);
      cities.add(city);
      large += NATIONAL.isLarge(b) ? 1 : 0;
      assertEquals(b < 68, NATIONAL.isLarge(b), "belt " + b);
      assertEquals(b < 68, NATIONAL.beltRevenue(b) >= 10.0, "belt " + b);
      if (b > 0) {
        assertTrue(NATIONAL.beltRevenue(b) <= NATIONAL.beltRevenue(b - 1), "belts are ordered by revenue");
      }
    }
    assertEquals(40, cities.size());
    assertEquals(68, large);
  }

  @Test
  void largeBeltsHoldMostBeltRevenue() {
    double large = 0;
    double all = 0;
    for (int b = 0; b < NATIONAL.beltCount(); b++) {
      all += NATIONAL.beltRevenue(b);
      large += b < 68 ? NATIONAL.beltRevenue(b) : 0;
    }
    assertEquals(0.89, large / all, 0.01);
  }

  @Test
  void beltsHaveOneToThreeDistinctMainSectorsAndUniqueNames() {
    Set<String> names = new HashSet<>();
    for (int b = 0; b < NATIONAL.beltCount(); b++) {
      int[] sectors = NATIONAL.beltSectors(b);
      assertTrue(sectors.length >= 1 && sectors.length <= 3, "belt " + b);
      assertEquals(sectors.length, Arrays.stream(sectors).distinct().count(), "belt " + b);
      assertTrue(names.add(NATIONAL.beltName(b)), NATIONAL.beltName(b));
      assertTrue(NATIONAL.beltName(b).startsWith(NATIONAL.cityName(NATIONAL.beltCity(b)) + " "
          + NATIONAL.sectorName(sectors[0]) + " belt"), NATIONAL.beltName(b));
    }
    sectorsOfABeltAreACopy();
  }

  private static void sectorsOfABeltAreACopy() {
    int[] sectors = NATIONAL.beltSectors(0);
    int first = sectors[0];
    sectors[0] = -5;
    assertEquals(first, NATIONAL.beltSectors(0)[0]);
  }

  @Test
  void categoriesAreApportionedToSectorsContiguously() {
    for (int categories : new int[] {20, 21, 63, 200, 2_000, 2_828}) {
      Catalogue c = MarketplaceGenerator.catalogue(MarketplaceConfig.builder().seed(1).categories(categories).build());
      assertEquals(categories, c.categoryCount());
      int next = 0;
      for (int s = 0; s < c.sectorCount(); s++) {
        assertEquals(next, c.firstCategory(s), "sector " + s);
        assertTrue(c.categoriesIn(s) >= 1, "sector " + s);
        for (int k = 0; k < c.categoriesIn(s); k++) {
          assertEquals(s, c.sector(next + k));
        }
        next += c.categoriesIn(s);
      }
      assertEquals(categories, next);
    }
    assertEquals(239, NATIONAL.categoriesIn(0), "apparel: 1 + 12% of 1 980 = 238.6, rounded up");
    assertEquals("apparel/000", NATIONAL.categoryName(0));
    assertEquals("footwear-bags/001", NATIONAL.categoryName(NATIONAL.firstCategory(1) + 1));
  }

  @Test
  void categoryWeightsAreZipfLikeAndSumToOne() {
    double[] w = new double[NATIONAL.categoryCount()];
    double sum = 0;
    for (int c = 0; c < w.length; c++) {
      w[c] = NATIONAL.categoryWeight(c);
      sum += w[c];
      assertTrue(NATIONAL.referencePrice(c) >= 0.01, "category " + c);
    }
    assertEquals(1.0, sum, 1e-9);
    Arrays.sort(w);
    assertEquals(Math.pow(2000, 0.7), w[w.length - 1] / w[0], 1e-6);
    assertEquals(Math.pow(2, -0.7), w[w.length - 2] / w[w.length - 1], 1e-9);
  }

  @Test
  void sameSeedGivesTheSameCatalogueAndOtherSeedsDiffer() {
    Catalogue again = MarketplaceGenerator.catalogue(MarketplaceConfig.national(42));
    Catalogue other = MarketplaceGenerator.catalogue(MarketplaceConfig.national(43));
    boolean differs = false;
    for (int b = 0; b < NATIONAL.beltCount(); b++) {
      assertEquals(NATIONAL.beltCity(b), again.beltCity(b));
      assertEquals(NATIONAL.beltName(b), again.beltName(b));
      assertArrayEquals(NATIONAL.beltSectors(b), again.beltSectors(b));
      differs |= NATIONAL.beltCity(b) != other.beltCity(b);
    }
    for (int c = 0; c < NATIONAL.categoryCount(); c++) {
      assertEquals(NATIONAL.categoryWeight(c), again.categoryWeight(c));
      assertEquals(NATIONAL.referencePrice(c), again.referencePrice(c));
      differs |= NATIONAL.categoryWeight(c) != other.categoryWeight(c);
    }
    assertTrue(differs);
    assertNotEquals(NATIONAL.categoryWeight(0), other.categoryWeight(0));
  }

  @Test
  void citiesAreNamed() {
    assertEquals("Guangzhou", NATIONAL.cityName(0));
    assertEquals("Chongqing", NATIONAL.cityName(39));
    assertEquals("city-040", NATIONAL.cityName(40));
    assertEquals("city-299", NATIONAL.cityName(299));
    Set<String> names = new HashSet<>();
    for (int c = 0; c < NATIONAL.cityCount(); c++) {
      assertTrue(names.add(NATIONAL.cityName(c)), NATIONAL.cityName(c));
    }
    assertFalse(names.contains(null));
  }

  @Test
  void rejectsUnknownIds() {
    assertEquals("belt 177: expected an id in [0, 177)",
        assertThrows(IndexOutOfBoundsException.class, () -> NATIONAL.beltCity(177)).getMessage());
    assertEquals("category -1: expected an id in [0, 2000)",
        assertThrows(IndexOutOfBoundsException.class, () -> NATIONAL.categoryName(-1)).getMessage());
    assertEquals("city 300: expected an id in [0, 300)",
        assertThrows(IndexOutOfBoundsException.class, () -> NATIONAL.cityName(300)).getMessage());
    assertEquals("sector 20: expected an id in [0, 20)",
        assertThrows(IndexOutOfBoundsException.class, () -> NATIONAL.sectorName(20)).getMessage());
  }
}
