package org.beltway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkersTest {

  @Test
  void runsEveryChunkExactlyOnce() {
    for (int threads = 1; threads <= 3; threads++) {
      AtomicIntegerArray runs = new AtomicIntegerArray(100);
      Workers.run(threads, 100, (chunk, worker) -> runs.incrementAndGet(chunk));
      for (int c = 0; c < 100; c++) {
        assertEquals(1, runs.get(c), "chunk " + c + " with " + threads + " threads");
      }
    }
  }

  @Test
  void rethrowsTheFirstFailure() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Workers.run(2, 10, (chunk, worker) -> {
          if (chunk == 3) {
            throw new IllegalStateException("chunk 3 failed");
          }
        }));
    assertEquals("chunk 3 failed", e.getMessage());
  }

  @Test
  void rejectsFewerThanOneThread() {
    assertEquals("threads must be >= 1: 0",
        assertThrows(IllegalArgumentException.class, () -> new Workers(0)).getMessage());
  }
}
