package dev.shortener.api;

import static dev.shortener.api.ApiJson.JSON;

import dev.shortener.apikeys.boundary.ApiKeys;
import dev.shortener.apikeys.entity.ApiKey;
import dev.shortener.platform.Setting;
import dev.shortener.web.RateLimiter;
import dev.shortener.web.RetryAfter;
import dev.shortener.web.TrustedProxy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Stands in front of every {@code /rest/*} request, before Jakarta REST: CORS (a preflight is
 * answered here, without a key), the headers every answer carries, the body's size, and who is
 * calling: a key in {@code X-Api-Key} (as Shlink's clients send it) or {@code Authorization:
 * Bearer}. A missing or invalid key is 401, never a session or a cookie; health and the OpenAPI
 * document need none.
 *
 * <p>Rate limits: each key may make {@code SHORTENER_API_REQUESTS_PER_MINUTE} requests, each client
 * address {@code SHORTENER_API_FAILURES_PER_MINUTE} with a missing or wrong key; beyond either, 429
 * with {@code Retry-After}.
 */
public class ApiGate extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ApiGate.class.getName());

  /** The paths that need no key: health and the API's description. */
  private static final Pattern OPEN =
      Pattern.compile("/rest/(v[123]/)?health/?|/rest/openapi\\.json");

  /** Header names a preflight may ask for, echoed back only when they are no more than that. */
  private static final Pattern HEADER_NAMES =
      Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~, -]{1,500}");

  /** Every method the API has, for a preflight. */
  static final String METHODS = "GET,POST,PUT,PATCH,DELETE";

  @Inject transient ApiKeys keys;
  @Inject transient TrustedProxy proxy;

  private transient RateLimiter perKey;
  private transient RateLimiter failures;
  private transient List<String> origins;

  @Override
  public void init() {
    perKey =
        RateLimiter.of(Setting.API_REQUESTS_PER_MINUTE.intValue(), Duration.ofMinutes(1))
            .keys(10_000)
            .build();
    failures =
        RateLimiter.of(Setting.API_FAILURES_PER_MINUTE.intValue(), Duration.ofMinutes(1)).build();
    origins = Setting.API_CORS_ORIGINS.listValue();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    boolean cors = allowOrigin(request, response);
    if ("OPTIONS".equals(request.getMethod())) {
      preflight(request, response, cors);
      return;
    }
    if (request.getContentLengthLong() > JsonBody.MAX_BYTES) {
      send(response, JsonBody.tooLarge());
      return;
    }
    if (isOpen(request)) {
      chain.doFilter(request, response);
      return;
    }
    String secret = presentedKey(request);
    Optional<ApiKey> key = secret == null ? Optional.empty() : keys.recognise(secret);
    if (key.isEmpty()) {
      Duration wait = failures.take(proxy.clientOf(request).key());
      if (!wait.isZero()) {
        tooMany(response, wait, "Too many requests without a valid API key from this address.");
      } else if (secret == null) {
        send(
            response,
            ApiProblem.of(
                    401,
                    "missing-authentication",
                    "Invalid authorization",
                    "Expected one of the following authentication headers, [\"X-Api-Key\"], but"
                        + " none were provided")
                .with("expectedHeaders", JSON.createArrayBuilder().add("X-Api-Key").build())
                .build());
      } else {
        LOG.info(
            () ->
                "Refused an unknown, expired or revoked API key from "
                    + proxy.clientOf(request).text());
        send(
            response,
            ApiProblem.of(
                    401,
                    "invalid-api-key",
                    "Invalid API key",
                    "Provided API key does not exist or is invalid.")
                .build());
      }
      return;
    }
    Duration wait = perKey.take(Long.toString(key.get().id()));
    if (!wait.isZero()) {
      tooMany(response, wait, "This API key made too many requests.");
      return;
    }
    request.setAttribute(Caller.KEY, key.get());
    chain.doFilter(request, response);
  }

  /** {@code X-Api-Key}, else a bearer token; null when neither is there. */
  static String presentedKey(HttpServletRequest request) {
    String key = request.getHeader("X-Api-Key");
    if (key == null || key.isBlank()) {
      String authorization = request.getHeader("Authorization");
      key =
          authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
              ? authorization.substring(7)
              : null;
    }
    return key == null || key.isBlank() ? null : key.strip();
  }

  /** Health and the API's description need no key. */
  private static boolean isOpen(HttpServletRequest request) {
    // From the URI: the servlet the container put Jakarta REST under differs between servers.
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return OPEN.matcher(path).matches();
  }

  /** Adds the CORS headers when the request comes from an allowed origin; whether it does. */
  private boolean allowOrigin(HttpServletRequest request, HttpServletResponse response) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    if (origins.contains("*")) {
      response.setHeader("Access-Control-Allow-Origin", "*");
      return true;
    }
    response.addHeader("Vary", "Origin");
    if (origins.contains(origin)) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      return true;
    }
    return false;
  }

  private static void preflight(
      HttpServletRequest request, HttpServletResponse response, boolean cors) {
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    response.setHeader("Allow", METHODS);
    if (cors) {
      response.setHeader("Access-Control-Allow-Methods", METHODS);
      String asked = request.getHeader("Access-Control-Request-Headers");
      if (asked != null && HEADER_NAMES.matcher(asked).matches()) {
        response.setHeader("Access-Control-Allow-Headers", asked);
      }
      response.setHeader("Access-Control-Max-Age", "3600");
    }
  }

  private static void tooMany(HttpServletResponse response, Duration wait, String detail)
      throws IOException {
    response.setHeader("Retry-After", Long.toString(RetryAfter.seconds(wait)));
    send(
        response,
        ApiProblem.of(
                429,
                "too-many-requests",
                "Too many requests",
                detail + " Try again in " + RetryAfter.inWords(wait) + ".")
            .build());
  }

  private static void send(HttpServletResponse response, ApiProblem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType(ApiProblem.MEDIA_TYPE);
    byte[] body = problem.json().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
