package dev.shortener.links.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A short link's query string on its way to the destination ({@code GET /code?utm_source=x} to
 * {@code https://example.com/page?utm_source=x}), for links that forward it. The destination's own
 * parameters stay in their order; a parameter the request names again takes the request's values
 * (the visitor's campaign wins over the stored one); the request's other parameters follow; a
 * fragment stays at the end. Parameters are moved as they were encoded, never decoded.
 */
public final class QueryForwarding {

  private QueryForwarding() {}

  /** {@code location} with the request's {@code query} (raw, without {@code ?}) merged in. */
  public static String merge(String location, String query) {
    if (query == null || query.isEmpty()) {
      return location;
    }
    int hash = location.indexOf('#');
    String fragment = hash < 0 ? "" : location.substring(hash);
    String base = hash < 0 ? location : location.substring(0, hash);
    int mark = base.indexOf('?');
    String path = mark < 0 ? base : base.substring(0, mark);
    List<String> own = mark < 0 ? List.of() : parameters(base.substring(mark + 1));
    List<String> given = parameters(query);
    Set<String> named = new LinkedHashSet<>();
    given.forEach(parameter -> named.add(name(parameter)));
    List<String> merged = new ArrayList<>();
    for (String parameter : own) {
      if (!named.contains(name(parameter))) {
        merged.add(parameter);
      }
    }
    merged.addAll(given);
    return merged.isEmpty() ? path + fragment : path + "?" + String.join("&", merged) + fragment;
  }

  private static List<String> parameters(String query) {
    List<String> parameters = new ArrayList<>();
    for (String parameter : query.split("&")) {
      if (!parameter.isEmpty()) {
        parameters.add(parameter);
      }
    }
    return parameters;
  }

  private static String name(String parameter) {
    int equals = parameter.indexOf('=');
    return equals < 0 ? parameter : parameter.substring(0, equals);
  }
}
