package org.beltway.entity;

import java.util.Locale;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.SegmentTable;
import org.beltway.internal.Strict;

/**
 * A shop graph seen by entity: the entity graph to plan on, over {@link Entities#merged()}, and each
 * shop edge's share of its entity's edge, which {@link #split} uses to give the shops their traffic.
 * Shares of an entity edge add up to 1, so splitting conserves traffic.
 */
public final class EntityGraph {
  private final Entities entities;
  private final EligibilityGraph shopGraph;
  private final EligibilityGraph graph;
  private final int[] entityEdgeOfShopEdge;
  private final double[] share;
  private final double[] relevance;

  private EntityGraph(Entities entities, EligibilityGraph shopGraph, EligibilityGraph graph,
      int[] entityEdgeOfShopEdge, double[] share, double[] relevance) {
    this.entities = entities;
    this.shopGraph = shopGraph;
    this.graph = graph;
    this.entityEdgeOfShopEdge = entityEdgeOfShopEdge;
    this.share = share;
    this.relevance = relevance;
  }

  static EntityGraph of(Entities entities, EligibilityGraph shopGraph, double[] shopRelevance) {
    Strict.nonNull(shopGraph, "shopGraph", EligibilityGraph.class);
    checkRows(entities, shopGraph);
    int shopEdges = shopGraph.edgeCount();
    if (shopRelevance != null) {
      checkRelevance(shopGraph, shopRelevance);
    }
    SegmentTable segments = shopGraph.segments();
    EligibilityGraph.Builder b = EligibilityGraph.builder(entities.merged(), segments);
    // shop edges run segment by segment; within a segment, mark each entity once
    int[] lastSegment = new int[entities.size()];
    java.util.Arrays.fill(lastSegment, -1);
    for (int e = 0; e < shopEdges; e++) {
      int seg = shopGraph.segmentOf(e);
      int entity = entities.entityOf(shopGraph.supplierOf(e));
      if (lastSegment[entity] != seg) {
        lastSegment[entity] = seg;
        b.edge(entities.id(entity), segments.id(seg));
      }
    }
    EligibilityGraph graph = b.build();
    int[] entityEdge = new int[shopEdges];
    double[] weight = new double[shopEdges];
    double[] total = new double[graph.edgeCount()];
    int[] shopsOnEdge = new int[graph.edgeCount()];
    double[] relevance = shopRelevance == null ? null : new double[graph.edgeCount()];
    for (int e = 0; e < shopEdges; e++) {
      int f = graph.edge(entities.entityOf(shopGraph.supplierOf(e)), shopGraph.segmentOf(e));
      entityEdge[e] = f;
      weight[e] = shopRelevance == null ? 1.0 : shopRelevance[e];
      total[f] += weight[e];
      shopsOnEdge[f]++;
      if (relevance != null) {
        relevance[f] = Math.max(relevance[f], shopRelevance[e]);
      }
    }
    double[] share = new double[shopEdges];
    for (int e = 0; e < shopEdges; e++) {
      int f = entityEdge[e];
      share[e] = total[f] > 0 ? weight[e] / total[f] : 1.0 / shopsOnEdge[f];
    }
    return new EntityGraph(entities, shopGraph, graph, entityEdge, share, relevance);
  }

  private static void checkRows(Entities entities, EligibilityGraph shopGraph) {
    int n = entities.shops().size();
    if (shopGraph.supplierCount() != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the shop graph has %d supplier rows: expected the %d shops of the entities' table",
          shopGraph.supplierCount(), n));
    }
    for (int r = 0; r < n; r++) {
      if (shopGraph.supplierId(r) != entities.shops().id(r)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "the shop graph's row %d is supplier %d: expected shop %d, the row of the entities' table",
            r, shopGraph.supplierId(r), entities.shops().id(r)));
      }
    }
  }

  private static void checkRelevance(EligibilityGraph shopGraph, double[] relevance) {
    if (relevance.length != shopGraph.edgeCount()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "shopRelevanceByEdge has %d values: expected one per shop edge (%d)", relevance.length,
          shopGraph.edgeCount()));
    }
    for (int e = 0; e < relevance.length; e++) {
      if (!(relevance[e] >= 0 && relevance[e] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "relevance of (shop %d, segment %d) is %s: expected a finite number >= 0",
            shopGraph.supplierId(shopGraph.supplierOf(e)),
            shopGraph.segments().id(shopGraph.segmentOf(e)), relevance[e]));
      }
    }
  }

  /** The entities. */
  public Entities entities() {
    return entities;
  }

  /** The graph to plan on: one row per entity, rows of {@link Entities#merged()}. */
  public EligibilityGraph graph() {
    return graph;
  }

  /** The graph of shops it was made from. */
  public EligibilityGraph shopGraph() {
    return shopGraph;
  }

  /**
   * Relevance per entity edge, the largest of its shops' (a copy), for
   * {@code AllocationProblem.Builder.relevance}; {@code null} when the shops had none.
   */
  public double[] relevance() {
    return relevance == null ? null : relevance.clone();
  }

  /** The entity edge a shop edge belongs to. */
  public int entityEdge(int shopEdge) {
    return entityEdgeOfShopEdge[shopEdge];
  }

  /** A shop edge's share of its entity edge, in [0, 1]; the shares of an entity edge add up to 1. */
  public double share(int shopEdge) {
    return share[shopEdge];
  }

  /**
   * The entity plan shared among the shops.
   *
   * @throws IllegalArgumentException if the plan is not over {@link #graph()}
   */
  public ShopPlan split(AllocationPlan entityPlan) {
    Strict.nonNull(entityPlan, "entityPlan", AllocationPlan.class);
    if (entityPlan.problem().graph() != graph) {
      throw new IllegalArgumentException(
          "entityPlan is not over this entity graph: expected a plan of a problem built on graph()");
    }
    return new ShopPlan(this, entityPlan);
  }
}
