package org.beltway.serving;

import java.util.Locale;

/**
 * What a snapshot is of: the marketplace it plans (a search node refuses another's), the plan's version
 * (increasing with each solve, so an operator can tell which plan serves) and when it was made.
 *
 * @param marketplace the marketplace's name, 1 to 200 characters
 * @param version the plan's version, {@code >= 0}
 * @param createdMillis when the plan was made, in milliseconds since the epoch
 */
public record SnapshotHeader(String marketplace, long version, long createdMillis) {
  /** The longest marketplace name, in characters. */
  public static final int MAX_MARKETPLACE_LENGTH = 200;

  /**
   * @throws NullPointerException if the marketplace is null
   * @throws IllegalArgumentException for an empty or too long marketplace name or a negative version
   */
  public SnapshotHeader {
    if (marketplace == null) {
      throw new NullPointerException("marketplace must not be null");
    }
    if (marketplace.isEmpty() || marketplace.length() > MAX_MARKETPLACE_LENGTH) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "marketplace (\"%s\"): expected 1 to %d characters", marketplace, MAX_MARKETPLACE_LENGTH));
    }
    if (version < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "version (%d): expected a number >= 0", version));
    }
  }
}
