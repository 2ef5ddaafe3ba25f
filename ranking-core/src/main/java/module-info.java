/**
 * Beltway: supplier scoring and certified search-traffic allocation. Only the API packages are
 * exported; {@code org.beltway.internal} is machinery.
 */
module org.beltway.ranking {
  requires it.unimi.dsi.fastutil;

  exports org.beltway.supplier;
  exports org.beltway.allocation;
  exports org.beltway.sim;
  exports org.beltway.guarantee;
  exports org.beltway.score;
  exports org.beltway.policy;
  exports org.beltway.serving;
  exports org.beltway.fairness;
  exports org.beltway.entity;
}
