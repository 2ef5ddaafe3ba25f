/**
 * The six scoring dimensions, small-sample shrinkage, peer normalisation within category, weights,
 * composite score, quality and head tiers, and score cards that explain every number (docs/design.md
 * §3).
 *
 * <pre>{@code
 * ScoringConfig config = ScoringConfig.DEFAULT;                 // or ScoringConfig.builder()...build()
 * Priors priors = Priors.fit(previousWindow, config);           // empirical-Bayes category priors
 * Scores scores = Scorer.of(config).score(table, priors);       // or .score(table): priors from table
 * double merit = scores.composite(row);                         // in [0, 1]
 * boolean quality = scores.qualityTier(row);                    // top 20% of its category
 * System.out.println(scores.card(row));                         // why
 * }</pre>
 */
package org.beltway.score;
