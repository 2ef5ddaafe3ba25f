package org.beltway.score;

import java.util.ArrayList;
import java.util.List;

/**
 * The six dimensions a supplier is scored on, after the 2025 industrial-belt recovery plan's promise
 * that 80% of traffic goes to suppliers strong on product (好品), price (好价), service (好服务),
 * fulfilment (好履约), after-sales (好售后) and new-product / hit-product capability (新品开发及爆款打造能力)
 * (docs/design.md §1 and §3). Each dimension is the mean of the within-category percentiles of its
 * {@link Signal signals}.
 */
public enum Dimension {
  /** 好品: quality refunds, description match, repeat buyers. */
  PRODUCT,
  /** 好价: reasonable value within the category's {@link PriceBand}, never "cheapest wins". */
  PRICE,
  /** 好服务: quick chat replies, silent orders, inquiry conversion. */
  SERVICE,
  /** 好履约: shipping within 48 h, on-time delivery, valid tracking, few seller cancellations. */
  FULFILMENT,
  /** 好售后: seller-responsible refunds (malicious claims and lost appeals removed), disputes. */
  AFTER_SALES,
  /** 新品: new products that sell, hit products, sales from new products, light customisation. */
  NEW_PRODUCT;

  static final Dimension[] VALUES = values();

  /** The signals of this dimension, in {@link Signal} order; read-only. */
  public List<Signal> signals() {
    return Members.OF[ordinal()];
  }

  /** Built lazily so that {@link Signal}, whose constants name a dimension, is initialised first. */
  private static final class Members {
    @SuppressWarnings("unchecked")
    static final List<Signal>[] OF = new List[VALUES.length];

    static {
      for (Dimension d : VALUES) {
        List<Signal> list = new ArrayList<>();
        for (Signal s : Signal.VALUES) {
          if (s.dimension() == d) {
            list.add(s);
          }
        }
        OF[d.ordinal()] = List.copyOf(list);
      }
    }
  }
}
