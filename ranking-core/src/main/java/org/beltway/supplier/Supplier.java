package org.beltway.supplier;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A supplier's identity and standing. Categories are leaf-category ids; the first is the supplier's
 * primary category, the peer group its signals are scored against. Belt and city are ids into the
 * marketplace's catalogue ({@link #NO_BELT} when the supplier is in no industrial belt).
 * Values are validated by {@link SupplierTable.Builder#add}, where errors can name the supplier.
 *
 * @param id unique supplier (shop) id
 * @param entity the business entity that owns the shop; shops of one entity are scored and planned
 *     together, so splitting a business into shops never raises its traffic (docs/design.md §7). A
 *     shop that is its own business carries its own id, the builder's default
 * @param tier membership tier
 * @param factory whether the supplier is a factory (源头工厂)
 * @param belt industrial belt id, or {@link #NO_BELT}
 * @param city city id, {@code >= 0}
 * @param categories leaf categories sold in, primary first, non-empty, no duplicates
 * @param programs opt-in programs joined
 * @param priorityClasses priority supply classes the supplier belongs to
 * @param daysOnPlatform days since the supplier joined the marketplace, {@code >= 0}
 */
public record Supplier(long id, long entity, MembershipTier tier, boolean factory, int belt, int city,
    int[] categories, Set<Program> programs, Set<PriorityClass> priorityClasses, int daysOnPlatform) {

  /** The belt id of a supplier outside every industrial belt. */
  public static final int NO_BELT = -1;

  /** Copies the mutable inputs. */
  public Supplier {
    categories = categories == null ? null : categories.clone();
    programs = programs == null ? null : Set.copyOf(programs);
    priorityClasses = priorityClasses == null ? null : Set.copyOf(priorityClasses);
  }

  /** A copy of the categories, primary first. */
  @Override
  public int[] categories() {
    return categories == null ? null : categories.clone();
  }

  /** Whether the supplier joined the program. */
  public boolean joined(Program program) {
    return programs != null && programs.contains(program);
  }

  /**
   * A builder with the given id and defaults: its own entity, TrustPass, not a factory, no belt, city 0.
   */
  public static Builder builder(long id) {
    return new Builder(id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Supplier s && id == s.id && entity == s.entity && tier == s.tier
        && factory == s.factory && belt == s.belt && city == s.city && Arrays.equals(categories, s.categories)
        && java.util.Objects.equals(programs, s.programs)
        && java.util.Objects.equals(priorityClasses, s.priorityClasses)
        && daysOnPlatform == s.daysOnPlatform;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id) * 31 + Arrays.hashCode(categories);
  }

  @Override
  public String toString() {
    return "Supplier{id=" + id + (entity == id ? "" : ", entity=" + entity) + ", tier=" + tier
        + ", factory=" + factory + ", belt=" + belt
        + ", city=" + city + ", categories=" + Arrays.toString(categories) + ", programs=" + programs
        + ", priorityClasses=" + priorityClasses + ", daysOnPlatform=" + daysOnPlatform + '}';
  }

  /** Builds a {@link Supplier}. */
  public static final class Builder {
    private final long id;
    private long entity;
    private MembershipTier tier = MembershipTier.TRUSTPASS;
    private boolean factory;
    private int belt = NO_BELT;
    private int city;
    private int[] categories = new int[0];
    private final EnumSet<Program> programs = EnumSet.noneOf(Program.class);
    private final EnumSet<PriorityClass> priorityClasses = EnumSet.noneOf(PriorityClass.class);
    private int daysOnPlatform = 365;

    private Builder(long id) {
      this.id = id;
      this.entity = id;
    }

    /** The business entity that owns the shop; by default the shop's own id. */
    public Builder entity(long entity) {
      this.entity = entity;
      return this;
    }

    public Builder tier(MembershipTier tier) {
      this.tier = tier;
      return this;
    }

    public Builder factory(boolean factory) {
      this.factory = factory;
      return this;
    }

    public Builder belt(int belt) {
      this.belt = belt;
      return this;
    }

    public Builder city(int city) {
      this.city = city;
      return this;
    }

    /** The leaf categories sold in, primary first. */
    public Builder categories(int... categories) {
      this.categories = categories.clone();
      return this;
    }

    public Builder join(Program... joined) {
      programs.addAll(Arrays.asList(joined));
      return this;
    }

    public Builder priority(PriorityClass... classes) {
      priorityClasses.addAll(Arrays.asList(classes));
      return this;
    }

    public Builder daysOnPlatform(int days) {
      this.daysOnPlatform = days;
      return this;
    }

    public Supplier build() {
      return new Supplier(id, entity, tier, factory, belt, city, categories, programs, priorityClasses,
          daysOnPlatform);
    }
  }
}
