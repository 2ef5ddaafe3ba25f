package org.beltway.allocation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.beltway.internal.Strict;
import org.beltway.internal.dual.CompiledProblem;
import org.beltway.internal.dual.ProblemCompiler;
import org.beltway.score.Scores;

/**
 * One traffic-planning problem (docs/design.md §4): stay as close as possible to merit-proportional
 * exposure while keeping every promise that can be kept,
 *
 * <pre>
 *   minimise   Σ_E (x_ij − θ_ij)² / (2 θ_ij)
 *   subject to Σ_i x_ij ≤ S_j                    supply of each segment (hard)
 *              0 ≤ x_ij ≤ u_ij                    edge caps (hard)
 *              Σ_j x_ij ≤ C_i                     supplier total caps (hard)
 *              Σ_j x_ij ≥ d_i                     guarantees (elastic)
 *              L_g S_g ≤ Σ_{E_g} x_ij ≤ U_g S_g     group shares (elastic)
 * </pre>
 *
 * with fair exposure {@code θ_ij = S_j μ_i ρ_ij / Σ_k μ_k ρ_kj}. Elastic promises carry the linear
 * shortfall penalties of {@link Priorities}. Edges with {@code θ_ij = 0} (zero traffic or relevance)
 * always get {@code x_ij = 0}.
 *
 * <p>Built with {@link #builder(EligibilityGraph)}, a strict builder: every input is validated when it
 * is given and errors name the supplier, segment or group, the value and the expectation. An
 * unkeepable promise (a guarantee larger than the eligible supply, a guarantee of a supplier with no
 * eligible segment, conflicting shares) is <em>not</em> an error: the solver reports it. Immutable; the
 * fair exposure and caps of every edge are stored in primitive arrays (16 bytes an edge).
 */
public final class AllocationProblem {
  /** At most this many group shares: an edge's groups are a bit set in a {@code long}. */
  public static final int MAX_GROUPS = 64;

  private final EligibilityGraph graph;
  private final double[] merit;
  private final double[] relevance;
  private final double capShare;
  private final Priorities priorities;
  private final GroupShare[] groups;
  private final CompiledProblem compiled;
  private final ShareMargins margins;

  private AllocationProblem(Builder b, GroupShare[] groups, CompiledProblem compiled) {
    this(b.graph, b.merit, b.relevance, b.capShare, b.priorities(), groups, compiled, null);
  }

  private AllocationProblem(EligibilityGraph graph, double[] merit, double[] relevance, double capShare,
      Priorities priorities, GroupShare[] groups, CompiledProblem compiled, ShareMargins margins) {
    this.graph = graph;
    this.merit = merit;
    this.relevance = relevance;
    this.capShare = capShare;
    this.priorities = priorities;
    this.groups = groups;
    this.compiled = compiled;
    this.margins = margins;
  }

  /**
   * This problem with every group share planned at its stated floor plus its delivery margin and its
   * stated cap minus its margin ({@link ShareMargins}), so that the delivered share keeps the stated
   * bound with the margins' probability; the stated shares stay what {@link #group} answers. A planned
   * floor above 1 (or cap below 0) is planned at 1 (0): the solver then meets it as far as it can and
   * reports what binds ({@link AllocationPlan#unmetPromises}). Nothing is recompiled; margins replace
   * any this problem was planned with.
   *
   * @throws IllegalArgumentException if the margins are for another number of group shares
   */
  public AllocationProblem withShareMargins(ShareMargins margins) {
    Strict.nonNull(margins, "margins", ShareMargins.class);
    if (margins.groupCount() != groups.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "margins are for %d group shares: this problem has %d", margins.groupCount(), groups.length));
    }
    double[] lower = new double[groups.length];
    double[] upper = new double[groups.length];
    for (int g = 0; g < groups.length; g++) {
      double scope = compiled.groupScope(g);
      double floor = groups[g].atLeast() > 0 ? Math.min(1.0, groups[g].atLeast() + margins.floorMargin(g)) : 0;
      double cap = groups[g].atMost() < 1 ? Math.max(0.0, groups[g].atMost() - margins.capMargin(g)) : 1;
      lower[g] = floor * scope;
      upper[g] = cap >= 1 ? Double.POSITIVE_INFINITY : cap * scope;
    }
    return new AllocationProblem(graph, merit, relevance, capShare, priorities, groups,
        compiled.withGroupTargets(lower, upper), margins);
  }

  /** The delivery margins the shares are planned with ({@link #withShareMargins}), or null when none. */
  public ShareMargins shareMargins() {
    return margins;
  }

  /** The share of its scope's forecast group g is planned to get at least: its floor plus any margin. */
  public double plannedAtLeast(int g) {
    double scope = compiled.groupScope(g);
    return scope > 0 ? compiled.groupLower(g) / scope : groups[g].atLeast();
  }

  /** The share group g is planned to get at most: its cap less any margin (1 when it has no cap). */
  public double plannedAtMost(int g) {
    double scope = compiled.groupScope(g);
    double upper = compiled.groupUpper(g);
    return upper == Double.POSITIVE_INFINITY ? 1.0 : scope > 0 ? upper / scope : groups[g].atMost();
  }

  /** A builder for a problem on the given eligibility graph. */
  public static Builder builder(EligibilityGraph graph) {
    Strict.nonNull(graph, "graph", EligibilityGraph.class);
    return new Builder(graph);
  }

  public EligibilityGraph graph() {
    return graph;
  }

  public SegmentTable segments() {
    return graph.segments();
  }

  public Priorities priorities() {
    return priorities;
  }

  /** The merit μ of a supplier row. */
  public double merit(int row) {
    return merit[row];
  }

  /** The relevance ρ of an edge (1 unless {@link Builder#relevance} set it). */
  public double relevance(int edge) {
    return relevance == null ? 1.0 : relevance[edge];
  }

  /** Whether some edge has a relevance other than the default 1. */
  public boolean hasRelevance() {
    return relevance != null;
  }

  /**
   * The share of its segment's forecast traffic every edge is capped at, or NaN when none was set
   * (tighter caps per supplier or edge come on top: {@link #edgeCap}).
   */
  public double capShareOfSegment() {
    return capShare;
  }

  /** The fair exposure θ of an edge, in impressions. */
  public double fairExposure(int edge) {
    return compiled.theta[edge];
  }

  /** The cap of an edge, in impressions ({@code +∞} when uncapped). */
  public double edgeCap(int edge) {
    return compiled.capOf(edge);
  }

  /** The guarantee of a supplier row, in impressions (0 when it has none). */
  public double guarantee(int row) {
    int k = compiled.constrainedOfRow[row];
    return k < 0 ? 0 : compiled.demand[k];
  }

  /** The total cap of a supplier row, in impressions ({@code +∞} when it has none). */
  public double totalCap(int row) {
    int k = compiled.constrainedOfRow[row];
    return k < 0 ? Double.POSITIVE_INFINITY : compiled.totalCap[k];
  }

  /** The number of group shares. */
  public int groupCount() {
    return groups.length;
  }

  /** A group share by index (in the order given to the builder), as stated: without any margin. */
  public GroupShare group(int g) {
    return groups[g];
  }

  /** The index of a group share by name, or -1. */
  public int groupIndex(String name) {
    Strict.nonNull(name, "name", String.class);
    for (int g = 0; g < groups.length; g++) {
      if (groups[g].name().equals(name)) {
        return g;
      }
    }
    return -1;
  }

  /** The forecast traffic of a group's scope (the segments its segment predicate selects). */
  public double scopeTraffic(int g) {
    return compiled.groupScope(g);
  }

  /** The number of edges a group share constrains. */
  public int groupEdgeCount(int g) {
    return compiled.groupEdges(g).length;
  }

  /** Forecast traffic of all segments. */
  public double totalTraffic() {
    return compiled.totalTraffic;
  }

  /** The problem as the solver reads it. */
  CompiledProblem compiled() {
    return compiled;
  }

  /** The combination of groups of an edge (an index into the compiled problem's combinations). */
  int comboOf(int edge) {
    return compiled.comboOf(edge);
  }

  /** The groups of a combination, as a bit set. */
  long comboGroups(int combination) {
    return compiled.comboGroups[combination];
  }

  /** The edges of group {@code g}, in edge order (shared: not to be written). */
  int[] groupEdges(int g) {
    return compiled.groupEdges(g);
  }

  /** Lower target of a group in impressions, or 0 when it has none. */
  double groupLowerTarget(int g) {
    return compiled.groupLower(g);
  }

  /** Upper target of a group in impressions, or +∞ when it has none. */
  double groupUpperTarget(int g) {
    return compiled.groupUpper(g);
  }

  /**
   * Builds an {@link AllocationProblem}. Every method validates its input at once; a setting given
   * twice fails. {@link #merit} (or {@link #scores}) is required.
   */
  public static final class Builder {
    private final EligibilityGraph graph;
    private double[] merit;
    private double[] relevance;
    private double capShare = Double.NaN;
    private final ProblemLimits limits;
    private final List<GroupShare> shares = new ArrayList<>();
    private final Set<String> shareNames = new HashSet<>();
    private Priorities priorities;
    private boolean built;

    private Builder(EligibilityGraph graph) {
      this.graph = graph;
      this.limits = new ProblemLimits(graph);
    }

    /**
     * The merit μ of every supplier, by row of the graph. Positional: for a graph built from a table
     * the rows are the table's, for one built from ids the ids' order; merit derived from a table's
     * scores enters by id through {@link #scores(Scores, Merit)} instead.
     *
     * @param meritByRow one finite value {@code > 0} per supplier row (copied)
     * @throws IllegalArgumentException naming the supplier whose merit is invalid, or if the length is
     *     wrong
     * @throws IllegalStateException if merit was already set
     */
    public Builder merit(double[] meritByRow) {
      Strict.nonNull(meritByRow, "meritByRow", double[].class);
      checkOpen();
      Strict.requireUnset("merit", merit);
      ProblemInputs.checkMerit(graph, meritByRow);
      merit = meritByRow.clone();
      return this;
    }

    /**
     * The merit of every supplier from its composite score through a merit map. Each graph row takes the
     * score of its own supplier id, so the scores may come in any row order: a graph built from ids
     * ({@link EligibilityGraph#builder(long[], SegmentTable)}) need not list the suppliers as the scored
     * table does. There is no positional overload taking a {@code double[]} of composites: such an array
     * carries no ids, and one in the table's order met a graph in another order silently, giving every
     * row another supplier's merit. Raw per-row merit, in the graph's own row order, is
     * {@link #merit(double[])}.
     *
     * @param scores the scores of the graph's suppliers, e.g. {@code Scorer.DEFAULT.score(table)}
     * @param map the merit map, e.g. {@link Merit#DEFAULT}
     * @throws IllegalArgumentException naming both sizes if the scores are of another number of
     *     suppliers, or the first graph supplier they do not score
     * @throws IllegalStateException if merit was already set
     */
    public Builder scores(Scores scores, Merit map) {
      Strict.nonNull(scores, "scores", Scores.class);
      Strict.nonNull(map, "map", Merit.class);
      checkOpen();
      Strict.requireUnset("merit", merit);
      return merit(map.apply(SupplierAlignment.composites(scores, graph)));
    }

    /**
     * Split-proof merit ({@link EvidenceMerit}): every supplier's weight from its own catalogue and
     * absolute quality on the rule's calibrated scale, placed by supplier id as
     * {@link #scores(Scores, Merit)} places composites.
     *
     * @throws IllegalArgumentException as {@link #scores(Scores, Merit)}
     * @throws IllegalStateException if merit was already set
     */
    public Builder scores(Scores scores, EvidenceMerit rule) {
      Strict.nonNull(scores, "scores", Scores.class);
      Strict.nonNull(rule, "rule", EvidenceMerit.class);
      checkOpen();
      Strict.requireUnset("merit", merit);
      return merit(SupplierAlignment.byGraphRow(scores, rule.apply(scores), graph));
    }

    /**
     * The relevance ρ of every edge (default 1), in the graph's edge order.
     *
     * @throws IllegalArgumentException naming the edge whose relevance is negative, NaN or infinite
     * @throws IllegalStateException if relevance was already set
     */
    public Builder relevance(double[] byEdge) {
      Strict.nonNull(byEdge, "byEdge", double[].class);
      checkOpen();
      Strict.requireUnset("relevance", relevance);
      ProblemInputs.checkRelevance(graph, byEdge);
      relevance = byEdge.clone();
      return this;
    }

    /**
     * Guarantees a supplier at least this many impressions in the planning period.
     *
     * @throws IllegalArgumentException for an unknown supplier, a negative, NaN or infinite amount, or
     *     a second guarantee for the same supplier
     */
    public Builder guarantee(long supplierId, double impressions) {
      checkOpen();
      limits.guarantee(supplierId, impressions);
      return this;
    }

    /**
     * Guarantees every supplier row its entry, in impressions (0 = no guarantee); for bulk use, such as
     * the demand of a guarantee ledger for 100 k suppliers. May be combined with {@link #guarantee} for
     * other suppliers. Positional, as {@link #merit(double[])}: by row of the graph, which is the table's
     * row only for a graph built from the table; {@link #guarantee} goes by id.
     *
     * @throws IllegalArgumentException naming the first supplier whose amount is invalid or already
     *     guaranteed, or if the length is wrong
     * @throws IllegalStateException if this was already called
     */
    public Builder guarantees(double[] impressionsByRow) {
      Strict.nonNull(impressionsByRow, "impressionsByRow", double[].class);
      checkOpen();
      limits.guarantees(impressionsByRow);
      return this;
    }

    /**
     * Caps every edge at this share of its segment's forecast traffic, e.g. 0.05: no supplier gets more
     * than 5% of any segment.
     *
     * @throws IllegalArgumentException if the share is not in [0, 1]
     * @throws IllegalStateException if it was already set
     */
    public Builder capShareOfSegment(double share) {
      checkOpen();
      Strict.requireUnset("capShareOfSegment", !Double.isNaN(capShare), capShare);
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "capShareOfSegment must be in [0, 1]: %s", share));
      }
      capShare = share;
      return this;
    }

    /**
     * Caps a supplier at this many impressions in each of its segments.
     *
     * @throws IllegalArgumentException for an unknown supplier, an invalid amount or a second call for
     *     the supplier
     */
    public Builder capPerSegment(long supplierId, double impressions) {
      checkOpen();
      limits.capPerSegment(supplierId, impressions);
      return this;
    }

    /**
     * Caps a supplier's total over all its segments at this many impressions.
     *
     * @throws IllegalArgumentException for an unknown supplier, an invalid amount or a second call for
     *     the supplier
     */
    public Builder capTotal(long supplierId, double impressions) {
      checkOpen();
      limits.capTotal(supplierId, impressions);
      return this;
    }

    /**
     * Caps one edge at this many impressions.
     *
     * @throws IllegalArgumentException for an unknown supplier or segment, an edge that is not
     *     eligible, an invalid amount or a second cap of the same edge
     */
    public Builder capEdge(long supplierId, long segmentId, double impressions) {
      checkOpen();
      limits.capEdge(supplierId, segmentId, impressions);
      return this;
    }

    /**
     * Adds a group share constraint.
     *
     * @throws IllegalArgumentException if a share of the same name was added, if the share's supplier
     *     mask has the wrong length or its scores are of other suppliers (naming both sizes), if its
     *     predicates fail on a row or segment of the graph, or if there would be more than
     *     {@link #MAX_GROUPS}
     */
    public Builder share(GroupShare share) {
      Strict.nonNull(share, "share", GroupShare.class);
      checkOpen();
      if (!shareNames.add(share.name())) {
        throw new IllegalArgumentException("group share \"" + share.name() + "\" given twice");
      }
      GroupShare onGraph = ProblemInputs.checkShare(graph, share, shares.size());
      shares.add(onGraph);
      return this;
    }

    /**
     * The priority between elastic promises; {@link Priorities#GUARANTEES_FIRST} when not set.
     *
     * @throws IllegalStateException if they were already set
     */
    public Builder priorities(Priorities priorities) {
      checkOpen();
      Strict.requireUnset("priorities", this.priorities);
      Strict.nonNull(priorities, "priorities", Priorities.class);
      this.priorities = priorities;
      return this;
    }

    /**
     * Builds the problem: computes fair exposure and caps per edge and the edges of every group.
     *
     * @throws IllegalArgumentException if merit is not set
     */
    public AllocationProblem build() {
      checkOpen();
      if (merit == null) {
        throw new IllegalArgumentException("merit is not set: call merit(...) or scores(...)");
      }
      built = true;
      SegmentTable segs = graph.segments();
      double[] traffic = new double[segs.size()];
      for (int j = 0; j < traffic.length; j++) {
        traffic[j] = segs.traffic(j);
      }
      ProblemCompiler compiler = new ProblemCompiler(graph.edgeIndex(), traffic, segs.totalTraffic())
          .merit(merit, relevance).capShareOfSegment(capShare);
      limits.applyTo(compiler);
      GroupShare[] groups = shares.toArray(new GroupShare[0]);
      for (GroupShare share : groups) {
        compiler.group(share::includesSupplier, share::includesSegment, share.atLeast(), share.atMost());
      }
      Priorities p = priorities();
      compiler.penalties(p.guaranteePenalty(), p.groupPenalty());
      return new AllocationProblem(this, groups, compiler.compile());
    }

    private Priorities priorities() {
      return priorities == null ? Priorities.GUARANTEES_FIRST : priorities;
    }

    private void checkOpen() {
      if (built) {
        throw new IllegalStateException("this builder has already built its problem");
      }
    }
  }
}
