package org.beltway.examples.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * Every path the service does not have, bound to {@code /}: the JDK server's own answer there is an HTML
 * page, and a caller of a JSON service should get JSON whatever it asked.
 */
final class NotFoundHandler implements HttpHandler {
  private final JsonWire json;

  NotFoundHandler(JsonWire json) {
    this.json = json;
  }

  /** The 404 message for {@code path}, the same from every handler. */
  static String message(String path) {
    return "no such resource: " + path + ": expected POST " + RankHandler.PATH + " or GET "
        + StatusHandler.PATH;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      exchange.getRequestBody().close();
      json.sendError(exchange, 404, message(exchange.getRequestURI().getPath()));
    } finally {
      exchange.close();
    }
  }
}
