package org.beltway.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of worker threads that run numbered chunks of work. The calling thread is one of the
 * workers. Chunks are claimed dynamically for load balance, so which worker runs a chunk varies; callers
 * keep results deterministic by writing each chunk's output to the chunk's own slot and reducing the
 * slots in chunk order afterwards. With one thread, chunks run in order on the calling thread.
 */
public final class Workers implements AutoCloseable {

  /** One chunk of work. */
  @FunctionalInterface
  public interface ChunkTask {
    /**
     * Runs a chunk.
     *
     * @param chunk the chunk number, in [0, chunks)
     * @param worker the worker running it, in [0, threads): an index for per-worker scratch space
     */
    void run(int chunk, int worker);
  }

  private final int threads;
  private final ExecutorService helpers;

  /**
   * Workers with {@code threads} threads, the caller included.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public Workers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.threads = threads;
    if (threads == 1) {
      helpers = null;
    } else {
      AtomicInteger count = new AtomicInteger();
      ThreadFactory factory = r -> {
        Thread t = new Thread(r, "beltway-worker-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
      helpers = Executors.newFixedThreadPool(threads - 1, factory);
    }
  }

  /**
   * Runs chunks {@code 0 .. chunks-1} on {@code threads} workers made for this call alone, for work
   * that is not repeated often enough to keep a pool.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   * @throws RuntimeException wrapping the first failure of a chunk
   */
  public static void run(int threads, int chunks, ChunkTask task) {
    try (Workers workers = new Workers(Math.max(1, Math.min(threads, chunks)))) {
      workers.forEach(chunks, task);
    }
  }

  /** The number of workers, the caller included. */
  public int threads() {
    return threads;
  }

  /**
   * Runs chunks {@code 0 .. chunks-1} and returns when all are done.
   *
   * @throws RuntimeException wrapping the first failure of a chunk
   */
  public void forEach(int chunks, ChunkTask task) {
    if (helpers == null || chunks <= 1) {
      for (int c = 0; c < chunks; c++) {
        task.run(c, 0);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    int extra = Math.min(threads - 1, chunks - 1);
    @SuppressWarnings("unchecked")
    Future<?>[] futures = new Future<?>[extra];
    for (int w = 0; w < extra; w++) {
      int worker = w + 1;
      futures[w] = helpers.submit(() -> drain(next, chunks, task, worker));
    }
    Throwable failure = null;
    try {
      drain(next, chunks, task, 0);
    } catch (RuntimeException | Error e) {
      failure = e;
      next.set(chunks);
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw new IllegalStateException("a worker failed", failure);
    }
  }

  private static void drain(AtomicInteger next, int chunks, ChunkTask task, int worker) {
    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
      task.run(c, worker);
    }
  }

  @Override
  public void close() {
    if (helpers != null) {
      helpers.shutdown();
    }
  }
}
