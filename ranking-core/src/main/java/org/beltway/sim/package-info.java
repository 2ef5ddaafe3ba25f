/**
 * A seeded national-scale marketplace generator ({@link org.beltway.sim.MarketplaceGenerator}) and the
 * day-by-day simulation of docs/design.md §8 ({@link org.beltway.sim.Simulation}): buyers and
 * conversion ({@link org.beltway.sim.BuyerModel}), the guarantee programs enrolled over time, and
 * Beltway compared with merit-only ranking, merit-proportional exposure and HWM behind one
 * {@link org.beltway.sim.TrafficStrategy} interface, on the same generated days.
 */
package org.beltway.sim;
