package org.beltway.internal;

import java.lang.reflect.Array;

/**
 * The API's argument rules, in one place so every message reads the same.
 *
 * <p>A setting given twice, after Caffeine ({@code Caffeine.requireState}, e.g.
 * {@code "maximum size was already set to %s"}): the second call throws {@link IllegalStateException}
 * naming the setting and the value it already has, such as {@code "qualityShare was already set to 0.8"}.
 * Taking the last value silently would hide a caller's mistake; failing without the value would leave
 * the caller to find the first call.
 *
 * <p>A null argument: {@link #nonNull} throws {@link NullPointerException} naming the argument and what
 * was expected, such as {@code "categories: expected a non-null int[]"}, before any other check, where
 * the JVM's own text ({@code Cannot read the array length because "<parameter1>" is null}) names no
 * argument of the caller's. {@code NullArgumentsContractTest} holds every public member to this.
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

  /**
   * Returns {@code value}, or fails if it is null.
   *
   * @param value the argument
   * @param name the argument as the message names it, with its owner where one helps, e.g.
   *     {@code "categories"} or {@code "program of supplier 17"}
   * @param expected the argument's type, named in the message
   * @throws NullPointerException {@code "<name>: expected a non-null <type>"} if {@code value} is null
   */
  public static <T> T nonNull(T value, String name, Class<?> expected) {
    if (value == null) {
      throw nullArgument(name, expected);
    }
    return value;
  }

  /**
   * The exception {@link #nonNull} throws, for a caller that builds the name only once the argument is
   * known to be null (a name with its owner's id, in a constructor called per row).
   */
  public static NullPointerException nullArgument(String name, Class<?> expected) {
    return new NullPointerException(name + ": expected a non-null " + expected.getSimpleName());
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
