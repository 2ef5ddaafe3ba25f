package org.beltway.examples.serving;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link RankServer}'s command line: a snapshot directory and its marketplace, or {@code --demo}, and
 * the settings that differ from {@link ServerSettings#of}. A mistake fails with the option, its value
 * and what was expected.
 */
final class ServerCommandLine {
  static final String HELP = """
      Usage: mvn -q -pl examples -am compile exec:java \\
          -Dexec.mainClass=org.beltway.examples.serving.RankServer -Dexec.args="OPTIONS"
      Serves POST /rank and GET /status for the newest plan snapshot (*.snap) in a directory, swapping
      in each newer one dropped there.

      Options (with their defaults):
        --snapshots DIR          the snapshot directory (or give DIR alone)
        --marketplace NAME       the marketplace served (needed with a directory)
        --demo                   plan a generated marketplace, write its snapshot to a temporary
                                 directory and serve that
        --host 127.0.0.1         the address to bind
        --port 8080              the port, 0 for any free one
        --poll-seconds 5         how often to look for a new snapshot
        --pacing-seconds 60      how often the pacer updates
        -h, --help               print this help
      """;
  private static final Set<String> VALUED = Set.of("--snapshots", "--marketplace", "--host", "--port",
      "--poll-seconds", "--pacing-seconds");
  private final boolean demo;
  private final Map<String, String> values;

  private ServerCommandLine(boolean demo, Map<String, String> values) {
    this.demo = demo;
    this.values = values;
  }

  /** Whether the arguments ask for the help ({@code -h} or {@code --help} anywhere). */
  static boolean helpAsked(String[] args) {
    List<String> all = Arrays.asList(args);
    return all.contains("-h") || all.contains("--help");
  }

  /** @throws IllegalArgumentException for an unknown option, one without its value, or one given twice */
  static ServerCommandLine parse(String[] args) {
    boolean demo = false;
    Map<String, String> values = new HashMap<>();
    for (int k = 0; k < args.length; k++) {
      String a = args[k];
      if (a.equals("--demo")) {
        demo = true;
      } else if (VALUED.contains(a) || !a.startsWith("-")) {
        String name = a.startsWith("-") ? a : "--snapshots";
        if (a.startsWith("-") && ++k >= args.length) {
          throw new IllegalArgumentException("option " + a + " needs a value");
        }
        if (values.put(name, args[k]) != null) {
          throw new IllegalArgumentException("option " + name + " given twice");
        }
      } else {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "unknown option %s: expected one of --demo, %s, or --help", a,
            VALUED.stream().sorted().toList()));
      }
    }
    if (demo == values.containsKey("--snapshots")) {
      throw new IllegalArgumentException("expected a snapshot directory or --demo: one of the two");
    }
    if (!demo && !values.containsKey("--marketplace")) {
      throw new IllegalArgumentException("--marketplace NAME: needed with a snapshot directory");
    }
    return new ServerCommandLine(demo, values);
  }

  boolean demo() {
    return demo;
  }

  /** The settings, serving {@code snapshots} (the given directory, or the demo's). */
  ServerSettings settings(Path snapshots) {
    String market = demo ? DemoPlan.MARKETPLACE : values.get("--marketplace");
    ServerSettings s = ServerSettings.of(snapshots, market);
    s = s.withHost(values.getOrDefault("--host", s.host()));
    s = s.withPort(port(s.port()));
    s = s.withPoll(Duration.ofMillis(Math.round(1000 * number("--poll-seconds", s.poll().toMillis() / 1e3))));
    return s.withPacing(Duration.ofMillis(Math.round(1000 * number("--pacing-seconds",
        s.pacing().toMillis() / 1e3))));
  }

  /** The directory given, null with {@code --demo}. */
  Path snapshots() {
    return demo ? null : Path.of(values.get("--snapshots"));
  }

  private int port(int otherwise) {
    String v = values.get("--port");
    try {
      return v == null ? otherwise : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option --port (" + v + "): expected an integer", e);
    }
  }

  private double number(String name, double otherwise) {
    String v = values.get(name);
    if (v == null) {
      return otherwise;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "option %s (%s): expected a number",
          name, v), e);
    }
  }
}
