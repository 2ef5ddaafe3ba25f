package org.beltway.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.sim.AllocationInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems and plans travel through Parquet; bad tables are refused naming the row and column. */
class ParquetTest {
  private static final SparkSolver SPARK = SparkSolver.builder().gapTolerance(1e-9)
      .violationTolerance(1e-9).build();

  @Test
  void aProblemReadFromParquetSolvesToAPlanThatLoadsOnOneMachineAndWarmStarts(@TempDir Path dir) {
    SparkSession spark = LocalSpark.get();
    AllocationProblem problem = AllocationInstances.generate(4, 0.0005, 0.02, 0.1).problem();
    SparkProblem.of(spark, problem).write(dir.resolve("problem").toString());
    SparkProblem read = SparkProblem.read(spark, dir.resolve("problem").toString());
    assertEquals(problem.graph().edgeCount(), read.edges().count());
    SparkPlan plan = SPARK.solve(spark, read);
    assertTrue(plan.certificate().converged(), plan.certificate().toString());
    plan.write(spark, dir.resolve("plan").toString());
    AllocationPlan loaded = AllocationSolver.builder().gapTolerance(1e-8).violationTolerance(1e-8)
        .build().certify(problem, SparkPlan.readDuals(spark, dir.resolve("plan").toString()));
    assertTrue(loaded.certificate().converged(), loaded.certificate().toString());
    assertEquals(plan.certificate().primalObjective(), loaded.certificate().primalObjective(),
        1e-9 * plan.certificate().primalObjective());
    for (int j = 0; j < problem.segments().size(); j++) {
      assertEquals(problem.segments().traffic(j), loaded.segmentAllocated(j)
          + loaded.segmentUnallocated(j), 0.0, "segment " + j);
    }
    SparkPlan warm = SPARK.solve(spark, read, plan.duals());
    assertTrue(warm.certificate().converged(), warm.certificate().toString());
    assertTrue(warm.certificate().passes() <= 2, warm.certificate().toString());
  }

  @Test
  void anEdgeOfAnUnknownSegmentOrAWrongColumnTypeIsRefusedByName(@TempDir Path dir) {
    SparkSession spark = LocalSpark.get();
    SparkProblem good = SparkProblem.of(spark, AllocationInstances.generate(4, 0.0005, 0.0, 0.1)
        .problem());
    SparkProblem stray = new SparkProblem(good.edges().union(spark.createDataFrame(List.of(
        RowFactory.create(7L, 999_999_999L, 1.0, Double.POSITIVE_INFINITY, 0)), Tables.EDGES)),
        good.suppliers(), good.segments(), good.groups(), good.combos(), good.penalties());
    Exception e = assertThrows(Exception.class, () -> SPARK.solve(spark, stray));
    assertTrue(rootMessage(e).contains("edge (supplier 7, segment 999999999): segment 999999999 is"
        + " not in the segments table"), rootMessage(e));
    String path = dir.resolve("bad").toString();
    good.write(path);
    good.segments().selectExpr("segment", "cast(traffic as float) as traffic").write()
        .mode("overwrite").parquet(path + "/segments");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> SparkProblem.read(spark, path));
    assertTrue(bad.getMessage().endsWith("segments: column 'traffic' is float: expected double"),
        bad.getMessage());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
