package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
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
}
