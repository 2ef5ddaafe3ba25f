package org.beltway.spark.example;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.PlanDuals;
import org.beltway.serving.LivePlan;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.PositionModel;
import org.beltway.serving.Reranker;
import org.beltway.serving.SnapshotHeader;
import org.beltway.sim.AllocationInstances;
import org.beltway.spark.SparkPlan;
import org.beltway.spark.SparkProblem;
import org.beltway.spark.SparkSolver;

/**
 * Generates a marketplace (1% scale by default) of the 2025 policy, writes its problem to Parquet,
 * solves it on Spark ({@code local[2]}), writes the plan's duals to Parquet, loads them into a
 * single-machine {@code AllocationPlan} and a serving snapshot, and reranks one query with it.
 *
 * <pre>mvn -q -pl ranking-spark -am compile exec:exec</pre>
 *
 * or, packaged ({@code ranking-spark/target/ranking-spark-*-app.jar}, Spark provided), with
 * {@code spark-submit --master local[2] ranking-spark/target/ranking-spark-0.1.0-SNAPSHOT-app.jar}.
 *
 * Arguments: {@code [scale] [directory]}, by default {@code 0.01 target/spark-quickstart}.
 */
public final class SparkQuickStart {
  private SparkQuickStart() {}

  public static void main(String[] args) {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.01;
    String dir = Path.of(args.length > 1 ? args[1] : "target/spark-quickstart").toAbsolutePath()
        .toString();
    SparkSession.Builder builder = SparkSession.builder().appName("beltway-quickstart")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2");
    if (System.getProperty("spark.master") == null) { // run alone; spark-submit names its own master
      builder.master("local[2]").config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      AllocationInstances.Instance market = AllocationInstances.generate(42, scale, 0.02, 0.1);
      AllocationProblem problem = market.problem();
      EligibilityGraph graph = market.graph();
      System.out.printf(Locale.ROOT, "marketplace: %,d suppliers, %,d segments, %,d edges%n",
          graph.supplierCount(), graph.segmentCount(), graph.edgeCount());

      SparkProblem.of(spark, problem).write(dir + "/problem");
      SparkPlan plan = SparkSolver.builder().build().solve(spark, SparkProblem.read(spark,
          dir + "/problem"));
      System.out.println("spark:   " + plan.certificate() + ", " + plan.jobs() + " jobs");
      plan.write(spark, dir + "/plan");

      PlanDuals duals = SparkPlan.readDuals(spark, dir + "/plan");
      AllocationPlan loaded = AllocationSolver.defaults().certify(problem, duals);
      System.out.println("loaded:  " + loaded.certificate());
      AllocationPlan single = AllocationSolver.defaults().solve(problem);
      System.out.println("single:  " + single.certificate());
      System.out.printf(Locale.ROOT, "objective: spark %.9g, single machine %.9g (relative %.2g)%n",
          plan.certificate().primalObjective(), single.certificate().primalObjective(),
          Math.abs(plan.certificate().primalObjective() - single.certificate().primalObjective())
              / single.certificate().primalObjective());
      System.out.printf(Locale.ROOT, "unmet promises: spark %d, loaded %d%n",
          plan.unmetPromises().size(), loaded.unmetPromises().size());

      PlanSnapshot snapshot = PlanSnapshot.of(loaded, market.marketplace().suppliers(),
          new SnapshotHeader("quickstart", 1, System.currentTimeMillis()));
      Reranker reranker = new Reranker(new LivePlan(snapshot), PositionModel.LOGARITHMIC, 1_000, 10);
      int segment = busiestSegment(graph);
      int n = Math.min(graph.segmentDegree(segment), 1_000);
      long[] ids = new long[n];
      double[] relevance = new double[n];
      for (int k = 0; k < n; k++) {
        ids[k] = graph.supplierId(graph.supplierOf(graph.segmentStart(segment) + k));
        relevance[k] = 1.0;
      }
      int[] order = new int[5];
      double[] scores = new double[5];
      long segmentId = graph.segments().id(segment);
      int placed = reranker.rank(segmentId, ids, relevance, n, 5, order, scores);
      System.out.printf(Locale.ROOT, "query in segment %d (%d candidates), top %d:%n", segmentId, n,
          placed);
      for (int p = 0; p < placed; p++) {
        System.out.printf(Locale.ROOT, "  %d. supplier %d  score %.4f%n", p + 1, ids[order[p]],
            scores[p]);
      }
    } finally {
      spark.stop();
    }
  }

  private static int busiestSegment(EligibilityGraph graph) {
    int best = 0;
    for (int j = 1; j < graph.segmentCount(); j++) {
      if (graph.segmentDegree(j) > graph.segmentDegree(best)) {
        best = j;
      }
    }
    return best;
  }
}
