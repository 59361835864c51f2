package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The signed-in admin, for tests that need to see what was stored. */
final class Admin {

  static final String PASSWORD = System.getProperty("it.admin.password");

  private static final Pattern TOTAL = Pattern.compile("(\\d+) links, most clicked first");

  final Site site;

  private Admin(Site site) {
    this.site = site;
  }

  /** The admin signed in on {@code site}. */
  static Admin of(Site site) {
    return new Admin(site);
  }

  /** Signs in on the server at {@code base}. */
  static Admin signIn(URI base) {
    Site site = new Site(base);
    HttpResponse<String> login = site.login("admin", PASSWORD);
    assertEquals(302, login.statusCode(), login.body());
    return new Admin(site);
  }

  /** How many links the stats count. */
  long totalLinks() {
    HttpResponse<String> stats = site.get("/stats");
    assertEquals(200, stats.statusCode(), "signed in");
    Matcher matcher = TOTAL.matcher(stats.body());
    assertTrue(matcher.find(), stats.body());
    return Long.parseLong(matcher.group(1));
  }

  /**
   * Creates a link with the new-link page's {@code fields} ({@code url}, {@code alias}, ...; a
   * checkbox as {@code "on"}) and returns the answer: a redirect to the link's page, or the page
   * again with the refusals.
   */
  HttpResponse<String> create(Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("redirectType", "302");
    all.putAll(fields);
    return site.submit(
        "/admin/links/new", "link", "create", all, Map.of("csrf", site.sessionToken()));
  }

  /** Creates a link and returns its key (alias or code); fails if it was refused. */
  String createLink(Map<String, String> fields) {
    HttpResponse<String> created = create(fields);
    assertEquals(302, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    Matcher key = Pattern.compile("key=([^&]+)").matcher(location);
    assertTrue(key.find(), location);
    return URLDecoder.decode(key.group(1), StandardCharsets.UTF_8);
  }

  /** The link's page. */
  HttpResponse<String> page(String key) {
    return site.get("/admin/link?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
  }

  /**
   * Posts the edit form of link {@code key} with {@code fields} in place of the page's own values
   * (every other field as the page shows it, as a browser would send it).
   */
  HttpResponse<String> edit(String key, Map<String, String> fields) {
    HttpResponse<String> page = page(key);
    Map<String, String> form = new LinkedHashMap<>(formValues(page.body()));
    form.putAll(fields);
    return site.submit(
        "/admin/link", "link", "save", form, Map.of("csrf", site.sessionToken(), "key", key));
  }

  /** Presses one of the action buttons ({@code toggle}, {@code delete}) of link {@code key}. */
  HttpResponse<String> act(String form, String button, String key) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("csrf", site.sessionToken());
    body.put("key", key);
    body.put(form, form);
    body.put(form + ":" + button, button);
    body.put("jakarta.faces.ViewState", "stateless");
    return site.post("/admin/link", Site.formBody(body));
  }

  /** The values the edit form of a link's page shows, by field name. */
  static Map<String, String> formValues(String page) {
    Map<String, String> values = new LinkedHashMap<>();
    Matcher input = Pattern.compile("<input id=\"link:(\\w+)\"[^>]*>").matcher(page);
    while (input.find()) {
      String tag = input.group();
      Matcher value = Pattern.compile(" value=\"([^\"]*)\"").matcher(tag);
      if (tag.contains("type=\"checkbox\"")) {
        if (tag.contains("checked")) {
          values.put(input.group(1), "on");
        }
      } else if (!tag.contains("type=\"password\"") && !tag.contains("type=\"submit\"")) {
        values.put(input.group(1), value.find() ? unescape(value.group(1)) : "");
      }
    }
    Matcher select =
        Pattern.compile(
                "<select id=\"link:(\\w+)\".*?<option value=\"([^\"]*)\" selected", Pattern.DOTALL)
            .matcher(page);
    while (select.find()) {
      values.put(select.group(1), select.group(2));
    }
    return values;
  }

  private static String unescape(String html) {
    return html.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
  }
}
