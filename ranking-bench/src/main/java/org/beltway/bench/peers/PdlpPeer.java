package org.beltway.bench.peers;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPQuadraticObjective;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariableProto;
import com.google.ortools.pdlp.OptimalityNorm;
import com.google.ortools.pdlp.PrimalDualHybridGradientParams;
import com.google.ortools.pdlp.SolveLog;
import com.google.ortools.pdlp.TerminationCriteria;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TextFormat;

/**
 * Google OR-Tools' PDLP (a first-order primal-dual method for convex QPs with a diagonal objective) on
 * an {@link ExplicitProgram}, called as PEERS.md says is fair: through {@code solveWithProto}, the
 * only entry that takes a quadratic objective; the elastic rows with explicit slack variables priced
 * like Beltway's; Beltway's stopping rule restated (componentwise L∞ norm, relative primal residual =
 * Beltway's violation tolerance, relative gap and dual residual = its gap tolerance); infeasibility
 * detection off (its default stops feasible 10 M-variable instances as infeasible; the program with
 * slacks is always feasible).
 */
final class PdlpPeer {
  /** What PDLP returned, with its own solve time beside the call's wall time. */
  record Result(double[] x, String status, String termination, int iterations, double pdlpSeconds,
      double buildSeconds, double callSeconds) {}

  private PdlpPeer() {}

  static {
    Loader.loadNativeLibraries();
  }

  static MPModelProto model(ExplicitProgram p) {
    MPModelProto.Builder m = MPModelProto.newBuilder();
    MPQuadraticObjective.Builder q = MPQuadraticObjective.newBuilder();
    double offset = 0;
    int n = p.variables();
    for (int v = 0; v < n; v++) {
      m.addVariable(MPVariableProto.newBuilder().setLowerBound(0).setUpperBound(p.cap[v])
          .setObjectiveCoefficient(-1));
      q.addQvar1Index(v).addQvar2Index(v).addCoefficient(1 / (2 * p.theta[v]));
      offset += p.theta[v] / 2;
    }
    m.setQuadraticObjective(q).setObjectiveOffset(offset);
    for (int j = 0; j < p.traffic.length; j++) {
      MPConstraintProto.Builder row = MPConstraintProto.newBuilder().setUpperBound(p.traffic[j])
          .setLowerBound(Double.NEGATIVE_INFINITY);
      for (int v = p.segmentStart[j]; v < p.segmentStart[j + 1]; v++) {
        row.addVarIndex(v).addCoefficient(1);
      }
      m.addConstraint(row);
    }
    int slack = n;
    for (int k = 0; k < p.demand.length; k++) {
      m.addVariable(MPVariableProto.newBuilder().setLowerBound(0).setUpperBound(p.demand[k])
          .setObjectiveCoefficient(p.guaranteePenalty));
      MPConstraintProto.Builder row = MPConstraintProto.newBuilder().setLowerBound(p.demand[k])
          .setUpperBound(Double.POSITIVE_INFINITY);
      for (int i = p.guaranteeStart[k]; i < p.guaranteeStart[k + 1]; i++) {
        row.addVarIndex(p.guaranteeVars[i]).addCoefficient(1);
      }
      m.addConstraint(row.addVarIndex(slack++).addCoefficient(1));
    }
    for (int k = 0; k < p.totalCap.length; k++) {
      MPConstraintProto.Builder row = MPConstraintProto.newBuilder().setUpperBound(p.totalCap[k])
          .setLowerBound(Double.NEGATIVE_INFINITY);
      for (int i = p.totalCapStart[k]; i < p.totalCapStart[k + 1]; i++) {
        row.addVarIndex(p.totalCapVars[i]).addCoefficient(1);
      }
      m.addConstraint(row);
    }
    for (int g = 0; g < p.groupVars.size(); g++) {
      // Σ x + s⁻ − s⁺ in [L, U]: s⁻ covers a shortfall below L, s⁺ an excess above U
      m.addVariable(MPVariableProto.newBuilder().setLowerBound(0).setUpperBound(p.groupLower[g])
          .setObjectiveCoefficient(p.groupPenalty));
      m.addVariable(MPVariableProto.newBuilder().setLowerBound(0).setObjectiveCoefficient(p.groupPenalty)
          .setUpperBound(p.groupUpper[g] < Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : 0));
      MPConstraintProto.Builder row = MPConstraintProto.newBuilder().setLowerBound(p.groupLower[g])
          .setUpperBound(p.groupUpper[g]);
      for (int v : p.groupVars.get(g)) {
        row.addVarIndex(v).addCoefficient(1);
      }
      m.addConstraint(row.addVarIndex(slack).addCoefficient(1).addVarIndex(slack + 1).addCoefficient(-1));
      slack += 2;
    }
    return m.build();
  }

  static String parameters(int threads, double gapTolerance, double violationTolerance, double seconds) {
    TerminationCriteria.DetailedOptimalityCriteria.Builder criteria =
        TerminationCriteria.DetailedOptimalityCriteria.newBuilder()
            .setEpsOptimalPrimalResidualAbsolute(0).setEpsOptimalPrimalResidualRelative(violationTolerance)
            .setEpsOptimalDualResidualAbsolute(0).setEpsOptimalDualResidualRelative(gapTolerance)
            .setEpsOptimalObjectiveGapAbsolute(0).setEpsOptimalObjectiveGapRelative(gapTolerance);
    PrimalDualHybridGradientParams params = PrimalDualHybridGradientParams.newBuilder()
        .setNumThreads(threads)
        .setTerminationCriteria(TerminationCriteria.newBuilder()
            .setOptimalityNorm(OptimalityNorm.OPTIMALITY_NORM_L_INF_COMPONENTWISE)
            .setDetailedOptimalityCriteria(criteria)
            .setEpsPrimalInfeasible(0).setEpsDualInfeasible(0).setTimeSecLimit(seconds))
        .build();
    return TextFormat.printer().printToString(params);
  }

  static Result solve(ExplicitProgram p, int threads, double gapTolerance, double violationTolerance,
      double seconds) {
    long start = System.nanoTime();
    MPModelProto model = model(p);
    MPModelRequest request = MPModelRequest.newBuilder().setModel(model)
        .setSolverType(MPModelRequest.SolverType.PDLP_LINEAR_PROGRAMMING)
        .setSolverSpecificParameters(parameters(threads, gapTolerance, violationTolerance, seconds))
        .build();
    long built = System.nanoTime();
    MPSolutionResponse response = MPSolver.solveWithProto(request);
    long done = System.nanoTime();
    double[] x = new double[p.variables()];
    for (int v = 0; v < x.length && v < response.getVariableValueCount(); v++) {
      x[v] = response.getVariableValue(v);
    }
    String termination = "";
    int iterations = -1;
    double pdlpSeconds = Double.NaN;
    try {
      SolveLog log = SolveLog.parseFrom(response.getSolverSpecificInfo());
      termination = log.getTerminationReason().name();
      iterations = log.getIterationCount();
      pdlpSeconds = log.getSolveTimeSec();
    } catch (InvalidProtocolBufferException e) {
      termination = "unreadable solve log: " + e.getMessage();
    }
    return new Result(x, response.getStatus().name(), termination, iterations, pdlpSeconds,
        (built - start) / 1e9, (done - built) / 1e9);
  }
}
