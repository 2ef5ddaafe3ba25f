package org.beltway.examples.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.beltway.serving.LivePlan;
import org.beltway.serving.PositionModel;
import org.beltway.serving.Reranker;

/**
 * {@code POST /rank}: reads a {@link RankRequest}, reranks its candidates under the live plan and
 * answers a {@link RankResponse}. A {@link Reranker} owns scratch buffers and is not thread-safe, so
 * each request thread has its own (a thread-local: the server's pool is fixed, so there are as many
 * rerankers as threads, each on its own delivery stripe). What the reranker refuses (an unknown
 * segment, a NaN or negative relevance, a page size out of range) is the caller's error: 400 with the
 * reranker's message. So is a supplier listed twice: one supplier has one score, and a page that showed
 * it twice would count its exposure twice. A body or a candidate list over the limits is 413.
 */
final class RankHandler extends JsonHandler {
  static final String PATH = "/rank";
  /** Room in the body for each candidate ({@code {"supplier": …, "relevance": …}} with spaces). */
  private static final int BYTES_PER_CANDIDATE = 256;
  private final int maxCandidates;
  private final int maxBodyBytes;
  private final ThreadLocal<Reranker> rerankers;

  RankHandler(LivePlan live, JsonWire json, int maxCandidates, int maxK) {
    super(PATH, "POST", json);
    this.maxCandidates = maxCandidates;
    this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 8,
        4096L + (long) BYTES_PER_CANDIDATE * maxCandidates);
    this.rerankers = ThreadLocal.withInitial(
        () -> new Reranker(live, PositionModel.LOGARITHMIC, maxCandidates, maxK));
  }

  @Override
  void answer(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(maxBodyBytes + 1);
    }
    if (body.length > maxBodyBytes) {
      json.sendError(exchange, 413, String.format(Locale.ROOT,
          "request body over %d bytes: expected at most %d candidates", maxBodyBytes, maxCandidates));
      return;
    }
    RankRequest request;
    try {
      request = json.read(body, RankRequest.class);
    } catch (JsonProcessingException e) {
      json.sendError(exchange, 400, JsonWire.describe(e));
      return;
    }
    if (request == null) {
      json.sendError(exchange, 400, "malformed request: expected an object, not null");
      return;
    }
    int count = request.candidates().size();
    if (count > maxCandidates) {
      json.sendError(exchange, 413, String.format(Locale.ROOT,
          "candidates (%d): expected at most %d", count, maxCandidates));
      return;
    }
    long[] ids = new long[count];
    double[] relevance = new double[count];
    Map<Long, Integer> firstAt = new HashMap<>(2 * count);
    for (int i = 0; i < count; i++) {
      RankRequest.Candidate c = request.candidates().get(i);
      if (c == null) {
        json.sendError(exchange, 400, "malformed request: candidates[" + i
            + "]: expected an object, not null");
        return;
      }
      Integer before = firstAt.putIfAbsent(c.supplier(), i);
      if (before != null) {
        json.sendError(exchange, 400, String.format(Locale.ROOT,
            "candidates[%d].supplier (%d): already candidates[%d]: expected each supplier once", i,
            c.supplier(), before));
        return;
      }
      ids[i] = c.supplier();
      relevance[i] = c.relevance();
    }
    int[] order = new int[Math.min(Math.max(request.k(), 0), count)];
    double[] scores = new double[order.length];
    int placed;
    Reranker reranker = rerankers.get();
    try {
      placed = reranker.rank(request.segment(), ids, relevance, count, request.k(), order, scores);
    } catch (IllegalArgumentException e) {
      json.sendError(exchange, 400, e.getMessage());
      return;
    }
    List<RankResponse.Ranked> ranked = new ArrayList<>(placed);
    for (int p = 0; p < placed; p++) {
      ranked.add(new RankResponse.Ranked(ids[order[p]], scores[p]));
    }
    // the plan the page came from, even if another was swapped in meanwhile
    json.send(exchange, 200, new RankResponse(ranked, reranker.planVersion()));
  }
}
