package org.beltway.serving;

/**
 * The best {@code k} of a stream of scored candidates, in a binary min-heap of primitive arrays: one
 * comparison for a candidate that does not make the page, {@code O(log k)} for one that does. Higher
 * scores first; equal scores by increasing supplier id, then by increasing position in the input, so
 * the order is deterministic. Reused query after query; allocates nothing.
 */
final class TopK {
  private final double[] score;
  private final long[] id;
  private final int[] index;
  private int k;
  private int size;

  TopK(int capacity) {
    score = new double[capacity];
    id = new long[capacity];
    index = new int[capacity];
  }

  void reset(int k) {
    this.k = k;
    size = 0;
  }

  int size() {
    return size;
  }

  /** Whether (s, i, x) ranks below (t, j, y). */
  private static boolean worse(double s, long i, int x, double t, long j, int y) {
    return s < t || (s == t && (i > j || (i == j && x > y)));
  }

  void offer(double s, long supplierId, int position) {
    if (size < k) {
      int c = size++;
      while (c > 0) {
        int parent = (c - 1) >>> 1;
        if (!worse(s, supplierId, position, score[parent], id[parent], index[parent])) {
          break;
        }
        move(parent, c);
        c = parent;
      }
      set(c, s, supplierId, position);
    } else if (k > 0 && worse(score[0], id[0], index[0], s, supplierId, position)) {
      siftDown(s, supplierId, position);
    }
  }

  private void siftDown(double s, long supplierId, int position) {
    int c = 0;
    int half = size >>> 1;
    while (c < half) {
      int child = 2 * c + 1;
      int right = child + 1;
      if (right < size && worse(score[right], id[right], index[right], score[child], id[child],
          index[child])) {
        child = right;
      }
      if (!worse(score[child], id[child], index[child], s, supplierId, position)) {
        break;
      }
      move(child, c);
      c = child;
    }
    set(c, s, supplierId, position);
  }

  private void move(int from, int to) {
    score[to] = score[from];
    id[to] = id[from];
    index[to] = index[from];
  }

  private void set(int c, double s, long supplierId, int position) {
    score[c] = s;
    id[c] = supplierId;
    index[c] = position;
  }

  /**
   * Empties the heap into the buffers, best first, starting at {@code offset}; returns the count.
   */
  int drain(int[] positions, double[] scores, int offset) {
    int n = size;
    for (int out = offset + n - 1; size > 0; out--) {
      positions[out] = index[0];
      scores[out] = score[0];
      int last = --size;
      if (last > 0) {
        double s = score[last];
        long i = id[last];
        int x = index[last];
        siftDown(s, i, x);
      }
    }
    return n;
  }
}
