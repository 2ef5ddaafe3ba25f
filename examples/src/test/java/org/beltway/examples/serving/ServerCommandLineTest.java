package org.beltway.examples.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerCommandLineTest {

  @Test
  void helpListsEveryOptionAndRunsNothing() throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      RankServer.main(new String[] {"--demo", "-h"});
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(ServerCommandLine.HELP, out);
    for (String option : new String[] {"--snapshots DIR", "--marketplace NAME", "--demo", "--port 8080",
        "--poll-seconds 5", "--pacing-seconds 60", "-h, --help"}) {
      assertTrue(out.contains(option), option);
    }
  }

  @Test
  void aDirectoryAloneWithItsMarketplaceTakesTheDefaultsForTheRest() {
    ServerCommandLine line = ServerCommandLine.parse(new String[] {"/srv/plans", "--marketplace", "de",
        "--port", "9090", "--poll-seconds", "0.5"});
    ServerSettings s = line.settings(line.snapshots());
    assertEquals(Path.of("/srv/plans"), s.snapshots());
    assertEquals("de", s.marketplace());
    assertEquals(9090, s.port());
    assertEquals(Duration.ofMillis(500), s.poll());
    assertEquals(Duration.ofMinutes(1), s.pacing());
    assertEquals("127.0.0.1", s.host());
  }

  @Test
  void mistakesFailWithTheOptionAndWhatWasExpected() {
    assertEquals("expected a snapshot directory or --demo: one of the two", message("--port", "1"));
    assertEquals("expected a snapshot directory or --demo: one of the two", message("--demo", "/srv"));
    assertEquals("--marketplace NAME: needed with a snapshot directory", message("/srv"));
    assertEquals("option --port needs a value", message("--demo", "--port"));
    assertEquals("option --port (x): expected an integer",
        assertThrows(IllegalArgumentException.class, () -> ServerCommandLine.parse(
            new String[] {"--demo", "--port", "x"}).settings(Path.of("."))).getMessage());
    assertTrue(message("--demo", "--verbose").startsWith("unknown option --verbose: expected one of"));
  }

  private static String message(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> ServerCommandLine.parse(args)).getMessage();
  }
}
