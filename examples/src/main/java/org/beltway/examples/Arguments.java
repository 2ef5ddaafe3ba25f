package org.beltway.examples;

import java.util.Locale;
import java.util.Map;

/**
 * The values of an example program's options after {@link Options#parse}: the given ones, the rest at
 * their defaults. A value of the wrong kind fails with a message naming the option, the value and what
 * was expected.
 */
final class Arguments {
  private final Map<String, String> values;

  Arguments(Map<String, String> values) {
    this.values = values;
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
