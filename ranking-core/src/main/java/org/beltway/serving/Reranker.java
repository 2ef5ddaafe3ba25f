package org.beltway.serving;

import java.util.Locale;
import org.beltway.internal.Strict;
import org.beltway.internal.dual.Duals;

/**
 * Applies the live plan to one query's candidates (docs/design.md §6): each candidate's score is its
 * relevance × the plan's boost {@code x_ij/θ_ij} × its supplier's pacing factor, and the top {@code k}
 * are returned best first, ties broken by increasing supplier id. A candidate whose supplier is not in
 * the plan keeps its plain relevance (and is counted); one whose supplier did not join the segment's
 * channel program is excluded (and counted). The page's exposure is counted for each supplier of the
 * plan under the position model.
 *
 * <p>The boost of a plain edge is computed as {@code max(min(L, cap/θ), 0)} from the supplier's
 * stored {@code 1/θ}, with no division per candidate, so a score agrees with relevance ×
 * {@link PlanSnapshot#boost} to a few ulps rather than bit for bit.
 *
 * <p>One reranker per thread: it owns its scratch buffers and allocates nothing per query. Many
 * rerankers share one {@link LivePlan}.
 */
public final class Reranker {
  /** The largest page. */
  public static final int MAX_K = 10_000;
  private final LivePlan live;
  private final int stripe;
  private final int maxCandidates;
  private final int maxK;
  private final long[] positionUnits;
  private final int[] rowOf;
  /** Each candidate's score; -1 where it may not be shown, or belongs to the other list. */
  private final double[] scored;
  /** The protected candidates' scores under a floor, -1 for the others. */
  private final double[] protectedScored;
  private final TopK select;
  private final int[] protectedOrder;
  private final double[] protectedScores;
  private final int[] otherOrder;
  private final double[] otherScores;
  private double[] gammaOfSet = new double[0];
  private PlanSnapshot gammaSnapshot;
  private int gammaSegment = -1;
  private long planVersion = -1;

  /** A reranker for pages of at most {@code maxK} from at most {@code maxCandidates} candidates. */
  public Reranker(LivePlan live, PositionModel positions, int maxCandidates, int maxK) {
    Strict.nonNull(live, "live", LivePlan.class);
    Strict.nonNull(positions, "positions", PositionModel.class);
    if (maxCandidates < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "maxCandidates (%d): expected at least 1", maxCandidates));
    }
    if (maxK < 1 || maxK > MAX_K) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "maxK (%d): expected 1 to %d", maxK, MAX_K));
    }
    this.live = live;
    this.stripe = live.claimStripe();
    this.maxCandidates = maxCandidates;
    this.maxK = maxK;
    positionUnits = new long[maxK + 1];
    for (int r = 1; r <= maxK; r++) {
      double w = positions.weight(r);
      if (!(w >= 0 && w <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "position model: weight of rank %d (%s): expected a number in [0, 1]", r, w));
      }
      positionUnits[r] = Delivery.units(w);
    }
    rowOf = new int[maxCandidates];
    scored = new double[maxCandidates];
    protectedScored = new double[maxCandidates];
    select = new TopK(maxCandidates);
    protectedOrder = new int[maxK];
    protectedScores = new double[maxK];
    otherOrder = new int[maxK];
    otherScores = new double[maxK];
  }

  /**
   * The plan version the last {@link #rank} or {@link #rankWithFloor} call ranked under, -1 before the
   * first: a plan swapped in during a call serves the next one, so this, not the live plan's version
   * read before or after, names the plan a page came from.
   */
  public long planVersion() {
    return planVersion;
  }

  /**
   * Ranks a query's candidates and counts the page's exposure.
   *
   * @param segmentId the query's segment
   * @param supplierIds the candidates' suppliers, in any order
   * @param relevance the candidates' relevance, finite and {@code >= 0}
   * @param count how many of the arrays' entries are candidates
   * @param k the page size, 1 to {@code maxK}
   * @param order receives the positions (into the input arrays) of the page, best first
   * @param scores receives their adjusted scores, or {@code null}
   * @return the page's length: {@code min(k, candidates not excluded)}
   * @throws IllegalArgumentException for an unknown segment, arrays shorter than {@code count}, more
   *     than {@code maxCandidates} candidates, a relevance that is NaN, infinite or negative, or
   *     {@code k} out of range
   */
  public int rank(long segmentId, long[] supplierIds, double[] relevance, int count, int k,
      int[] order, double[] scores) {
    return rank(segmentId, supplierIds, relevance, null, count, k, null, 0, order, scores);
  }

  /**
   * As {@link #rank}, for a request that shows only the positions from {@code shownFrom} (0-based) of
   * the top {@code k}, such as a search engine's second page ({@code start = 10, rows = 10}: the top
   * 20 ranked, the last 10 shown): all {@code k} are ranked into {@code order}, and only the shown
   * positions' exposure is counted, each at its own rank's weight. Counting the hidden first page again
   * would credit its suppliers with impressions nobody saw.
   *
   * @throws IllegalArgumentException as {@link #rank}, or if {@code shownFrom} is negative
   */
  public int rankShown(long segmentId, long[] supplierIds, double[] relevance, int count, int k,
      int shownFrom, int[] order, double[] scores) {
    if (shownFrom < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "shownFrom (%d): expected a position >= 0", shownFrom));
    }
    return rank(segmentId, supplierIds, relevance, null, count, k, null, shownFrom, order, scores);
  }

  /**
   * Ranks a query's candidates with a floor for a protected group in every prefix of the page (FA*IR,
   * Zehlike et al. 2017): among the top {@code i}, at least {@code floor.minimum(i)} protected
   * candidates, as long as there are any; otherwise the best candidate by score. The page has
   * {@code floor.k()} positions.
   *
   * @param isProtected per candidate whether it belongs to the protected group, or {@code null} for
   *     the guaranteed suppliers the pacer found behind schedule
   * @throws IllegalArgumentException as {@link #rank}, or if {@code floor.k()} exceeds {@code maxK}
   */
  public int rankWithFloor(long segmentId, long[] supplierIds, double[] relevance,
      boolean[] isProtected, int count, PrefixFloor floor, int[] order, double[] scores) {
    Strict.nonNull(floor, "floor", PrefixFloor.class);
    if (isProtected != null && isProtected.length < count) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "isProtected has %d values: expected at least count (%d)", isProtected.length, count));
    }
    return rank(segmentId, supplierIds, relevance, isProtected, count, floor.k(), floor, 0, order,
        scores);
  }

  private int rank(long segmentId, long[] supplierIds, double[] relevance, boolean[] isProtected,
      int count, int k, PrefixFloor floor, int shownFrom, int[] order, double[] scores) {
    QueryArguments.check(supplierIds, relevance, "relevance", count, maxCandidates, k, maxK, order, scores,
        "scores");
    ServedPlan served = live.current();
    PlanSnapshot s = served.snapshot();
    planVersion = s.header().version();
    int j = s.segment(segmentId);
    if (j < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "unknown segment %d: not in plan version %d", segmentId, s.header().version()));
    }
    boolean perCandidateGamma = prepareGamma(s, j);
    SupplierDirectory dir = s.directory();
    int program = s.segmentProgram(j);
    long segmentMask = s.segmentMask(j);
    long[] setMasks = s.supplierMasks();
    double[] groupLevels = s.groupLevels();
    SnapshotColumns c = s.columns();
    boolean plain = s.plainEdges(j);
    double traffic = c.traffic[j];
    double normaliser = c.normaliser[j];
    // a supplier's cap over its fair exposure is capOverTheta / merit (θ = traffic × merit / D)
    double capOverTheta = normaliser > 0 && traffic > 0 ? c.segmentCap[j] * normaliser / traffic : 0;
    double beta = c.beta[j];
    double[] pacing = served.pacingFactors();
    byte[] behind = served.behindMarks();
    boolean fair = floor != null;
    double[] out = scored;
    double[] prot = protectedScored;
    int unknown = 0;
    int excluded = 0;
    for (int i = 0; i < count; i++) {
      double r = relevance[i];
      if (!(r >= 0) || r == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "candidate %d (supplier %d): relevance (%s): expected a finite number >= 0", i,
            supplierIds[i], r));
      }
      int b = dir.find(supplierIds[i]);
      double score;
      int row;
      if (b < 0) {
        unknown++;
        row = -1;
        score = r;
      } else if (!PlanSnapshot.joined(dir.programs(b), program)) {
        excluded++;
        row = -2;
        score = -1;
      } else {
        row = dir.row(b);
        int set = dir.combo(b);
        double gamma = perCandidateGamma
            ? Duals.comboLevel(setMasks[set] & segmentMask, groupLevels) : gammaOfSet[set];
        // the plan's min(max(θL, 0), cap) / θ as max(min(L, cap / θ), 0), with no division
        double boost = plain
            ? Math.max(Math.min(dir.baseLevel(b) + gamma - beta, capOverTheta * dir.inverseMerit(b)),
                0.0)
            : s.boost(row, j, c.merit[row], c.level[row], gamma);
        score = r * (boost * pacing[row]);
      }
      rowOf[i] = row;
      if (fair) {
        boolean isProt = score >= 0
            && (isProtected != null ? isProtected[i] : row >= 0 && behind[row] != 0);
        prot[i] = isProt ? score : -1;
        out[i] = isProt ? -1 : score;
      } else {
        out[i] = score;
      }
    }
    int placed = fair ? merge(floor, supplierIds, count, order, scores)
        : select.selectChecked(supplierIds, out, count, k, order, scores);
    deliver(served, order, shownFrom, placed, count, unknown, excluded);
    return placed;
  }

  /** FA*IR's merge of the protected and the other candidates' best lists under the prefix floor. */
  private int merge(PrefixFloor floor, long[] ids, int count, int[] order, double[] scores) {
    int k = floor.k();
    int np = select.selectChecked(ids, protectedScored, count, k, protectedOrder, protectedScores);
    int no = select.selectChecked(ids, scored, count, k, otherOrder, otherScores);
    int p = 0;
    int o = 0;
    int placed = 0;
    while (placed < k && (p < np || o < no)) {
      boolean takeProtected;
      if (p >= np) {
        takeProtected = false;
      } else if (o >= no || p < floor.minimum(placed + 1)) {
        takeProtected = true;
      } else {
        double sp = protectedScores[p];
        double so = otherScores[o];
        long ip = ids[protectedOrder[p]];
        long io = ids[otherOrder[o]];
        takeProtected = sp > so || (sp == so && (ip < io || (ip == io
            && protectedOrder[p] < otherOrder[o])));
      }
      if (takeProtected) {
        order[placed] = protectedOrder[p];
        if (scores != null) {
          scores[placed] = protectedScores[p];
        }
        p++;
      } else {
        order[placed] = otherOrder[o];
        if (scores != null) {
          scores[placed] = otherScores[o];
        }
        o++;
      }
      placed++;
    }
    return placed;
  }

  private void deliver(ServedPlan served, int[] order, int shownFrom, int placed, int count,
      int unknown, int excluded) {
    Delivery delivery = served.delivery();
    long total = 0;
    for (int p = shownFrom; p < placed; p++) {
      int row = rowOf[order[p]];
      if (row >= 0) {
        long units = positionUnits[p + 1];
        delivery.add(stripe, row, units);
        total += units;
      }
    }
    live.queries.increment();
    live.candidates.add(count);
    if (unknown > 0) {
      live.unknown.add(unknown);
    }
    if (excluded > 0) {
      live.excluded.add(excluded);
    }
    live.exposure.add(total / Delivery.UNIT);
  }

  /**
   * Sums each supplier group set's levels in the segment once, when the snapshot has few sets; returns
   * whether candidates must sum their own instead.
   */
  private boolean prepareGamma(PlanSnapshot s, int segment) {
    long[] masks = s.supplierMasks();
    if (masks.length > 64) {
      return true;
    }
    if (s != gammaSnapshot || segment != gammaSegment) {
      if (gammaOfSet.length < masks.length) {
        gammaOfSet = new double[64];
      }
      long segmentMask = s.segmentMask(segment);
      double[] levels = s.groupLevels();
      for (int q = 0; q < masks.length; q++) {
        gammaOfSet[q] = Duals.comboLevel(masks[q] & segmentMask, levels);
      }
      gammaSnapshot = s;
      gammaSegment = segment;
    }
    return false;
  }
}
