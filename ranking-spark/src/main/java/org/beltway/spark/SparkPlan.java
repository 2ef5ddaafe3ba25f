package org.beltway.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.beltway.allocation.Certificate;
import org.beltway.allocation.PlanDuals;

/**
 * What a Spark solve returns: the compact plan (one level per constrained supplier, one dual per
 * segment, one level per group, with the totals planned there), its {@link Certificate} and the
 * promises it does not keep. {@link #duals()} is what the single-machine {@code AllocationSolver.certify}
 * loads into an {@code AllocationPlan} (and so a serving snapshot) and what a later Spark solve warm
 * starts from; {@link #write} stores the duals as Parquet ({@link Tables#SUPPLIER_DUALS}, {@link
 * Tables#SEGMENT_DUALS}, {@link Tables#GROUP_DUALS}) and {@link #readDuals} reads them back.
 */
public final class SparkPlan {
  private final long[] supplierIds;
  private final double[] supplierLevels;
  private final double[] supplierPlanned;
  private final long[] segmentIds;
  private final double[] segmentDuals;
  private final double[] segmentAllocated;
  private final String[] groupNames;
  private final double[] groupLevels;
  private final double[] groupPlanned;
  private final Certificate certificate;
  private final List<Shortfall> unmet;
  private final int jobs;
  private final Duration setup;

  SparkPlan(long[] supplierIds, double[] supplierLevels, double[] supplierPlanned, long[] segmentIds,
      double[] segmentDuals, double[] segmentAllocated, String[] groupNames, double[] groupLevels,
      double[] groupPlanned, Certificate certificate, List<Shortfall> unmet, int jobs, Duration setup) {
    this.supplierIds = supplierIds;
    this.supplierLevels = supplierLevels;
    this.supplierPlanned = supplierPlanned;
    this.segmentIds = segmentIds;
    this.segmentDuals = segmentDuals;
    this.segmentAllocated = segmentAllocated;
    this.groupNames = groupNames;
    this.groupLevels = groupLevels;
    this.groupPlanned = groupPlanned;
    this.certificate = certificate;
    this.unmet = List.copyOf(unmet);
    this.jobs = jobs;
    this.setup = setup;
  }

  /**
   * The part of the certificate's wall time spent before the first pass: collecting the small tables
   * and building the blocks.
   */
  public Duration setup() {
    return setup;
  }

  public Certificate certificate() {
    return certificate;
  }

  /** The promises missed by more than the violation tolerance, guarantees first. */
  public List<Shortfall> unmetPromises() {
    return unmet;
  }

  /** The Spark jobs the solve ran (each a sweep over the blocks of one side). */
  public int jobs() {
    return jobs;
  }

  /** The planned traffic of a group share, or NaN when there is no such group. */
  public double groupPlanned(String name) {
    for (int g = 0; g < groupNames.length; g++) {
      if (groupNames[g].equals(name)) {
        return groupPlanned[g];
      }
    }
    return Double.NaN;
  }

  /** The plan's duals keyed by id (copies). */
  public PlanDuals duals() {
    return new PlanDuals(supplierIds.clone(), supplierLevels.clone(), segmentIds.clone(),
        segmentDuals.clone(), groupNames.clone(), groupLevels.clone());
  }

  /** Writes the duals and totals as three Parquet tables under {@code dir}, replacing what is there. */
  public void write(SparkSession spark, String dir) {
    Objects.requireNonNull(spark, "spark must not be null");
    Objects.requireNonNull(dir, "dir must not be null");
    List<Row> suppliers = new ArrayList<>(supplierIds.length);
    for (int k = 0; k < supplierIds.length; k++) {
      suppliers.add(RowFactory.create(supplierIds[k], supplierLevels[k], supplierPlanned[k]));
    }
    List<Row> segments = new ArrayList<>(segmentIds.length);
    for (int j = 0; j < segmentIds.length; j++) {
      segments.add(RowFactory.create(segmentIds[j], segmentDuals[j], segmentAllocated[j]));
    }
    List<Row> groups = new ArrayList<>(groupNames.length);
    for (int g = 0; g < groupNames.length; g++) {
      groups.add(RowFactory.create(groupNames[g], groupLevels[g], groupPlanned[g]));
    }
    spark.createDataFrame(suppliers, Tables.SUPPLIER_DUALS).write().mode(SaveMode.Overwrite)
        .parquet(dir + "/supplier_duals");
    spark.createDataFrame(segments, Tables.SEGMENT_DUALS).write().mode(SaveMode.Overwrite)
        .parquet(dir + "/segment_duals");
    spark.createDataFrame(groups, Tables.GROUP_DUALS).write().mode(SaveMode.Overwrite)
        .parquet(dir + "/group_duals");
  }

  /** Reads the duals {@link #write} stored under {@code dir}. */
  public static PlanDuals readDuals(SparkSession spark, String dir) {
    Objects.requireNonNull(spark, "spark must not be null");
    Objects.requireNonNull(dir, "dir must not be null");
    List<Row> suppliers = ParquetTables.read(spark, dir + "/supplier_duals", Tables.SUPPLIER_DUALS)
        .collectAsList();
    List<Row> segments = ParquetTables.read(spark, dir + "/segment_duals", Tables.SEGMENT_DUALS)
        .collectAsList();
    List<Row> groups = ParquetTables.read(spark, dir + "/group_duals", Tables.GROUP_DUALS)
        .collectAsList();
    long[] supplierIds = new long[suppliers.size()];
    double[] levels = new double[suppliers.size()];
    for (int k = 0; k < supplierIds.length; k++) {
      supplierIds[k] = suppliers.get(k).getLong(0);
      levels[k] = suppliers.get(k).getDouble(1);
    }
    long[] segmentIds = new long[segments.size()];
    double[] beta = new double[segments.size()];
    for (int j = 0; j < segmentIds.length; j++) {
      segmentIds[j] = segments.get(j).getLong(0);
      beta[j] = segments.get(j).getDouble(1);
    }
    String[] names = new String[groups.size()];
    double[] groupLevels = new double[groups.size()];
    for (int g = 0; g < names.length; g++) {
      names[g] = groups.get(g).getString(0);
      groupLevels[g] = groups.get(g).getDouble(1);
    }
    return new PlanDuals(supplierIds, levels, segmentIds, beta, names, groupLevels);
  }
}
