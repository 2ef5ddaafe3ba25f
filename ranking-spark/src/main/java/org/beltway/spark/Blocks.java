package org.beltway.spark;

import static org.apache.spark.sql.functions.col;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
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
    for (int e = 1; e < list.size(); e++) {
      Edge a = list.get(e - 1);
      Edge b = list.get(e);
      if (a.segmentIndex == b.segmentIndex && a.supplier == b.supplier) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "edge (supplier %d, segment %d): listed twice: expected one row per edge", b.supplier,
            b.segment));
      }
    }
    int[] start = groupStarts(list, Edge::segmentIndex);
    int segments = start.length - 1;
    int[] segment = new int[segments];
    double[] traffic = new double[segments];
    for (int k = 0; k < segments; k++) {
      segment[k] = list.get(start[k]).segmentIndex;
      traffic[k] = index.traffic[segment[k]];
    }
    Columns c = new Columns(list, Edge::owner);
    return List.of(new SegmentBlock(segment, traffic, start, c.other, c.theta, c.cap, c.combo,
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
    int[] start = groupStarts(list, Edge::owner);
    int suppliers = start.length - 1;
    int[] owner = new int[suppliers];
    double[] demand = new double[suppliers];
    double[] totalCap = new double[suppliers];
    for (int k = 0; k < suppliers; k++) {
      Edge first = list.get(start[k]);
      owner[k] = first.owner;
      demand[k] = first.demand;
      totalCap[k] = first.totalCap;
    }
    Columns c = new Columns(list, Edge::segmentIndex);
    return List.of(new SupplierBlock(owner, demand, totalCap, start, c.other, c.theta, c.cap, c.combo))
        .iterator();
  }

  /**
   * Where each run of equal keys begins in a list sorted by that key, and the list's size last: the
   * offsets of a block's groups (segments or suppliers).
   */
  private static int[] groupStarts(List<Edge> sorted, ToIntFunction<Edge> key) {
    IntArrayList start = new IntArrayList();
    for (int e = 0; e < sorted.size(); e++) {
      if (e == 0 || key.applyAsInt(sorted.get(e)) != key.applyAsInt(sorted.get(e - 1))) {
        start.add(e);
      }
    }
    start.add(sorted.size());
    return start.toIntArray();
  }

  /** A block's per-edge columns: θ, cap, combination and the edge's other end. */
  private static final class Columns {
    final int[] other;
    final double[] theta;
    final double[] cap;
    final int[] combo;

    Columns(List<Edge> sorted, ToIntFunction<Edge> otherEnd) {
      int n = sorted.size();
      other = new int[n];
      theta = new double[n];
      cap = new double[n];
      combo = new int[n];
      for (int e = 0; e < n; e++) {
        Edge x = sorted.get(e);
        other[e] = otherEnd.applyAsInt(x);
        theta[e] = x.theta;
        cap[e] = x.cap;
        combo[e] = x.combo;
      }
    }
  }
}
