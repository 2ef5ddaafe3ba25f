package org.beltway.serving;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.entity.Entities;
import org.beltway.entity.EntityGraph;
import org.beltway.entity.ShopPlan;
import org.beltway.supplier.SupplierTable;

/**
 * The columns of an entity plan's snapshot by shop: a query's candidates are shops, so the rows are
 * the shops, each with its entity's merit, level and groups (so its boost is its entity's, bit for
 * bit) and its own programs (a shop is shown only in the programs it joined). Segments are the entity
 * plan's, their normalisers summed over entity edges. An entity edge's own cap or relevance is listed
 * for each shop with an edge there. A shop's planned impressions are its share of its entity's; its
 * guarantee and total cap are its entity's times the shop's share of the entity's planned total (alike
 * among its shops when that total is 0), so the shops' promises add up to the entity's.
 */
final class ShopSnapshotExport {
  private ShopSnapshotExport() {}

  static SnapshotColumns columns(ShopPlan shopPlan, SnapshotHeader header) {
    if (shopPlan == null || header == null) {
      throw new NullPointerException("shop plan and header must not be null");
    }
    AllocationPlan plan = shopPlan.entityPlan();
    AllocationProblem problem = plan.problem();
    EntityGraph entityGraph = shopPlan.entityGraph();
    EligibilityGraph shops = shopPlan.shopGraph();
    SnapshotColumns c = new SnapshotColumns();
    c.header = header;
    c.certificate = SnapshotCertificate.of(plan.certificate());
    shopsOf(c, shopPlan, plan, problem, entityGraph.entities());
    SnapshotExport.segmentsOf(c, plan, problem, entityGraph.graph());
    SnapshotExport.edgeExceptions(c, problem, shops.edgeCount(), shops::supplierOf, shops::segmentOf,
        entityGraph::entityEdge);
    return c;
  }

  private static void shopsOf(SnapshotColumns c, ShopPlan shopPlan, AllocationPlan plan,
      AllocationProblem problem, Entities entities) {
    SupplierTable table = entities.shops();
    EligibilityGraph shops = shopPlan.shopGraph();
    int n = shops.supplierCount();
    SnapshotExport.supplierColumns(c, n);
    double[] shopTotal = new double[n];
    SnapshotExport.GroupSets sets = new SnapshotExport.GroupSets();
    IntArrayList promised = new IntArrayList();
    for (int row = 0; row < n; row++) {
      long id = shops.supplierId(row);
      int entity = entities.entityOf(row); // the shop graph's rows are the table's (EntityGraph)
      c.supplierIds[row] = id;
      c.merit[row] = problem.merit(entity);
      c.level[row] = plan.supplierLevel(entity);
      shopTotal[row] = shopPlan.shopTotal(id);
      c.planned[row] = (float) shopTotal[row];
      c.programs[row] = SnapshotExport.programBits(table, row);
      c.supplierCombo[row] = sets.of(SnapshotExport.groupMask(problem, entity));
      if (SnapshotExport.promised(plan, problem, entity)) {
        promised.add(row);
      }
    }
    c.supplierMasks = sets.masks();
    SnapshotExport.promisedColumns(c, promised,
        row -> problem.guarantee(entities.entityOf(row)) * shareOfEntity(plan, entities, shopTotal, row),
        row -> capOf(problem.totalCap(entities.entityOf(row)),
            shareOfEntity(plan, entities, shopTotal, row)));
  }

  /** A shop's part of its entity's total cap; +∞ stays +∞ even for a shop planned nothing. */
  private static double capOf(double entityCap, double share) {
    return entityCap == Double.POSITIVE_INFINITY ? entityCap : entityCap * share;
  }

  /** A shop's share of its entity's plan (an equal share when the entity is planned nothing). */
  private static double shareOfEntity(AllocationPlan plan, Entities entities, double[] shopTotal, int row) {
    int entity = entities.entityOf(row);
    double entityTotal = plan.supplierTotalOfRow(entity);
    return entityTotal > 0 ? shopTotal[row] / entityTotal : 1.0 / entities.shopCount(entity);
  }
}
