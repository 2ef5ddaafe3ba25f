package org.beltway.examples.serving;

import org.beltway.serving.LivePlan;
import org.beltway.serving.PlanSnapshot;
import org.beltway.serving.ServingStats;
import org.beltway.serving.SnapshotCertificate;
import org.beltway.serving.SnapshotDirectory;
import org.beltway.serving.SnapshotHeader;
import org.beltway.serving.SnapshotWatcher;

/**
 * The body of {@code GET /status}: what an operator asks of a search node. Which plan serves and from
 * which file, whether its solve was proved optimal (the certificate), what the rerankers have done,
 * the exposure delivered against the plan, and the last snapshot rejected, if any. The service's own
 * records, not the library's, so that the wire format stays put when the library grows.
 *
 * @param pacingProgress the share of the day the pacer last updated to, null before its first update
 */
record StatusReport(Plan plan, Certificate certificate, Stats stats, Delivered delivered, Reload reload,
    Double pacingProgress) {

  /**
   * @param marketplace the marketplace served
   * @param version the plan's version
   * @param createdMillis when the plan was made, in milliseconds since the epoch
   * @param suppliers suppliers in the plan
   * @param segments segments in the plan
   * @param file the snapshot file it came from
   */
  record Plan(String marketplace, long version, long createdMillis, int suppliers, int segments,
      String file) {}

  /** {@link SnapshotCertificate}'s fields, with {@code converged} and the one-line summary. */
  record Certificate(String termination, boolean converged, int passes, double primalObjective,
      double dualBound, double relativeGap, double maxViolation, long wallMillis, String summary) {}

  /** {@link ServingStats}: since start-up, over every plan that served. */
  record Stats(long queries, long candidates, long unknownCandidates, long excludedCandidates,
      long swaps, double exposure) {}

  /**
   * @param exposure exposure delivered today to the suppliers of the plan in service, over every plan
   *     that served
   * @param planned the plan's impressions for the day, over its suppliers
   * @param suppliersReached suppliers of the plan with some exposure
   * @param plansServed plans that served today, the one in service included
   */
  record Delivered(double exposure, double planned, int suppliersReached, int plansServed) {}

  /**
   * @param rejections snapshot files rejected since start-up
   * @param lastError the last rejection, or null
   */
  record Reload(long rejections, Rejection lastError) {}

  /** A rejected snapshot file (or a directory that could not be listed), why, and when. */
  record Rejection(String file, String error, long atMillis) {}

  /** The status now. */
  static StatusReport of(SnapshotWatcher watcher, DayPacing pacing) {
    LivePlan live = watcher.live();
    PlanSnapshot s;
    double[] delivered;
    int plansServed;
    String file;
    synchronized (live) {
      s = live.current().snapshot();
      file = String.valueOf(watcher.servingFile());
      delivered = live.deliveredByRow();
      plansServed = live.served().size();
    }
    SnapshotHeader h = s.header();
    SnapshotCertificate c = s.certificate();
    ServingStats st = live.stats();
    double exposure = 0;
    double planned = 0;
    int reached = 0;
    for (int row = 0; row < delivered.length; row++) {
      exposure += delivered[row];
      planned += s.planned(row);
      reached += delivered[row] > 0 ? 1 : 0;
    }
    SnapshotWatcher.Rejections rejections = watcher.rejections();
    SnapshotDirectory.Rejection r = rejections.last();
    return new StatusReport(
        new Plan(h.marketplace(), h.version(), h.createdMillis(), s.supplierCount(), s.segmentCount(),
            file),
        new Certificate(c.termination(), c.converged(), c.passes(), c.primalObjective(), c.dualBound(),
            c.relativeGap(), c.maxViolation(), c.wallMillis(), c.toString()),
        new Stats(st.queries(), st.candidates(), st.unknownCandidates(), st.excludedCandidates(),
            st.swaps(), st.exposure()),
        new Delivered(exposure, planned, reached, plansServed),
        new Reload(rejections.count(), r == null ? null
            : new Rejection(r.file().toString(), r.message(), r.atMillis())),
        Double.isNaN(pacing.lastProgress()) ? null : pacing.lastProgress());
  }
}
