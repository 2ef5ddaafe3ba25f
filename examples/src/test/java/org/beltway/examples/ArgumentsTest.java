package org.beltway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArgumentsTest {
  private static final Options OPTIONS = new Options("Demo", "Does one thing.")
      .add("--scale", "0.05", "fraction of national scale").add("--seed", "42", "the seed");

  @Test
  void givenOptionsOverrideDefaults() {
    Arguments a = OPTIONS.parse(new String[] {"--scale", "0.5"});
    assertEquals(0.5, a.decimal("--scale"));
    assertEquals(42, a.integer("--seed"));
  }

  @Test
  void rejectsUnknownOptionsAndBadValues() {
    assertEquals("unknown option --sclae: expected one of [--scale, --seed], or --help",
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.parse(new String[] {"--sclae", "1"}))
            .getMessage());
    assertEquals("option --seed needs a value",
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.parse(new String[] {"--seed"})).getMessage());
    Arguments bad = OPTIONS.parse(new String[] {"--seed", "x", "--scale", "y"});
    assertEquals("option --seed (x): expected an integer",
        assertThrows(IllegalArgumentException.class, () -> bad.integer("--seed")).getMessage());
    assertEquals("option --scale (y): expected a number",
        assertThrows(IllegalArgumentException.class, () -> bad.decimal("--scale")).getMessage());
  }

  @Test
  void helpListsEveryOptionWithItsDefaultInDeclarationOrder() {
    assertEquals(String.join(System.lineSeparator(),
        "Usage: mvn -q -pl examples -am compile exec:java -Dexec.mainClass=org.beltway.examples.Demo"
            + " -Dexec.args=\"[--option value]...\"",
        "Does one thing.",
        "",
        "Options (with their defaults):",
        "  --scale 0.05  fraction of national scale",
        "  --seed 42     the seed",
        "  -h, --help    print this help",
        ""), OPTIONS.help());
  }

  @Test
  void helpIsAskedByEitherSpellingAnywhere() {
    assertTrue(Options.helpAsked(new String[] {"--help"}));
    assertTrue(Options.helpAsked(new String[] {"--scale", "1", "-h"}));
    assertFalse(Options.helpAsked(new String[] {"--scale", "1"}));
  }
}
