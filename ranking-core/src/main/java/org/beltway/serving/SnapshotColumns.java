package org.beltway.serving;

/**
 * The columns of a plan snapshot, as exported from a plan or read from a file, before
 * {@link PlanSnapshot} checks them and indexes them. Rows are the plan's supplier rows; segments are the
 * plan's segment indexes.
 */
final class SnapshotColumns {
  SnapshotHeader header;
  SnapshotCertificate certificate;
  // per supplier
  long[] supplierIds;
  double[] merit;
  /** The supplier's level {@code t = α − κ}; 0 for suppliers without a promise. */
  double[] level;
  /** The planned impressions over all segments (rounded to float: pacing needs no more). */
  float[] planned;
  /** Bit {@code p} set when the supplier joined program {@code p} (ordinal). */
  byte[] programs;
  /** Index into {@link #supplierMasks}. */
  short[] supplierCombo;
  // suppliers with a promise (a guarantee or a total cap), increasing row
  int[] promisedRows;
  float[] guarantee;
  /** +∞ when the supplier has no total cap; rounded down to float. */
  float[] totalCap;
  /** The distinct group bit sets of suppliers; entry 0 is the empty set. */
  long[] supplierMasks;
  // per segment
  long[] segmentIds;
  /** Program ordinal + 1 of the segment's channel, 0 when it needs none. */
  byte[] segmentProgram;
  double[] traffic;
  /** Σ μ ρ over the segment's eligible suppliers, summed in row order, as the plan's fair exposure. */
  double[] normaliser;
  double[] beta;
  /** The cap of the segment's edges ({@code +∞} when uncapped), before the exceptions below. */
  double[] segmentCap;
  /** The groups whose scope holds the segment. */
  long[] segmentMask;
  // per group
  String[] groupNames;
  double[] groupLevel;
  double[] groupAtLeast;
  double[] groupAtMost;
  // edges whose cap is tighter than their segment's
  int[] capRows;
  int[] capSegments;
  double[] capValues;
  // edges whose relevance is not 1
  int[] relevanceRows;
  int[] relevanceSegments;
  double[] relevanceValues;
}
