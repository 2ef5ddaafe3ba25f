package org.beltway.entity;

import java.util.Locale;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.EligibilityGraph;

/**
 * An entity plan shared among the entity's shops: a shop's impressions in a segment are its entity's
 * times its {@link EntityGraph#share share} there; so are its fair exposure and boost, which are its
 * entity's. Certificate, duals and unmet promises are the entity plan's.
 */
public final class ShopPlan {
  private final EntityGraph graph;
  private final AllocationPlan plan;

  ShopPlan(EntityGraph graph, AllocationPlan plan) {
    this.graph = graph;
    this.plan = plan;
  }

  /** The plan over entities this one shares out. */
  public AllocationPlan entityPlan() {
    return plan;
  }

  /** The entity graph, with the shop graph whose edges index this plan. */
  public EntityGraph entityGraph() {
    return graph;
  }

  /** The shop graph whose edges index {@link #x} and {@link #fairExposure}. */
  public EligibilityGraph shopGraph() {
    return graph.shopGraph();
  }

  /** The planned impressions of a shop edge. */
  public double x(int shopEdge) {
    return plan.x(graph.entityEdge(shopEdge)) * graph.share(shopEdge);
  }

  /** The fair exposure of a shop edge: its share of its entity's. */
  public double fairExposure(int shopEdge) {
    return plan.problem().fairExposure(graph.entityEdge(shopEdge)) * graph.share(shopEdge);
  }

  /** The boost of a shop edge, its entity's {@code x / θ}. */
  public double boost(int shopEdge) {
    return plan.boost(graph.entityEdge(shopEdge));
  }

  /**
   * The planned impressions of a shop in a segment; 0 where it is not eligible.
   *
   * @throws IllegalArgumentException for an unknown shop or segment id
   */
  public double allocation(long shopId, long segmentId) {
    EligibilityGraph shops = graph.shopGraph();
    int row = shopRow(shopId);
    int seg = shops.segments().index(segmentId);
    if (seg < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown segment %d", segmentId));
    }
    int e = shops.edge(row, seg);
    return e < 0 ? 0.0 : x(e);
  }

  /**
   * The planned impressions of a shop over all its segments.
   *
   * @throws IllegalArgumentException for an unknown shop id
   */
  public double shopTotal(long shopId) {
    EligibilityGraph shops = graph.shopGraph();
    int row = shopRow(shopId);
    double sum = 0;
    for (int k = 0, d = shops.supplierDegree(row); k < d; k++) {
      sum += x(shops.supplierEdge(row, k));
    }
    return sum;
  }

  private int shopRow(long shopId) {
    int row = graph.shopGraph().row(shopId);
    if (row < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown shop %d", shopId));
    }
    return row;
  }
}
