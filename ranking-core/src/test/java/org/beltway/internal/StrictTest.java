package org.beltway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class StrictTest {

  @Test
  void anUnsetSettingPasses() {
    Strict.requireUnset("scale", null);
    Strict.requireUnset("qualityShare", false, Double.NaN);
  }

  @Test
  void aSettingGivenTwiceNamesItsFieldAndOldValue() {
    assertEquals("qualityShare was already set to 0.8",
        assertThrows(IllegalStateException.class, () -> Strict.requireUnset("qualityShare", true, 0.8))
            .getMessage());
    assertEquals("seed was already set to 7",
        assertThrows(IllegalStateException.class, () -> Strict.requireUnset("seed", 7L)).getMessage());
  }

  @Test
  void longArraysShowTheirFirstEntriesAndLengthAndLambdasAreNamed() {
    assertEquals("[]", Strict.describe(new int[0]));
    assertEquals("[1.0, 2.0, 3.0, 4.0]", Strict.describe(new double[] {1, 2, 3, 4}));
    assertEquals("[1, 2, 3, 4, …] (5 values)", Strict.describe(new long[] {1, 2, 3, 4, 5}));
    IntPredicate any = r -> true;
    assertEquals("a lambda", Strict.describe(any));
    assertEquals("null", Strict.describe(null));
  }

  @Test
  void aNullArgumentIsNamedWithTheTypeExpected() {
    assertEquals("categories: expected a non-null int[]", assertThrows(NullPointerException.class,
        () -> Strict.nonNull(null, "categories", int[].class)).getMessage());
    assertEquals("program of supplier 17: expected a non-null String",
        assertThrows(NullPointerException.class,
            () -> Strict.nonNull(null, "program of supplier 17", String.class)).getMessage());
    int[] given = {1};
    assertSame(given, Strict.nonNull(given, "categories", int[].class));
  }
}
