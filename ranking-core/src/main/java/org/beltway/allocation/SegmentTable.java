package org.beltway.allocation;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * The traffic segments of a planning period, column by column. Segments are numbered in insertion
 * order; {@link #index(long)} maps a segment id to its index. Immutable once built; built with
 * {@link #builder(int)}, which validates every segment.
 */
public final class SegmentTable {
  private final int size;
  private final long[] ids;
  private final int[] categories;
  private final byte[] buyerTiers;
  private final byte[] channels;
  private final int[] regions;
  private final double[] traffic;
  private final double totalTraffic;
  /**
   * The most traffic a table may hold over all its segments, in impressions a period: far above any
   * marketplace (a national day is about 10^8), far below where squares and sums of a solve overflow.
   */
  public static final double MAX_TOTAL_TRAFFIC = 1e15;
  private final Long2IntOpenHashMap indexById;

  private SegmentTable(Builder b) {
    size = b.size;
    ids = Arrays.copyOf(b.ids, size);
    categories = Arrays.copyOf(b.categories, size);
    buyerTiers = Arrays.copyOf(b.buyerTiers, size);
    channels = Arrays.copyOf(b.channels, size);
    regions = Arrays.copyOf(b.regions, size);
    traffic = Arrays.copyOf(b.traffic, size);
    double sum = 0;
    for (double t : traffic) {
      sum += t;
    }
    if (!(sum <= MAX_TOTAL_TRAFFIC)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "total traffic of %d segments (%s): expected at most %s impressions a period, so that every"
              + " sum of a solve stays exact enough and finite; express traffic in larger units", size, sum,
          MAX_TOTAL_TRAFFIC));
    }
    totalTraffic = sum;
    indexById = b.indexById;
    indexById.trim();
  }

  /** A builder for about {@code expectedSize} segments. */
  public static Builder builder(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must be >= 0: " + expectedSize);
    }
    return new Builder(expectedSize);
  }

  public int size() {
    return size;
  }

  /** The index of a segment id, or -1 if there is none. */
  public int index(long segmentId) {
    return indexById.get(segmentId);
  }

  public long id(int segment) {
    return ids[segment];
  }

  public int category(int segment) {
    return categories[segment];
  }

  public BuyerTier buyerTier(int segment) {
    return BuyerTier.ofOrdinal(buyerTiers[segment]);
  }

  public Channel channel(int segment) {
    return Channel.ofOrdinal(channels[segment]);
  }

  public int region(int segment) {
    return regions[segment];
  }

  /** Forecast impressions of the segment in the planning period. */
  public double traffic(int segment) {
    return traffic[segment];
  }

  /** Forecast impressions of all segments. */
  public double totalTraffic() {
    return totalTraffic;
  }

  /** The segment at an index, as a value. */
  public Segment segment(int segment) {
    return new Segment(ids[segment], categories[segment], buyerTier(segment), channel(segment),
        regions[segment], traffic[segment]);
  }

  /**
   * A copy of this table with the traffic of every segment replaced, e.g. tomorrow's forecast.
   *
   * @param newTraffic impressions per segment, by index
   * @throws IllegalArgumentException naming the segment if a value is negative, NaN or infinite, or if
   *     the length differs from {@link #size()}
   */
  public SegmentTable withTraffic(double[] newTraffic) {
    Strict.nonNull(newTraffic, "newTraffic", double[].class);
    if (newTraffic.length != size) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "newTraffic has %d values: expected one per segment (%d)", newTraffic.length, size));
    }
    Builder b = new Builder(size);
    for (int s = 0; s < size; s++) {
      b.add(new Segment(ids[s], categories[s], buyerTier(s), channel(s), regions[s], newTraffic[s]));
    }
    return b.build();
  }

  /** Builds a {@link SegmentTable}; each {@link #add} validates its segment at once. */
  public static final class Builder {
    private int size;
    private long[] ids;
    private int[] categories;
    private byte[] buyerTiers;
    private byte[] channels;
    private int[] regions;
    private double[] traffic;
    private final Long2IntOpenHashMap indexById;
    private boolean built;

    private Builder(int expected) {
      int cap = Math.max(16, expected);
      ids = new long[cap];
      categories = new int[cap];
      buyerTiers = new byte[cap];
      channels = new byte[cap];
      regions = new int[cap];
      traffic = new double[cap];
      indexById = new Long2IntOpenHashMap(cap);
      indexById.defaultReturnValue(-1);
    }

    /**
     * Validates and appends a segment.
     *
     * @throws IllegalArgumentException naming the segment, field, value and expectation
     */
    public Builder add(Segment segment) {
      Segment s = Strict.nonNull(segment, "segment", Segment.class);
      if (built) {
        throw new IllegalStateException("this builder has already built its table");
      }
      long id = s.id();
      if (indexById.containsKey(id)) {
        throw error(id, "id", id, "a segment id not already in the table");
      }
      if (s.category() < 0) {
        throw error(id, "category", s.category(), "a category id >= 0");
      }
      if (s.region() < Segment.ANY_REGION) {
        throw error(id, "region", s.region(), "a region id >= 0 or ANY_REGION (-1)");
      }
      if (!Double.isFinite(s.traffic()) || s.traffic() < 0) {
        throw error(id, "traffic", s.traffic(), "a finite number of impressions >= 0");
      }
      if (size == ids.length) {
        int cap = size + (size >> 1) + 1;
        ids = Arrays.copyOf(ids, cap);
        categories = Arrays.copyOf(categories, cap);
        buyerTiers = Arrays.copyOf(buyerTiers, cap);
        channels = Arrays.copyOf(channels, cap);
        regions = Arrays.copyOf(regions, cap);
        traffic = Arrays.copyOf(traffic, cap);
      }
      ids[size] = id;
      categories[size] = s.category();
      buyerTiers[size] = (byte) s.buyerTier().ordinal();
      channels[size] = (byte) s.channel().ordinal();
      regions[size] = s.region();
      traffic[size] = s.traffic();
      indexById.put(id, size);
      size++;
      return this;
    }

    /** Returns the immutable table. */
    public SegmentTable build() {
      if (built) {
        throw new IllegalStateException("this builder has already built its table");
      }
      built = true;
      return new SegmentTable(this);
    }

    private static IllegalArgumentException error(long id, String field, Object value, String expected) {
      return new IllegalArgumentException(String.format(Locale.ROOT,
          "segment %d: %s (%s): expected %s", id, field, value, expected));
    }
  }
}
