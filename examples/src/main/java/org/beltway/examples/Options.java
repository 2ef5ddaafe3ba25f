package org.beltway.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --name value} options an example program declares, each with its default and what it sets,
 * so that the program can both parse its arguments and answer {@code --help} (or {@code -h}) from one
 * list that cannot drift from the code.
 */
final class Options {
  private record Option(String name, String defaultValue, String meaning) {}

  private final String program;
  private final String summary;
  private final List<Option> options = new ArrayList<>();

  /**
   * A program's options, none yet.
   *
   * @param program the program's class name, as {@code -Dexec.mainClass} gives it
   * @param summary what the program does, in one sentence
   */
  Options(String program, String summary) {
    this.program = program;
    this.summary = summary;
  }

  /** Declares an option, e.g. {@code add("--scale", "0.03", "fraction of national scale")}. */
  Options add(String name, String defaultValue, String meaning) {
    options.add(new Option(name, defaultValue, meaning));
    return this;
  }

  /** Whether the arguments ask for the help ({@code -h} or {@code --help} anywhere). */
  static boolean helpAsked(String[] args) {
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help")) {
        return true;
      }
    }
    return false;
  }

  /** The help: usage, summary, and one line per option with its default. */
  String help() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "Usage: mvn -q -pl examples -am compile exec:java -Dexec.mainClass=org.beltway.examples.%s"
            + " -Dexec.args=\"%s\"%n%s%n%n", program, options.isEmpty() ? "" : "[--option value]...",
        summary));
    int width = "-h, --help".length();
    for (Option o : options) {
      width = Math.max(width, o.name().length() + 1 + o.defaultValue().length());
    }
    b.append(options.isEmpty() ? "It takes no options." : "Options (with their defaults):")
        .append(System.lineSeparator());
    for (Option o : options) {
      b.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", o.name() + " " + o.defaultValue(),
          o.meaning()));
    }
    return b.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", "-h, --help", "print this help"))
        .toString();
  }

  /**
   * Parses {@code args} against the declared options.
   *
   * @throws IllegalArgumentException for an unknown option or an option without a value
   */
  Arguments parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (Option o : options) {
      values.put(o.name(), o.defaultValue());
    }
    for (int k = 0; k < args.length; k++) {
      String name = args[k];
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "unknown option %s: expected one of %s, or --help", name,
            values.keySet().stream().sorted().toList()));
      }
      if (k + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      values.put(name, args[++k]);
    }
    return new Arguments(values);
  }
}
