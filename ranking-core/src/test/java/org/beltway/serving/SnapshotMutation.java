package org.beltway.serving;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * One seeded corruption of a snapshot file: what a disk, a copy or a faulty writer does to it. Each
 * kind draws its own positions; {@link #describe} says exactly what was done, so a failing case can
 * be read (and rerun from its seed).
 */
record SnapshotMutation(Kind kind, String detail, byte[] bytes) {

  /** The kinds of corruption the fuzz draws, about equally often. */
  enum Kind {
    FLIP_BIT, FLIP_BITS, FLIP_BURST, TRUNCATE, APPEND, DUPLICATE_SECTION, SWAP_SECTIONS,
    REMOVE_SECTION, SWAP_BYTES, FOREIGN_HEADER, ZERO_REGION, FILL_REGION, BODY_LENGTH
  }

  /** The snapshot files a mutation starts from: the original, and some of its relatives. */
  record Sources(byte[] original, SnapshotLayout layout, byte[] otherMarketplace,
      byte[] otherPlanVersion) {}

  String describe() {
    return kind + " " + detail + " (" + bytes.length + " bytes)";
  }

  /** The same bytes with the checksum recomputed, as a faulty writer would have written them. */
  SnapshotMutation resealed() {
    if (bytes.length < 24) {
      return this;
    }
    byte[] b = bytes.clone();
    CRC32C crc = new CRC32C();
    crc.update(b, 0, b.length - 4);
    ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
    return new SnapshotMutation(kind, detail + ", checksum resealed", b);
  }

  static SnapshotMutation draw(Sources s, SplittableRandom random) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    byte[] o = s.original;
    List<SnapshotLayout.Section> sections = s.layout.nonEmpty();
    switch (kind) {
      case FLIP_BIT -> {
        int at = position(s, random);
        int bit = random.nextInt(8);
        byte[] b = o.clone();
        b[at] ^= (byte) (1 << bit);
        return new SnapshotMutation(kind, at(s, at) + " bit " + bit, b);
      }
      case FLIP_BITS -> {
        int flips = 2 + random.nextInt(15);
        byte[] b = o.clone();
        StringBuilder d = new StringBuilder(flips + " bits:");
        for (int f = 0; f < flips; f++) {
          int at = position(s, random);
          int bit = random.nextInt(8);
          b[at] ^= (byte) (1 << bit);
          d.append(' ').append(at).append('.').append(bit);
        }
        return new SnapshotMutation(kind, d.toString(), b);
      }
      case FLIP_BURST -> {
        int at = position(s, random);
        int length = Math.min(1 + random.nextInt(64), o.length - at);
        byte[] b = o.clone();
        for (int k = 0; k < length; k++) {
          b[at + k] ^= (byte) random.nextInt(256);
        }
        return new SnapshotMutation(kind, length + " random bytes xored " + at(s, at), b);
      }
      case TRUNCATE -> {
        int length = random.nextBoolean() ? random.nextInt(o.length)
            : clamp(boundary(sections, random) + random.nextInt(-3, 4), 0, o.length - 1);
        return new SnapshotMutation(kind, "to " + length + " bytes, " + at(s, length),
            Arrays.copyOf(o, length));
      }
      case APPEND -> {
        byte[] tail = switch (random.nextInt(4)) {
          case 0 -> randomBytes(random, 1 + random.nextInt(64));
          case 1 -> new byte[1 + random.nextInt(64)];
          case 2 -> o;
          default -> section(o, sections.get(random.nextInt(sections.size())));
        };
        byte[] b = Arrays.copyOf(o, o.length + tail.length);
        System.arraycopy(tail, 0, b, o.length, tail.length);
        return new SnapshotMutation(kind, tail.length + " bytes appended", b);
      }
      case DUPLICATE_SECTION -> {
        SnapshotLayout.Section x = sections.get(random.nextInt(sections.size()));
        return new SnapshotMutation(kind, x.name() + " twice",
            splice(o, x.end(), x.end(), section(o, x)));
      }
      case SWAP_SECTIONS -> {
        int i = random.nextInt(sections.size());
        int j = (i + 1 + random.nextInt(sections.size() - 1)) % sections.size();
        SnapshotLayout.Section a = sections.get(Math.min(i, j));
        SnapshotLayout.Section z = sections.get(Math.max(i, j));
        byte[] b = concat(Arrays.copyOf(o, a.start()), section(o, z),
            Arrays.copyOfRange(o, a.end(), z.start()), section(o, a),
            Arrays.copyOfRange(o, z.end(), o.length));
        return new SnapshotMutation(kind, a.name() + " swapped with " + z.name(), b);
      }
      case REMOVE_SECTION -> {
        SnapshotLayout.Section x = sections.get(random.nextInt(sections.size()));
        return new SnapshotMutation(kind, x.name() + " removed", splice(o, x.start(), x.end(),
            new byte[0]));
      }
      case SWAP_BYTES -> {
        int a = position(s, random);
        int z = random.nextBoolean() ? Math.min(a + 1, o.length - 1) : position(s, random);
        byte[] b = o.clone();
        byte t = b[a];
        b[a] = b[z];
        b[z] = t;
        return new SnapshotMutation(kind, "bytes " + a + " and " + z, b);
      }
      case FOREIGN_HEADER -> {
        return foreign(s, random);
      }
      case ZERO_REGION, FILL_REGION -> {
        byte fill = kind == Kind.ZERO_REGION ? 0 : (byte) 0xFF;
        byte[] b = o.clone();
        int start;
        int end;
        if (random.nextBoolean()) {
          SnapshotLayout.Section x = sections.get(random.nextInt(sections.size()));
          start = x.start();
          end = x.end();
        } else {
          start = position(s, random);
          end = Math.min(o.length, start + 1 + random.nextInt(256));
        }
        Arrays.fill(b, start, end, fill);
        return new SnapshotMutation(kind, String.format(Locale.ROOT, "bytes [%d, %d) set to %02x",
            start, end, fill), b);
      }
      default -> {
        long[] lengths = {Integer.MAX_VALUE - 64, Integer.MAX_VALUE, 1L << 40, -1, Long.MIN_VALUE,
            0, 1L << 30, o.length - 24 + 1, o.length - 24 - 1, o.length - 24 + 4};
        long length = lengths[random.nextInt(lengths.length)];
        byte[] b = o.clone();
        ByteBuffer.wrap(b).putLong(12, length);
        return new SnapshotMutation(Kind.BODY_LENGTH, "body length set to " + length, b);
      }
    }
  }

  /** Another snapshot's header over this one's: another marketplace, plan version or format version. */
  private static SnapshotMutation foreign(Sources s, SplittableRandom random) {
    byte[] o = s.original;
    int headerEnd = s.layout.sections().get(4).end();
    switch (random.nextInt(4)) {
      case 0 -> {
        int otherEnd = 20 + 2 + (ByteBuffer.wrap(s.otherMarketplace).getShort(20) & 0xFFFF) + 16;
        return new SnapshotMutation(Kind.FOREIGN_HEADER, "preamble and header of another marketplace",
            splice(o, 0, headerEnd, Arrays.copyOf(s.otherMarketplace, otherEnd)));
      }
      case 1 -> {
        return new SnapshotMutation(Kind.FOREIGN_HEADER, "header of another plan version",
            splice(o, 0, headerEnd, Arrays.copyOf(s.otherPlanVersion, headerEnd)));
      }
      case 2 -> {
        return new SnapshotMutation(Kind.FOREIGN_HEADER, "a whole snapshot of another marketplace",
            s.otherMarketplace.clone());
      }
      default -> {
        int[] versions = {0, SnapshotFormat.VERSION - 1, SnapshotFormat.VERSION + 1, -1,
            Integer.MAX_VALUE};
        int version = versions[random.nextInt(versions.length)];
        byte[] b = o.clone();
        ByteBuffer.wrap(b).putInt(8, version);
        return new SnapshotMutation(Kind.FOREIGN_HEADER, "format version " + version, b);
      }
    }
  }

  /** A position in the file: a third of the time in the preamble and header, where the lengths are. */
  private static int position(Sources s, SplittableRandom random) {
    int length = s.original.length;
    return switch (random.nextInt(3)) {
      case 0 -> random.nextInt(Math.min(length, s.layout.sections().get(6).end()));
      case 1 -> clamp(boundary(s.layout.nonEmpty(), random) + random.nextInt(-2, 3), 0, length - 1);
      default -> random.nextInt(length);
    };
  }

  private static int boundary(List<SnapshotLayout.Section> sections, SplittableRandom random) {
    SnapshotLayout.Section x = sections.get(random.nextInt(sections.size()));
    return random.nextBoolean() ? x.start() : x.end();
  }

  private static String at(Sources s, int at) {
    for (SnapshotLayout.Section x : s.layout.sections()) {
      if (at >= x.start() && at < x.end()) {
        return "at byte " + at + " (" + x.name() + " + " + (at - x.start()) + ")";
      }
    }
    return "at byte " + at + " (the end)";
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static byte[] randomBytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    for (int k = 0; k < n; k++) {
      b[k] = (byte) random.nextInt(256);
    }
    return b;
  }

  private static byte[] section(byte[] o, SnapshotLayout.Section x) {
    return Arrays.copyOfRange(o, x.start(), x.end());
  }

  /** {@code o} with {@code [from, to)} replaced by {@code insert}. */
  private static byte[] splice(byte[] o, int from, int to, byte[] insert) {
    return concat(Arrays.copyOf(o, from), insert, Arrays.copyOfRange(o, to, o.length));
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
