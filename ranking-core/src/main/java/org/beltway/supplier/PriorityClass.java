package org.beltway.supplier;

/**
 * The kinds of priority supply (优质供给) the 2025 plan singles out (docs/design.md §1). The plan counts
 * "seven kinds" but names eight; all eight are kept so none is lost, and policies pick the ones they
 * support.
 */
public enum PriorityClass {
  /** Suppliers with front-end demand insight. */
  DEMAND_INSIGHT,
  /** 小单快返, small-batch quick-response makers. */
  SMALL_BATCH_QUICK_RESPONSE,
  /** Light-customization brand OEMs. */
  LIGHT_CUSTOM_BRAND_OEM,
  /** 专精特新, specialised and sophisticated SMEs. */
  SPECIALISED_SME,
  /** First-hand stall owners. */
  FIRST_HAND_STALL,
  /** Brand owners. */
  BRAND_OWNER,
  /** Chain leaders of an industrial belt. */
  CHAIN_LEADER,
  /** Cross-border traders who control front-end demand. */
  CROSS_BORDER_TRADER;

  static final PriorityClass[] VALUES = values();
}
