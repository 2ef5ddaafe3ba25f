package org.beltway.solr;

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
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.SnapshotException;
import org.beltway.serving.SnapshotFormat;

/**
 * The directory a planner drops snapshots into ({@code *.snap}; {@link SnapshotFormat#write(PlanSnapshot,
 * Path)} writes beside the file and moves it into place, so a half-written file is never seen). Each
 * scan reads only the files that are new or changed since the last (by file key, size and modification
 * time), each once: a rejected file is not read again until it is replaced. The approach of the HTTP
 * example's {@code org.beltway.examples.serving.SnapshotDirectory}, which this module cannot depend on.
 *
 * <p>Not thread-safe: one watcher thread scans.
 */
final class SnapshotDirectory {
  /** The file name pattern of a snapshot. */
  static final String GLOB = "*.snap";
  private final Path dir;
  private final String marketplace;
  private Map<Path, Stamp> seen = new HashMap<>();

  /** A valid snapshot and the file it came from. */
  record Found(Path file, PlanSnapshot snapshot) {
    long version() {
      return snapshot.header().version();
    }
  }

  /** A file that is not a valid snapshot of this marketplace, and why (the message names the file). */
  record Rejection(Path file, String message, long atMillis) {}

  /**
   * What one scan read.
   *
   * @param newest the valid snapshot of the highest plan version among the files read, or null
   * @param rejected the files read that are not valid snapshots
   */
  record Scan(Found newest, List<Rejection> rejected) {}

  private record Stamp(Object key, long size, FileTime modified) {}

  SnapshotDirectory(Path dir, String marketplace) {
    this.dir = dir;
    this.marketplace = marketplace;
  }

  Path path() {
    return dir;
  }

  /**
   * Reads the snapshot files that are new or changed since the last scan.
   *
   * @throws IOException if the directory cannot be listed
   */
  Scan scan() throws IOException {
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
