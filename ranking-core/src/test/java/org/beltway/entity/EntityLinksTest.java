package org.beltway.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;
import org.junit.jupiter.api.Test;

class EntityLinksTest {

  /** Shops 1..n; shop k's entity is drawn among the first n/2 ids, so some entities own several. */
  private static SupplierTable table(int n, SplittableRandom random) {
    SupplierTable.Builder b = SupplierTable.builder(n);
    for (int k = 1; k <= n; k++) {
      long entity = random.nextInt(3) == 0 ? 1 + random.nextInt(Math.max(1, n / 2)) : k;
      b.add(Supplier.builder(k).entity(entity).categories(1).build(), Signals.builder().build());
    }
    return b.build();
  }

  private record Declared(long shop, LinkKey key, String value) {}

  /** Random keys from small vocabularies, so that values collide; spelled with noise. */
  private static List<Declared> keys(SupplierTable table, SplittableRandom random) {
    List<Declared> out = new ArrayList<>();
    for (int r = 0; r < table.size(); r++) {
      for (int d = random.nextInt(3); d > 0; d--) {
        LinkKey key = LinkKey.values()[random.nextInt(LinkKey.values().length)];
        int v = random.nextInt(table.size());
        String value = switch (key) {
          case LICENCE -> random.nextBoolean() ? "91-33-" + v : "9133" + v;
          case ADDRESS -> random.nextBoolean() ? v + " Silk Road, Yiwu" : v + "  silk road YIWU";
          case PAYOUT_ACCOUNT -> "6222 " + v;
        };
        out.add(new Declared(table.id(r), key, value));
      }
    }
    return out;
  }

  /** The brute force: components of shops joined by an entity or by a value of few enough shops. */
  private static Set<Set<Long>> components(SupplierTable table, List<Declared> keys, int max) {
    Map<String, Set<Long>> byValue = new HashMap<>();
    for (Declared d : keys) {
      byValue.computeIfAbsent(d.key + ":" + d.key.normalise(d.value), v -> new TreeSet<>()).add(d.shop);
    }
    int n = table.size();
    boolean[][] joined = new boolean[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        joined[a][b] = table.entity(a) == table.entity(b);
      }
    }
    for (Set<Long> shops : byValue.values()) {
      if (shops.size() <= max) {
        for (long a : shops) {
          for (long b : shops) {
            joined[table.row(a)][table.row(b)] = true;
          }
        }
      }
    }
    for (int k = 0; k < n; k++) { // transitive closure
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          joined[a][b] |= joined[a][k] && joined[k][b];
        }
      }
    }
    Set<Set<Long>> out = new HashSet<>();
    for (int a = 0; a < n; a++) {
      Set<Long> shops = new TreeSet<>();
      Set<Long> entities = new HashSet<>();
      for (int b = 0; b < n; b++) {
        if (joined[a][b]) {
          shops.add(table.id(b));
          entities.add(table.entity(b));
        }
      }
      if (entities.size() >= 2) {
        out.add(shops);
      }
    }
    return out;
  }

  private static EntityLinks links(SupplierTable table, List<Declared> keys, int max) {
    EntityLinks.Builder b = EntityLinks.builder(table).maxShopsPerKey(max);
    for (Declared d : keys) {
      b.key(d.shop, d.key, d.value);
    }
    return b.build();
  }

  @Test
  void proposalsAreTheComponentsOfSharedKeysAndConfirmingMergesThem() {
    qt().withExamples(60).withFixedSeed(32).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      SupplierTable table = table(2 + random.nextInt(40), random);
      List<Declared> keys = keys(table, random);
      int max = 2 + random.nextInt(4);
      EntityLinks links = links(table, keys, max);
      Set<Set<Long>> proposed = new HashSet<>();
      long previous = Long.MIN_VALUE;
      for (LinkProposal p : links.proposals()) {
        Set<Long> shops = new TreeSet<>();
        Arrays.stream(p.shopIds()).forEach(shops::add);
        proposed.add(shops);
        assertEquals(p.entities()[0], p.entity(), "the smallest entity id is kept");
        assertTrue(p.entity() > previous, "proposals by smallest entity id");
        previous = p.entity();
        assertTrue(!p.evidence().isEmpty() && p.entities().length >= 2, p.toString());
      }
      assertEquals(components(table, keys, max), proposed, "seed " + seed);
      for (SharedKey common : links.tooCommon()) {
        assertTrue(common.shopIds().length > max, common.toString());
      }
      int merged = 0;
      for (LinkProposal p : links.proposals()) {
        merged += p.entities().length - 1;
      }
      SupplierTable confirmed = links.confirm(links.proposals());
      assertEquals(Entities.of(table).size() - merged, Entities.of(confirmed).size(), "seed " + seed);
      for (LinkProposal p : links.proposals()) {
        for (long shop : p.shopIds()) {
          assertEquals(p.entity(), confirmed.entity(confirmed.row(shop)));
        }
      }
    });
  }

  @Test
  void spellingNoiseDoesNotHideALink() {
    assertEquals("9133010600", LinkKey.LICENCE.normalise("９１-３３０１ 0600"));
    assertEquals("12 silk road yiwu", LinkKey.ADDRESS.normalise("  12, Silk  Road\tYIWU. "));
    assertEquals("6222abc", LinkKey.PAYOUT_ACCOUNT.normalise("6222-ABC"));
    SupplierTable table = table(3, new SplittableRandom(1)).withEntities(new long[] {1, 2, 3});
    EntityLinks links = EntityLinks.builder(table).key(1, LinkKey.ADDRESS, "12 Silk Road, Yiwu")
        .key(3, LinkKey.ADDRESS, "12 silk road yiwu").build();
    assertEquals(1, links.proposals().size());
    LinkProposal p = links.proposals().get(0);
    assertArrayEquals(new long[] {1, 3}, p.entities());
    assertEquals(List.of(new SharedKey(LinkKey.ADDRESS, "12 silk road yiwu", new long[] {1, 3})),
        p.evidence());
  }

  @Test
  void aValueOfTooManyShopsIsReportedNotLinked() {
    SupplierTable table = table(5, new SplittableRandom(2)).withEntities(new long[] {1, 2, 3, 4, 5});
    EntityLinks.Builder b = EntityLinks.builder(table).maxShopsPerKey(3);
    for (long shop = 1; shop <= 4; shop++) {
      b.key(shop, LinkKey.PAYOUT_ACCOUNT, "alipay-collect-01");
    }
    EntityLinks links = b.key(4, LinkKey.LICENCE, "X1").key(5, LinkKey.LICENCE, "x-1").build();
    assertEquals(List.of(new SharedKey(LinkKey.PAYOUT_ACCOUNT, "alipaycollect01",
        new long[] {1, 2, 3, 4})), links.tooCommon());
    assertEquals(1, links.proposals().size());
    assertArrayEquals(new long[] {4, 5}, links.proposals().get(0).entities());
    assertEquals(table.entity(0), links.confirm(List.of()).entity(0), "nothing confirmed, nothing moved");
  }

  @Test
  void badInputIsNamed() {
    SupplierTable table = table(3, new SplittableRandom(3));
    EntityLinks.Builder b = EntityLinks.builder(table);
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> b.key(99, LinkKey.LICENCE, "1"));
    assertEquals("shop 99: unknown id: expected a shop of the table", unknown.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> b.key(2, LinkKey.ADDRESS, " - "));
    assertEquals("shop 2: ADDRESS (\" - \"): expected a value with a letter or digit", empty.getMessage());
    IllegalArgumentException max = assertThrows(IllegalArgumentException.class, () -> b.maxShopsPerKey(1));
    assertEquals("maxShopsPerKey (1): expected at least 2", max.getMessage());
    SupplierTable other = table(3, new SplittableRandom(4)).withEntities(new long[] {1, 2, 3});
    LinkProposal foreign = EntityLinks.builder(other).key(1, LinkKey.LICENCE, "7")
        .key(2, LinkKey.LICENCE, "7").build().proposals().get(0);
    EntityLinks links = b.build();
    IllegalArgumentException notOurs = assertThrows(IllegalArgumentException.class,
        () -> links.confirm(List.of(foreign)));
    assertEquals("confirmed[0] (entities [1, 2]): expected one of this EntityLinks' proposals, each once",
        notOurs.getMessage());
    assertThrows(IllegalStateException.class, b::build);
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> table.withEntities(new long[2]));
    assertEquals("entityByRow has 2 values: expected one per supplier row (3)", length.getMessage());
  }
}
