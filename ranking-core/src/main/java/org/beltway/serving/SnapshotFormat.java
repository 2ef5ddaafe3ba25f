package org.beltway.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.beltway.internal.Strict;

/**
 * The binary format of a plan snapshot, version {@value #VERSION}. Big-endian throughout:
 *
 * <pre>
 *   magic      8 bytes  "BELTPLAN"
 *   version    int      the format version
 *   length     long     the body's length in bytes
 *   body
 *     header       marketplace (short byte count + UTF-8), plan version (long), created millis (long)
 *     certificate  termination (byte count + ASCII), passes (int), primal, dual, gap, max violation
 *                  (doubles), wall millis (long)
 *     counts       suppliers n, group sets s, promised p, segments m, groups g, cap exceptions,
 *                  relevance exceptions (ints)
 *     group sets   s longs (bit g = group g; set 0 is empty)
 *     suppliers    n ids (long), n merits (double), n planned totals (float), n program bit sets
 *                  (byte), n group-set indexes (short)                          = 23 bytes a supplier
 *     promised     p rows (int), p levels (double), p guarantees (float), p total caps (float)
 *                                                                              = 20 bytes a promise
 *     segments     m ids (long), m programs (byte: ordinal + 1, 0 = none), m traffics, m normalisers
 *                  Σμρ, m duals β, m caps (doubles), m group sets (long)
 *     groups       g × (name: short byte count + UTF-8, level, floor share, cap share: doubles)
 *     exceptions   caps: rows (int), segments (int), values (double); then relevance, the same
 *   checksum   int      CRC32C of every byte before it
 * </pre>
 *
 * <p>A supplier without a promise has level 0 and is not listed among the promised. So a snapshot
 * takes {@code 23 + 20 × (share of suppliers with a promise)} bytes a supplier, plus 49 a segment.
 * Reading checks, in order: the magic, the version, that the body and checksum are all there, the
 * checksum, that a file ends there, the marketplace, and every value ({@link PlanSnapshot}); each
 * failure is a {@link SnapshotException} saying what is wrong. The checksum covers every byte from the
 * magic to the body's end, so a corruption anywhere is refused, never read as another plan; memory
 * grows with the bytes read, never with the length a (corrupt) field claims. {@code SnapshotFuzzTest}
 * holds the reader to both.
 */
public final class SnapshotFormat {
  public static final int VERSION = 1;
  private static final byte[] MAGIC = "BELTPLAN".getBytes(StandardCharsets.US_ASCII);
  private static final int PREAMBLE = 8 + 4 + 8;
  private static final long MAX_BODY = Integer.MAX_VALUE - 64;

  private SnapshotFormat() {}

  /** The snapshot's bytes. */
  public static byte[] toBytes(PlanSnapshot snapshot) {
    Strict.nonNull(snapshot, "snapshot", PlanSnapshot.class);
    SnapshotColumns c = snapshot.columns();
    byte[] marketplace = c.header.marketplace().getBytes(StandardCharsets.UTF_8);
    byte[] termination = c.certificate.termination().getBytes(StandardCharsets.US_ASCII);
    byte[][] names = new byte[c.groupNames.length][];
    long size = 2 + marketplace.length + 16 + 1 + termination.length + 4 + 32 + 8 + 28
        + 8L * c.supplierMasks.length + 23L * c.supplierIds.length + 20L * c.promisedRows.length
        + 49L * c.segmentIds.length + 16L * (c.capRows.length + c.relevanceRows.length);
    for (int g = 0; g < names.length; g++) {
      names[g] = c.groupNames[g].getBytes(StandardCharsets.UTF_8);
      size += 2 + names[g].length + 24;
    }
    if (size > MAX_BODY) {
      throw new IllegalArgumentException("snapshot of " + size + " bytes is too large for one array");
    }
    ByteBuffer b = ByteBuffer.allocate(PREAMBLE + (int) size + 4);
    b.put(MAGIC).putInt(VERSION).putLong(size);
    b.putShort((short) marketplace.length).put(marketplace);
    b.putLong(c.header.version()).putLong(c.header.createdMillis());
    b.put((byte) termination.length).put(termination).putInt(c.certificate.passes());
    b.putDouble(c.certificate.primalObjective()).putDouble(c.certificate.dualBound());
    b.putDouble(c.certificate.relativeGap()).putDouble(c.certificate.maxViolation());
    b.putLong(c.certificate.wallMillis());
    b.putInt(c.supplierIds.length).putInt(c.supplierMasks.length).putInt(c.promisedRows.length);
    b.putInt(c.segmentIds.length).putInt(c.groupNames.length).putInt(c.capRows.length);
    b.putInt(c.relevanceRows.length);
    putLongs(b, c.supplierMasks);
    putLongs(b, c.supplierIds);
    putDoubles(b, c.merit);
    for (float f : c.planned) {
      b.putFloat(f);
    }
    b.put(c.programs);
    for (short s : c.supplierCombo) {
      b.putShort(s);
    }
    putInts(b, c.promisedRows);
    for (int row : c.promisedRows) {
      b.putDouble(c.level[row]);
    }
    for (float f : c.guarantee) {
      b.putFloat(f);
    }
    for (float f : c.totalCap) {
      b.putFloat(f);
    }
    putLongs(b, c.segmentIds);
    b.put(c.segmentProgram);
    putDoubles(b, c.traffic);
    putDoubles(b, c.normaliser);
    putDoubles(b, c.beta);
    putDoubles(b, c.segmentCap);
    putLongs(b, c.segmentMask);
    for (int g = 0; g < names.length; g++) {
      b.putShort((short) names[g].length).put(names[g]);
      b.putDouble(c.groupLevel[g]).putDouble(c.groupAtLeast[g]).putDouble(c.groupAtMost[g]);
    }
    putInts(b, c.capRows);
    putInts(b, c.capSegments);
    putDoubles(b, c.capValues);
    putInts(b, c.relevanceRows);
    putInts(b, c.relevanceSegments);
    putDoubles(b, c.relevanceValues);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** Writes the snapshot to a stream (not closed). */
  public static void write(PlanSnapshot snapshot, OutputStream out) throws IOException {
    Strict.nonNull(snapshot, "snapshot", PlanSnapshot.class);
    Strict.nonNull(out, "out", OutputStream.class);
    out.write(toBytes(snapshot));
    out.flush();
  }

  /**
   * Writes the snapshot to a file atomically: to a temporary file beside it, forced to the device,
   * then moved into place, so a search node watching the directory never reads half a file, even after
   * a crash of the writer's machine.
   */
  public static void write(PlanSnapshot snapshot, Path file) throws IOException {
    Strict.nonNull(snapshot, "snapshot", PlanSnapshot.class);
    Strict.nonNull(file, "file", Path.class);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".snapshot-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(toBytes(snapshot));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads a snapshot for the given marketplace from a file, which must hold the snapshot and nothing
   * after it.
   *
   * @throws SnapshotException if the file is not a valid snapshot of that marketplace, the message
   *     starting with the file's path
   */
  public static PlanSnapshot read(Path file, String expectedMarketplace) throws IOException {
    Strict.nonNull(file, "file", Path.class);
    Strict.nonNull(expectedMarketplace, "expectedMarketplace", String.class);
    try (InputStream in = Files.newInputStream(file)) {
      PlanSnapshot snapshot = read(in, expectedMarketplace);
      long after = in.transferTo(OutputStream.nullOutputStream());
      if (after > 0) {
        throw new SnapshotException(String.format(Locale.ROOT,
            "corrupted snapshot: %d bytes after its checksum: a snapshot file holds one snapshot",
            after));
      }
      return snapshot;
    } catch (SnapshotException e) {
      throw new SnapshotException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a snapshot for the given marketplace from a stream (read to the snapshot's end, not closed).
   * Memory grows with the bytes that arrive, never with what the length field claims.
   *
   * @throws SnapshotException if the bytes are not a valid snapshot of that marketplace
   */
  public static PlanSnapshot read(InputStream in, String expectedMarketplace) throws IOException {
    Strict.nonNull(in, "in", InputStream.class);
    Strict.nonNull(expectedMarketplace, "expectedMarketplace", String.class);
    byte[] preamble = in.readNBytes(PREAMBLE);
    int got = preamble.length;
    int magic = Math.min(got, MAGIC.length);
    if (!Arrays.equals(preamble, 0, magic, MAGIC, 0, magic)) {
      throw new SnapshotException("not a Beltway plan snapshot: the first bytes are not \"BELTPLAN\"");
    }
    if (got < PREAMBLE) {
      throw new SnapshotException(String.format(Locale.ROOT,
          "truncated snapshot: %d bytes, fewer than its %d-byte preamble", got, PREAMBLE));
    }
    ByteBuffer pre = ByteBuffer.wrap(preamble);
    pre.position(MAGIC.length);
    int version = pre.getInt();
    if (version != VERSION) {
      throw new SnapshotException(String.format(Locale.ROOT,
          "snapshot format version %d: this reader reads version %d", version, VERSION));
    }
    long length = pre.getLong();
    if (length < 0 || length > MAX_BODY) {
      throw new SnapshotException(String.format(Locale.ROOT,
          "corrupted snapshot: body length %d is not between 0 and %d", length, MAX_BODY));
    }
    // readNBytes(n) gathers what arrives in small buffers: a flipped length costs no memory
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new SnapshotException(String.format(Locale.ROOT,
          "truncated snapshot: the body has %d of its %d bytes", body.length, length));
    }
    byte[] checksum = in.readNBytes(4);
    if (checksum.length < 4) {
      throw new SnapshotException(String.format(Locale.ROOT,
          "truncated snapshot: %d of the checksum's 4 bytes after the %d-byte body", checksum.length,
          length));
    }
    int stored = ByteBuffer.wrap(checksum).getInt();
    CRC32C crc = new CRC32C();
    crc.update(preamble, 0, PREAMBLE);
    crc.update(body, 0, body.length);
    if ((int) crc.getValue() != stored) {
      throw new SnapshotException(String.format(Locale.ROOT,
          "corrupted snapshot: checksum %08x, but the bytes give %08x", stored, (int) crc.getValue()));
    }
    try {
      return SnapshotParse.parse(ByteBuffer.wrap(body), expectedMarketplace);
    } catch (BufferUnderflowException e) {
      throw new SnapshotException("corrupted snapshot: its counts need more bytes than its body has", e);
    } catch (IllegalArgumentException e) {
      throw new SnapshotException("invalid snapshot: " + e.getMessage(), e);
    }
  }

  private static void putLongs(ByteBuffer b, long[] values) {
    b.asLongBuffer().put(values);
    b.position(b.position() + 8 * values.length);
  }

  private static void putDoubles(ByteBuffer b, double[] values) {
    b.asDoubleBuffer().put(values);
    b.position(b.position() + 8 * values.length);
  }

  private static void putInts(ByteBuffer b, int[] values) {
    b.asIntBuffer().put(values);
    b.position(b.position() + 4 * values.length);
  }
}
