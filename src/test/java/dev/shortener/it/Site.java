package dev.shortener.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A visitor of the deployed shortener: plain HTTP, cookies kept, redirects not followed. */
final class Site {

  private static final Pattern SHORT_URL =
      Pattern.compile("id=\"short-url\"[^>]*value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http;

  Site(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> head(String path) {
    return send(
        HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  /** Posts a Faces form the way a browser does: fields, the button, the stateless view state. */
  HttpResponse<String> submit(String path, String form, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(form, form);
    fields.forEach((name, value) -> all.put(form + ":" + name, value));
    all.put(form + ":submit", "submit");
    all.put("jakarta.faces.ViewState", "stateless");
    String body =
        all.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Shortens {@code url} through the home page form and returns the response. */
  HttpResponse<String> shorten(String url) {
    return submit("/index.xhtml", "shorten", Map.of("url", url));
  }

  /** Shortens {@code url} through the form and returns the short link shown. */
  String shortLinkOf(String url) {
    HttpResponse<String> page = shorten(url);
    Matcher matcher = SHORT_URL.matcher(page.body());
    if (page.statusCode() != 200 || !matcher.find()) {
      throw new AssertionError(
          "No short link for " + url + ": " + page.statusCode() + "\n" + page.body());
    }
    return matcher.group(1);
  }

  HttpResponse<String> login(String user, String password) {
    return submit("/login", "login", Map.of("username", user, "password", password));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
