package org.beltway.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The examples run in CI: an example that rots is worse than none. */
class QuickStartTest {

  @Test
  void quickStartPrintsAConvergedCertificate() {
    String out = captured(() -> QuickStart.main(new String[0]));
    assertTrue(out.startsWith("Certificate[CONVERGED"), out);
  }

  @Test
  void scoreDemoPrintsTheLeadersWithTheirScoreCards() {
    String out = captured(() -> ScoreDemo.main(new String[] {"--scale", "0.002", "--categories", "2"}));
    assertTrue(out.contains("Score card of the leader:"), out);
    assertTrue(out.contains("composite"), out);
  }

  static String captured(Runnable program) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      program.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
