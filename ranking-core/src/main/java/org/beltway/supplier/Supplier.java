package org.beltway.supplier;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.beltway.internal.Strict;

/**
 * A supplier's identity and standing. Categories are leaf-category ids; the first is the supplier's
 * primary category, the peer group its signals are scored against. Belt and city are ids into the
 * marketplace's catalogue ({@link #NO_BELT} when the supplier is in no industrial belt).
 * References are checked here (none may be null), values by {@link SupplierTable.Builder#add}; both
 * name the supplier.
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

  /** Copies the mutable inputs; none may be null. */
  public Supplier {
    checkPresent(id, "tier", tier, MembershipTier.class);
    categories = checkPresent(id, "categories", categories, int[].class).clone();
    programs = Set.copyOf(checkPresent(id, "programs", programs, Set.class));
    priorityClasses = Set.copyOf(checkPresent(id, "priorityClasses", priorityClasses, Set.class));
  }

  /** A copy of the categories, primary first. */
  @Override
  public int[] categories() {
    return categories.clone();
  }

  /** Whether the supplier joined the program. */
  public boolean joined(Program program) {
    return programs.contains(Strict.nonNull(program, "program", Program.class));
  }

  /** The value, or a {@link NullPointerException} naming the supplier and the field. */
  private static <T> T checkPresent(long id, String field, T value, Class<?> type) {
    if (value == null) {
      throw Strict.nullArgument("supplier " + id + ": " + field, type);
    }
    return value;
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

  /** The array, checked to be and to hold no null. */
  private static <T> T[] entries(long id, String field, T[] values, Class<T> type) {
    checkPresent(id, field, values, type.arrayType());
    for (int i = 0; i < values.length; i++) {
      checkPresent(id, field + "[" + i + "]", values[i], type);
    }
    return values;
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
      this.tier = checkPresent(id, "tier", tier, MembershipTier.class);
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
      this.categories = checkPresent(id, "categories", categories, int[].class).clone();
      return this;
    }

    public Builder join(Program... joined) {
      programs.addAll(Arrays.asList(entries(id, "joined", joined, Program.class)));
      return this;
    }

    public Builder priority(PriorityClass... classes) {
      priorityClasses.addAll(Arrays.asList(entries(id, "classes", classes, PriorityClass.class)));
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
