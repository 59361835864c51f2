package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program calling the REST API with one key, as Shlink's clients do ({@code X-Api-Key}), from an
 * address of its own ({@code X-Forwarded-For}; the test servers trust it) so that the limits of one
 * test do not reach another's.
 */
final class Api {

  /** The admin key the test servers start with (pom.xml: SHORTENER_INITIAL_API_KEY). */
  static final String INITIAL_KEY = System.getProperty("it.api.key");

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  final URI base;
  final String key;
  final String address;

  Api(URI base, String key) {
    this.base = base;
    this.key = key;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    this.address = "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  /** A caller with the same key from another address. */
  Api withKey(String other) {
    return new Api(base, other);
  }

  /**
   * Makes a key of {@code scope} through the admin's page, as a person would, and returns a caller
   * with it.
   */
  static Api withNewKey(URI base, String scope) {
    Admin admin = Admin.signIn(base);
    HttpResponse<String> made =
        admin.site.submit(
            "/admin/keys",
            "key",
            "create",
            Map.of("name", "test " + scope, "scope", scope, "expires", ""),
            Map.of("csrf", admin.site.sessionToken()));
    assertEquals(200, made.statusCode(), made.body());
    Matcher secret = Pattern.compile("id=\"secret\"[^>]*value=\"([^\"]+)\"").matcher(made.body());
    assertTrue(secret.find(), made.body());
    return new Api(base, secret.group(1));
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  HttpResponse<String> send(String method, String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Forwarded-For", address)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      request.header("X-Api-Key", key);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The JSON object an answer carries. */
  static JsonObject json(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    } catch (RuntimeException notJson) {
      throw new AssertionError("Not a JSON object: " + response.body(), notJson);
    }
  }

  /**
   * Asserts that {@code response} is Shlink's problem of {@code status} and {@code type} (the part
   * after {@code https://shlink.io/api/error/}), and returns it.
   */
  static JsonObject problem(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
    JsonObject problem = json(response);
    assertEquals("https://shlink.io/api/error/" + type, problem.getString("type"));
    assertEquals(status, problem.getInt("status"));
    assertTrue(!problem.getString("title").isBlank() && !problem.getString("detail").isBlank());
    return problem;
  }

  /** Whether member {@code name} of {@code json} is there and null. */
  static boolean isNull(JsonObject json, String name) {
    return json.containsKey(name) && json.get(name).getValueType() == JsonValue.ValueType.NULL;
  }
}
