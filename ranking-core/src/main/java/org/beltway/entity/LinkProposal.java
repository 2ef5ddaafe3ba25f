package org.beltway.entity;

import java.util.Arrays;
import java.util.List;
import org.beltway.internal.Strict;

/**
 * Entities that look like one business because their shops share keys: a candidate a policy owner
 * confirms or rejects ({@link EntityLinks#confirm}). Confirmed, every shop of every listed entity
 * becomes a shop of {@link #entity()}, the smallest of them.
 *
 * @param entity the id the merged business keeps: the smallest of {@code entities}
 * @param entities the entity ids merged, ascending, at least two
 * @param shopIds every shop of those entities, ascending
 * @param evidence the shared keys that link them, each spanning shops of two or more of the entities
 */
public record LinkProposal(long entity, long[] entities, long[] shopIds, List<SharedKey> evidence) {

  /** Copies the arrays and the list; none of the references may be null. */
  public LinkProposal {
    entities = Strict.nonNull(entities, "entities", long[].class).clone();
    shopIds = Strict.nonNull(shopIds, "shopIds", long[].class).clone();
    evidence = List.copyOf(Strict.nonNull(evidence, "evidence", List.class));
  }

  /** A copy of the entity ids, ascending. */
  @Override
  public long[] entities() {
    return entities.clone();
  }

  /** A copy of the shop ids, ascending. */
  @Override
  public long[] shopIds() {
    return shopIds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkProposal p && entity == p.entity && Arrays.equals(entities, p.entities)
        && Arrays.equals(shopIds, p.shopIds) && evidence.equals(p.evidence);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(entities) * 31 + evidence.hashCode();
  }

  @Override
  public String toString() {
    return "entities " + Arrays.toString(entities) + " as entity " + entity + ", shops "
        + Arrays.toString(shopIds) + ", linked by " + evidence;
  }
}
