package org.beltway.spark.bench;

import java.time.Duration;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.sim.AllocationInstances;
import org.beltway.spark.SparkPlan;
import org.beltway.spark.SparkProblem;
import org.beltway.spark.SparkSolver;

/**
 * The Spark solver on {@code local[2]} against the single-machine solver (2 threads) on the same
 * generated marketplaces, read from Parquet: setup, passes, jobs, time per pass and total, and the
 * objectives. One solve each (a cold solve is a single-shot measure); the figures go to the README
 * with the machine they ran on.
 *
 * <pre>mvn -q -pl ranking-spark -am compile exec:exec -Dspark.main=org.beltway.spark.bench.SparkComparison -Dspark.args="0.01 0.1"</pre>
 */
public final class SparkComparison {
  private SparkComparison() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("beltway-comparison")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    String dir = System.getProperty("java.io.tmpdir") + "/beltway-spark-comparison";
    System.out.println("| scale | edges | single machine: passes, total | Spark: setup | Spark: passes,"
        + " jobs | Spark: per pass | Spark: total | objective, relative difference |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    try {
      for (String arg : args.length > 0 ? args : new String[] {"0.01", "0.1"}) {
        double scale = Double.parseDouble(arg);
        AllocationProblem problem = AllocationInstances.generate(42, scale, 0.02, 0.1).problem();
        long t0 = System.nanoTime();
        AllocationPlan single = AllocationSolver.builder().threads(2).build().solve(problem);
        Duration singleTime = Duration.ofNanos(System.nanoTime() - t0);
        String path = dir + "/" + arg;
        SparkProblem.of(spark, problem).write(path);
        SparkPlan plan = SparkSolver.builder().build().solve(spark, SparkProblem.read(spark, path));
        Duration total = plan.certificate().wallTime();
        int passes = plan.certificate().passes();
        double perPass = (total.toMillis() - plan.setup().toMillis()) / (double) passes;
        double a = single.certificate().primalObjective();
        double b = plan.certificate().primalObjective();
        System.out.printf(Locale.ROOT, "| %s | %,d | %d, %.2f s | %.1f s | %d, %d | %.2f s | %.1f s |"
            + " %.2g (%s) |%n", arg, problem.graph().edgeCount(), single.certificate().passes(),
            singleTime.toMillis() / 1e3, plan.setup().toMillis() / 1e3, passes, plan.jobs(),
            perPass / 1e3, total.toMillis() / 1e3, Math.abs(a - b) / Math.abs(a),
            plan.certificate().termination());
      }
    } finally {
      spark.stop();
    }
  }
}
