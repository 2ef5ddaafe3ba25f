package org.beltway.entity;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.beltway.internal.Strict;
import org.beltway.supplier.SupplierTable;

/**
 * Proposed entity links from shared registration keys: shops that declare the same licence, address or
 * payout account are likely one business, and a business split into unlinked shops is the known way to
 * game merit (docs/design.md §7). The proposals are candidates, never applied by themselves: a policy
 * owner reviews each with its evidence and {@link #confirm confirms} the ones that hold.
 *
 * <p>Two entities are linked when a shop of one and a shop of the other declare the same normalised
 * value of a key ({@link LinkKey#normalise}); links are transitive, so a proposal is a connected
 * component of entities (all shops of a linked entity come along). A value declared by more than
 * {@link Builder#maxShopsPerKey shops} is not linked on: a shared office building or a payment
 * platform's collection account would otherwise merge strangers; such values are reported in
 * {@link #tooCommon()}. Proposals are listed by their smallest entity id; everything is deterministic.
 */
public final class EntityLinks {
  /** The default most shops one key value may link: above it the value is reported, not linked. */
  public static final int DEFAULT_MAX_SHOPS_PER_KEY = 20;

  private final SupplierTable shops;
  private final List<LinkProposal> proposals;
  private final List<SharedKey> tooCommon;

  private EntityLinks(SupplierTable shops, List<LinkProposal> proposals, List<SharedKey> tooCommon) {
    this.shops = shops;
    this.proposals = List.copyOf(proposals);
    this.tooCommon = List.copyOf(tooCommon);
  }

  /** A builder collecting the keys the shops of this table declared. */
  public static Builder builder(SupplierTable shops) {
    return new Builder(Strict.nonNull(shops, "shops", SupplierTable.class));
  }

  /** The table of shops the keys were declared for. */
  public SupplierTable shops() {
    return shops;
  }

  /** The proposed links, by their smallest entity id. */
  public List<LinkProposal> proposals() {
    return proposals;
  }

  /** Key values declared by more shops than the builder's limit, which were not linked on. */
  public List<SharedKey> tooCommon() {
    return tooCommon;
  }

  /**
   * The table with the confirmed proposals applied: every shop of a proposal's entities becomes a shop
   * of its {@link LinkProposal#entity()}; every other shop keeps its entity.
   *
   * @param confirmed some of {@link #proposals()}, each at most once
   * @throws IllegalArgumentException naming the first proposal that is not one of this object's, or is
   *     given twice
   */
  public SupplierTable confirm(List<LinkProposal> confirmed) {
    Strict.nonNull(confirmed, "confirmed", List.class);
    Set<LinkProposal> known = new HashSet<>(proposals);
    Set<LinkProposal> seen = new HashSet<>();
    Long2LongOpenHashMap target = new Long2LongOpenHashMap();
    for (int k = 0; k < confirmed.size(); k++) {
      LinkProposal p = Strict.nonNull(confirmed.get(k), "confirmed[" + k + "]", LinkProposal.class);
      if (!known.contains(p) || !seen.add(p)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "confirmed[%d] (entities %s): expected one of this EntityLinks' proposals, each once", k,
            Arrays.toString(p.entities())));
      }
      for (long entity : p.entities()) {
        target.put(entity, p.entity());
      }
    }
    long[] entityByRow = new long[shops.size()];
    for (int r = 0; r < entityByRow.length; r++) {
      long entity = shops.entity(r);
      entityByRow[r] = target.getOrDefault(entity, entity);
    }
    return shops.withEntities(entityByRow);
  }

  /** Collects declared keys; {@link #build()} links them. */
  public static final class Builder {
    private final SupplierTable shops;
    private final Map<LinkKey, Map<String, IntArrayList>> rowsByValue = new EnumMap<>(LinkKey.class);
    private int maxShopsPerKey = DEFAULT_MAX_SHOPS_PER_KEY;
    private boolean built;

    private Builder(SupplierTable shops) {
      this.shops = shops;
    }

    /**
     * Declares that a shop has this value of a key. A shop may declare several values of one key; the
     * same value twice counts once.
     *
     * @throws IllegalArgumentException for an unknown shop, or a value with no letter or digit
     */
    public Builder key(long shopId, LinkKey key, String value) {
      Strict.nonNull(key, "key", LinkKey.class);
      Strict.nonNull(value, "value", String.class);
      checkOpen();
      int row = shops.row(shopId);
      if (row < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "shop %d: unknown id: expected a shop of the table", shopId));
      }
      String normal = key.normalise(value);
      if (normal.isEmpty()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "shop %d: %s (\"%s\"): expected a value with a letter or digit", shopId, key, value));
      }
      IntArrayList rows = rowsByValue.computeIfAbsent(key, k -> new TreeMap<>())
          .computeIfAbsent(normal, v -> new IntArrayList(2));
      if (!rows.contains(row)) {
        rows.add(row);
      }
      return this;
    }

    /**
     * The most shops one key value may link (default {@value #DEFAULT_MAX_SHOPS_PER_KEY}); a value
     * declared by more is reported in {@link EntityLinks#tooCommon()} instead.
     *
     * @throws IllegalArgumentException if {@code max < 2}
     */
    public Builder maxShopsPerKey(int max) {
      checkOpen();
      if (max < 2) {
        throw new IllegalArgumentException("maxShopsPerKey (" + max + "): expected at least 2");
      }
      maxShopsPerKey = max;
      return this;
    }

    /**
     * Links the entities; see the class doc.
     *
     * @throws IllegalStateException if already built
     */
    public EntityLinks build() {
      checkOpen();
      built = true;
      Entities entities = Entities.of(shops);
      int[] parent = new int[entities.size()];
      Arrays.setAll(parent, e -> e);
      List<SharedKey> linking = new ArrayList<>();
      IntArrayList linkingEntity = new IntArrayList();
      List<SharedKey> tooCommon = new ArrayList<>();
      for (Map.Entry<LinkKey, Map<String, IntArrayList>> byKey : rowsByValue.entrySet()) {
        for (Map.Entry<String, IntArrayList> byValue : byKey.getValue().entrySet()) {
          IntArrayList rows = byValue.getValue();
          SharedKey shared = new SharedKey(byKey.getKey(), byValue.getKey(), sortedIds(rows));
          if (rows.size() > maxShopsPerKey) {
            tooCommon.add(shared);
            continue;
          }
          int first = entities.entityOf(rows.getInt(0));
          boolean spans = false;
          for (int k = 1; k < rows.size(); k++) {
            int e = entities.entityOf(rows.getInt(k));
            spans |= e != first;
            union(parent, first, e);
          }
          if (spans) {
            linking.add(shared);
            linkingEntity.add(first);
          }
        }
      }
      return new EntityLinks(shops, proposals(entities, parent, linking, linkingEntity), tooCommon);
    }

    private long[] sortedIds(IntArrayList rows) {
      long[] ids = new long[rows.size()];
      for (int k = 0; k < ids.length; k++) {
        ids[k] = shops.id(rows.getInt(k));
      }
      Arrays.sort(ids);
      return ids;
    }

    private void checkOpen() {
      if (built) {
        throw new IllegalStateException("EntityLinks.Builder: already built");
      }
    }
  }

  /** One proposal per component of two or more entities, by smallest entity id. */
  private static List<LinkProposal> proposals(Entities entities, int[] parent, List<SharedKey> linking,
      IntArrayList linkingEntity) {
    Map<Integer, IntArrayList> members = new HashMap<>();
    for (int e = 0; e < parent.length; e++) {
      members.computeIfAbsent(find(parent, e), r -> new IntArrayList()).add(e);
    }
    Map<Integer, List<SharedKey>> evidence = new HashMap<>();
    for (int k = 0; k < linking.size(); k++) {
      evidence.computeIfAbsent(find(parent, linkingEntity.getInt(k)), r -> new ArrayList<>())
          .add(linking.get(k));
    }
    List<LinkProposal> out = new ArrayList<>();
    for (Map.Entry<Integer, IntArrayList> component : members.entrySet()) {
      IntArrayList rows = component.getValue();
      if (rows.size() < 2) {
        continue;
      }
      long[] ids = new long[rows.size()];
      int shopCount = 0;
      for (int k = 0; k < ids.length; k++) {
        ids[k] = entities.id(rows.getInt(k));
        shopCount += entities.shopCount(rows.getInt(k));
      }
      long[] shopIds = new long[shopCount];
      int s = 0;
      for (int k = 0; k < rows.size(); k++) {
        for (int j = 0, m = entities.shopCount(rows.getInt(k)); j < m; j++) {
          shopIds[s++] = entities.shops().id(entities.shop(rows.getInt(k), j));
        }
      }
      Arrays.sort(ids);
      Arrays.sort(shopIds);
      out.add(new LinkProposal(ids[0], ids, shopIds, evidence.get(component.getKey())));
    }
    out.sort((a, b) -> Long.compare(a.entity(), b.entity()));
    return out;
  }

  private static int find(int[] parent, int e) {
    while (parent[e] != e) {
      parent[e] = parent[parent[e]];
      e = parent[e];
    }
    return e;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
