package org.beltway.bench.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Beltway beside OR-Tools PDLP and ojAlgo on the same instances, in one run: for each size, one solve
 * of each solver judged by {@link PlanQuality} (objective, violations, distance to Beltway's plan),
 * then {@link PeerBenchmark} under JMH for the times. A solver is dropped at the first size where a
 * solve exceeds its limit (PDLP 10 minutes, ojAlgo 1 minute), which is recorded. Writes JSON with the
 * machine, JDK, commit and date; {@link ScalingChart} draws it. Run from the shaded jar:
 *
 * <pre>java -Xmx12g -cp ranking-bench/target/benchmarks.jar org.beltway.bench.peers.PeerComparison \
 *     [--scales 0.00001,0.00003,0.0001,0.001,0.01,0.1,1.0] [--out ranking-bench/results/peers.json]</pre>
 */
public final class PeerComparison {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final double PDLP_LIMIT_S = 600;
  static final double OJALGO_LIMIT_S = 60;
  /** Solves longer than this get one JMH shot. */
  private static final double LONG_SOLVE_S = 60;

  private PeerComparison() {}

  public static void main(String[] args) throws IOException, RunnerException {
    List<Double> scales = List.of(0.00001, 0.00003, 0.0001, 0.001, 0.01, 0.1, 1.0);
    Path out = Path.of("ranking-bench/results/peers-" + LocalDate.now() + ".json");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--scales" -> scales = parse(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + ": expected --scales a,b,… or --out file");
      }
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("date", LocalDate.now().toString());
    root.put("commit", commit());
    root.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    root.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap, " + System.getProperty("os.arch"));
    root.put("threads", PeerBenchmark.THREADS);
    root.put("gapTolerance", PeerBenchmark.BELTWAY.gapTolerance());
    root.put("violationTolerance", PeerBenchmark.BELTWAY.violationTolerance());
    ArrayNode rows = root.putArray("runs");
    boolean pdlp = true;
    boolean ojalgo = true;
    for (double scale : scales) {
      ExplicitProgram program = PeerInstance.program(scale);
      long started = System.nanoTime();
      double[] beltway = PeerInstance.beltway(program, PeerBenchmark.BELTWAY);
      double beltwaySeconds = (System.nanoTime() - started) / 1e9;
      PlanQuality reference = PlanQuality.of(program, beltway);
      rows.add(row("beltway", scale, program, beltway, beltway, reference, null,
          timed("beltway", scale, beltwaySeconds)));
      if (pdlp) {
        long start = System.nanoTime();
        PdlpPeer.Result r = PdlpPeer.solve(program, PeerBenchmark.THREADS,
            PeerBenchmark.BELTWAY.gapTolerance(), PeerBenchmark.BELTWAY.violationTolerance(), PDLP_LIMIT_S);
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean overLimit = r.termination().contains("TIME_LIMIT") || seconds > PDLP_LIMIT_S;
        ObjectNode row = row("pdlp", scale, program, r.x(), beltway, reference,
            r.status() + " / " + r.termination(), overLimit ? null : timed("pdlp", scale, seconds));
        row.put("pdlpIterations", r.iterations());
        row.put("pdlpOwnSeconds", r.pdlpSeconds());
        row.put("modelBuildSeconds", r.buildSeconds());
        row.put("oneSolveSeconds", seconds);
        row.put("exceededLimit", overLimit);
        rows.add(row);
        pdlp = !overLimit;
      }
      write(out, root);
    }
    // ojAlgo last: a solve past its limit cannot be stopped and would load the machine under the
    // other solvers' timings; its few small programs are built again here
    for (double scale : scales) {
      if (!ojalgo) {
        break;
      }
      ExplicitProgram program = PeerInstance.program(scale);
      double[] beltway = PeerInstance.beltway(program, PeerBenchmark.BELTWAY);
      PlanQuality reference = PlanQuality.of(program, beltway);
      long start = System.nanoTime();
      CompletableFuture<OjAlgoPeer.Result> solve = CompletableFuture.supplyAsync(() -> OjAlgoPeer.solve(program));
      try {
        OjAlgoPeer.Result r = solve.get((long) OJALGO_LIMIT_S, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        ObjectNode row = row("ojalgo", scale, program, r.x(), beltway, reference, r.state(),
            timed("ojalgo", scale, seconds));
        row.put("oneSolveSeconds", seconds);
        row.put("exceededLimit", false);
        rows.add(row);
      } catch (TimeoutException e) {
        ObjectNode row = JSON.createObjectNode();
        row.put("solver", "ojalgo");
        row.put("scale", scale);
        row.put("variables", program.variables());
        row.put("exceededLimit", true);
        row.put("status", "no answer within " + OJALGO_LIMIT_S + " s");
        rows.add(row);
        ojalgo = false;
      } catch (Exception e) {
        throw new IllegalStateException("ojAlgo failed at scale " + scale, e);
      }
      write(out, root);
    }
    System.out.println("wrote " + out);
    System.exit(0); // an ojAlgo solve over its limit may still be running
  }

  private static ObjectNode row(String solver, double scale, ExplicitProgram p, double[] x, double[] beltway,
      PlanQuality reference, String status, ObjectNode times) {
    PlanQuality q = PlanQuality.of(p, x);
    ObjectNode row = JSON.createObjectNode();
    row.put("solver", solver);
    row.put("scale", scale);
    row.put("variables", p.variables());
    row.put("segments", p.traffic.length);
    row.put("guarantees", p.guarantees());
    if (status != null) {
      row.put("status", status);
    }
    row.put("objective", q.objective());
    row.put("distanceToFair", q.distance());
    row.put("hardViolation", q.hardViolation());
    row.put("guaranteeShortfall", q.guaranteeShortfall());
    row.put("groupShortfall", q.groupShortfall());
    row.put("largestDifferenceToBeltway", PlanQuality.largestDifference(p, x, beltway));
    row.put("objectiveRelativeToBeltway", (q.objective() - reference.objective())
        / Math.max(1e-300, Math.abs(reference.objective())));
    if (times != null) {
      row.set("jmh", times);
    }
    System.out.printf(Locale.ROOT, "%-8s scale %-8s %,11d vars  obj %.9g  hard %.1e  |Δx| %.1e%s%n", solver,
        scale, p.variables(), q.objective(), q.hardViolation(), row.get("largestDifferenceToBeltway").asDouble(),
        times == null ? "" : String.format(Locale.ROOT, "  %.1f ± %.1f ms", times.get("meanMs").asDouble(),
            times.get("errorMs").asDouble()));
    return row;
  }

  /**
   * JMH single-shot times of one solver at one size, with as many shots as the solve's length allows:
   * 10 warm-ups and 20 shots under a second, 2 and 5 under ten seconds, 1 and 3 under a minute, else one
   * shot.
   */
  private static ObjectNode timed(String solver, double scale, double oneSolveSeconds) throws RunnerException {
    int warmups = oneSolveSeconds < 1 ? 10 : oneSolveSeconds < 10 ? 2 : oneSolveSeconds < LONG_SOLVE_S ? 1 : 0;
    int shots = oneSolveSeconds < 1 ? 20 : oneSolveSeconds < 10 ? 5 : oneSolveSeconds < LONG_SOLVE_S ? 3 : 1;
    Options options = new OptionsBuilder().include(PeerBenchmark.class.getName() + ".solve")
        .param("scale", Double.toString(scale)).param("solver", solver)
        .warmupIterations(warmups).measurementIterations(shots).forks(1).build();
    RunResult result = new Runner(options).runSingle();
    ObjectNode t = JSON.createObjectNode();
    var stats = result.getPrimaryResult().getStatistics();
    t.put("meanMs", stats.getMean());
    t.put("errorMs", stats.getN() > 1 ? stats.getMeanErrorAt(0.999) : Double.NaN);
    t.put("shots", stats.getN());
    ArrayNode raw = t.putArray("shotsMs");
    for (var it = stats.getRawData(); it.hasNext(); ) {
      var e = it.next();
      for (int k = 0; k < e.getValue(); k++) {
        raw.add(e.getKey());
      }
    }
    return t;
  }

  private static String commit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
      String s = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 ? s : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static void write(Path out, ObjectNode root) throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    JSON.writeValue(out.toFile(), root);
  }

  private static List<Double> parse(String list) {
    List<Double> out = new ArrayList<>();
    for (String s : list.split(",")) {
      out.add(Double.parseDouble(s.trim()));
    }
    return out;
  }
}
