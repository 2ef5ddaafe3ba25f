package org.beltway.serving;

import java.io.IOException;
import java.nio.file.Path;
import org.beltway.internal.Strict;

/**
 * Puts each newer snapshot dropped into a {@link SnapshotDirectory} into service: run on a timer, it
 * scans the directory and swaps the valid snapshot of the highest version into the live plan, if that
 * version is above the one serving (an older or equal one is left alone, so a replayed file cannot roll
 * the plan back). A file that is corrupt, truncated, of another format version or of another
 * marketplace is rejected: logged with the file and the reason, kept as the last rejection, and the
 * plan in service goes on. One watcher serves a search node, the HTTP example's and the Solr plug-in's
 * alike; logs go to {@link System.Logger}.
 */
public final class SnapshotWatcher implements Runnable {
  private static final System.Logger LOG = System.getLogger(SnapshotWatcher.class.getName());
  private final SnapshotDirectory directory;
  private final LivePlan live;
  private volatile Path servingFile;
  /** The count and the last rejection in one value, so a reader never sees one without the other. */
  private volatile Rejections rejections = new Rejections(0, null);

  /**
   * How many files were rejected, and the last (or the directory that could not be listed).
   *
   * @param count files rejected since the watcher opened
   * @param last the last rejection, or null if none
   */
  public record Rejections(long count, SnapshotDirectory.Rejection last) {}

  private SnapshotWatcher(SnapshotDirectory directory, SnapshotDirectory.Found first) {
    this.directory = directory;
    this.live = new LivePlan(first.snapshot());
    this.servingFile = first.file();
  }

  /**
   * A watcher serving the newest valid snapshot in the directory.
   *
   * @throws SnapshotException if the directory has no valid snapshot (saying why each file was rejected)
   * @throws IOException if the directory cannot be listed
   */
  public static SnapshotWatcher open(SnapshotDirectory directory) throws IOException {
    Strict.nonNull(directory, "directory", SnapshotDirectory.class);
    SnapshotDirectory.Scan scan = directory.scan();
    if (scan.newest() == null) {
      StringBuilder why = new StringBuilder("no valid snapshot (" + SnapshotDirectory.GLOB + ") in "
          + directory.path());
      for (SnapshotDirectory.Rejection r : scan.rejected()) {
        why.append("; ").append(r.message());
      }
      throw new SnapshotException(why.toString());
    }
    SnapshotWatcher watcher = new SnapshotWatcher(directory, scan.newest());
    scan.rejected().forEach(watcher::reject);
    LOG.log(System.Logger.Level.INFO, "serving plan version {0} from {1}", scan.newest().version(),
        scan.newest().file());
    return watcher;
  }

  /** The live plan this watcher swaps snapshots into. */
  public LivePlan live() {
    return live;
  }

  /**
   * The file the plan in service came from. A swap changes plan and file under the live plan's lock,
   * so read both under it ({@code synchronized (watcher.live())}) to see a matching pair.
   */
  public Path servingFile() {
    return servingFile;
  }

  /** The files rejected since the watcher opened and the last of them, read together. */
  public Rejections rejections() {
    return rejections;
  }

  /**
   * One look at the directory. Never throws (a scheduled task that throws is never run again): a
   * failure is logged and kept, and the plan in service goes on.
   */
  @Override
  public void run() {
    try {
      poll();
    } catch (IOException | RuntimeException e) {
      reject(new SnapshotDirectory.Rejection(directory.path(), directory.path() + ": scan failed: " + e,
          System.currentTimeMillis()));
    }
  }

  private synchronized void poll() throws IOException {
    SnapshotDirectory.Scan scan = directory.scan();
    scan.rejected().forEach(this::reject);
    SnapshotDirectory.Found found = scan.newest();
    if (found == null) {
      return;
    }
    long serving = live.current().snapshot().header().version();
    if (found.version() <= serving) {
      LOG.log(System.Logger.Level.INFO, "{0}: plan version {1} is not newer than version {2} in service:"
          + " left alone", found.file(), found.version(), serving);
      return;
    }
    synchronized (live) {
      live.swap(found.snapshot());
      servingFile = found.file();
    }
    LOG.log(System.Logger.Level.INFO, "serving plan version {0} from {1} (was version {2})",
        found.version(), found.file(), serving);
  }

  private void reject(SnapshotDirectory.Rejection r) {
    rejections = new Rejections(rejections.count() + 1, r); // poll is synchronized: one writer at a time
    LOG.log(System.Logger.Level.WARNING, "snapshot rejected, the plan in service goes on: {0}",
        r.message());
  }
}
