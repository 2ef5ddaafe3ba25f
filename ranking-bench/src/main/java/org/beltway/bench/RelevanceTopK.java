package org.beltway.bench;

/**
 * The usual way to take a page, against which {@link org.beltway.serving.TopK} is measured: the best
 * {@code k} candidates by relevance alone in a bounded binary min-heap of primitive arrays (higher
 * first; equal relevance by increasing supplier id, then by position), the selection the serving
 * package made before it took a threshold from a sample.
 */
final class RelevanceTopK {
  private final double[] score;
  private final long[] id;
  private final int[] index;
  private final int k;
  private int size;

  RelevanceTopK(int k) {
    this.k = k;
    score = new double[k];
    id = new long[k];
    index = new int[k];
  }

  /** The top {@code k} of the first {@code count} candidates into {@code order}, best first. */
  int select(long[] supplierIds, double[] relevance, int count, int[] order, double[] scores) {
    size = 0;
    for (int i = 0; i < count; i++) {
      offer(relevance[i], supplierIds[i], i);
    }
    int n = size;
    for (int out = n - 1; size > 0; out--) {
      order[out] = index[0];
      scores[out] = score[0];
      int last = --size;
      if (last > 0) {
        siftDown(score[last], id[last], index[last]);
      }
    }
    return n;
  }

  /** Whether (s, i, x) ranks below (t, j, y). */
  private static boolean worse(double s, long i, int x, double t, long j, int y) {
    return s < t || (s == t && (i > j || (i == j && x > y)));
  }

  private void offer(double s, long supplierId, int position) {
    if (size < k) {
      int c = size++;
      while (c > 0) {
        int parent = (c - 1) >>> 1;
        if (!worse(s, supplierId, position, score[parent], id[parent], index[parent])) {
          break;
        }
        set(c, score[parent], id[parent], index[parent]);
        c = parent;
      }
      set(c, s, supplierId, position);
    } else if (worse(score[0], id[0], index[0], s, supplierId, position)) {
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
      set(c, score[child], id[child], index[child]);
      c = child;
    }
    set(c, s, supplierId, position);
  }

  private void set(int c, double s, long supplierId, int position) {
    score[c] = s;
    id[c] = supplierId;
    index[c] = position;
  }
}
