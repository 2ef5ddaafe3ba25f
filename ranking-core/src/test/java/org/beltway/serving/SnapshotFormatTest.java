package org.beltway.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading snapshots back, and every way a snapshot can be wrong: a clear error, the old plan stays. */
class SnapshotFormatTest {
  private static final PlanSnapshot SNAPSHOT = ServingMarket.onePercent().snapshot(7);
  private static final byte[] BYTES = SnapshotFormat.toBytes(SNAPSHOT);

  @Test
  void fileRoundTripKeepsEveryByte(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.snap");
    SnapshotFormat.write(SNAPSHOT, file);
    assertArrayEquals(BYTES, Files.readAllBytes(file));
    PlanSnapshot back = SnapshotFormat.read(file, ServingMarket.NAME);
    assertEquals(SNAPSHOT.header(), back.header());
    assertEquals(SNAPSHOT.certificate(), back.certificate());
    assertArrayEquals(BYTES, SnapshotFormat.toBytes(back));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "the atomic write leaves no temporary file");
    }
  }

  @Test
  void truncatedSnapshotsSayHowMuchIsMissing() {
    for (int length : new int[] {0, 5, 19, 20, 100, BYTES.length / 2, BYTES.length - 4,
        BYTES.length - 1}) {
      String message = rejected(Arrays.copyOf(BYTES, length), ServingMarket.NAME);
      assertTrue(message.startsWith("truncated snapshot") || length < 8 && message.contains("BELTPLAN"),
          length + " bytes: " + message);
    }
  }

  @Test
  void aChangedByteFailsTheChecksum() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 50; trial++) {
      byte[] bad = BYTES.clone();
      int at = 20 + random.nextInt(bad.length - 20);
      bad[at] ^= (byte) (1 + random.nextInt(255));
      assertTrue(rejected(bad, ServingMarket.NAME).contains("checksum"), "byte " + at);
    }
  }

  @Test
  void anotherFormatVersionIsNamed() {
    byte[] bad = BYTES.clone();
    ByteBuffer.wrap(bad).putInt(8, SnapshotFormat.VERSION + 1);
    assertEquals("snapshot format version 2: this reader reads version 1",
        rejected(bad, ServingMarket.NAME));
  }

  @Test
  void anotherMarketplaceIsNamed() {
    assertEquals("snapshot is of marketplace \"test-market\": expected \"other\"",
        rejected(BYTES, "other"));
  }

  @Test
  void otherFilesAreNotSnapshots() {
    assertTrue(rejected("supplier,segment\n1,2\n".repeat(5).getBytes(), ServingMarket.NAME)
        .startsWith("not a Beltway plan snapshot"));
  }

  @Test
  void corruptValuesBehindAValidChecksumAreRejectedCleanly() {
    // a writer bug, not a disk error: the checksum matches, the values do not make a plan
    SplittableRandom random = new SplittableRandom(11);
    int rejected = 0;
    for (int trial = 0; trial < 300; trial++) {
      byte[] bad = BYTES.clone();
      int at = 20 + random.nextInt(bad.length - 24);
      bad[at] ^= (byte) (1 + random.nextInt(255));
      CRC32C crc = new CRC32C();
      crc.update(bad, 0, bad.length - 4);
      ByteBuffer.wrap(bad).putInt(bad.length - 4, (int) crc.getValue());
      try {
        SnapshotFormat.read(new ByteArrayInputStream(bad), ServingMarket.NAME);
      } catch (SnapshotException e) {
        rejected++;
      } catch (IOException | RuntimeException e) {
        throw new AssertionError("byte " + at + ": " + e, e);
      }
    }
    assertTrue(rejected > 0);
  }

  @Test
  void aRejectedSnapshotLeavesTheOldPlanServing(@TempDir Path dir) throws IOException {
    LivePlan live = new LivePlan(SNAPSHOT, 2);
    ServedPlan before = live.current();
    Path file = dir.resolve("next.snap");
    byte[] bad = BYTES.clone();
    bad[bad.length / 2] ^= 1;
    Files.write(file, bad);
    SnapshotException e = assertThrows(SnapshotException.class, () -> live.swap(
        SnapshotFormat.read(file, ServingMarket.NAME)));
    assertTrue(e.getMessage().startsWith(file + ": corrupted snapshot: checksum"), e.getMessage());
    assertSame(before, live.current());
    PlanSnapshot foreign = PlanSnapshot.of(ServingMarket.onePercent().plan,
        ServingMarket.onePercent().market.suppliers(), new SnapshotHeader("other", 8, 0));
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> live.swap(foreign));
    assertTrue(wrong.getMessage().contains("\"other\""), wrong.getMessage());
    assertSame(before, live.current());
  }

  /**
   * Regression (fuzz, BODY_LENGTH): the reader allocated the body's claimed length before reading it,
   * so a flipped length field threw OutOfMemoryError (at the tests' -Xmx3g) instead of refusing.
   */
  @Test
  void aHugeBodyLengthIsRefusedWithoutAllocatingIt() {
    for (long length : new long[] {Integer.MAX_VALUE - 64, Integer.MAX_VALUE - 64, 1L << 30,
        BYTES.length}) {
      byte[] bad = BYTES.clone();
      ByteBuffer.wrap(bad).putLong(12, length);
      assertEquals(String.format(java.util.Locale.ROOT,
          "truncated snapshot: the body has %d of its %d bytes", BYTES.length - 20, length),
          rejected(bad, ServingMarket.NAME));
    }
  }

  /** A file is one snapshot: bytes after its checksum mean something wrote to it after the move. */
  @Test
  void aFileWithBytesAfterTheChecksumIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.snap");
    byte[] longer = Arrays.copyOf(BYTES, BYTES.length + 3);
    Files.write(file, longer);
    SnapshotException e = assertThrows(SnapshotException.class,
        () -> SnapshotFormat.read(file, ServingMarket.NAME));
    assertEquals(file + ": corrupted snapshot: 3 bytes after its checksum: a snapshot file holds one"
        + " snapshot", e.getMessage());
    SnapshotFormat.read(new ByteArrayInputStream(longer), ServingMarket.NAME); // a stream reads on
  }

  /** A faulty writer's repeated edge exception would give the edge two values: refused. */
  @Test
  void anEdgeExceptionListedTwiceIsRefused() {
    PlanSnapshot snapshot = ServingMarket.withExceptions().snapshot(1);
    byte[] bytes = SnapshotFormat.toBytes(snapshot);
    SnapshotLayout.Section caps = SnapshotLayout.of(snapshot).sections().stream()
        .filter(x -> x.name().equals("cap exceptions")).findFirst().orElseThrow();
    int count = caps.length() / 16;
    assertTrue(count >= 2, "cap exceptions: " + count);
    ByteBuffer b = ByteBuffer.wrap(bytes);
    b.putInt(caps.start() + 4, b.getInt(caps.start()));
    b.putInt(caps.start() + 4 * count + 4, b.getInt(caps.start() + 4 * count));
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    b.putInt(bytes.length - 4, (int) crc.getValue());
    SnapshotColumns c = snapshot.columns();
    assertEquals(String.format(java.util.Locale.ROOT, "invalid snapshot: cap exception 1: supplier %d"
        + " in segment %d is listed twice: expected each edge once", c.supplierIds[c.capRows[0]],
        c.segmentIds[c.capSegments[0]]), rejected(bytes, ServingMarket.NAME));
  }

  private static String rejected(byte[] bytes, String marketplace) {
    return assertThrows(SnapshotException.class,
        () -> SnapshotFormat.read(new ByteArrayInputStream(bytes), marketplace)).getMessage();
  }
}
