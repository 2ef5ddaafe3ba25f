package org.beltway.spark;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.SegmentTable;

/**
 * An allocation problem as Spark tables (schemas in {@link Tables}): edges with their fair exposure,
 * cap and combination of groups; the suppliers with a guarantee or total cap; the segments' traffic;
 * the group shares' targets; the combinations' groups; the penalties. It is the single-machine
 * {@code AllocationProblem} after compilation, so a user's pipeline that computes θ and the targets
 * feeds it directly, from Parquet ({@link #read}) or from an {@code AllocationProblem} ({@link #of}).
 *
 * @param edges one row per edge ({@link Tables#EDGES})
 * @param suppliers one row per constrained supplier ({@link Tables#SUPPLIERS})
 * @param segments one row per segment ({@link Tables#SEGMENTS})
 * @param groups one row per group share ({@link Tables#GROUPS})
 * @param combos one row per combination of groups ({@link Tables#COMBOS}); combination 0 may be absent
 * @param penalties one row ({@link Tables#PENALTIES})
 */
public record SparkProblem(Dataset<Row> edges, Dataset<Row> suppliers, Dataset<Row> segments,
    Dataset<Row> groups, Dataset<Row> combos, Dataset<Row> penalties) {
  private static final String[] NAMES = {"edges", "suppliers", "segments", "groups", "combos",
    "penalties"};
  /** Rows per table handed to Spark at once when exporting a problem from the driver. */
  private static final int CHUNK = 200_000;

  public SparkProblem {
    Objects.requireNonNull(edges, "edges must not be null");
    Objects.requireNonNull(suppliers, "suppliers must not be null");
    Objects.requireNonNull(segments, "segments must not be null");
    Objects.requireNonNull(groups, "groups must not be null");
    Objects.requireNonNull(combos, "combos must not be null");
    Objects.requireNonNull(penalties, "penalties must not be null");
  }

  /** The tables of a single-machine problem (θ, caps, targets exactly as its solver reads them). */
  public static SparkProblem of(SparkSession spark, AllocationProblem problem) {
    Objects.requireNonNull(spark, "spark must not be null");
    Objects.requireNonNull(problem, "problem must not be null");
    EligibilityGraph graph = problem.graph();
    SegmentTable table = problem.segments();
    int groupCount = problem.groupCount();
    // the combination of each edge: its supplier's groups among those constraining its segment
    Long2IntOpenHashMap comboOf = new Long2IntOpenHashMap();
    comboOf.defaultReturnValue(-1);
    List<Long> masks = new ArrayList<>();
    comboOf.put(0L, 0);
    masks.add(0L);
    List<Dataset<Row>> edgeParts = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (int e = 0, n = graph.edgeCount(); e < n; e++) {
      int row = graph.supplierOf(e);
      int j = graph.segmentOf(e);
      long mask = 0;
      for (int g = 0; g < groupCount; g++) {
        GroupShare share = problem.group(g);
        if (share.includesSupplier(row) && share.includesSegment(j)) {
          mask |= 1L << g;
        }
      }
      int combo = comboOf.get(mask);
      if (combo < 0) {
        combo = masks.size();
        comboOf.put(mask, combo);
        masks.add(mask);
      }
      rows.add(RowFactory.create(graph.supplierId(row), table.id(j), problem.fairExposure(e),
          problem.edgeCap(e), combo));
      if (rows.size() == CHUNK) {
        edgeParts.add(spark.createDataFrame(rows, Tables.EDGES));
        rows = new ArrayList<>();
      }
    }
    edgeParts.add(spark.createDataFrame(rows, Tables.EDGES));
    Dataset<Row> edges = edgeParts.get(0);
    for (int k = 1; k < edgeParts.size(); k++) {
      edges = edges.union(edgeParts.get(k));
    }
    List<Row> suppliers = new ArrayList<>();
    for (int r = 0; r < graph.supplierCount(); r++) {
      double d = problem.guarantee(r);
      double c = problem.totalCap(r);
      if (d > 0 || c < Double.POSITIVE_INFINITY) {
        suppliers.add(RowFactory.create(graph.supplierId(r), d, c));
      }
    }
    List<Row> segments = new ArrayList<>();
    for (int j = 0; j < table.size(); j++) {
      segments.add(RowFactory.create(table.id(j), table.traffic(j)));
    }
    List<Row> groups = new ArrayList<>();
    for (int g = 0; g < groupCount; g++) {
      GroupShare share = problem.group(g);
      double scope = problem.scopeTraffic(g);
      groups.add(RowFactory.create(g, share.name(), share.atLeast() * scope,
          share.atMost() >= 1 ? Double.POSITIVE_INFINITY : share.atMost() * scope));
    }
    List<Row> combos = new ArrayList<>();
    for (int c = 0; c < masks.size(); c++) {
      combos.add(RowFactory.create(c, masks.get(c)));
    }
    List<Row> penalties = List.of(RowFactory.create(problem.priorities().guaranteePenalty(),
        problem.priorities().groupPenalty()));
    return new SparkProblem(edges, spark.createDataFrame(suppliers, Tables.SUPPLIERS),
        spark.createDataFrame(segments, Tables.SEGMENTS), spark.createDataFrame(groups, Tables.GROUPS),
        spark.createDataFrame(combos, Tables.COMBOS), spark.createDataFrame(penalties,
            Tables.PENALTIES));
  }

  /** Reads the six tables from Parquet under {@code dir} (as {@link #write} lays them out). */
  public static SparkProblem read(SparkSession spark, String dir) {
    Objects.requireNonNull(spark, "spark must not be null");
    Objects.requireNonNull(dir, "dir must not be null");
    StructType[] schemas = {Tables.EDGES, Tables.SUPPLIERS, Tables.SEGMENTS, Tables.GROUPS,
      Tables.COMBOS, Tables.PENALTIES};
    List<Dataset<Row>> tables = new ArrayList<>();
    for (int k = 0; k < NAMES.length; k++) {
      tables.add(ParquetTables.read(spark, dir + "/" + NAMES[k], schemas[k]));
    }
    return new SparkProblem(tables.get(0), tables.get(1), tables.get(2), tables.get(3), tables.get(4),
        tables.get(5));
  }

  /** Writes the six tables as Parquet under {@code dir}, replacing what is there. */
  public void write(String dir) {
    Objects.requireNonNull(dir, "dir must not be null");
    List<Dataset<Row>> tables = List.of(edges, suppliers, segments, groups, combos, penalties);
    for (int k = 0; k < NAMES.length; k++) {
      tables.get(k).write().mode(SaveMode.Overwrite).parquet(dir + "/" + NAMES[k]);
    }
  }
}
