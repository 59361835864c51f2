package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.control.ShortCodes;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a browser sees of the deployed WAR, over plain HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebIT {

  private static final String PASSWORD = System.getProperty("it.admin.password");
  private static final ShortCodes CODES = new ShortCodes(System.getProperty("it.hashids.salt"), 4);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  private Site site;

  @BeforeEach
  void visit() throws Exception {
    site = new Site(base.toURI());
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID();
  }

  private static String codeOf(String shortLink) {
    return shortLink.substring(shortLink.lastIndexOf('/') + 1);
  }

  @Test
  void homePageShowsTheFormWithoutStartingASession() {
    HttpResponse<String> home = site.get("/");
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("URL to shorten"), home.body());
    assertTrue(home.body().contains("value=\"Shorten\""));
    assertTrue(
        home.headers().firstValue("Set-Cookie").isEmpty(), "anonymous visitors get no session");
    assertFalse(home.body().contains("jsessionid"));
  }

  @Test
  void formCreatesALinkThatRedirectsToTheExactUrl() {
    String url = unique("https://example.com/search?q=a+b&lang=en&x=%2F&id=");
    String shortLink = site.shortLinkOf(url);
    assertTrue(shortLink.startsWith(base.toString()), shortLink);
    assertTrue(shortLink.matches(".*/[0-9A-Za-z]{4,}"), shortLink);

    HttpResponse<String> redirect = site.get(URI.create(shortLink).getPath());
    assertEquals(302, redirect.statusCode());
    assertEquals(url, redirect.headers().firstValue("Location").orElseThrow());

    HttpResponse<String> head = site.head(URI.create(shortLink).getPath());
    assertEquals(302, head.statusCode());
    assertEquals(url, head.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void nonAsciiUrlsArriveIntact() {
    String tag = UUID.randomUUID().toString();
    String url = "https://example.com/ünï/päth?q=ä&tag=" + tag + "#frag";
    HttpResponse<String> page = site.shorten(url);
    assertTrue(
        page.body().contains(url.replace("&", "&amp;")), "the page repeats the URL as typed");
    String shortLink = site.shortLinkOf(url);
    HttpResponse<String> redirect = site.get(URI.create(shortLink).getPath());
    assertEquals(302, redirect.statusCode());
    assertEquals(
        "https://example.com/%C3%BCn%C3%AF/p%C3%A4th?q=%C3%A4&tag=" + tag + "#frag",
        redirect.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void invalidInputShowsTheReasonAndStoresNothing() {
    site.login("admin", PASSWORD);
    long before = totalLinks();
    assertRefused("", "The URL is required!");
    assertRefused(
        "javascript:alert(1)",
        "Only web addresses starting with http:// or https:// can be shortened.");
    assertRefused("https://example.com/" + "a".repeat(2048), "The URL is too long");
    assertRefused("https://example.com/a\u0001b", "The URL contains control characters.");
    assertRefused(
        site.shortLinkOf(unique("https://example.com/loop/")),
        "That is already a short link of this site.");
    assertEquals(before + 1, totalLinks(), "only the one valid link was stored");
  }

  private void assertRefused(String url, String message) {
    HttpResponse<String> page = site.shorten(url);
    assertEquals(200, page.statusCode());
    Matcher error = Pattern.compile("id=\"url-error\"[^>]*>([^<]*)<").matcher(page.body());
    assertTrue(error.find(), page.body());
    assertTrue(error.group(1).contains(message), error.group(1));
    assertFalse(page.body().contains("id=\"short-url\""));
  }

  @Test
  void unknownAndInvalidCodesGetAFriendlyNotFoundPage() {
    HttpResponse<String> unknown = site.get("/" + CODES.encode(4_000_000_000L));
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("URL not found"), unknown.body());
    assertTrue(unknown.body().contains("navbar"), "in the site's look");

    for (String odd : new String[] {"/zzzzzz", "/0", "/" + "Z".repeat(300), "/a.b", "/x/y"}) {
      HttpResponse<String> page = site.get(odd);
      assertEquals(404, page.statusCode(), odd);
      assertTrue(page.body().contains("navbar"), odd);
      assertFalse(page.body().contains("Exception"), odd);
    }
    assertTrue(site.get("/zzzzzz").body().contains("Invalid URL"));
  }

  /** The container refuses an encoded NUL before the application sees it; no trace leaks. */
  @Test
  void malformedPathsAreRefusedWithoutDetail() {
    HttpResponse<String> page = site.get("/AAAA%00");
    assertEquals(400, page.statusCode());
    assertFalse(page.body().contains("Exception"), page.body());
    assertFalse(page.body().contains("at dev.shortener"), page.body());
  }

  @Test
  void redirectServletShadowsNoPageOrAsset() {
    assertEquals(200, site.get("/index.xhtml").statusCode());
    assertEquals(200, site.get("/login").statusCode());
    assertEquals(302, site.get("/stats").statusCode());
    HttpResponse<String> css = site.get("/webjars/bootstrap/5.3.3/css/bootstrap.min.css");
    assertEquals(200, css.statusCode());
    assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    assertEquals(200, site.get("/css/app.css").statusCode());
    assertEquals(200, site.get("/js/app.js").statusCode());
    assertEquals(404, site.get("/WEB-INF/web.xml").statusCode());
  }

  @Test
  void qrCodesAreDrawnOnlyForExistingLinks() {
    String code = codeOf(site.shortLinkOf(unique("https://example.com/qr/")));
    HttpResponse<String> qr = site.get("/qr/" + code + ".svg");
    assertEquals(200, qr.statusCode());
    assertEquals("image/svg+xml", qr.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    // No SHORTENER_BASE_URL here: the image draws the request's Host, so no shared cache may keep
    // it.
    assertEquals(
        "private, max-age=2592000", qr.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals("Host", qr.headers().firstValue("Vary").orElseThrow());
    assertTrue(qr.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), qr.body());
    assertTrue(qr.headers().firstValue("Set-Cookie").isEmpty(), "no session for an image");

    for (String odd :
        new String[] {
          "/qr/" + CODES.encode(4_000_000_000L) + ".svg",
          "/qr/zzzzzz.svg",
          "/qr/" + code + ".png",
          "/qr/" + code,
          "/qr/",
          "/qr/a/" + code + ".svg"
        }) {
      HttpResponse<String> page = site.get(odd);
      assertEquals(404, page.statusCode(), odd);
      assertFalse(page.body().contains("Exception"), odd);
    }
  }

  @Test
  void statsAreClosedToStrangersAndToWrongPasswords() {
    HttpResponse<String> anonymous = site.get("/stats");
    assertEquals(302, anonymous.statusCode());
    assertTrue(
        anonymous.headers().firstValue("Location").orElseThrow().endsWith("/login?next=%2Fstats"));
    assertEquals(302, site.get("/stats.xhtml").statusCode());

    HttpResponse<String> wrong = site.login("admin", "not-" + PASSWORD);
    assertEquals(200, wrong.statusCode());
    assertTrue(wrong.body().contains("Wrong user name or password."));
    assertEquals(302, site.get("/stats").statusCode());

    HttpResponse<String> wrongUser = site.login("root", PASSWORD);
    assertTrue(wrongUser.body().contains("Wrong user name or password."));
    assertEquals(302, site.get("/stats").statusCode());
  }

  @Test
  void signingInContinuesToTheAdminPageAskedFor() {
    HttpResponse<String> asked = site.get("/stats?page=2");
    assertEquals(302, asked.statusCode());
    String loginPage = asked.headers().firstValue("Location").orElseThrow();
    assertTrue(loginPage.endsWith("/login?next=%2Fstats%3Fpage%3D2"), loginPage);

    HttpResponse<String> login = site.login("admin", PASSWORD, "/stats?page=2");
    assertEquals(302, login.statusCode());
    assertTrue(login.headers().firstValue("Location").orElseThrow().endsWith("/stats?page=2"));
    assertEquals(200, site.get("/stats?page=2").statusCode());
  }

  @Test
  void adminSeesEachLinkWithItsClicksAndCanLogOut() throws InterruptedException {
    String url = unique("https://example.com/counted/");
    String path = URI.create(site.shortLinkOf(url)).getPath();
    for (int i = 0; i < 3; i++) {
      assertEquals(302, site.get(path).statusCode());
    }
    HttpResponse<String> head = site.head(path);
    assertEquals(302, head.statusCode());
    assertEquals(url, head.headers().firstValue("Location").orElseThrow());

    HttpResponse<String> login = site.login("admin", PASSWORD);
    assertEquals(302, login.statusCode());
    assertTrue(login.headers().firstValue("Location").orElseThrow().endsWith("/stats"));

    long clicks = -1;
    for (int attempt = 0; attempt < 300 && clicks < 3; attempt++) {
      Thread.sleep(100);
      clicks = clicksOf(url);
    }
    assertEquals(3, clicks, "three GETs counted within the flush interval");
    // Two more flush intervals: a HEAD counted late would show up now.
    Thread.sleep(2_000);
    assertEquals(3, clicksOf(url), "the HEAD never counted");

    HttpResponse<String> stats = site.get("/stats");
    assertTrue(stats.body().contains(codeOf(path)), "the short link is listed");
    assertTrue(stats.body().contains("Log out"));

    HttpResponse<String> logout = site.logout();
    assertEquals(302, logout.statusCode());
    assertEquals(302, site.get("/stats").statusCode(), "closed again after logout");
  }

  /** Clicks of {@code url} on the stats pages, or -1 when not listed; the caller is logged in. */
  private long clicksOf(String url) {
    Pattern row =
        Pattern.compile(
            "title=\""
                + Pattern.quote(url)
                + "\"[^<]*>[^<]*</a></td>\\s*<td class=\"text-end clicks\">(\\d+)</td>");
    for (int page = 1; page <= 20; page++) {
      HttpResponse<String> stats = site.get("/stats?page=" + page);
      assertEquals(200, stats.statusCode());
      Matcher matcher = row.matcher(stats.body());
      if (matcher.find()) {
        return Long.parseLong(matcher.group(1));
      }
      if (!stats.body().contains("Page " + page + " of")
          || stats.body().contains("Page " + page + " of " + page + "<")) {
        return -1;
      }
    }
    return -1;
  }

  private long totalLinks() {
    HttpResponse<String> stats = site.get("/stats");
    assertEquals(200, stats.statusCode(), "logged in");
    Matcher matcher = Pattern.compile("(\\d+) links, most clicked first").matcher(stats.body());
    assertTrue(matcher.find(), stats.body());
    return Long.parseLong(matcher.group(1));
  }
}
