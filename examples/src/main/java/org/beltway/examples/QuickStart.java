package org.beltway.examples;

import org.beltway.allocation.AllocationPlan;
import org.beltway.allocation.AllocationProblem;
import org.beltway.allocation.AllocationSolver;
import org.beltway.allocation.EligibilityGraph;
import org.beltway.allocation.GroupShare;
import org.beltway.allocation.Merit;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;

/**
 * The README's quick start, compiled and run by the build so that it cannot rot: score a generated
 * marketplace, plan its traffic with the quality tier at 80% or more and no supplier above 5% of a
 * segment, and print the certificate and the promises that could not be kept.
 *
 * <pre>mvn -q -pl examples -am compile exec:java -Dexec.mainClass=org.beltway.examples.QuickStart</pre>
 */
public final class QuickStart {
  static final Options OPTIONS = new Options("QuickStart", "Scores a generated marketplace (1% scale),"
      + " plans its traffic with the quality tier at 80% or more and no supplier above 5% of a segment, and"
      + " prints the certificate and the promises that could not be kept.");

  private QuickStart() {}

  public static void main(String[] args) {
    if (Options.helpAsked(args)) {
      System.out.print(OPTIONS.help());
      return;
    }
    OPTIONS.parse(args);
    Marketplace market = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(0.01, 42));
    Scores scores = Scorer.DEFAULT.score(market.suppliers());
    EligibilityGraph graph = EligibilityGraph.of(market.suppliers(), market.segments());
    AllocationPlan plan = AllocationSolver.defaults().solve(AllocationProblem.builder(graph)
        .scores(scores, Merit.DEFAULT).capShareOfSegment(0.05)
        .share(GroupShare.builder("quality").suppliers(scores::qualityTier).atLeast(0.8).build()).build());
    System.out.println(plan.certificate() + "\nquality share: " + plan.groupShare(0)
        + "\nunmet: " + plan.unmetPromises());
  }
}
