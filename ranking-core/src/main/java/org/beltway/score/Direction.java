package org.beltway.score;

/** Whether a larger value of a signal is better or worse for the supplier. */
public enum Direction {
  /** More is better, e.g. orders shipped within 48 h over orders. */
  HIGHER_IS_BETTER,
  /** Less is better, e.g. quality-refund orders over orders; its percentile is inverted. */
  LOWER_IS_BETTER
}
