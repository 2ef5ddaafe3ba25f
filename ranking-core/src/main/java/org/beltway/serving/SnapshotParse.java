package org.beltway.serving;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The body of a snapshot whose checksum has passed, back into columns ({@link SnapshotFormat}). */
final class SnapshotParse {
  private SnapshotParse() {}

  static PlanSnapshot parse(ByteBuffer b, String expectedMarketplace) throws SnapshotException {
    SnapshotColumns c = new SnapshotColumns();
    String marketplace = string(b, b.getShort() & 0xFFFF, StandardCharsets.UTF_8);
    if (!marketplace.equals(expectedMarketplace)) {
      throw new SnapshotException(String.format(Locale.ROOT,
          "snapshot is of marketplace \"%s\": expected \"%s\"", marketplace, expectedMarketplace));
    }
    c.header = new SnapshotHeader(marketplace, b.getLong(), b.getLong());
    String termination = string(b, b.get() & 0xFF, StandardCharsets.US_ASCII);
    c.certificate = new SnapshotCertificate(termination, b.getInt(), b.getDouble(), b.getDouble(),
        b.getDouble(), b.getDouble(), b.getLong());
    int n = count(b, "suppliers", 23);
    int sets = count(b, "group sets", 8);
    int promised = count(b, "promised suppliers", 20);
    int m = count(b, "segments", 49);
    int groups = count(b, "groups", 26);
    if (groups > 64) {
      throw new SnapshotException("corrupted snapshot: " + groups + " groups, more than 64");
    }
    int caps = count(b, "cap exceptions", 16);
    int relevances = count(b, "relevance exceptions", 16);
    need(b, 8L * sets + 23L * n + 20L * promised + 49L * m + 26L * groups + 16L * (caps + relevances));
    c.supplierMasks = longs(b, sets);
    c.supplierIds = longs(b, n);
    c.merit = doubles(b, n);
    c.planned = new float[n];
    b.asFloatBuffer().get(c.planned);
    b.position(b.position() + 4 * n);
    c.programs = new byte[n];
    b.get(c.programs);
    c.supplierCombo = new short[n];
    b.asShortBuffer().get(c.supplierCombo);
    b.position(b.position() + 2 * n);
    c.promisedRows = ints(b, promised);
    double[] levels = doubles(b, promised);
    c.level = new double[n];
    for (int k = 0; k < promised; k++) {
      int row = c.promisedRows[k];
      if (row < 0 || row >= n) {
        throw new SnapshotException(String.format(Locale.ROOT,
            "corrupted snapshot: promised supplier %d has row %d of %d", k, row, n));
      }
      c.level[row] = levels[k];
    }
    c.guarantee = new float[promised];
    b.asFloatBuffer().get(c.guarantee);
    b.position(b.position() + 4 * promised);
    c.totalCap = new float[promised];
    b.asFloatBuffer().get(c.totalCap);
    b.position(b.position() + 4 * promised);
    c.segmentIds = longs(b, m);
    c.segmentProgram = new byte[m];
    b.get(c.segmentProgram);
    c.traffic = doubles(b, m);
    c.normaliser = doubles(b, m);
    c.beta = doubles(b, m);
    c.segmentCap = doubles(b, m);
    c.segmentMask = longs(b, m);
    c.groupNames = new String[groups];
    c.groupLevel = new double[groups];
    c.groupAtLeast = new double[groups];
    c.groupAtMost = new double[groups];
    for (int g = 0; g < groups; g++) {
      c.groupNames[g] = string(b, b.getShort() & 0xFFFF, StandardCharsets.UTF_8);
      c.groupLevel[g] = b.getDouble();
      c.groupAtLeast[g] = b.getDouble();
      c.groupAtMost[g] = b.getDouble();
    }
    c.capRows = ints(b, caps);
    c.capSegments = ints(b, caps);
    c.capValues = doubles(b, caps);
    c.relevanceRows = ints(b, relevances);
    c.relevanceSegments = ints(b, relevances);
    c.relevanceValues = doubles(b, relevances);
    if (b.remaining() != 0) {
      throw new SnapshotException(String.format(Locale.ROOT,
          "corrupted snapshot: %d bytes after the last section", b.remaining()));
    }
    return new PlanSnapshot(c);
  }

  /** A count, checked against the bytes left so that a bad count cannot allocate a huge array. */
  private static int count(ByteBuffer b, String what, int bytesEach) throws SnapshotException {
    int count = b.getInt();
    if (count < 0 || (long) count * bytesEach > b.remaining()) {
      throw new SnapshotException(String.format(Locale.ROOT,
          "corrupted snapshot: %d %s do not fit in the %d bytes left", count, what, b.remaining()));
    }
    return count;
  }

  private static void need(ByteBuffer b, long bytes) throws SnapshotException {
    if (bytes > b.remaining()) {
      throw new SnapshotException(String.format(Locale.ROOT,
          "corrupted snapshot: its counts need %d bytes, the body has %d left", bytes, b.remaining()));
    }
  }

  private static String string(ByteBuffer b, int length, java.nio.charset.Charset charset) {
    if (length > b.remaining()) {
      throw new BufferUnderflowException();
    }
    byte[] bytes = new byte[length];
    b.get(bytes);
    return new String(bytes, charset);
  }

  private static long[] longs(ByteBuffer b, int n) {
    long[] values = new long[n];
    b.asLongBuffer().get(values);
    b.position(b.position() + 8 * n);
    return values;
  }

  private static double[] doubles(ByteBuffer b, int n) {
    double[] values = new double[n];
    b.asDoubleBuffer().get(values);
    b.position(b.position() + 8 * n);
    return values;
  }

  private static int[] ints(ByteBuffer b, int n) {
    int[] values = new int[n];
    b.asIntBuffer().get(values);
    b.position(b.position() + 4 * n);
    return values;
  }
}
