/**
 * Traffic allocation (docs/design.md §4): segments and their forecast traffic, the eligibility graph,
 * the constraint primitives, the certified dual solver, the compact plan, its certificate and the report
 * of unkept promises.
 *
 * <pre>{@code
 * EligibilityGraph graph = EligibilityGraph.of(suppliers, segments);       // opt-in respected
 * AllocationProblem problem = AllocationProblem.builder(graph)
 *     .scores(scores, Merit.DEFAULT)                                      // fair exposure θ, by id
 *     .guarantees(impressionsByRow)                                       // elastic, reported if short
 *     .capShareOfSegment(0.05)                                            // hard
 *     .share(GroupShare.builder("quality").suppliers(qualityMask).atLeast(0.8).build())
 *     .build();
 * AllocationPlan plan = AllocationSolver.defaults().solve(problem);
 * plan.certificate();          // gap, violations, passes, termination
 * plan.unmetPromises();        // who, how much short, what binds
 * AllocationPlan tomorrow = AllocationSolver.defaults().solve(nextProblem, plan);   // warm start
 * }</pre>
 */
package org.beltway.allocation;
