/**
 * Beltway's program handed to the solvers a capacity planner would pick instead (OR-Tools PDLP, ojAlgo),
 * written out once ({@link org.beltway.bench.peers.ExplicitProgram}), and every solution judged by the
 * same code from its {@code x} ({@link org.beltway.bench.peers.PlanQuality}).
 */
package org.beltway.bench.peers;
