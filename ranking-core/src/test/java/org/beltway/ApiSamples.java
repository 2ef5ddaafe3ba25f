package org.beltway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntBinaryOperator;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Certificate;
import org.beltway.allocation.Channel;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.EvidenceMerit;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.Merit;
import org.beltway.allocation.PlanDuals;
import org.beltway.allocation.Priorities;
import org.beltway.allocation.RiskAwareShares;
import org.beltway.allocation.Segment;
import org.beltway.allocation.SegmentTable;
import org.beltway.allocation.ShareMargins;
import org.beltway.allocation.UnmetPromise;
import org.beltway.entity.Entities;
import org.beltway.entity.EntityGraph;
import org.beltway.entity.EntityLinks;
import org.beltway.entity.LinkKey;
import org.beltway.entity.ShopPlan;
import org.beltway.fairness.Audit;
import org.beltway.fairness.Exposure;
import org.beltway.fairness.Rule;
import org.beltway.fairness.Rules;
import org.beltway.guarantee.Admission;
import org.beltway.guarantee.BuyerLedger;
import org.beltway.guarantee.ConversionPrior;
import org.beltway.guarantee.DemandConversion;
import org.beltway.guarantee.Enrolment;
import org.beltway.guarantee.EnrolmentStatus;
import org.beltway.guarantee.GuaranteeProgram;
import org.beltway.guarantee.ScheduleAlert;
import org.beltway.policy.Policies;
import org.beltway.policy.Policy;
import org.beltway.score.Dimension;
import org.beltway.score.PriceBand;
import org.beltway.score.Priors;
import org.beltway.score.ScoreCard;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.score.ScoringConfig;
import org.beltway.score.Signal;
import org.beltway.score.Weights;
import org.beltway.serving.LivePlan;
import org.beltway.serving.Pacer;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.PositionModel;
import org.beltway.serving.PrefixFloor;
import org.beltway.serving.Reranker;
import org.beltway.serving.SnapshotDirectory;
import org.beltway.serving.SnapshotFormat;
import org.beltway.serving.SnapshotHeader;
import org.beltway.serving.SnapshotWatcher;
import org.beltway.serving.TopK;
import org.beltway.sim.BeltwayStrategy;
import org.beltway.sim.DayPlan;
import org.beltway.sim.HighWaterMark;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.sim.MeritProportional;
import org.beltway.sim.MeritRanking;
import org.beltway.sim.MeritRule;
import org.beltway.sim.Simulation;
import org.beltway.sim.SimulationConfig;
import org.beltway.sim.SimulationResult;
import org.beltway.sim.TrafficDay;
import org.beltway.sim.TrafficStrategy;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Count;
import org.beltway.supplier.MembershipTier;
import org.beltway.supplier.PriorityClass;
import org.beltway.supplier.Program;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;

/**
 * A valid value of every type the public API takes or is called on, made fresh on each request (builders
 * and ledgers are stateful) from one tiny generated marketplace (0.05% scale, seed 42): the receivers
 * and the other arguments of {@link NullArgumentsContractTest}. A type missing here fails that test by
 * name, so a new API type comes with its sample.
 */
final class ApiSamples {
  /** The marketplace and what is planned on it, made once. */
  private static final class Tiny {
    static final Marketplace MARKET = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.0005, 42));
    static final SupplierTable TABLE = MARKET.suppliers();
    static final SegmentTable SEGMENTS = MARKET.segments();
    static final EligibilityGraph GRAPH = EligibilityGraph.of(TABLE, SEGMENTS);
    static final Scores SCORES = Scorer.DEFAULT.score(TABLE);
    static final boolean[] QUALITY = new boolean[TABLE.size()];
    static final AllocationProblem PROBLEM;
    static final AllocationPlan PLAN;
    static final EntityGraph ENTITY_GRAPH = Entities.of(TABLE).graph(GRAPH);
    static final ShopPlan SHOP_PLAN;
    static final PlanSnapshot SNAPSHOT;
    private static Path snapshots;
    static final Simulation SIMULATION = Simulation.of(MARKET, SimulationConfig.builder().days(1).build());

    static {
      for (int row = 0; row < QUALITY.length; row++) {
        QUALITY[row] = SCORES.qualityTier(row);
      }
      PROBLEM = policy().applyTo(problemBuilder()).build();
      PLAN = AllocationSolver.defaults().solve(PROBLEM);
      double[] merit = new double[ENTITY_GRAPH.graph().supplierCount()];
      java.util.Arrays.fill(merit, 1.0);
      SHOP_PLAN = ENTITY_GRAPH.split(AllocationSolver.defaults()
          .solve(AllocationProblem.builder(ENTITY_GRAPH.graph()).merit(merit).build()));
      SNAPSHOT = PlanSnapshot.of(PLAN, TABLE, header());
    }

    /** A directory holding {@link #SNAPSHOT}, written once. */
    static synchronized SnapshotDirectory snapshotDirectory() {
      try {
        if (snapshots == null) {
          snapshots = java.nio.file.Files.createTempDirectory("api-samples-");
          snapshots.toFile().deleteOnExit();
          Path file = snapshots.resolve("plan-1.snap");
          SnapshotFormat.write(SNAPSHOT, file);
          file.toFile().deleteOnExit();
        }
        return new SnapshotDirectory(snapshots, SNAPSHOT.header().marketplace());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    static AllocationProblem.Builder problemBuilder() {
      return AllocationProblem.builder(GRAPH).scores(SCORES, Merit.DEFAULT);
    }

    static Policy policy() {
      return Policies.industrialBeltRecovery2025(SEGMENTS).qualityTier(QUALITY).build();
    }

    static SnapshotHeader header() {
      return new SnapshotHeader("tiny", 1, 0);
    }
  }

  private final Map<Class<?>, java.util.function.Supplier<?>> samples = new HashMap<>();

  ApiSamples() {
    arrays();
    jdk();
    suppliers();
    allocation();
    scoring();
    guarantees();
    fairness();
    serving();
    simulation();
  }

  /** A fresh valid value of {@code type}, or null if there is no sample for it. */
  Object of(Class<?> type) {
    java.util.function.Supplier<?> sample = samples.get(type);
    return sample == null ? null : sample.get();
  }

  boolean has(Class<?> type) {
    return samples.containsKey(type);
  }

  private <T> void put(Class<T> type, java.util.function.Supplier<? extends T> sample) {
    samples.put(type, sample);
  }

  /** By-row arrays of the tiny table's length; other lengths are rejected after the null checks. */
  private void arrays() {
    int n = Tiny.TABLE.size();
    put(double[].class, () -> new double[n]);
    put(boolean[].class, () -> new boolean[n]);
    put(long[].class, () -> new long[n]);
    put(int[].class, () -> new int[n]);
    put(String[].class, () -> new String[0]);
  }

  private void jdk() {
    put(String.class, () -> "tiny");
    put(Object.class, () -> Tiny.PLAN);
    put(List.class, List::of);
    put(Set.class, Set::of);
    put(Map.class, Map::of);
    put(Duration.class, () -> Duration.ofSeconds(1));
    put(IntPredicate.class, () -> row -> true);
    put(IntBinaryOperator.class, () -> (row, segment) -> 0);
    put(IntToDoubleFunction.class, () -> edge -> 1.0);
    put(Throwable.class, () -> new IllegalStateException("cause"));
    put(OutputStream.class, ByteArrayOutputStream::new);
    put(InputStream.class, () -> new ByteArrayInputStream(new byte[0]));
    put(Path.class, () -> Path.of("target", "no-such-snapshot"));
  }

  private void suppliers() {
    put(SupplierTable.class, () -> Tiny.TABLE);
    put(SupplierTable.Builder.class, () -> SupplierTable.builder(1));
    put(Supplier.class, () -> Tiny.TABLE.supplier(0));
    put(Supplier.Builder.class, () -> Supplier.builder(1));
    put(Signals.class, () -> Tiny.TABLE.signals(0));
    put(Signals.Builder.class, Signals::builder);
    put(MembershipTier.class, () -> MembershipTier.values()[0]);
    put(MembershipTier[].class, () -> new MembershipTier[] {MembershipTier.values()[0]});
    put(Program.class, () -> Program.values()[0]);
    put(Program[].class, () -> new Program[0]);
    put(PriorityClass.class, () -> PriorityClass.values()[0]);
    put(PriorityClass[].class, () -> new PriorityClass[0]);
    put(Count.class, () -> Count.ORDERS);
    put(Amount.class, () -> Amount.SALES);
  }

  private void allocation() {
    put(EligibilityGraph.class, () -> Tiny.GRAPH);
    put(SegmentTable.class, () -> Tiny.SEGMENTS);
    put(SegmentTable.Builder.class, () -> SegmentTable.builder(1));
    put(Segment.class, () -> Tiny.SEGMENTS.segment(0));
    put(BuyerTier.class, () -> BuyerTier.values()[0]);
    put(Channel.class, () -> Channel.WHOLESALE);
    put(AllocationProblem.class, () -> Tiny.PROBLEM);
    put(AllocationProblem.Builder.class, Tiny::problemBuilder);
    put(AllocationPlan.class, () -> Tiny.PLAN);
    put(AllocationSolver.class, AllocationSolver::defaults);
    put(AllocationSolver.Builder.class, AllocationSolver::builder);
    put(PlanDuals.class, () -> Tiny.PLAN.duals());
    put(Certificate.class, () -> Tiny.PLAN.certificate());
    put(ShareMargins.class, () -> ShareMargins.none(Tiny.PROBLEM.groupCount(), 0.01));
    put(RiskAwareShares.class, () -> RiskAwareShares.of(AllocationSolver.defaults(),
        new double[Tiny.PROBLEM.graph().segmentCount()], 0.01));
    put(RiskAwareShares.Planned.class, () -> RiskAwareShares.of(AllocationSolver.defaults(),
        new double[Tiny.PROBLEM.graph().segmentCount()], 0.01).plan(Tiny.PROBLEM, null, null));
    put(Certificate.Termination.class, () -> Tiny.PLAN.certificate().termination());
    put(GroupShare.class, () -> GroupShare.builder("all").suppliers(row -> true).atLeast(0.1).build());
    put(GroupShare.Builder.class, () -> GroupShare.builder("all"));
    put(Merit.class, () -> Merit.DEFAULT);
    put(EvidenceMerit.class, () -> EvidenceMerit.calibrate(Tiny.SCORES));
    put(Priorities.class, () -> Priorities.GUARANTEES_FIRST);
    put(UnmetPromise.Kind.class, () -> UnmetPromise.Kind.GUARANTEE);
    put(Entities.class, () -> Entities.of(Tiny.TABLE));
    put(EntityGraph.class, () -> Tiny.ENTITY_GRAPH);
    put(ShopPlan.class, () -> Tiny.SHOP_PLAN);
    put(LinkKey.class, () -> LinkKey.LICENCE);
    put(EntityLinks.Builder.class, () -> EntityLinks.builder(Tiny.TABLE));
    put(EntityLinks.class, () -> EntityLinks.builder(Tiny.TABLE).build());
    put(Policy.class, Tiny::policy);
    put(Policies.IndustrialBeltRecovery.class, () -> Policies.industrialBeltRecovery2025(Tiny.SEGMENTS));
  }

  private void scoring() {
    put(Scores.class, () -> Tiny.SCORES);
    put(ScoreCard.class, () -> Tiny.SCORES.card(0));
    put(Scorer.class, () -> Scorer.DEFAULT);
    put(ScoringConfig.class, () -> ScoringConfig.DEFAULT);
    put(ScoringConfig.Builder.class, ScoringConfig::builder);
    put(Priors.class, () -> Tiny.SCORES.priors());
    put(Weights.class, () -> Weights.DEFAULT);
    put(PriceBand.class, () -> PriceBand.DEFAULT);
    put(Dimension.class, () -> Dimension.values()[0]);
    put(Signal.class, () -> Signal.values()[0]);
  }

  private void guarantees() {
    put(ConversionPrior.class, () -> ConversionPrior.global(2, 498));
    put(DemandConversion.class, () -> DemandConversion.builder(ConversionPrior.global(2, 498)).build());
    put(BuyerLedger.class, () -> BuyerLedger.over(Tiny.TABLE));
    put(GuaranteeProgram.class, GuaranteeProgram::trustPass);
    put(GuaranteeProgram.Rule.class, () -> GuaranteeProgram.Rule.values()[0]);
    put(Enrolment.class, () -> new Enrolment(Tiny.TABLE.id(0), GuaranteeProgram.trustPass(), 0, 0));
    put(EnrolmentStatus.class, () -> status());
    put(EnrolmentStatus.Standing.class, () -> EnrolmentStatus.Standing.values()[0]);
    put(ScheduleAlert.Reason.class, () -> ScheduleAlert.Reason.values()[0]);
    put(Admission.class, () -> Admission.of(DemandConversion.builder(ConversionPrior.global(2, 498)).build(),
        AllocationSolver.defaults(), (guarantees, priorities) -> Tiny.PROBLEM));
    put(Admission.Forecast.class, () -> (guarantees, priorities) -> Tiny.PROBLEM);
    put(Admission.RefusalOrder.class, () -> Admission.RefusalOrder.MOST_TRAFFIC_FIRST);
    put(Admission.Application.class, () -> Admission.Application.of(
        new Enrolment(Tiny.TABLE.id(0), GuaranteeProgram.trustPass(), 0, 0)));
  }

  private static EnrolmentStatus status() {
    BuyerLedger ledger = BuyerLedger.over(Tiny.TABLE);
    ledger.enrol(new Enrolment(Tiny.TABLE.id(0), GuaranteeProgram.trustPass(), 0, 0));
    return ledger.status(0, 0);
  }

  private void fairness() {
    put(Rule.class, () -> Rules.conservation());
    put(Rule[].class, () -> new Rule<?>[] {Rules.conservation()});
    put(Audit.class, () -> Audit.of(Rules.conservation()));
    put(org.beltway.fairness.Probes.Planner.class, () -> (suppliers, segments) -> Exposure.of(Tiny.PLAN));
    put(PrefixFloor.class, () -> PrefixFloor.of(10, 0.5, 0.1));
  }

  private void serving() {
    put(PlanSnapshot.class, () -> Tiny.SNAPSHOT);
    put(SnapshotHeader.class, Tiny::header);
    put(LivePlan.class, () -> new LivePlan(Tiny.SNAPSHOT));
    put(Pacer.Settings.class, () -> Pacer.Settings.DEFAULT);
    put(PositionModel.class, () -> PositionModel.LOGARITHMIC);
    put(Reranker.class, () -> new Reranker(new LivePlan(Tiny.SNAPSHOT), PositionModel.LOGARITHMIC, 64, 10));
    put(TopK.class, () -> new TopK(64));
    put(SnapshotDirectory.class, Tiny::snapshotDirectory);
    put(SnapshotDirectory.Found.class,
        () -> new SnapshotDirectory.Found(Path.of("target", "tiny.snap"), Tiny.SNAPSHOT));
    put(SnapshotDirectory.Rejection.class,
        () -> new SnapshotDirectory.Rejection(Path.of("target", "tiny.snap"), "refused", 0L));
    put(SnapshotDirectory.Scan.class, () -> new SnapshotDirectory.Scan(null, List.of()));
    put(SnapshotWatcher.Rejections.class, () -> new SnapshotWatcher.Rejections(0, null));
    put(SnapshotWatcher.class, () -> {
      try {
        return SnapshotWatcher.open(Tiny.snapshotDirectory());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private void simulation() {
    put(Marketplace.class, () -> Tiny.MARKET);
    put(MarketplaceConfig.class, () -> Tiny.MARKET.config());
    put(SimulationConfig.class, () -> SimulationConfig.builder().days(1).build());
    put(MeritRule.class, () -> MeritRule.COMPOSITE);
    put(SimulationConfig.Builder.class, SimulationConfig::builder);
    put(Simulation.class, () -> Tiny.SIMULATION);
    put(Simulation.Progress.class, () -> (day, days, elapsed) -> { });
    put(SimulationResult.class, ApiSamples::result);
    put(TrafficDay.class, ApiSamples::day);
    put(DayPlan.class, () -> new DayPlan(Tiny.GRAPH));
    put(TrafficStrategy.class, TrafficStrategy::meritRanking);
    put(BeltwayStrategy.class, () -> (BeltwayStrategy) TrafficStrategy.beltway());
    put(MeritRanking.class, () -> (MeritRanking) TrafficStrategy.meritRanking());
    put(MeritProportional.class, () -> (MeritProportional) TrafficStrategy.meritProportional());
    put(HighWaterMark.class, () -> (HighWaterMark) TrafficStrategy.highWaterMark());
  }

  private static TrafficDay day() {
    int n = Tiny.TABLE.size();
    return TrafficDay.of(Tiny.GRAPH, 0, Tiny.SCORES.composites(), Tiny.QUALITY, new boolean[n], new double[n],
        0.1);
  }

  private static SimulationResult result() {
    return new SimulationResult(Tiny.MARKET.config(), SimulationConfig.builder().days(1).build(),
        Tiny.TABLE.size(), Tiny.SEGMENTS.size(), Tiny.GRAPH.edgeCount(), 0, 0, List.of(), 0, 0, List.of(), 0,
        0);
  }
}
