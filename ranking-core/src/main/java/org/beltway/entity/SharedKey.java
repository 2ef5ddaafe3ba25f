package org.beltway.entity;

import java.util.Arrays;
import org.beltway.internal.Strict;

/**
 * One normalised key value and the shops that declared it: the evidence of a proposed link, or a key
 * too common to link on ({@link EntityLinks#tooCommon()}).
 *
 * @param key the kind of key
 * @param value the normalised value ({@link LinkKey#normalise})
 * @param shopIds the shops that declared it, ascending, no repeats
 */
public record SharedKey(LinkKey key, String value, long[] shopIds) {

  /** Copies the shop ids; none of the references may be null. */
  public SharedKey {
    Strict.nonNull(key, "key", LinkKey.class);
    Strict.nonNull(value, "value", String.class);
    shopIds = Strict.nonNull(shopIds, "shopIds", long[].class).clone();
  }

  /** A copy of the shop ids, ascending. */
  @Override
  public long[] shopIds() {
    return shopIds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SharedKey k && key == k.key && value.equals(k.value)
        && Arrays.equals(shopIds, k.shopIds);
  }

  @Override
  public int hashCode() {
    return (key.hashCode() * 31 + value.hashCode()) * 31 + Arrays.hashCode(shopIds);
  }

  @Override
  public String toString() {
    return key + " \"" + value + "\" of shops " + Arrays.toString(shopIds);
  }
}
