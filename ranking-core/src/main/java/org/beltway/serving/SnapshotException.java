package org.beltway.serving;

import java.io.IOException;

/**
 * A snapshot that cannot be served: truncated, corrupted (checksum), of another format version or of
 * another marketplace, or with values no plan has. The message says which; the plan in service stays.
 */
public final class SnapshotException extends IOException {
  private static final long serialVersionUID = 1L;

  public SnapshotException(String message) {
    super(message);
  }

  public SnapshotException(String message, Throwable cause) {
    super(message, cause);
  }
}
