/**
 * A seeded national-scale marketplace generator and the day-by-day simulation with baselines (DESIGN.md section 8).
 */
package org.beltway.sim;
