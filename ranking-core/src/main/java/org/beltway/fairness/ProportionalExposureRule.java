package org.beltway.fairness;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntBinaryOperator;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.internal.Strict;

/**
 * Exposure proportional to merit where no promise binds (Singh and Joachims, "Fairness of Exposure in
 * Rankings", KDD 2018): within a segment, suppliers of one policy class (the same group shares apply
 * to them) that hold no promise and are neither capped nor cut to zero get the same impressions per
 * unit of fair exposure. A plan may move exposure toward promises and shares, but it must move every
 * such supplier of a class alike: one shown more than another per unit of merit is favoured.
 */
final class ProportionalExposureRule implements Rule<Exposure> {
  private final IntPredicate unpromised;
  private final IntBinaryOperator classOf;
  private final IntToDoubleFunction capOfEdge;
  private final double tolerance;
  private final String name;

  ProportionalExposureRule(IntPredicate unpromised, IntBinaryOperator classOf, IntToDoubleFunction capOfEdge,
      double tolerance) {
    Strict.nonNull(unpromised, "unpromisedRows", IntPredicate.class);
    Strict.nonNull(classOf, "classOf", IntBinaryOperator.class);
    Strict.nonNull(capOfEdge, "capOfEdge", IntToDoubleFunction.class);
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance (" + tolerance + "): expected a number in [0, 1)");
    }
    this.unpromised = unpromised;
    this.classOf = classOf;
    this.capOfEdge = capOfEdge;
    this.tolerance = tolerance;
    this.name = String.format(Locale.ROOT,
        "exposure proportional to merit where no promise binds (within %s)", Rules.percent(tolerance));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Violation> check(Exposure subject) {
    Strict.nonNull(subject, "subject", Exposure.class);
    EligibilityGraph graph = subject.graph();
    List<Violation> out = new ArrayList<>();
    Int2IntOpenHashMap lowest = new Int2IntOpenHashMap();
    Int2IntOpenHashMap highest = new Int2IntOpenHashMap();
    for (int j = 0, m = graph.segmentCount(); j < m; j++) {
      lowest.clear();
      highest.clear();
      int end = graph.segmentStart(j) + graph.segmentDegree(j);
      for (int e = graph.segmentStart(j); e < end; e++) {
        if (!free(subject, e)) {
          continue;
        }
        int c = classOf.applyAsInt(graph.supplierOf(e), j);
        double ratio = ratio(subject, e);
        if (!lowest.containsKey(c) || ratio < ratio(subject, lowest.get(c))) {
          lowest.put(c, e);
        }
        if (!highest.containsKey(c) || ratio > ratio(subject, highest.get(c))) {
          highest.put(c, e);
        }
      }
      for (int c : lowest.keySet()) {
        int low = lowest.get(c);
        int high = highest.get(c);
        double a = ratio(subject, low);
        double b = ratio(subject, high);
        if (b > a * (1 + tolerance) + 1e-12) {
          long segment = graph.segments().id(j);
          long favoured = graph.supplierId(graph.supplierOf(high));
          out.add(new Violation(name, "segment " + segment, a, b, String.format(Locale.ROOT,
              "segment %d, class %d: supplier %d gets %.6g impressions per unit of fair exposure,"
                  + " supplier %d %.6g: expected the same within %s", segment, c, favoured, b,
              graph.supplierId(graph.supplierOf(low)), a, Rules.percent(tolerance))));
        }
      }
    }
    return out;
  }

  private boolean free(Exposure subject, int e) {
    double x = subject.impressions(e);
    double cap = capOfEdge.applyAsDouble(e);
    return subject.fair(e) > 0 && x > 0 && x < cap * (1 - 1e-9)
        && unpromised.test(subject.graph().supplierOf(e));
  }

  private static double ratio(Exposure subject, int e) {
    return subject.impressions(e) / subject.fair(e);
  }
}
