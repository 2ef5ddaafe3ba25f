package org.beltway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationDemoTest {

  @Test
  void printsTheComparisonAndWritesASelfContainedReport(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("report.html");
    String printed = QuickStartTest.captured(() -> SimulationDemo.main(new String[] {
        "--scale", "0.0005", "--days", "12", "--seed", "7", "--out", out.toString()}));
    assertTrue(printed.contains("TrustPass ≥30 in 60 d  Power/Super doubled"), printed);
    for (SimulationDemo.Column c : SimulationDemo.COMPARISON_COLUMNS) {
      assertTrue(printed.contains("\n  " + c.header() + ": " + c.meaning() + "\n"), c.header() + " unexplained:\n" + printed);
    }
    for (String name : new String[] {"beltway", "ranking", "proportional", "hwm"}) {
      assertTrue(printed.contains("\n" + name + " "), name + " row missing:\n" + printed);
    }
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertEquals(5, html.split("<svg", -1).length - 1, "three attainment charts, quality share, Lorenz");
    assertTrue(html.contains("Lorenz curve of exposure"));
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no network reference");
  }

  @Test
  void runsTheChosenStrategiesOnly(@TempDir Path dir) {
    String printed = QuickStartTest.captured(() -> SimulationDemo.main(new String[] {
        "--scale", "0.0005", "--days", "3", "--strategies", "proportional,hwm", "--error", "0",
        "--out", dir.resolve("r.html").toString()}));
    assertTrue(printed.contains("\nhwm "), printed);
    assertFalse(printed.contains("\nbeltway "), printed);
  }

  @Test
  void rejectsAnUnknownStrategy() {
    assertEquals("unknown strategy \"greedy\": expected one of [beltway, ranking, proportional, hwm]",
        assertThrows(IllegalArgumentException.class,
            () -> SimulationDemo.main(new String[] {"--strategies", "proportional,greedy"})).getMessage());
  }
}
