package org.beltway.examples.serving;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.beltway.serving.Reranker;

/**
 * How a {@link RankServer} runs: where it listens, which snapshots it serves and how often it looks for
 * new ones and paces. Checked at once, so a bad setting fails at start-up with its value, not later.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1}
 * @param port the port, 0 for any free one
 * @param snapshots the directory the plan's snapshots ({@code *.snap}) are dropped into
 * @param marketplace the marketplace this node serves: a snapshot of another is rejected
 * @param poll how often the directory is looked at
 * @param pacing how often the pacer updates the suppliers' factors
 * @param maxCandidates the most candidates a query may have (more: 413)
 * @param maxK the largest page a query may ask for
 * @param threads the threads answering requests, each with its own reranker
 * @param clock the clock of the pacer's day: its zone says when the day starts
 */
public record ServerSettings(String host, int port, Path snapshots, String marketplace, Duration poll,
    Duration pacing, int maxCandidates, int maxK, int threads, Clock clock) {

  /** Checks every setting. */
  public ServerSettings {
    if (host == null || snapshots == null || marketplace == null || poll == null || pacing == null
        || clock == null) {
      throw new NullPointerException("host, snapshots, marketplace, poll, pacing and clock must be set");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "port (%d): expected 0 to 65535", port));
    }
    if (poll.toMillis() < 1 || pacing.toMillis() < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "poll (%s) and pacing (%s): expected at least 1 ms each", poll, pacing));
    }
    if (maxCandidates < 1 || threads < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "maxCandidates (%d) and threads (%d): expected at least 1 each", maxCandidates, threads));
    }
    if (maxK < 1 || maxK > Reranker.MAX_K) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "maxK (%d): expected 1 to %d", maxK, Reranker.MAX_K));
    }
  }

  /**
   * Loopback on port 8080, a look at the directory every 5 s, pacing every minute, pages of at most 100
   * from at most 1000 candidates, a thread per processor (at least 2), the system clock.
   */
  public static ServerSettings of(Path snapshots, String marketplace) {
    return new ServerSettings("127.0.0.1", 8080, snapshots, marketplace, Duration.ofSeconds(5),
        Duration.ofMinutes(1), 1000, 100, Math.max(2, Runtime.getRuntime().availableProcessors()),
        Clock.systemDefaultZone());
  }

  /** These settings on another address. */
  public ServerSettings withHost(String newHost) {
    return new ServerSettings(newHost, port, snapshots, marketplace, poll, pacing, maxCandidates, maxK,
        threads, clock);
  }

  /** These settings on another port (0: any free one). */
  public ServerSettings withPort(int newPort) {
    return new ServerSettings(host, newPort, snapshots, marketplace, poll, pacing, maxCandidates, maxK,
        threads, clock);
  }

  /** These settings with another look at the directory. */
  public ServerSettings withPoll(Duration newPoll) {
    return new ServerSettings(host, port, snapshots, marketplace, newPoll, pacing, maxCandidates, maxK,
        threads, clock);
  }

  /** These settings with another pacing period. */
  public ServerSettings withPacing(Duration newPacing) {
    return new ServerSettings(host, port, snapshots, marketplace, poll, newPacing, maxCandidates, maxK,
        threads, clock);
  }

  /** These settings with another candidate limit. */
  public ServerSettings withMaxCandidates(int newMax) {
    return new ServerSettings(host, port, snapshots, marketplace, poll, pacing, newMax, maxK, threads,
        clock);
  }
}
