package org.beltway.internal;

import java.lang.reflect.Array;

/**
 * The strict builders' one rule for a setting given twice, after Caffeine ({@code Caffeine.requireState},
 * e.g. {@code "maximum size was already set to %s"}): the second call throws
 * {@link IllegalStateException} naming the setting and the value it already has, such as
 * {@code "qualityShare was already set to 0.8"}. Taking the last value silently would hide a caller's
 * mistake; failing without the value would leave the caller to find the first call.
 */
public final class Strict {
  /** Array values longer than this are shown by their first entries and their length. */
  private static final int SHOWN_ENTRIES = 4;

  private Strict() {}

  /**
   * Fails if a setting whose unset value is {@code null} (a boxed number, an array, a reference) is set.
   *
   * @param field the setting as the message names it, e.g. {@code "qualityShare"}
   * @param current the setting's value now
   * @throws IllegalStateException naming the field and {@code current} unless it is {@code null}
   */
  public static void requireUnset(String field, Object current) {
    if (current != null) {
      throw alreadySet(field, current);
    }
  }

  /**
   * Fails if a setting that has no unset value of its own (a primitive that holds its default, a
   * share that is {@code NaN} until given) is set.
   *
   * @param field the setting as the message names it
   * @param set whether it was given before
   * @param current the setting's value now
   * @throws IllegalStateException naming the field and {@code current} if {@code set}
   */
  public static void requireUnset(String field, boolean set, Object current) {
    if (set) {
      throw alreadySet(field, current);
    }
  }

  private static IllegalStateException alreadySet(String field, Object current) {
    return new IllegalStateException(field + " was already set to " + describe(current));
  }

  /** The value as a message shows it: a long array by its first entries, a lambda as such. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < Math.min(length, SHOWN_ENTRIES); i++) {
        sb.append(i == 0 ? "" : ", ").append(Array.get(value, i));
      }
      if (length > SHOWN_ENTRIES) {
        return sb.append(", …] (").append(length).append(" values)").toString();
      }
      return sb.append(']').toString();
    }
    if (value.getClass().isHidden()) {
      return "a lambda";
    }
    return String.valueOf(value);
  }
}
