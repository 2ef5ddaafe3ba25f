/**
 * The allocation solver's machinery, one room per responsibility; not exported. Dependencies run one
 * way: {@code org.beltway.allocation} compiles its problem into a {@link CompiledProblem} and drives
 * {@link DualAscent}; nothing here sees the public API.
 *
 * <ul>
 *   <li>{@link CompiledProblem}, {@link ProblemCompiler}, {@link EdgeIndex}: the immutable problem as
 *       the solver reads it (fair exposure, caps, traffic, constrained rows, group combinations).
 *   <li>{@link EdgeLayout}, {@link EdgeSlice}, {@link UnpromisedEdges}: a solve's copies of the edges,
 *       supplier-major and segment-major, and the aggregated bins of suppliers without a promise.
 *   <li>{@link Duals}: the dual variables, the one traffic expression and the dual domain;
 *       {@link DualsSnapshot} and {@link WarmStart} are what a plan keeps of them.
 *   <li>{@link Measurements}: totals at the current duals. {@link DualFunction} and {@link DualValue}:
 *       the dual function, for the certificate and the line search alike.
 *   <li>Moves: {@link SegmentRoots}, {@link SupplierRoots}, {@link GroupRoots}, {@link Rescues} (exact
 *       block roots), {@link ClusterShifts}, {@link LineSearch} with {@link Extrapolation} and
 *       {@link NewtonStep}, and {@link PenaltyStages}; {@link DualAscent} orchestrates a pass.
 * </ul>
 *
 * See docs/design.md §4 for the math.
 */
package org.beltway.internal.dual;
