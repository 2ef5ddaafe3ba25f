package org.beltway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayProgressTest {
  private static final long SECOND = 1_000_000_000L;

  /** The lines printed for days costing {@code costs[t]} seconds each. */
  private static List<String> lines(long... costs) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DayProgress progress = new DayProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    long elapsed = 0;
    for (int t = 0; t < costs.length; t++) {
      elapsed += costs[t] * SECOND;
      progress.dayDone(t, costs.length, elapsed);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void theColdFirstDayGetsNoEtaAndDoesNotInflateTheNext() {
    // day 1 costs 60 s (cold solve), then 2 s a day: the ETA at day 2 is 38 more days of 2 s, not of 31 s
    long[] costs = new long[40];
    Arrays.fill(costs, 2);
    costs[0] = 60;
    List<String> lines = lines(costs);
    assertEquals("day 1/40, elapsed 1:00 (the first day includes the cold solve; ETA from day 2)", lines.get(0));
    assertEquals("day 2/40, elapsed 1:02, ETA 1:16 (from recent days; later days are cheaper, so it falls)",
        lines.get(1));
    assertEquals("day 40/40, elapsed 2:18, ETA 0:00", lines.get(lines.size() - 1));
  }

  @Test
  void theEtaFollowsTheRecentDaysAsTheyGetCheaper() {
    // 10 s a day for days 2-20, then 1 s a day: ten cheap days later the ETA is at 1 s a day
    long[] costs = new long[60];
    for (int t = 0; t < costs.length; t++) {
      costs[t] = t == 0 ? 30 : t < 20 ? 10 : 1;
    }
    List<String> lines = lines(costs);
    // day 30 (index 29): the last ten days (indexes 20..29) cost 1 s each, 30 days remain
    assertEquals("day 30/60, elapsed 3:50, ETA 0:30", lines.stream().filter(l -> l.startsWith("day 30/"))
        .findFirst().orElseThrow());
  }

  @Test
  void oneSlowDayDoesNotMoveTheEta() {
    // 1 s a day, but day 25 took 20 s (a garbage collection): the ETA at day 27 stays at 1 s a day
    long[] costs = new long[60];
    Arrays.fill(costs, 1);
    costs[0] = 30;
    costs[24] = 20;
    List<String> lines = lines(costs);
    assertEquals("day 27/60, elapsed 1:15, ETA 0:33", lines.stream().filter(l -> l.startsWith("day 27/"))
        .findFirst().orElseThrow());
  }
}
