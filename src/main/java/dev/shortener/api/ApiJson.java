package dev.shortener.api;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider the API builds and reads JSON with. {@code JSON.createObjectBuilder()}
 * and its siblings look the provider up with a {@code ServiceLoader} on every call; a short URL's
 * answer made a dozen such calls, which bench/run.sh measured at several times the cost of creating
 * the link itself.
 */
public final class ApiJson {

  /** Found once, at the first use of the API. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private ApiJson() {}
}
