/**
 * Business entities and their shops: one business may own several shops, and splitting a business into
 * shops must never raise its traffic. Shops of an entity are merged into one row for scoring and
 * planning, and the entity's plan is shared among its shops (docs/design.md §7). {@link
 * org.beltway.entity.EntityLinks} proposes links between shops that share registration keys, for a
 * policy owner to confirm.
 */
package org.beltway.entity;
