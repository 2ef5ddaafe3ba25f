package org.beltway.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.beltway.allocation.Certificate;
import org.beltway.allocation.Certificate.Termination;
import org.beltway.allocation.PlanDuals;
import org.beltway.internal.SolverSettings;
import org.beltway.internal.Strict;
import org.beltway.internal.dual.DualValue;
import org.beltway.internal.dual.LevelDomain;

/**
 * The allocation solver's dual coordinate ascent on Spark (docs/design.md §4.4, §10): the edges live in
 * the executors as blocks, partitioned by segment and, for suppliers with a promise, by supplier; each
 * pass broadcasts one side's duals and sets the other side's exactly, with the same block roots as the
 * single-machine {@code AllocationSolver}. It keeps its penalty stages, its certificate (primal, dual
 * bound, gap, violation of each family) and its stopping rule, and it starts warm from a previous
 * plan's duals. It does not have the single-machine solver's accelerations (Newton steps, cluster
 * shifts, rescues), so it takes more passes where promises compete; each pass costs a few jobs, and
 * each group root a few more.
 */
public final class SparkSolver {
  private final double gapTolerance;
  private final double violationTolerance;
  private final int maxPasses;
  private final Duration timeLimit;
  private final int partitions;

  private SparkSolver(Builder b) {
    gapTolerance = b.gapTolerance;
    violationTolerance = b.violationTolerance;
    maxPasses = b.maxPasses;
    timeLimit = b.timeLimit;
    partitions = b.partitions;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Solves from zero duals. */
  public SparkPlan solve(SparkSession spark, SparkProblem problem) {
    return run(spark, problem, null);
  }

  /**
   * Solves from a previous plan's duals ({@link SparkPlan#duals()} or a single-machine plan's),
   * matched by supplier id, segment id and group name and projected onto the dual domain; the others
   * start at 0.
   */
  public SparkPlan solve(SparkSession spark, SparkProblem problem, PlanDuals previous) {
    Strict.nonNull(previous, "previous", PlanDuals.class);
    return run(spark, problem, previous);
  }

  private SparkPlan run(SparkSession spark, SparkProblem problem, PlanDuals previous) {
    Strict.nonNull(spark, "spark", SparkSession.class);
    Strict.nonNull(problem, "problem", SparkProblem.class);
    long start = System.nanoTime();
    long deadline = start + timeLimit.toNanos();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    DriverTables t = new DriverTables(problem);
    int parts = partitions > 0 ? partitions : sc.defaultParallelism();
    Broadcast<BlockIndex> index = sc.broadcast(new BlockIndex(t.segmentIds, t.traffic, t.supplierIds,
        t.comboGroups));
    JavaRDD<SegmentBlock> segmentBlocks = Blocks.segments(problem.edges(), index, parts);
    JavaRDD<SupplierBlock> supplierBlocks = Blocks.suppliers(problem.edges(), problem.suppliers(),
        index, parts);
    try {
      DualPasses state = new DualPasses(sc, segmentBlocks, supplierBlocks, index.value(), t.demand,
          t.totalCap, t.groupLower, t.groupUpper, t.groupEdges);
      segmentBlocks.count(); // builds the blocks now, so that the setup is timed apart from the passes
      Duration setup = Duration.ofNanos(System.nanoTime() - start);
      if (previous != null) {
        state.guaranteePenalty = t.guaranteePenalty;
        state.groupPenalty = t.groupPenalty;
        warmStart(state, t, previous);
      } else {
        state.guaranteePenalty = Math.min(t.guaranteePenalty, SolverSettings.FIRST_STAGE_PENALTY);
        // group shares start at their own penalty: their joint roots are exact over the segments
        // they touch, so they need no stages, and a stage bound would hold them below their level
        state.groupPenalty = t.groupPenalty;
      }
      DualValue a;
      int passes = 0;
      Termination termination;
      double lastProgress = Double.POSITIVE_INFINITY;
      while (true) {
        state.remember();
        state.pass();
        passes++;
        a = state.assess();
        if (a.gap() <= gapTolerance && a.maxViolation() <= violationTolerance) {
          boolean finalStage = state.guaranteePenalty >= t.guaranteePenalty
              && state.groupPenalty >= t.groupPenalty;
          if (finalStage || !state.atRaisableBound(t.guaranteePenalty, t.groupPenalty)) {
            termination = Termination.CONVERGED;
            break;
          }
          state.raisePenalties(Math.min(t.guaranteePenalty, state.guaranteePenalty * SolverSettings.STAGE_FACTOR),
              Math.min(t.groupPenalty, state.groupPenalty * SolverSettings.STAGE_FACTOR));
          lastProgress = Double.POSITIVE_INFINITY;
          continue;
        }
        if (passes >= maxPasses) {
          termination = Termination.PASS_LIMIT;
          break;
        }
        if (System.nanoTime() - deadline >= 0) {
          termination = Termination.TIME_LIMIT;
          break;
        }
        // extrapolate only where plain passes stall: a pass that does not halve the largest violation
        // (or the gap, once violations are within tolerance)
        double progress = a.maxViolation() > violationTolerance ? a.maxViolation() : Math.abs(a.gap());
        if (progress > 0.5 * lastProgress) {
          state.extrapolate(a.dual());
        }
        lastProgress = progress;
      }
      // certified against the problem's own penalties, as the single-machine solver
      state.guaranteePenalty = t.guaranteePenalty;
      state.groupPenalty = t.groupPenalty;
      a = state.assess();
      Certificate certificate = new Certificate(a.primal(), a.dual(), a.gap(), a.supplyViolation(),
          a.guaranteeViolation(), a.capViolation(), a.groupViolation(), passes,
          Duration.ofNanos(System.nanoTime() - start), termination);
      return new SparkPlan(t.supplierIds, state.level.clone(), state.supplierTotal.clone(),
          t.segmentIds, state.beta.clone(), state.segmentAllocated.clone(), t.groupNames,
          state.groupLevel.clone(), state.groupTotal.clone(), certificate, unmet(t, state),
          state.jobs, setup);
    } finally {
      segmentBlocks.unpersist(false);
      supplierBlocks.unpersist(false);
      index.destroy();
    }
  }

  private static void warmStart(DualPasses state, DriverTables t, PlanDuals previous) {
    for (int g = 0; g < t.groupNames.length; g++) {
      int k = Arrays.asList(previous.groupNames()).indexOf(t.groupNames[g]);
      state.groupLevel[g] = k < 0 ? 0.0 : LevelDomain.group(previous.groupLevels()[k], t.groupLower[g],
          t.groupUpper[g], t.groupPenalty);
    }
    state.recomputeGamma();
    for (int k = 0; k < previous.supplierIds().length; k++) {
      int at = Arrays.binarySearch(t.supplierIds, previous.supplierIds()[k]);
      if (at >= 0) {
        state.level[at] = LevelDomain.supplier(previous.supplierLevels()[k], t.demand[at], t.totalCap[at],
            t.guaranteePenalty);
      }
    }
    for (int k = 0; k < previous.segmentIds().length; k++) {
      int j = Arrays.binarySearch(t.segmentIds, previous.segmentIds()[k]);
      if (j >= 0) {
        state.beta[j] = Math.max(0.0, previous.segmentDuals()[k]);
      }
    }
  }

  private List<Shortfall> unmet(DriverTables t, DualPasses state) {
    List<Shortfall> out = new ArrayList<>();
    for (int k = 0; k < t.supplierIds.length; k++) {
      double d = t.demand[k];
      double x = state.supplierTotal[k];
      if (d > 0 && d - x > violationTolerance * d) {
        boolean givenUp = state.level[k] >= t.guaranteePenalty || d > t.totalCap[k];
        out.add(new Shortfall("guarantee", "supplier " + t.supplierIds[k], d, x, d - x, givenUp));
      }
    }
    for (int g = 0; g < t.groupNames.length; g++) {
      double x = state.groupTotal[g];
      double low = t.groupLower[g];
      double high = t.groupUpper[g];
      String who = "group '" + t.groupNames[g] + "'";
      if (low > 0 && low - x > violationTolerance * low) {
        out.add(new Shortfall("share floor", who, low, x, low - x,
            state.groupLevel[g] >= t.groupPenalty));
      }
      if (high < Double.POSITIVE_INFINITY && x - high > violationTolerance * high) {
        out.add(new Shortfall("share cap", who, high, x, x - high,
            state.groupLevel[g] <= -t.groupPenalty));
      }
    }
    return out;
  }

  /** Builds a {@link SparkSolver}; the tolerances and limits default to the single-machine solver's. */
  public static final class Builder {
    private double gapTolerance = 1e-4;
    private double violationTolerance = 1e-6;
    private int maxPasses = 5_000;
    private Duration timeLimit = Duration.ofMinutes(60);
    private int partitions;

    private Builder() {}

    /** The relative duality gap at which a solve stops, in (0, 1). */
    public Builder gapTolerance(double tolerance) {
      gapTolerance = SolverSettings.tolerance("gapTolerance", tolerance);
      return this;
    }

    /** The largest relative violation at which a solve stops, in (0, 1). */
    public Builder violationTolerance(double tolerance) {
      violationTolerance = SolverSettings.tolerance("violationTolerance", tolerance);
      return this;
    }

    public Builder maxPasses(int passes) {
      maxPasses = SolverSettings.maxPasses(passes);
      return this;
    }

    public Builder timeLimit(Duration limit) {
      timeLimit = SolverSettings.timeLimit(limit);
      return this;
    }

    /** Partitions of each side's blocks; 0 (the default) takes Spark's default parallelism. */
    public Builder partitions(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("partitions is " + count + ": expected at least 0");
      }
      partitions = count;
      return this;
    }

    public SparkSolver build() {
      return new SparkSolver(this);
    }
  }
}
