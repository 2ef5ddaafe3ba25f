package org.beltway.examples;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --name value} options of an example program, with defaults. An unknown option or a value
 * of the wrong kind fails with a message naming the option, the value and what was expected.
 */
final class Arguments {
  private final Map<String, String> values;

  private Arguments(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code args} against {@code defaults} given as name, value pairs.
   *
   * @throws IllegalArgumentException for an unknown option or an option without a value
   */
  static Arguments parse(String[] args, String... defaults) {
    Map<String, String> values = new HashMap<>();
    for (int k = 0; k < defaults.length; k += 2) {
      values.put(defaults[k], defaults[k + 1]);
    }
    for (int k = 0; k < args.length; k++) {
      String name = args[k];
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "unknown option %s: expected one of %s", name, values.keySet().stream().sorted().toList()));
      }
      if (k + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      values.put(name, args[++k]);
    }
    return new Arguments(values);
  }

  String text(String name) {
    return values.get(name);
  }

  double decimal(String name) {
    try {
      return Double.parseDouble(values.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "option %s (%s): expected a number", name, values.get(name)), e);
    }
  }

  long integer(String name) {
    try {
      return Long.parseLong(values.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "option %s (%s): expected an integer", name, values.get(name)), e);
    }
  }
}
