package org.beltway.examples.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * What both endpoints do around their answer: the JDK server matches a context by prefix, so another
 * path is 404 here (and {@link NotFoundHandler} answers the paths no context matches); another method
 * is 405 with {@code Allow}; a bug is a 500 and a log line rather than a connection dropped without a
 * reply (the JDK server's way with an exception); and the exchange is always closed.
 */
abstract class JsonHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(JsonHandler.class.getName());
  private final String path;
  private final String method;
  final JsonWire json;

  JsonHandler(String path, String method, JsonWire json) {
    this.path = path;
    this.method = method;
    this.json = json;
  }

  /** Answers a request for this path and method. */
  abstract void answer(HttpExchange exchange) throws IOException;

  @Override
  public final void handle(HttpExchange exchange) throws IOException {
    try {
      String asked = exchange.getRequestURI().getPath();
      if (!asked.equals(path)) {
        json.sendError(exchange, 404, NotFoundHandler.message(asked));
      } else if (!exchange.getRequestMethod().equals(method)) {
        exchange.getResponseHeaders().set("Allow", method);
        json.sendError(exchange, 405, "method " + exchange.getRequestMethod() + ": " + path + " takes "
            + method);
      } else {
        answer(exchange);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "failed to answer " + exchange.getRequestMethod() + " "
          + exchange.getRequestURI(), e);
      json.sendError(exchange, 500, "internal error: the server's log has the details");
    } finally {
      exchange.close();
    }
  }
}
