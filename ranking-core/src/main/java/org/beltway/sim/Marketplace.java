package org.beltway.sim;

import java.util.Locale;
import org.beltway.allocation.BuyerTier;
import org.beltway.allocation.Channel;
import org.beltway.allocation.SegmentTable;
import org.beltway.internal.Strict;
import org.beltway.supplier.Program;
import org.beltway.supplier.SupplierTable;

/**
 * A generated marketplace: its suppliers with the signals of a 90-day window, the traffic segments with
 * their daily forecast, the catalogue the ids refer to, and the generator's ground truth (each
 * supplier's latent quality and whether it is a bad actor), which scoring never sees but simulations
 * and evaluations may. Built by {@link MarketplaceGenerator#generate}; immutable.
 *
 * <p>Segments come one per leaf category × {@link BuyerTier} × {@link Channel}, in that nesting order,
 * so the segment of (category c, tier t, channel h) has index {@code 10 c + 5 t + h} (ordinals) and id
 * {@link #segmentId}{@code (c, t, h) = 16 c + 8 t + h}.
 */
public final class Marketplace {
  private static final Channel[] CHANNELS = Channel.values();
  private static final int TIERS = BuyerTier.values().length;

  private final MarketplaceConfig config;
  private final Catalogue catalogue;
  private final SupplierTable suppliers;
  private final SegmentTable segments;
  private final double[] quality;
  private final boolean[] badActor;
  private final int badActorCount;
  private final long eligibleEdgeCount;

  Marketplace(MarketplaceConfig config, Catalogue catalogue, SupplierTable suppliers,
      SegmentTable segments, double[] quality, boolean[] badActor) {
    this.config = config;
    this.catalogue = catalogue;
    this.suppliers = suppliers;
    this.segments = segments;
    this.quality = quality;
    this.badActor = badActor;
    int bad = 0;
    for (boolean b : badActor) {
      bad += b ? 1 : 0;
    }
    this.badActorCount = bad;
    this.eligibleEdgeCount = countEligibleEdges(suppliers, segments);
  }

  /**
   * The id of the segment of a category, buyer tier and channel: {@code 16 category + 8 tier + channel}
   * (ordinals).
   *
   * @throws IllegalArgumentException if the category is negative or above {@link MarketplaceConfig#MAX_CATEGORIES}
   */
  public static long segmentId(int category, BuyerTier buyerTier, Channel channel) {
    Strict.nonNull(buyerTier, "buyerTier", BuyerTier.class);
    Strict.nonNull(channel, "channel", Channel.class);
    if (category < 0 || category > MarketplaceConfig.MAX_CATEGORIES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "category must be in [0, %d]: %d", MarketplaceConfig.MAX_CATEGORIES, category));
    }
    return 16L * category + 8L * buyerTier.ordinal() + channel.ordinal();
  }

  /** The configuration this marketplace was generated from. */
  public MarketplaceConfig config() {
    return config;
  }

  /** The sectors, categories, cities and belts the suppliers' ids refer to. */
  public Catalogue catalogue() {
    return catalogue;
  }

  /** Every supplier with the signals of its 90-day window; supplier {@code i} has id 1 000 000 + i. */
  public SupplierTable suppliers() {
    return suppliers;
  }

  /** Every segment with its forecast impressions per day. */
  public SegmentTable segments() {
    return segments;
  }

  /**
   * The latent quality of a supplier, in [0, 1], that drove every rate in its signals (ground truth, not a
   * score).
   *
   * @throws IndexOutOfBoundsException if the row is not in [0, suppliers().size())
   */
  public double quality(int row) {
    return quality[row];
  }

  /**
   * Whether the supplier was generated as a bad actor, with terrible rates.
   *
   * @throws IndexOutOfBoundsException if the row is not in [0, suppliers().size())
   */
  public boolean isBadActor(int row) {
    return badActor[row];
  }

  /** The number of bad actors. */
  public int badActorCount() {
    return badActorCount;
  }

  /**
   * The number of eligible (supplier, segment) edges: pairs where the supplier sells in the segment's
   * category and, unless the channel is wholesale, joined the channel's program (docs/design.md §4).
   * Equals the sum over suppliers of (categories that have segments) × 2 buyer tiers × (1 + programs
   * joined); about 10 M at scale 1.0 and about 9.4 per supplier at any scale.
   */
  public long eligibleEdgeCount() {
    return eligibleEdgeCount;
  }

  private static long countEligibleEdges(SupplierTable suppliers, SegmentTable segments) {
    int channels = CHANNELS.length;
    int[] segmentMask = new int[Math.max(suppliers.categoryLimit(), maxCategory(segments) + 1)];
    for (int s = 0; s < segments.size(); s++) {
      segmentMask[segments.category(s)] |= 1 << (segments.buyerTier(s).ordinal() * channels
          + segments.channel(s).ordinal());
    }
    long edges = 0;
    for (int row = 0; row < suppliers.size(); row++) {
      int channelMask = 0;
      for (Channel h : CHANNELS) {
        Program p = h.program();
        if (p == null || suppliers.joined(row, p)) {
          channelMask |= 1 << h.ordinal();
        }
      }
      int both = 0;
      for (int t = 0; t < TIERS; t++) {
        both |= channelMask << (t * channels);
      }
      for (int k = 0, n = suppliers.categoryCount(row); k < n; k++) {
        edges += Integer.bitCount(segmentMask[suppliers.category(row, k)] & both);
      }
    }
    return edges;
  }

  private static int maxCategory(SegmentTable segments) {
    int max = -1;
    for (int s = 0; s < segments.size(); s++) {
      max = Math.max(max, segments.category(s));
    }
    return max;
  }
}
