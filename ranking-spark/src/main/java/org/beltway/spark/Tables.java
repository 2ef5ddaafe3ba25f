package org.beltway.spark;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The schemas of the Parquet tables a problem and a plan are stored as: the column names are the
 * contract with a user's data pipeline.
 */
public final class Tables {
  private Tables() {}

  /** One row per eligible edge: fair exposure θ, cap ({@code +∞} when none), combination of groups. */
  public static final StructType EDGES = new StructType()
      .add("supplier", DataTypes.LongType, false)
      .add("segment", DataTypes.LongType, false)
      .add("theta", DataTypes.DoubleType, false)
      .add("cap", DataTypes.DoubleType, false)
      .add("combo", DataTypes.IntegerType, false);

  /** One row per supplier with a guarantee (0 = none) or a total cap ({@code +∞} = none). */
  public static final StructType SUPPLIERS = new StructType()
      .add("supplier", DataTypes.LongType, false)
      .add("guarantee", DataTypes.DoubleType, false)
      .add("total_cap", DataTypes.DoubleType, false);

  /** One row per segment: its forecast traffic. */
  public static final StructType SEGMENTS = new StructType()
      .add("segment", DataTypes.LongType, false)
      .add("traffic", DataTypes.DoubleType, false);

  /** One row per group share: its targets in impressions (0 and {@code +∞} = none). */
  public static final StructType GROUPS = new StructType()
      .add("group", DataTypes.IntegerType, false)
      .add("name", DataTypes.StringType, false)
      .add("lower", DataTypes.DoubleType, false)
      .add("upper", DataTypes.DoubleType, false);

  /** One row per combination of groups: its groups as a bit set (bit g = group g). */
  public static final StructType COMBOS = new StructType()
      .add("combo", DataTypes.IntegerType, false)
      .add("groups", DataTypes.LongType, false);

  /** One row: the penalties of guarantees and group shares ({@code Priorities}). */
  public static final StructType PENALTIES = new StructType()
      .add("guarantee_penalty", DataTypes.DoubleType, false)
      .add("group_penalty", DataTypes.DoubleType, false);

  /** A plan's supplier duals: level {@code t = α − κ} and planned total. */
  public static final StructType SUPPLIER_DUALS = new StructType()
      .add("supplier", DataTypes.LongType, false)
      .add("level", DataTypes.DoubleType, false)
      .add("planned", DataTypes.DoubleType, false);

  /** A plan's segment duals: supply dual β and allocated traffic. */
  public static final StructType SEGMENT_DUALS = new StructType()
      .add("segment", DataTypes.LongType, false)
      .add("beta", DataTypes.DoubleType, false)
      .add("allocated", DataTypes.DoubleType, false);

  /** A plan's group duals: level {@code λ − ν} and planned total. */
  public static final StructType GROUP_DUALS = new StructType()
      .add("name", DataTypes.StringType, false)
      .add("level", DataTypes.DoubleType, false)
      .add("planned", DataTypes.DoubleType, false);
}
