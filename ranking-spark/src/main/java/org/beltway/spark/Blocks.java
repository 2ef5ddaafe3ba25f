package org.beltway.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds the blocks a solve keeps in memory: the edges partitioned by segment ({@link SegmentBlock})
 * and the constrained suppliers' edges partitioned by supplier ({@link SupplierBlock}), one block per
 * partition, each validated as it is built (finite θ ≥ 0, cap ≥ 0, known segment and combination).
 */
final class Blocks {
  private Blocks() {}

  /** One edge as a block reads it, sorted by (segment or supplier, then the other id). */
  private record Edge(long supplier, long segment, int segmentIndex, int owner, double theta,
      double cap, int combo, double demand, double totalCap) {}

  static JavaRDD<SegmentBlock> segments(Dataset<Row> edges, Broadcast<BlockIndex> index,
      int partitions) {
    JavaRDD<SegmentBlock> blocks = edges.repartition(partitions, col("segment")).toJavaRDD()
        .mapPartitions(rows -> segmentBlock(rows, index.value()));
    return blocks.persist(StorageLevel.MEMORY_AND_DISK());
  }

  static JavaRDD<SupplierBlock> suppliers(Dataset<Row> edges, Dataset<Row> suppliers,
      Broadcast<BlockIndex> index, int partitions) {
    Dataset<Row> own = edges.join(suppliers, "supplier").select("supplier", "segment", "theta", "cap",
        "combo", "guarantee", "total_cap");
    JavaRDD<SupplierBlock> blocks = own.repartition(partitions, col("supplier")).toJavaRDD()
        .mapPartitions(rows -> supplierBlock(rows, index.value()));
    return blocks.persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static Edge edge(Row r, BlockIndex index, boolean withPromise) {
    long supplier = r.getLong(0);
    long segment = r.getLong(1);
    double theta = r.getDouble(2);
    double cap = r.getDouble(3);
    if (!(theta >= 0) || theta == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "edge (supplier %d, segment %d): theta is %s: expected a finite number >= 0", supplier,
          segment, theta));
    }
    if (!(cap >= 0)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "edge (supplier %d, segment %d): cap is %s: expected a number >= 0 (+Infinity for none)",
          supplier, segment, cap));
    }
    int combo = index.combo(r.getInt(4), supplier, segment);
    return new Edge(supplier, segment, index.segment(segment, supplier), index.constrained(supplier),
        theta, cap, combo, withPromise ? r.getDouble(5) : 0, withPromise ? r.getDouble(6) : 0);
  }

  private static Iterator<SegmentBlock> segmentBlock(Iterator<Row> rows, BlockIndex index) {
    List<Edge> list = new ArrayList<>();
    rows.forEachRemaining(r -> list.add(edge(r, index, false)));
    if (list.isEmpty()) {
      return Collections.emptyIterator();
    }
    list.sort((a, b) -> a.segmentIndex != b.segmentIndex ? Integer.compare(a.segmentIndex,
        b.segmentIndex) : Long.compare(a.supplier, b.supplier));
    int n = list.size();
    int segments = 1;
    for (int e = 1; e < n; e++) {
      Edge a = list.get(e - 1);
      Edge b = list.get(e);
      if (a.segmentIndex != b.segmentIndex) {
        segments++;
      } else if (a.supplier == b.supplier) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "edge (supplier %d, segment %d): listed twice: expected one row per edge", b.supplier,
            b.segment));
      }
    }
    int[] segment = new int[segments];
    double[] traffic = new double[segments];
    int[] start = new int[segments + 1];
    int[] owner = new int[n];
    double[] theta = new double[n];
    double[] cap = new double[n];
    int[] combo = new int[n];
    int k = -1;
    for (int e = 0; e < n; e++) {
      Edge x = list.get(e);
      if (k < 0 || segment[k] != x.segmentIndex) {
        segment[++k] = x.segmentIndex;
        traffic[k] = index.traffic[x.segmentIndex];
        start[k] = e;
      }
      owner[e] = x.owner;
      theta[e] = x.theta;
      cap[e] = x.cap;
      combo[e] = x.combo;
    }
    start[segments] = n;
    return List.of(new SegmentBlock(segment, traffic, start, owner, theta, cap, combo,
        index.comboGroups)).iterator();
  }

  private static Iterator<SupplierBlock> supplierBlock(Iterator<Row> rows, BlockIndex index) {
    List<Edge> list = new ArrayList<>();
    rows.forEachRemaining(r -> list.add(edge(r, index, true)));
    if (list.isEmpty()) {
      return Collections.emptyIterator();
    }
    list.sort((a, b) -> a.owner != b.owner ? Integer.compare(a.owner, b.owner)
        : Integer.compare(a.segmentIndex, b.segmentIndex));
    int n = list.size();
    int suppliers = 1;
    for (int e = 1; e < n; e++) {
      if (list.get(e).owner != list.get(e - 1).owner) {
        suppliers++;
      }
    }
    int[] owner = new int[suppliers];
    double[] demand = new double[suppliers];
    double[] totalCap = new double[suppliers];
    int[] start = new int[suppliers + 1];
    int[] segment = new int[n];
    double[] theta = new double[n];
    double[] cap = new double[n];
    int[] combo = new int[n];
    int k = -1;
    for (int e = 0; e < n; e++) {
      Edge x = list.get(e);
      if (k < 0 || owner[k] != x.owner) {
        owner[++k] = x.owner;
        demand[k] = x.demand;
        totalCap[k] = x.totalCap;
        start[k] = e;
      }
      segment[e] = x.segmentIndex;
      theta[e] = x.theta;
      cap[e] = x.cap;
      combo[e] = x.combo;
    }
    start[suppliers] = n;
    return List.of(new SupplierBlock(owner, demand, totalCap, start, segment, theta, cap, combo))
        .iterator();
  }
}
