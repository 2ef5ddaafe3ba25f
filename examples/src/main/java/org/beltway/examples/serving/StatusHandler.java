package org.beltway.examples.serving;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.beltway.serving.SnapshotWatcher;

/** {@code GET /status}: the {@link StatusReport} now. */
final class StatusHandler extends JsonHandler {
  static final String PATH = "/status";
  private final SnapshotWatcher watcher;
  private final DayPacing pacing;

  StatusHandler(SnapshotWatcher watcher, DayPacing pacing, JsonWire json) {
    super(PATH, "GET", json);
    this.watcher = watcher;
    this.pacing = pacing;
  }

  @Override
  void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().close();
    json.send(exchange, 200, StatusReport.of(watcher, pacing));
  }
}
