package org.beltway.examples.sim;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.beltway.sim.SimulationResult;
import org.beltway.sim.StrategyResult;

/**
 * One column of the simulation demo's tables: a figure of a strategy in one run, and how to show it over
 * several seeds (the mean, and the sample standard deviation when there are two seeds or more).
 *
 * @param header the column header
 * @param meaning what the figure measures, in one line; null where a neighbouring column's says it
 * @param value the figure of a strategy in a run, NaN when it does not apply
 * @param format how to show one value
 */
public record Metric(String header, String meaning, BiFunction<SimulationResult, StrategyResult, Double> value,
    Format format) {

  /** How a value is shown. */
  public enum Format {
    /** A share as a percentage with one decimal. */
    PERCENT,
    /** A share as a percentage with two decimals: for bounds a day at 79.99% breaks. */
    PERCENT2,
    /** A whole count with thousands separators. */
    COUNT,
    /** A number with three decimals. */
    DECIMAL,
    /** Seconds with one decimal. */
    SECONDS
  }

  /** The cell of a strategy over the runs: {@code mean} or {@code mean ±sd}; {@code n/a} if NaN. */
  public String cell(List<SimulationResult> runs, String strategy) {
    double[] values = new double[runs.size()];
    for (int k = 0; k < values.length; k++) {
      SimulationResult r = runs.get(k);
      values[k] = value.apply(r, r.strategy(strategy));
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    if (Double.isNaN(mean)) {
      return "n/a";
    }
    if (values.length < 2) {
      return show(mean);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return show(mean) + " ±" + show(Math.sqrt(squares / (values.length - 1)));
  }

  private String show(double v) {
    return switch (format) {
      case PERCENT -> String.format(Locale.ROOT, "%.1f%%", 100 * v);
      case PERCENT2 -> String.format(Locale.ROOT, "%.2f%%", 100 * v);
      case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(v));
      case DECIMAL -> String.format(Locale.ROOT, "%.3f", v);
      case SECONDS -> String.format(Locale.ROOT, "%.1f", v);
    };
  }
}
