package org.beltway.allocation;

import org.beltway.supplier.Program;

/**
 * The channel a buyer arrives through. Every channel but wholesale belongs to an opt-in program, and a
 * supplier is eligible in a channel's segments only if it joined that program (docs/design.md §1:
 * 帮卖 from auto-selection to opt-in).
 */
public enum Channel {
  /** The marketplace's own wholesale search; needs no program. */
  WHOLESALE(null),
  /** Distribution to about 20 downstream channels. */
  DISTRIBUTION(Program.DISTRIBUTION),
  /** Cross-border buyers in 15 countries and regions. */
  CROSS_BORDER(Program.CROSS_BORDER),
  /** Light-customization (轻定制) orders. */
  LIGHT_CUSTOMIZATION(Program.LIGHT_CUSTOMIZATION),
  /** Offline selection centres. */
  OFFLINE(Program.OFFLINE_SELECTION);

  static final Channel[] VALUES = values();

  private final Program program;

  Channel(Program program) {
    this.program = program;
  }

  /** The program a supplier must join to be shown in this channel, or {@code null} for wholesale. */
  public Program program() {
    return program;
  }

  static Channel ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }
}
