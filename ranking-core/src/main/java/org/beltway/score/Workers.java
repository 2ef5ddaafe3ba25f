package org.beltway.score;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent units of work on a fixed number of plain threads (the caller's included), each
 * taking the next unit from a shared counter. Units write disjoint parts of the result, so results do not
 * depend on the number of threads or on which thread ran which unit.
 */
final class Workers {
  private Workers() {}

  /** One unit of work, run by worker {@code worker} in [0, threads). */
  interface Unit {
    void run(int worker, int unit);
  }

  /**
   * Runs {@code units} units on {@code threads} threads and waits for all; rethrows the first failure.
   */
  static void run(int threads, int units, Unit work) {
    int workers = Math.max(1, Math.min(threads, units));
    AtomicInteger next = new AtomicInteger();
    Throwable[] failure = new Throwable[workers];
    Thread[] spawned = new Thread[workers - 1];
    for (int w = 1; w < workers; w++) {
      int worker = w;
      spawned[w - 1] = new Thread(() -> {
        try {
          drain(worker, units, next, work);
        } catch (Throwable t) {
          failure[worker] = t;
          next.set(units);
        }
      }, "beltway-score-" + w);
      spawned[w - 1].setDaemon(true);
      spawned[w - 1].start();
    }
    try {
      drain(0, units, next, work);
    } catch (Throwable t) {
      failure[0] = t;
      next.set(units);
    }
    boolean interrupted = false;
    for (Thread t : spawned) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (Throwable t : failure) {
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }
  }

  private static void drain(int worker, int units, AtomicInteger next, Unit work) {
    for (int u = next.getAndIncrement(); u < units; u = next.getAndIncrement()) {
      work.run(worker, u);
    }
  }
}
