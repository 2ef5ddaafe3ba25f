package org.beltway.allocation;

import org.beltway.internal.Strict;

/**
 * One traffic segment: a leaf category × buyer tier × channel, optionally a region, with the forecast
 * traffic of the planning period.
 *
 * @param id unique segment id
 * @param category leaf category id, {@code >= 0}
 * @param buyerTier buyer tier
 * @param channel channel
 * @param region region id, or {@link #ANY_REGION}
 * @param traffic forecast impressions in the planning period, finite and {@code >= 0}
 */
public record Segment(long id, int category, BuyerTier buyerTier, Channel channel, int region,
    double traffic) {

  /** Rejects a null tier or channel, naming the segment; the other fields are checked by the table. */
  public Segment {
    if (buyerTier == null || channel == null) {
      throw Strict.nullArgument("segment " + id + ": " + (buyerTier == null ? "buyerTier" : "channel"),
          buyerTier == null ? BuyerTier.class : Channel.class);
    }
  }

  /** The region of a segment that is not split by region. */
  public static final int ANY_REGION = -1;

  /** A segment of every region. */
  public static Segment of(long id, int category, BuyerTier buyerTier, Channel channel, double traffic) {
    return new Segment(id, category, buyerTier, channel, ANY_REGION, traffic);
  }
}
