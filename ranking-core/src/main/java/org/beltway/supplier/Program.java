package org.beltway.supplier;

/**
 * An opt-in traffic program. Since the 2025 reform (帮卖 from auto-selection to opt-in) a supplier never
 * receives traffic from a program it did not join; plain wholesale traffic needs no program.
 */
public enum Program {
  /** 帮卖 / distribution to about 20 downstream channels. */
  DISTRIBUTION,
  /** Cross-border selling to 15 countries and regions. */
  CROSS_BORDER,
  /** 轻定制, light customization of existing products. */
  LIGHT_CUSTOMIZATION,
  /** Offline selection centres. */
  OFFLINE_SELECTION;

  static final Program[] VALUES = values();
}
