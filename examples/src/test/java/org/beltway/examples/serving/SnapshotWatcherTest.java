package org.beltway.examples.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.beltway.serving.ServedPlan;
import org.beltway.serving.SnapshotDirectory;
import org.beltway.serving.SnapshotFormat;
import org.beltway.serving.SnapshotWatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's reload path with corrupt files of a newer plan: each is rejected with its file and
 * reason, the plan in service stays, and the next valid snapshot is put into service.
 */
class SnapshotWatcherTest {
  private static final long SEED = 29;
  private static DemoPlan demo;

  @TempDir Path dir;

  @BeforeAll
  static void plan() {
    demo = DemoPlan.solve(0.001, 42);
  }

  @Test
  void corruptNewerSnapshotsAreRejectedAndThePlanInServiceStays() throws IOException {
    demo.write(dir, 1);
    SnapshotWatcher watcher = SnapshotWatcher.open(new SnapshotDirectory(dir, DemoPlan.MARKETPLACE));
    ServedPlan serving = watcher.live().current();
    byte[] newer = SnapshotFormat.toBytes(demo.snapshot(2));
    SplittableRandom random = new SplittableRandom(SEED);
    int cases = 60;
    for (int i = 0; i < cases; i++) {
      byte[] bad = newer.clone();
      String what;
      switch (i % 6) {
        case 0 -> {
          int at = random.nextInt(bad.length);
          bad[at] ^= (byte) (1 << random.nextInt(8));
          what = "bit flipped at " + at;
        }
        case 1 -> {
          bad = Arrays.copyOf(bad, random.nextInt(bad.length));
          what = "truncated to " + bad.length;
        }
        case 2 -> {
          bad = Arrays.copyOf(bad, bad.length + 1 + random.nextInt(32));
          what = "zeros appended";
        }
        case 3 -> {
          int at = random.nextInt(bad.length);
          Arrays.fill(bad, at, Math.min(bad.length, at + 1 + random.nextInt(128)), (byte) 0);
          what = "zeroed from " + at;
        }
        case 4 -> {
          ByteBuffer.wrap(bad).putLong(12, Integer.MAX_VALUE - 64 - random.nextInt(1 << 20));
          what = "a huge body length";
        }
        default -> {
          bad[22 + random.nextInt(DemoPlan.MARKETPLACE.length())] = 'x'; // after preamble and length
          CRC32C crc = new CRC32C();
          crc.update(bad, 0, bad.length - 4);
          ByteBuffer.wrap(bad).putInt(bad.length - 4, (int) crc.getValue());
          what = "a valid snapshot of another marketplace";
        }
      }
      String name = String.format(Locale.ROOT, "bad-%03d.snap", i);
      drop(name, bad);
      watcher.run();
      String where = "case " + i + " of seed " + SEED + " (" + what + ")";
      SnapshotWatcher.Rejections r = watcher.rejections();
      assertEquals(i + 1, r.count(), where);
      assertTrue(r.last().message().startsWith(dir.resolve(name) + ": "), where + ": " + r.last());
      assertTrue(!r.last().message().contains("cannot be read"), where + ": " + r.last());
      assertSame(serving, watcher.live().current(), where);
    }
    demo.write(dir, 3);
    watcher.run();
    assertEquals(3, watcher.live().current().snapshot().header().version());
    assertEquals(cases, watcher.rejections().count());
  }

  private void drop(String name, byte[] bytes) throws IOException {
    Path tmp = Files.write(dir.resolve(name + ".tmp"), bytes);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }
}
