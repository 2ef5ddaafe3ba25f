/**
 * The six scoring dimensions, small-sample shrinkage, peer normalisation within category, weights, composite score, quality and head tiers, and score cards that explain every number.
 */
package org.beltway.score;
