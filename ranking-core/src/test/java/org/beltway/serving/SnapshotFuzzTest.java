package org.beltway.serving;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded corruptions of snapshot files ({@link SnapshotMutation}): every one is refused with a
 * {@link SnapshotException} that names the file and the reason, or reads back the very plan that was
 * written, and a live plan fed one keeps serving what it served. Nothing else is thrown, and nothing
 * a length field claims is allocated before the bytes are there.
 *
 * <p>The default build runs 500 cases of each law; {@code mvn -pl ranking-core test -Dgroups=long}
 * runs 10 000 more. A failure names the seed and the mutation; {@code -Dbeltway.fuzz.seed=N} reruns
 * from seed N.
 */
class SnapshotFuzzTest {
  private static final long SEED = Long.getLong("beltway.fuzz.seed", 20_250_611L);
  private static final String NAME = ServingMarket.NAME;
  /** Every tenth case goes through a file and a live plan's swap, as a search node reads it. */
  private static final int FILE_EVERY = 10;

  @TempDir
  Path dir;

  @Test
  void everyCorruptionIsRefusedOrReadsBackTheSamePlan() throws IOException {
    fuzz(SEED, 500, false);
  }

  @Test
  void corruptionsBehindAResealedChecksumAreRefusedOrMakeAValidPlan() throws IOException {
    fuzz(SEED + 1, 500, true);
  }

  @Tag("long")
  @Test
  void tenThousandCorruptionsAreRefusedOrReadBackTheSamePlan() throws IOException {
    fuzz(SEED + 2, 10_000, false);
  }

  @Tag("long")
  @Test
  void tenThousandResealedCorruptionsAreRefusedOrMakeAValidPlan() throws IOException {
    fuzz(SEED + 3, 10_000, true);
  }

  /**
   * Runs {@code cases} mutations from {@code seed}, going round three plans: a day, a small day with
   * edge exceptions, and an entity plan served by shop. Resealed mutations model a faulty writer: their checksum passes, so they may make
   * another valid plan, but never another exception.
   */
  private void fuzz(long seed, int cases, boolean resealed) throws IOException {
    ShopMarket shops = ShopMarket.day();
    SnapshotMutation.Sources[] sources = {sources(ServingMarket.onePercent()),
        sources(ServingMarket.withExceptions()), sources(shops.snapshot(7), PlanSnapshot.of(shops.plan,
            new SnapshotHeader("another-market", 7, 1_700_000_000_000L)), shops.snapshot(8))};
    Map<SnapshotMutation.Kind, int[]> outcomes = new EnumMap<>(SnapshotMutation.Kind.class);
    SplittableRandom root = new SplittableRandom(seed);
    for (int i = 0; i < cases; i++) {
      long caseSeed = root.nextLong();
      SnapshotMutation.Sources s = sources[i % sources.length];
      SnapshotMutation mutation = SnapshotMutation.draw(s, new SplittableRandom(caseSeed));
      if (resealed) {
        mutation = mutation.resealed();
      }
      String where = String.format(Locale.ROOT, "case %d of seed %d (case seed %d): %s", i, seed,
          caseSeed, mutation.describe());
      boolean refused;
      try {
        refused = i % FILE_EVERY == 0 ? throughAFile(s, mutation, where, resealed)
            : throughAStream(s, mutation, where, resealed);
      } catch (AssertionError e) {
        throw e;
      } catch (Throwable e) {
        throw new AssertionError(where + ": threw " + e, e);
      }
      outcomes.computeIfAbsent(mutation.kind(), k -> new int[2])[refused ? 0 : 1]++;
    }
    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
        "snapshot fuzz, seed %d, %d cases%s (refused/accepted):", seed, cases,
        resealed ? " resealed" : ""));
    outcomes.forEach((kind, n) -> summary.append(' ').append(kind).append(' ').append(n[0])
        .append('/').append(n[1]));
    System.out.println(summary);
    assertTrue(outcomes.size() == SnapshotMutation.Kind.values().length,
        "every kind of mutation was drawn: " + outcomes.keySet());
  }

  /** Returns whether the bytes were refused. */
  private static boolean throughAStream(SnapshotMutation.Sources s, SnapshotMutation mutation,
      String where, boolean resealed) throws IOException {
    PlanSnapshot back;
    try {
      back = SnapshotFormat.read(new ByteArrayInputStream(mutation.bytes()), NAME);
    } catch (SnapshotException e) {
      assertReason(e, where);
      return true;
    }
    assertAccepted(s, back, where, resealed);
    return false;
  }

  /** As a search node: read the file, swap it in; a refused file leaves the plan in service. */
  private boolean throughAFile(SnapshotMutation.Sources s, SnapshotMutation mutation, String where,
      boolean resealed) throws IOException {
    Path file = dir.resolve("plan.snap");
    Files.write(file, mutation.bytes());
    PlanSnapshot first = SnapshotFormat.read(new ByteArrayInputStream(s.original()), NAME);
    LivePlan live = new LivePlan(first, 1);
    ServedPlan before = live.current();
    try {
      live.swap(SnapshotFormat.read(file, NAME));
    } catch (SnapshotException e) {
      assertReason(e, where);
      assertTrue(e.getMessage().startsWith(file + ": "), where + ": names no file: " + e.getMessage());
      assertSame(before, live.current(), where + ": the plan in service changed");
      return true;
    }
    assertAccepted(s, live.current().snapshot(), where, resealed);
    return false;
  }

  private static void assertReason(SnapshotException e, String where) {
    String m = e.getMessage();
    assertTrue(m != null && m.length() > 20, where + ": a refusal without a reason: " + m);
  }

  /** The same plan, field for field (the bytes are every column); resealed, a plan that checks. */
  private static void assertAccepted(SnapshotMutation.Sources s, PlanSnapshot back, String where,
      boolean resealed) {
    byte[] bytes = SnapshotFormat.toBytes(back);
    if (resealed) {
      for (int row = 0; row < back.supplierCount(); row += 7) {
        for (int j = 0; j < back.segmentCount(); j += 13) {
          double boost = back.boost(row, j);
          assertTrue(boost >= 0 && boost < Double.POSITIVE_INFINITY,
              where + ": boost of row " + row + " in segment " + j + " is " + boost);
        }
      }
      return;
    }
    if (!Arrays.equals(s.original(), bytes)) {
      throw new AssertionError(where + ": read back a different plan (first difference at byte "
          + Arrays.mismatch(s.original(), bytes) + ")");
    }
  }

  private static SnapshotMutation.Sources sources(ServingMarket day) {
    return sources(day.snapshot(7), PlanSnapshot.of(day.plan, day.market.suppliers(),
        new SnapshotHeader("another-market", 7, 1_700_000_000_000L)), day.snapshot(8));
  }

  private static SnapshotMutation.Sources sources(PlanSnapshot snapshot, PlanSnapshot otherMarketplace,
      PlanSnapshot otherVersion) {
    byte[] other = SnapshotFormat.toBytes(otherMarketplace);
    byte[] version = SnapshotFormat.toBytes(otherVersion);
    byte[] bytes = SnapshotFormat.toBytes(snapshot);
    SnapshotLayout layout = SnapshotLayout.of(snapshot);
    if (layout.length() != bytes.length) {
      throw new AssertionError("the layout has " + layout.length() + " bytes, the file " + bytes.length);
    }
    return new SnapshotMutation.Sources(bytes, layout, other, version);
  }
}
