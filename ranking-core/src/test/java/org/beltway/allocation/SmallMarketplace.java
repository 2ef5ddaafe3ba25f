package org.beltway.allocation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.beltway.supplier.Amount;
import org.beltway.supplier.Program;
import org.beltway.supplier.Signals;
import org.beltway.supplier.Supplier;
import org.beltway.supplier.SupplierTable;

/**
 * A seeded small marketplace as real tables: suppliers selling in a few categories and joining random
 * programs, and one segment per category × buyer tier × channel, some split by region.
 */
final class SmallMarketplace {
  final SupplierTable suppliers;
  final SegmentTable segments;

  private SmallMarketplace(SupplierTable suppliers, SegmentTable segments) {
    this.suppliers = suppliers;
    this.segments = segments;
  }

  static SmallMarketplace generate(long seed) {
    Random rnd = new Random(seed);
    int categories = 2 + rnd.nextInt(5);
    int n = 5 + rnd.nextInt(30);
    Signals signals = Signals.builder().amount(Amount.PRICE_INDEX, 1.0).build();
    SupplierTable.Builder tb = SupplierTable.builder(n);
    for (int i = 0; i < n; i++) {
      List<Integer> cats = new ArrayList<>();
      int k = 1 + rnd.nextInt(3);
      while (cats.size() < k) {
        int c = rnd.nextInt(categories + 1); // category `categories` has suppliers but no segment
        if (!cats.contains(c)) {
          cats.add(c);
        }
      }
      EnumSet<Program> joined = EnumSet.noneOf(Program.class);
      for (Program p : Program.values()) {
        if (rnd.nextDouble() < 0.4) {
          joined.add(p);
        }
      }
      tb.add(Supplier.builder(10_000 + 13L * i).categories(cats.stream().mapToInt(Integer::intValue)
          .toArray()).join(joined.toArray(new Program[0])).build(), signals);
    }
    SegmentTable.Builder sb = SegmentTable.builder(categories * 10);
    long id = 1;
    for (int c = 0; c < categories; c++) {
      for (BuyerTier tier : BuyerTier.values()) {
        for (Channel channel : Channel.values()) {
          if (rnd.nextDouble() < 0.2) {
            continue; // not every combination exists
          }
          int region = rnd.nextDouble() < 0.2 ? rnd.nextInt(3) : Segment.ANY_REGION;
          double traffic = rnd.nextDouble() < 0.05 ? 0 : 50 + rnd.nextDouble() * 5000;
          sb.add(new Segment(id++, c, tier, channel, region, traffic));
        }
      }
    }
    return new SmallMarketplace(tb.build(), sb.build());
  }

  /** Whether a supplier row may be shown in a segment, from first principles. */
  boolean eligible(int row, int segment) {
    Program program = segments.channel(segment).program();
    return suppliers.sellsIn(row, segments.category(segment))
        && (program == null || suppliers.joined(row, program));
  }
}
