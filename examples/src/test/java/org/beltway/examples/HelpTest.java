package org.beltway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every example answers {@code --help} and {@code -h} on stdout with its options and defaults, running nothing. */
class HelpTest {

  private static void assertHelp(Consumer<String[]> program, Options options, String flag,
      String... expected) {
    String out = QuickStartTest.captured(() -> program.accept(new String[] {flag}));
    assertEquals(options.help(), out);
    assertTrue(out.startsWith("Usage: "), out);
    for (String line : expected) {
      assertTrue(out.contains(line), "missing \"" + line + "\" in:\n" + out);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void simulationDemoListsItsOptions(String flag) {
    assertHelp(SimulationDemo::main, SimulationDemo.OPTIONS, flag, "--scale 0.01", "--days 180", "--seed 42",
        "--seeds 3", "--risk 0.01", "--strategies beltway,ranking,proportional,hwm", "--out beltway-report.html", "--error 0.2",
        "--participation 1", "--max-passes 5000", "--solver-seconds 600", "--priorities guarantees",
        "-h, --help");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void tradeOffDemoListsItsOptions(String flag) {
    assertHelp(TradeOffDemo::main, TradeOffDemo.OPTIONS, flag, "--scale 0.01", "--targets 0.70,0.75,0.80,0.85");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void scoreDemoListsItsOptions(String flag) {
    assertHelp(ScoreDemo::main, ScoreDemo.OPTIONS, flag, "--scale 0.05", "--seed 42", "--categories 3",
        "--top 5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void quickStartSaysItTakesNoOptions(String flag) {
    assertHelp(QuickStart::main, QuickStart.OPTIONS, flag, "It takes no options.", "-h, --help");
  }
}
