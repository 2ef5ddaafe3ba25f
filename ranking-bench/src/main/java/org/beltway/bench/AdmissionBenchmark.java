package org.beltway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.Priorities;
import org.beltway.guarantee.Admission;
import org.beltway.guarantee.BuyerLedger;
import org.beltway.guarantee.Enrolment;
import org.beltway.supplier.SupplierTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Booking under the 2025 policy on {@link NationalInstance}: day 0, with every eligible supplier
 * applying and nothing booked yet (cold), and the next day's handful of new applications
 * ({@link #newApplications}, held out of day 0) beside the promises booked on day 0, warm-started from
 * that day's plan as the daily loop does. Each iteration prints what was booked and the solves it took.
 * Run with
 *
 * <pre>java -jar ranking-bench/target/benchmarks.jar AdmissionBenchmark -p scale=0.03</pre>
 *
 * (national: {@code -p scale=1.0}, which needs {@code -jvmArgsAppend -Xmx12g}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class AdmissionBenchmark {

  /** Fraction of national scale. */
  @Param("0.03")
  public double scale;

  /** New applications on the next day, held out of day 0 (TrustPass suppliers drawn at random). */
  @Param("1000")
  public int newApplications;

  private NationalInstance instance;
  private SupplierTable table;
  private AllocationSolver solver;
  private Admission.Forecast forecast;
  private List<Admission.Application> dayZero;
  private List<Admission.Application> nextDay;
  private List<Enrolment> bookedOnDayZero;
  private AllocationPlan dayZeroPlan;
  // per invocation
  private Admission admission;
  private BuyerLedger book;
  private Admission.Result last;

  @Setup(Level.Trial)
  public void market() {
    instance = new NationalInstance(scale, 42L);
    table = instance.marketplace.suppliers();
    solver = AllocationSolver.builder().threads(2).build();
    forecast = (guarantees, priorities) -> instance.problem(instance.graph, guarantees, priorities);
    SplittableRandom random = new SplittableRandom(7);
    List<Enrolment> trustPass = new ArrayList<>();
    dayZero = new ArrayList<>();
    for (Enrolment e : instance.enrolments) {
      if (e.program().name().equals("TrustPass")) {
        trustPass.add(e);
      }
    }
    double held = Math.min(1.0, newApplications / (double) Math.max(1, trustPass.size()));
    nextDay = new ArrayList<>();
    for (Enrolment e : instance.enrolments) {
      if (e.program().name().equals("TrustPass") && random.nextDouble() < held) {
        nextDay.add(Admission.Application.of(new Enrolment(e.supplierId(), e.program(), 1, 0)));
      } else {
        dayZero.add(Admission.Application.of(e));
      }
    }
    BuyerLedger booked = BuyerLedger.over(table);
    Admission.Result r = Admission.of(instance.conversion, solver, forecast).admit(booked, table, 0,
        dayZero);
    bookedOnDayZero = new ArrayList<>();
    for (int k = 0; k < booked.size(); k++) {
      bookedOnDayZero.add(booked.enrolment(k));
    }
    dayZeroPlan = solver.solve(forecast.problem(instance.conversion.demand(booked, table, 1)
        .impressionsByRow(), Priorities.GUARANTEES_FIRST));
    System.out.printf(Locale.ROOT, "%n%,d suppliers, %,d edges; day 0: %,d of %,d booked in %d solves;"
            + " %,d new applications the next day; day 0's plan: %s%n", table.size(),
        instance.graph.edgeCount(), r.admitted(), dayZero.size(), r.rounds(), nextDay.size(),
        dayZeroPlan.certificate());
  }

  @Setup(Level.Invocation)
  public void freshBook(BenchmarkParams params) {
    admission = Admission.of(instance.conversion, solver, forecast);
    book = BuyerLedger.over(table);
    if (params.getBenchmark().endsWith("nextDay")) {
      for (Enrolment e : bookedOnDayZero) {
        book.enrol(e);
      }
      admission.warmStartFrom(dayZeroPlan);
    }
  }

  /** Day 0: every eligible supplier applies, nothing booked, no plan to start from. */
  @Benchmark
  public Admission.Result dayZero() {
    last = admission.admit(book, table, 0, dayZero);
    return last;
  }

  /** The next day: the new applications beside day 0's bookings, from day 0's plan. */
  @Benchmark
  public Admission.Result nextDay() {
    last = admission.admit(book, table, 1, nextDay);
    return last;
  }

  @TearDown(Level.Invocation)
  public void report() {
    if (last != null) {
      System.out.printf(Locale.ROOT, "%n%,d of %,d booked in %d solves (%d stopped at a limit); last check: %s%n",
          last.admitted(), last.decisions().size(), last.rounds(), last.unconverged(), last.check());
    }
  }
}
