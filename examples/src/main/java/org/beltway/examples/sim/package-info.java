/**
 * The simulation demo's output: the comparison tables over several seeds ({@link
 * org.beltway.examples.sim.ComparisonTables}, each column a {@link org.beltway.examples.sim.Metric}
 * with its meaning), their text form and the HTML report.
 */
package org.beltway.examples.sim;
