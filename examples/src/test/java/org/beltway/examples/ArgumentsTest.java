package org.beltway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

  @Test
  void givenOptionsOverrideDefaults() {
    Arguments a = Arguments.parse(new String[] {"--scale", "0.5"}, "--scale", "0.05", "--seed", "42");
    assertEquals(0.5, a.decimal("--scale"));
    assertEquals(42, a.integer("--seed"));
  }

  @Test
  void rejectsUnknownOptionsAndBadValues() {
    assertEquals("unknown option --sclae: expected one of [--scale, --seed]",
        assertThrows(IllegalArgumentException.class,
            () -> Arguments.parse(new String[] {"--sclae", "1"}, "--scale", "1", "--seed", "2")).getMessage());
    assertEquals("option --seed needs a value",
        assertThrows(IllegalArgumentException.class,
            () -> Arguments.parse(new String[] {"--seed"}, "--seed", "2")).getMessage());
    Arguments bad = Arguments.parse(new String[] {"--seed", "x"}, "--seed", "2", "--scale", "y");
    assertEquals("option --seed (x): expected an integer",
        assertThrows(IllegalArgumentException.class, () -> bad.integer("--seed")).getMessage());
    assertEquals("option --scale (y): expected a number",
        assertThrows(IllegalArgumentException.class, () -> bad.decimal("--scale")).getMessage());
  }
}
