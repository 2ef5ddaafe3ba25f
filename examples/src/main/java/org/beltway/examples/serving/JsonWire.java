package org.beltway.examples.serving;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The service's JSON, one configured Jackson mapper for both directions. Requests are read strictly: a
 * missing or null field, an unknown one, a number in quotes, a fraction where an integer belongs or
 * anything after the object is an error, not a silent 0 or a guess, so a caller's bug shows at once as
 * a 400 naming the field.
 */
final class JsonWire {
  static final String CONTENT_TYPE = "application/json; charset=utf-8";
  /** Jackson's location inside a message, {@code [Source: REDACTED (…); line: 1, column: 9]}. */
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
  /** A Java type named with its package or owner, {@code java.util.ArrayList}, {@code Outer$Inner}. */
  private static final Pattern QUALIFIED = Pattern.compile(
      "\\b(?:[a-z_]\\w*\\.)+(?:[A-Z]\\w*\\$)*([A-Z]\\w*)");
  private static final Pattern MISSING =
      Pattern.compile("Missing (?:required )?creator property '(\\w+)'.*");
  private static final Pattern NULL = Pattern.compile("Null value for creator property '(\\w+)'.*");
  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
          DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
          DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
      .build();

  /**
   * A request body as a value of {@code type}.
   *
   * @throws JsonProcessingException if the body is not JSON or not of that shape ({@link #describe})
   */
  <T> T read(byte[] body, Class<T> type) throws IOException {
    return mapper.readValue(body, type);
  }

  /** Sends {@code body} as JSON with the given status and closes the exchange's body. */
  void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = mapper.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends {@code {"error": message}} with the given status. */
  void sendError(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, new ErrorReply(message));
  }

  /**
   * What was wrong with a request body, for its caller: where ({@code candidates[2].relevance}, or the
   * line and column when the JSON itself is broken) and what, without Jackson's class names.
   */
  static String describe(JsonProcessingException e) {
    return plain(located(e));
  }

  /** Jackson's text without its source descriptions, settings and packages: a caller wrote none of them. */
  static String plain(String message) {
    String s = SOURCE.matcher(message).replaceAll("line $1, column $2");
    s = MISSING.matcher(s).replaceAll("missing field '$1': every field is required");
    s = NULL.matcher(s).replaceAll("field '$1' is null: expected a value");
    return QUALIFIED.matcher(s).replaceAll("$1");
  }

  private static String located(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return String.format(Locale.ROOT, "malformed request: unknown field %s: expected one of %s", path(u),
          u.getKnownPropertyIds());
    }
    String original = e.getOriginalMessage();
    if (MISSING.matcher(original).find() || NULL.matcher(original).find()) {
      return "malformed request: " + original;
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null
        && !(e instanceof InvalidDefinitionException)) {
      return "malformed request: " + (m.getPath().isEmpty() ? "" : path(m) + ": ") + "expected "
          + shape(m.getTargetType());
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return "malformed request: " + path(m) + ": " + e.getOriginalMessage();
    }
    JsonLocation at = e.getLocation();
    return at == null ? "malformed request: " + e.getOriginalMessage()
        : String.format(Locale.ROOT, "malformed request at line %d, column %d: %s", at.getLineNr(),
            at.getColumnNr(), e.getOriginalMessage());
  }

  /** What a JSON value of a Java type looks like, in the caller's words. */
  private static String shape(Class<?> type) {
    if (type == long.class || type == int.class || type == short.class || type == Long.class
        || type == Integer.class || type == Short.class) {
      return "an integer";
    }
    if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    return Collection.class.isAssignableFrom(type) || type.isArray() ? "an array" : "an object";
  }

  /** A field's path in the request, e.g. {@code candidates[2].relevance}; {@code $} for the top. */
  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.length() == 0 ? "$" : b.toString();
  }
}
