package dev.shortener.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor of the deployed shortener: plain HTTP, cookies kept, redirects not followed.
 *
 * <p>The test servers trust {@code X-Forwarded-For} (pom.xml sets {@code SHORTENER_TRUST_PROXY}),
 * and each visitor sends an address of its own, so that the per-client limits of one test never
 * reach into another.
 */
final class Site {

  private static final Pattern SHORT_URL =
      Pattern.compile("id=\"short-url\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

  private final URI base;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();
  private String address;

  /** The form token of the admin's session, once this visitor has signed in. */
  private String sessionToken;

  Site(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    this.address = "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  /** This visitor, from now on coming from {@code address}. */
  Site from(String address) {
    this.address = address;
    return this;
  }

  /** The address this visitor's requests come from, as the trusted proxy says. */
  String address() {
    return address;
  }

  /** The form token of the signed-in admin's session. */
  String sessionToken() {
    if (sessionToken == null) {
      throw new IllegalStateException("not signed in");
    }
    return sessionToken;
  }

  /** The value of cookie {@code name} this visitor holds, if any. */
  Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /**
   * The address of {@code path} on the server, taken literally: {@code //evil.example/x} stays a
   * path of this server rather than naming another host as URI resolution would.
   */
  URI uri(String path) {
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /** A GET whose answer is kept as bytes, for downloads such as a backup's zip. */
  HttpResponse<byte[]> download(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(uri(path))
              .header("X-Forwarded-For", address)
              .timeout(Duration.ofSeconds(60))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Any method, with an optional body and headers. */
  HttpResponse<String> request(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /** A raw form post of {@code body}, as a careless or hostile client sends it. */
  HttpResponse<String> post(String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /**
   * A browser's multipart post of a file input {@code file} ({@code name}, {@code content}) and
   * plain {@code fields}, as the import page's upload form sends it.
   */
  HttpResponse<String> upload(
      String path, String name, byte[] content, Map<String, String> fields) {
    String boundary = "----shortener-it-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (field, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + field
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  HttpResponse<String> head(String path) {
    return send(
        HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  /** Posts a Faces form the way a browser does: fields, the button, the stateless view state. */
  HttpResponse<String> submit(String path, String form, Map<String, String> fields) {
    return submit(path, form, fields, Map.of());
  }

  /** Posts a Faces form with fields outside the form's naming ({@code csrf}, {@code next}). */
  HttpResponse<String> submit(
      String path, String form, Map<String, String> fields, Map<String, String> plain) {
    return submit(path, form, "submit", fields, plain);
  }

  /** Posts a Faces form as a press of its button {@code button}. */
  HttpResponse<String> submit(
      String path,
      String form,
      String button,
      Map<String, String> fields,
      Map<String, String> plain) {
    Map<String, String> all = new LinkedHashMap<>(plain);
    all.put(form, form);
    fields.forEach((name, value) -> all.put(form + ":" + name, value));
    all.put(form + ":" + button, button);
    all.put("jakarta.faces.ViewState", "stateless");
    return post(path, formBody(all));
  }

  static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** The form token a page carries, for the forms that need one. */
  static String csrfOf(HttpResponse<String> page) {
    Matcher token = CSRF.matcher(page.body());
    if (!token.find()) {
      throw new AssertionError("No form token on " + page.uri() + ":\n" + page.body());
    }
    return token.group(1);
  }

  /** Shortens {@code url} through the home page form and returns the response. */
  HttpResponse<String> shorten(String url) {
    return submit(
        "/index.xhtml",
        "shorten",
        Map.of("url", url),
        sessionToken == null ? Map.of() : Map.of("csrf", sessionToken));
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

  /** Opens the login page, as a browser that was sent there, and signs in with its form. */
  HttpResponse<String> login(String user, String password) {
    return login(user, password, null);
  }

  /** Signs in from the login page for {@code next}, the admin page asked for (or none). */
  HttpResponse<String> login(String user, String password, String next) {
    HttpResponse<String> page = get(next == null ? "/login" : "/login?next=" + encode(next));
    Map<String, String> plain = new LinkedHashMap<>();
    plain.put("csrf", csrfOf(page));
    Matcher asked = Pattern.compile("name=\"next\" value=\"([^\"]*)\"").matcher(page.body());
    if (asked.find()) {
      plain.put("next", asked.group(1).replace("&amp;", "&"));
    }
    HttpResponse<String> signedIn =
        submit("/login", "login", Map.of("username", user, "password", password), plain);
    if (signedIn.statusCode() == 302) {
      sessionToken = csrfOf(get("/stats"));
    }
    return signedIn;
  }

  /** Signs out with the logout button of an admin page. */
  HttpResponse<String> logout() {
    HttpResponse<String> stats = get("/stats");
    HttpResponse<String> signedOut =
        submit("/stats", "logout", Map.of(), Map.of("csrf", csrfOf(stats)));
    sessionToken = null;
    return signedOut;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.header("X-Forwarded-For", address).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
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
