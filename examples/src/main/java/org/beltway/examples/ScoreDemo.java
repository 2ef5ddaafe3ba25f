package org.beltway.examples;

import java.util.Locale;
import org.beltway.score.Dimension;
import org.beltway.score.Scorer;
import org.beltway.score.Scores;
import org.beltway.sim.Catalogue;
import org.beltway.sim.Marketplace;
import org.beltway.sim.MarketplaceConfig;
import org.beltway.sim.MarketplaceGenerator;
import org.beltway.supplier.SupplierTable;

/**
 * Scores a generated marketplace and prints the best suppliers of its largest categories with the score
 * card of each category's leader: the six dimensions, and for every signal the raw rate, the shrunk rate,
 * the prior and the percentile.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=org.beltway.examples.ScoreDemo \
 *     -Dexec.args="--scale 0.05 --seed 42 --categories 3 --top 5"
 * </pre>
 *
 * {@code --help} lists the options and their defaults.
 */
public final class ScoreDemo {
  static final Options OPTIONS = new Options("ScoreDemo", "Scores a generated marketplace and prints the"
      + " best suppliers of its largest categories with the score card of each leader.")
      .add("--scale", "0.05", "fraction of the national marketplace (1.0: 1.07 M suppliers)")
      .add("--seed", "42", "seed of the generated marketplace")
      .add("--categories", "3", "how many of the largest categories to show")
      .add("--top", "5", "suppliers shown per category");

  private ScoreDemo() {}

  public static void main(String[] args) {
    if (Options.helpAsked(args)) {
      System.out.print(OPTIONS.help());
      return;
    }
    Arguments a = OPTIONS.parse(args);
    double scale = a.decimal("--scale");
    long seed = a.integer("--seed");
    int categories = (int) a.integer("--categories");
    int top = (int) a.integer("--top");

    long start = System.nanoTime();
    Marketplace marketplace = MarketplaceGenerator.generate(MarketplaceConfig.ofScale(scale, seed));
    SupplierTable table = marketplace.suppliers();
    long generated = System.nanoTime();
    Scores scores = Scorer.DEFAULT.score(table);
    long scored = System.nanoTime();
    System.out.printf(Locale.ROOT,
        "Generated %,d suppliers in %,d categories (scale %s, seed %d) in %.2f s; scored in %.2f s.%n"
            + "Quality tier: %,d suppliers; head tier: %,d.%n%n",
        table.size(), marketplace.catalogue().categoryCount(), scale, seed,
        (generated - start) / 1e9, (scored - generated) / 1e9, scores.qualityTierSize(),
        scores.headTierSize());

    int[] largest = largestCategories(table, categories);
    Catalogue catalogue = marketplace.catalogue();
    for (int category : largest) {
      int[] best = bestOf(scores, table, category, top);
      System.out.printf(Locale.ROOT, "== category %d %s: %,d suppliers ==%n", category,
          catalogue.categoryName(category), scores.categorySize(best[0]));
      System.out.printf(Locale.ROOT, "%4s %10s %-15s %8s %8s %8s %8s %8s %8s %8s %5s%n", "rank",
          "supplier", "tier", "composite", "product", "price", "service", "fulfil", "after", "newprod",
          "orders");
      for (int row : best) {
        System.out.printf(Locale.ROOT, "%4d %10d %-15s %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %5d%n",
            scores.rank(row), table.id(row), table.tier(row), scores.composite(row),
            scores.dimension(row, Dimension.PRODUCT), scores.dimension(row, Dimension.PRICE),
            scores.dimension(row, Dimension.SERVICE), scores.dimension(row, Dimension.FULFILMENT),
            scores.dimension(row, Dimension.AFTER_SALES), scores.dimension(row, Dimension.NEW_PRODUCT),
            table.count(org.beltway.supplier.Count.ORDERS, row));
      }
      System.out.println();
      System.out.println("Score card of the leader:");
      System.out.println(scores.card(best[0]).format());
    }
  }

  /** The categories with the most suppliers (by primary category), largest first, ties by id. */
  private static int[] largestCategories(SupplierTable table, int count) {
    int[] sizes = new int[table.categoryLimit()];
    for (int row = 0; row < table.size(); row++) {
      sizes[table.primaryCategory(row)]++;
    }
    int n = Math.min(count, sizes.length);
    int[] result = new int[n];
    boolean[] taken = new boolean[sizes.length];
    for (int k = 0; k < n; k++) {
      int best = -1;
      for (int c = 0; c < sizes.length; c++) {
        if (!taken[c] && (best < 0 || sizes[c] > sizes[best])) {
          best = c;
        }
      }
      taken[best] = true;
      result[k] = best;
    }
    return result;
  }

  /** The rows ranked 1..top in a category. */
  private static int[] bestOf(Scores scores, SupplierTable table, int category, int top) {
    int[] rows = new int[top];
    int found = 0;
    for (int row = 0; row < table.size(); row++) {
      if (table.primaryCategory(row) == category && scores.rank(row) <= top) {
        rows[scores.rank(row) - 1] = row;
        found++;
      }
    }
    return java.util.Arrays.copyOf(rows, Math.min(found, top));
  }
}
