package org.beltway.entity;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Locale;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;
import org.beltway.supplier.SupplierTable;

/**
 * The business entities of a table of shops ({@link org.beltway.supplier.Supplier#entity()}), and the
 * table of their merged rows. Merit and fair exposure are a business's, not a shop's: score
 * {@link #merged()}, plan on {@link #graph(EligibilityGraph) the entity graph}, give caps and guarantees
 * per entity id (once per business), and {@link EntityGraph#split share the plan} among the shops.
 * Then one shop cut into N with the same total signals has the same merged row, the same plan, and so
 * the same combined traffic ({@code Probes.split} checks it).
 *
 * <p>How shops merge ({@link #merged()}): counts and sales add up (refused above {@code int} range,
 * never wrapped); refund claimants are pooled; the price index is the orders-weighted mean; categories
 * are the union, primary first from the shop with the most orders (which also gives belt and city);
 * programs and priority classes are the union; the tier is the highest, factory if any shop is one, and
 * the days on platform those of the oldest shop. A shop that is its own entity merges into a copy of
 * itself.
 *
 * <p>Entity rows are numbered in the order of their first shop in the table.
 */
public final class Entities {
  private final SupplierTable shops;
  private final long[] ids;
  private final int[] entityOfRow;
  private final int[] shopStart;
  private final int[] shopRows;
  private final Long2IntOpenHashMap rowById;
  private final SupplierTable merged;

  private Entities(SupplierTable shops) {
    this.shops = shops;
    int n = shops.size();
    rowById = new Long2IntOpenHashMap(Math.max(16, n));
    rowById.defaultReturnValue(-1);
    entityOfRow = new int[n];
    long[] found = new long[n];
    int count = 0;
    for (int r = 0; r < n; r++) {
      long entity = shops.entity(r);
      int e = rowById.get(entity);
      if (e < 0) {
        e = count++;
        found[e] = entity;
        rowById.put(entity, e);
      }
      entityOfRow[r] = e;
    }
    ids = java.util.Arrays.copyOf(found, count);
    shopStart = new int[count + 1];
    for (int r = 0; r < n; r++) {
      shopStart[entityOfRow[r] + 1]++;
    }
    for (int e = 0; e < count; e++) {
      shopStart[e + 1] += shopStart[e];
    }
    shopRows = new int[n];
    int[] cursor = java.util.Arrays.copyOf(shopStart, count);
    for (int r = 0; r < n; r++) {
      shopRows[cursor[entityOfRow[r]]++] = r;
    }
    rowById.trim();
    merged = EntityMerge.merge(this);
  }

  /**
   * The entities of a table of shops, with their merged rows.
   *
   * @throws IllegalArgumentException naming the entity and field when a merged count leaves the
   *     {@code int} range or a merged amount is not finite
   */
  public static Entities of(SupplierTable shops) {
    Strict.nonNull(shops, "shops", SupplierTable.class);
    return new Entities(shops);
  }

  /** The table of shops the entities were read from. */
  public SupplierTable shops() {
    return shops;
  }

  /** One row per entity, its id the entity id, in entity-row order; see the class doc. */
  public SupplierTable merged() {
    return merged;
  }

  /** The number of entities. */
  public int size() {
    return ids.length;
  }

  /** The id of an entity row. */
  public long id(int entityRow) {
    return ids[entityRow];
  }

  /** The row of an entity id, or -1 if no shop belongs to it. */
  public int row(long entityId) {
    return rowById.get(entityId);
  }

  /** The entity row that owns a shop row. */
  public int entityOf(int shopRow) {
    return entityOfRow[shopRow];
  }

  /** The number of shops an entity owns, {@code >= 1}. */
  public int shopCount(int entityRow) {
    return shopStart[entityRow + 1] - shopStart[entityRow];
  }

  /** The {@code k}-th shop row of an entity, in table order. */
  public int shop(int entityRow, int k) {
    return shopRows[shopStart[entityRow] + k];
  }

  /** The entity graph of a graph over {@link #shops()}, every shop edge weighted alike. */
  public EntityGraph graph(EligibilityGraph shopGraph) {
    return EntityGraph.of(this, shopGraph, null);
  }

  /**
   * The entity graph of a graph over {@link #shops()}: an entity is eligible in a segment where one of
   * its shops is, with the largest relevance among them; the entity's plan there is shared among those
   * shops in proportion to their relevance (alike where all are 0).
   *
   * @param shopRelevanceByEdge relevance per shop edge, finite and {@code >= 0}
   * @throws IllegalArgumentException if the graph's rows are not the shops' or a relevance is invalid
   */
  public EntityGraph graph(EligibilityGraph shopGraph, double[] shopRelevanceByEdge) {
    Strict.nonNull(shopRelevanceByEdge, "shopRelevanceByEdge", double[].class);
    return EntityGraph.of(this, shopGraph, shopRelevanceByEdge);
  }

  static IllegalArgumentException error(long entity, String field, Object value, String expected) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "entity %d: %s (%s): expected %s",
        entity, field, value, expected));
  }
}
