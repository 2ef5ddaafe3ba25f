package org.beltway.serving;

import java.util.Locale;

/**
 * The best {@code k} of a query's scored candidates, best first: higher scores first, equal scores by
 * increasing supplier id, then by increasing position in the input, so the page is deterministic.
 *
 * <p>A bounded heap pays {@code O(log k)} with unpredictable branches for every candidate that enters
 * it, about {@code k (1 + ln(n / k))} of them on a random order; that, not reading the candidates, is
 * most of its cost. Here a threshold is taken from an evenly spaced sample of the scores, chosen so that
 * about {@code 2k} candidates pass; one branch-free pass keeps those that pass, a quickselect finds the
 * best {@code k} among them and only those are sorted. Whatever the sample says, the page is exact: if
 * fewer than {@code k} pass, the threshold is dropped and the selection runs on every candidate.
 *
 * <p>One per thread: it owns its scratch buffers and allocates nothing per query. {@link Reranker}
 * selects its pages with one; use it alone for the top {@code k} by plain relevance, the page a
 * reranker is measured against.
 */
public final class TopK {
  /** Sampled scores from which the threshold is taken. */
  private static final int SAMPLE = 128;
  /** Ranges this short are sorted by insertion. */
  private static final int SHORT = 16;
  private final int maxCandidates;
  private final int[] kept;
  private final double[] sample = new double[SAMPLE];
  private double[] score;
  private long[] id;

  /** A selector for at most {@code maxCandidates} candidates a query. */
  public TopK(int maxCandidates) {
    if (maxCandidates < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "maxCandidates (%d): expected at least 1", maxCandidates));
    }
    this.maxCandidates = maxCandidates;
    kept = new int[maxCandidates];
  }

  /**
   * The best {@code k} of the first {@code count} candidates by score.
   *
   * @param supplierIds the candidates' suppliers, which break ties
   * @param scores the candidates' scores, finite and {@code >= 0}
   * @param order receives the positions (into the input arrays) of the page, best first
   * @param pageScores receives their scores, or {@code null}
   * @return the page's length, {@code min(k, count)}
   * @throws IllegalArgumentException for a score that is NaN, infinite or negative, arrays shorter than
   *     {@code count} or the page, more than {@code maxCandidates} candidates or {@code k < 1}
   */
  public int select(long[] supplierIds, double[] scores, int count, int k, int[] order,
      double[] pageScores) {
    QueryArguments.check(supplierIds, scores, "scores", count, maxCandidates, k, Integer.MAX_VALUE, order,
        pageScores, "pageScores");
    for (int i = 0; i < count; i++) {
      double s = scores[i];
      if (!(s >= 0) || s == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "candidate %d (supplier %d): score (%s): expected a finite number >= 0", i,
            supplierIds[i], s));
      }
    }
    return selectChecked(supplierIds, scores, count, k, order, pageScores);
  }

  /**
   * {@link #select} on checked arguments; a negative score marks a candidate that may not be shown.
   * Returns {@code min(k, candidates with a score >= 0)}.
   */
  int selectChecked(long[] supplierIds, double[] scores, int count, int k, int[] order,
      double[] pageScores) {
    score = scores;
    id = supplierIds;
    try {
      int m = count > 2 * k + SAMPLE ? keep(count, threshold(count, k)) : 0;
      if (m < k) {
        m = keep(count, 0.0);
      }
      int page = Math.min(k, m);
      if (m > page) {
        select(0, m, page);
      }
      sort(0, page);
      for (int p = 0; p < page; p++) {
        int i = kept[p];
        order[p] = i;
        if (pageScores != null) {
          pageScores[p] = scores[i];
        }
      }
      return page;
    } finally {
      score = null;
      id = null;
    }
  }

  /**
   * The score that about {@code 2k} of {@code count} candidates reach, read off an evenly spaced
   * sample; never below 0, so candidates that may not be shown never pass.
   */
  private double threshold(int count, int k) {
    double[] s = sample;
    long step = ((long) count << 16) / SAMPLE;
    for (int q = 0; q < SAMPLE; q++) {
      s[q] = score[(int) ((q * step) >>> 16)];
    }
    int rank = (int) Math.min(SAMPLE - 1, (2L * k * SAMPLE) / count);
    return Math.max(0.0, nthLargest(s, rank));
  }

  /** Keeps the positions of the candidates scoring at least {@code t}, in input order. */
  private int keep(int count, double t) {
    double[] s = score;
    int[] out = kept;
    int m = 0;
    for (int i = 0; i < count; i++) {
      out[m] = i;
      m += s[i] >= t ? 1 : 0;
    }
    return m;
  }

  /** Whether kept candidate {@code a} ranks above {@code b}. */
  private boolean better(int a, int b) {
    double sa = score[a];
    double sb = score[b];
    if (sa != sb) {
      return sa > sb;
    }
    long ia = id[a];
    long ib = id[b];
    return ia != ib ? ia < ib : a < b;
  }

  /** Rearranges {@code kept[from, to)} so that its first {@code n} places hold its best {@code n}. */
  private void select(int from, int to, int n) {
    int[] a = kept;
    int lo = from;
    int hi = to - 1;
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(to - from));
    int target = from + n;
    while (hi - lo >= SHORT) {
      if (budget-- == 0) {
        heapSort(lo, hi + 1);
        return;
      }
      int p = partition(lo, hi);
      if (p == target || p == target - 1) {
        return;
      }
      if (p < target) {
        lo = p + 1;
      } else {
        hi = p - 1;
      }
    }
    insertionSort(a, lo, hi + 1);
  }

  /** Sorts {@code kept[from, to)} best first. */
  private void sort(int from, int to) {
    quickSort(from, to, 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from))));
  }

  private void quickSort(int from, int to, int budget) {
    while (to - from > SHORT) {
      if (budget-- == 0) {
        heapSort(from, to);
        return;
      }
      int p = partition(from, to - 1);
      if (p - from < to - p - 1) {
        quickSort(from, p, budget);
        from = p + 1;
      } else {
        quickSort(p + 1, to, budget);
        to = p;
      }
    }
    insertionSort(kept, from, to);
  }

  /**
   * Partitions {@code kept[lo, hi]} around the median of three: better candidates before the pivot,
   * worse after; returns the pivot's place.
   */
  private int partition(int lo, int hi) {
    int[] a = kept;
    int mid = (lo + hi) >>> 1;
    if (better(a[mid], a[lo])) {
      swap(a, mid, lo);
    }
    if (better(a[hi], a[lo])) {
      swap(a, hi, lo);
    }
    if (better(a[hi], a[mid])) {
      swap(a, hi, mid);
    }
    swap(a, mid, hi - 1);
    int pivot = a[hi - 1];
    int i = lo;
    int j = hi - 1;
    while (true) {
      do {
        i++;
      } while (better(a[i], pivot));
      do {
        j--;
      } while (better(pivot, a[j]));
      if (i >= j) {
        break;
      }
      swap(a, i, j);
    }
    swap(a, i, hi - 1);
    return i;
  }

  private void insertionSort(int[] a, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int x = a[i];
      int j = i - 1;
      while (j >= from && better(x, a[j])) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }

  /** Sorts {@code kept[from, to)} best first in {@code O(n log n)} whatever the input. */
  private void heapSort(int from, int to) {
    int n = to - from;
    for (int c = n / 2 - 1; c >= 0; c--) {
      siftDown(from, c, n);
    }
    for (int last = n - 1; last > 0; last--) {
      swap(kept, from, from + last);
      siftDown(from, 0, last);
    }
  }

  /** Restores a heap with the worst candidate on top over {@code kept[base, base + n)}. */
  private void siftDown(int base, int c, int n) {
    int[] a = kept;
    int x = a[base + c];
    while (2 * c + 1 < n) {
      int child = 2 * c + 1;
      if (child + 1 < n && better(a[base + child], a[base + child + 1])) {
        child++;
      }
      if (!better(x, a[base + child])) {
        break;
      }
      a[base + c] = a[base + child];
      c = child;
    }
    a[base + c] = x;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** The {@code rank}-th largest (0 the largest) of {@code s}, which it reorders. */
  private static double nthLargest(double[] s, int rank) {
    int lo = 0;
    int hi = s.length - 1;
    while (lo < hi) {
      double pivot = s[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (s[i] > pivot) {
          i++;
        }
        while (s[j] < pivot) {
          j--;
        }
        if (i <= j) {
          double t = s[i];
          s[i] = s[j];
          s[j] = t;
          i++;
          j--;
        }
      }
      if (rank <= j) {
        hi = j;
      } else if (rank >= i) {
        lo = i;
      } else {
        return s[rank];
      }
    }
    return s[rank];
  }
}
