package org.beltway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beltway.examples.sim.ComparisonTables;
import org.beltway.examples.sim.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationDemoTest {

  @Test
  void printsTheComparisonAndWritesASelfContainedReport(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("report.html");
    String printed = QuickStartTest.captured(() -> SimulationDemo.main(new String[] {
        "--scale", "0.0005", "--days", "12", "--seed", "7", "--seeds", "2", "--out", out.toString()}));
    for (ComparisonTables.Table table : ComparisonTables.ALL) {
      assertTrue(printed.contains("\n" + table.title() + ":\n"), table.title() + " missing:\n" + printed);
      for (Metric m : table.metrics()) {
        if (m.meaning() != null) { // else its neighbour's line explains it (the size deciles)
          assertTrue(printed.contains("\n  " + m.header() + ": " + m.meaning() + "\n"),
              m.header() + " unexplained:\n" + printed);
        }
      }
    }
    for (String name : new String[] {"beltway ", "policy-only (ignores promises)",
        "ranking (ignores promises, shares, caps)", "proportional (ignores promises, shares)",
        "hwm (ignores shares, caps)"}) {
      assertTrue(printed.contains("\n" + name), name + " row missing:\n" + printed);
    }
    assertTrue(printed.contains(" ±"), "two seeds give a spread:\n" + printed);
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertEquals(7, html.split("<svg", -1).length - 1,
        "quality, head and top-buyer shares, three attainment charts, Lorenz");
    assertTrue(html.contains("Lorenz curve of exposure"));
    assertTrue(html.contains("Starvation"));
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no network reference");
  }

  @Test
  void plansWithSplitProofMeritWhenAsked(@TempDir Path dir) {
    String printed = QuickStartTest.captured(() -> SimulationDemo.main(new String[] {
        "--scale", "0.0005", "--days", "3", "--strategies", "beltway", "--merit", "evidence",
        "--seeds", "1", "--out", dir.resolve("r.html").toString()}));
    assertTrue(printed.contains("\nExposure by supplier size:\n"), printed);
    assertTrue(printed.contains("\nbeltway "), printed);
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> SimulationDemo.main(
        new String[] {"--merit", "orders"}));
    assertEquals("option --merit (orders): expected composite or evidence", bad.getMessage());
  }

  @Test
  void runsTheChosenStrategiesOnly(@TempDir Path dir) {
    String printed = QuickStartTest.captured(() -> SimulationDemo.main(new String[] {
        "--scale", "0.0005", "--days", "3", "--strategies", "proportional,hwm", "--error", "0",
        "--seeds", "1", "--out", dir.resolve("r.html").toString()}));
    assertTrue(printed.contains("\nhwm (ignores"), printed);
    assertFalse(printed.contains("\nbeltway "), printed);
  }

  @Test
  void tradeOffDemoPrintsOneRowPerTargetAndOrder() {
    String printed = QuickStartTest.captured(() -> TradeOffDemo.main(new String[] {
        "--scale", "0.0005", "--days", "12", "--targets", "0.7,0.8"}));
    assertEquals(4, printed.split("\n(70|80)% ", -1).length - 1, printed);
    assertEquals(2, printed.split(" guarantees ", -1).length - 1, printed);
  }

  @Test
  void rejectsAnUnknownStrategy() {
    assertEquals("unknown strategy \"greedy\": expected one of [beltway, ranking, proportional, hwm]",
        assertThrows(IllegalArgumentException.class,
            () -> SimulationDemo.main(new String[] {"--strategies", "proportional,greedy"})).getMessage());
  }
}
