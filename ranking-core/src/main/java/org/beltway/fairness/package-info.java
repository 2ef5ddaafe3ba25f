/**
 * Fairness rules stated once and checked against any plan, delivery log or ranked page, in tests (any
 * framework: a rule returns its violations) and in production audits (docs/design.md §7). A
 * {@link org.beltway.fairness.Rule} checks a subject and returns {@link org.beltway.fairness.Violation}s
 * with the facts; {@link org.beltway.fairness.Rules} builds the built-in rules; an
 * {@link org.beltway.fairness.Audit} runs several and writes a readable report. Plans and delivery logs
 * are both seen as {@link org.beltway.fairness.Exposure}: impressions and fair exposure per edge.
 */
package org.beltway.fairness;
