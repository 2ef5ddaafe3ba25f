package org.beltway.serving;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beltway.internal.Strict;

/**
 * The directory a planner drops snapshots into ({@code *.snap}; {@link SnapshotFormat#write(PlanSnapshot,
 * Path)} writes beside the file and moves it into place, so a half-written file is never seen). Each
 * scan reads only the files that are new or changed since the last (by file key, size and modification
 * time), each once: a rejected file is not read again until it is replaced.
 *
 * <p>Not thread-safe: one watcher scans ({@link SnapshotWatcher}).
 */
public final class SnapshotDirectory {
  /** The file name pattern of a snapshot. */
  public static final String GLOB = "*.snap";
  private final Path dir;
  private final String marketplace;
  private Map<Path, Stamp> seen = new HashMap<>();

  /**
   * A valid snapshot and the file it came from.
   *
   * @param file the file
   * @param snapshot the snapshot it holds
   */
  public record Found(Path file, PlanSnapshot snapshot) {
    /** Checks both are given. */
    public Found {
      Strict.nonNull(file, "file", Path.class);
      Strict.nonNull(snapshot, "snapshot", PlanSnapshot.class);
    }

    /** The snapshot's plan version. */
    public long version() {
      return snapshot.header().version();
    }
  }

  /**
   * A file that is not a valid snapshot of this marketplace (or a directory that could not be listed).
   *
   * @param file the file or directory
   * @param message why, naming the file
   * @param atMillis when, in milliseconds since the epoch
   */
  public record Rejection(Path file, String message, long atMillis) {
    /** Checks the file and the message are given. */
    public Rejection {
      Strict.nonNull(file, "file", Path.class);
      Strict.nonNull(message, "message", String.class);
    }
  }

  /**
   * What one scan read.
   *
   * @param newest the valid snapshot of the highest plan version among the files read, or null
   * @param rejected the files read that are not valid snapshots
   */
  public record Scan(Found newest, List<Rejection> rejected) {
    /** Copies the rejections. */
    public Scan {
      rejected = List.copyOf(Strict.nonNull(rejected, "rejected", List.class));
    }
  }

  private record Stamp(Object key, long size, FileTime modified) {}

  /** The snapshot directory {@code dir} of a marketplace; other marketplaces' files are refused. */
  public SnapshotDirectory(Path dir, String marketplace) {
    this.dir = Strict.nonNull(dir, "dir", Path.class);
    this.marketplace = Strict.nonNull(marketplace, "marketplace", String.class);
  }

  /** The directory. */
  public Path path() {
    return dir;
  }

  /**
   * Reads the snapshot files that are new or changed since the last scan.
   *
   * @throws IOException if the directory cannot be listed
   */
  public Scan scan() throws IOException {
    Map<Path, Stamp> now = new HashMap<>();
    Found newest = null;
    List<Rejection> rejected = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, GLOB)) {
      for (Path file : files) {
        Stamp stamp;
        try {
          BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
          if (!a.isRegularFile()) {
            continue;
          }
          stamp = new Stamp(a.fileKey(), a.size(), a.lastModifiedTime());
        } catch (NoSuchFileException gone) {
          continue;
        }
        now.put(file, stamp);
        if (stamp.equals(seen.get(file))) {
          continue;
        }
        try {
          Found found = new Found(file, SnapshotFormat.read(file, marketplace));
          if (newest == null || found.version() > newest.version()) {
            newest = found;
          }
        } catch (SnapshotException e) {
          rejected.add(new Rejection(file, e.getMessage(), System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
          // a reader bug on odd bytes must not stop the scan, nor make it read this file at every poll
          rejected.add(new Rejection(file, file + ": cannot be read: " + e, System.currentTimeMillis()));
        }
      }
    }
    seen = now;
    return new Scan(newest, rejected);
  }
}
