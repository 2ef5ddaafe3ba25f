/**
 * Traffic segments, the eligibility graph, constraints, the certified dual solver, the compact plan and its certificate, and infeasibility reports (DESIGN.md section 4).
 */
package org.beltway.allocation;
