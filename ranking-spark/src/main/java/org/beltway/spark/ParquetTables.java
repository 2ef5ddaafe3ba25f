package org.beltway.spark;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Reads a Parquet table and checks it has the columns, of the types, that a schema of {@link Tables} names. */
final class ParquetTables {
  private ParquetTables() {}

  static Dataset<Row> read(SparkSession spark, String path, StructType schema) {
    Dataset<Row> table = spark.read().parquet(path);
    StructType found = table.schema();
    for (StructField field : schema.fields()) {
      int at = found.getFieldIndex(field.name()).getOrElse(() -> -1);
      if (at < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: no column '%s': expected %s columns %s", path, field.name(), schema.size(),
            String.join(", ", schema.fieldNames())));
      }
      if (!found.fields()[at].dataType().equals(field.dataType())) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: column '%s' is %s: expected %s", path, field.name(),
            found.fields()[at].dataType().simpleString(), field.dataType().simpleString()));
      }
    }
    return table.select(schema.fieldNames()[0], java.util.Arrays.copyOfRange(schema.fieldNames(), 1,
        schema.size()));
  }
}
