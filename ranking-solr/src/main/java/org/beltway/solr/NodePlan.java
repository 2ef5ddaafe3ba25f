package org.beltway.solr;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.beltway.serving.LivePlan;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.PositionModel;
import org.beltway.serving.Reranker;
import org.beltway.serving.SnapshotDirectory;
import org.beltway.serving.SnapshotException;
import org.beltway.serving.SnapshotWatcher;

/**
 * The plan one Solr core serves: the live plan read from the snapshot directory, the timer that swaps
 * in each newer snapshot, and one {@link QueryScratch} (a {@link Reranker} and its candidate arrays)
 * per search thread, since a reranker owns scratch buffers and must not be shared.
 *
 * <p>Thread-safe.
 */
final class NodePlan implements AutoCloseable {
  private final PluginSettings settings;
  private final SnapshotWatcher watcher;
  private final ScheduledExecutorService timer;
  private final ThreadLocal<QueryScratch> scratch;

  private NodePlan(PluginSettings settings, SnapshotWatcher watcher, String coreName) {
    this.settings = settings;
    this.watcher = watcher;
    LivePlan live = watcher.live();
    int max = settings.maxReRankDocs();
    scratch = ThreadLocal.withInitial(() -> new QueryScratch(
        new Reranker(live, PositionModel.LOGARITHMIC, max, max), max));
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "beltway-snapshots-" + coreName);
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(watcher, settings.pollSeconds(), settings.pollSeconds(),
        TimeUnit.SECONDS);
  }

  /**
   * Serves the newest valid snapshot in the settings' directory (already resolved to an absolute
   * path) and looks for a newer one every {@code pollSeconds}.
   *
   * @throws SnapshotException if the directory has no valid snapshot of the marketplace, naming each
   *     file and why it was refused
   * @throws IOException if the directory cannot be listed
   */
  static NodePlan open(PluginSettings settings, String coreName) throws IOException {
    SnapshotWatcher watcher = SnapshotWatcher.open(
        new SnapshotDirectory(settings.snapshotDir(), settings.marketplace()));
    return new NodePlan(settings, watcher, coreName);
  }

  PluginSettings settings() {
    return settings;
  }

  LivePlan live() {
    return watcher.live();
  }

  /** The snapshot in service now. */
  PlanSnapshot snapshot() {
    return watcher.live().current().snapshot();
  }

  SnapshotWatcher watcher() {
    return watcher;
  }

  /** This thread's reranker and candidate arrays. */
  QueryScratch scratch() {
    return scratch.get();
  }

  /** Stops the timer, waiting for a scan under way to end. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
