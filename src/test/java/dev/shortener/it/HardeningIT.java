package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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

/**
 * What an attacker or a careless client sends: garbage form posts, huge bodies, URLs that must not
 * be stored, odd paths and every method on the admin pages. Each answer is a clear 4xx in the
 * site's look, nothing is stored, and the server keeps serving.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HardeningIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  private Site site;
  private Admin admin;

  @BeforeEach
  void visit() throws Exception {
    site = new Site(base.toURI());
    admin = Admin.signIn(base.toURI());
  }

  private void assertSitePage(HttpResponse<String> page, int status, String what) {
    assertEquals(status, page.statusCode(), what + ": " + page.body());
    assertTrue(page.body().contains("class=\"navbar"), what + ": the site's look");
    assertFalse(page.body().contains("Exception"), what);
    assertFalse(page.body().contains("at dev.shortener"), what);
    assertFalse(page.body().contains("at jakarta."), what);
  }

  private void assertStillServing() {
    assertEquals(200, site.get("/").statusCode(), "the server keeps serving");
  }

  @Test
  void formPostsWithoutTheirHiddenFieldsAreBadRequests() {
    long before = admin.totalLinks();
    String url = Site.formBody(Map.of("shorten:url", "https://example.com/" + UUID.randomUUID()));
    Map<String, String> bodies =
        Map.of(
            "no view state", "shorten=shorten&shorten:submit=Shorten&" + url,
            "garbled view state",
                "shorten=shorten&shorten:submit=Shorten&jakarta.faces.ViewState=%00%ff%fe&" + url,
            "empty view state",
                "shorten=shorten&shorten:submit=Shorten&jakarta.faces.ViewState=&" + url,
            "another view state",
                "shorten=shorten&shorten:submit=Shorten&jakarta.faces.ViewState=-1234:5678&" + url,
            "two view states",
                "shorten=shorten&jakarta.faces.ViewState=stateless&jakarta.faces.ViewState=x&"
                    + url,
            "no fields at all", "",
            "not a form", "%%%&&&===");
    bodies.forEach(
        (what, body) -> {
          for (String path : List.of("/", "/index.xhtml", "/login")) {
            HttpResponse<String> page = site.post(path, body);
            assertSitePage(page, 400, what + " to " + path);
            assertTrue(page.body().contains("The form sent could not be understood."), what);
          }
        });
    assertEquals(before, admin.totalLinks(), "nothing stored");
    assertStillServing();
  }

  @Test
  void bodiesLargerThanAFormNeedAreRefused() {
    long before = admin.totalLinks();
    String eightMegabytes = "shorten:url=" + "a".repeat(8 * 1024 * 1024);
    for (String path : List.of("/", "/index.xhtml", "/login")) {
      HttpResponse<String> page = site.post(path, eightMegabytes);
      assertSitePage(page, 413, "8 MB to " + path);
      assertTrue(page.body().contains("The form sent was too large"), page.body());
    }
    assertSitePage(site.post("/", "x=" + "b".repeat(65 * 1024)), 413, "65 KB");
    assertEquals(
        200,
        site.submit("/", "shorten", Map.of("url", "https://example.com/" + "c".repeat(2000)))
            .statusCode(),
        "the largest real form passes");
    assertEquals(before + 1, admin.totalLinks(), "only the real form stored a link");
    assertStillServing();
  }

  @Test
  void aPostThatDoesNotSayItsLengthIsRefused() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(base.toURI().resolve("/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", site.address())
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("shorten:url=x".getBytes())))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertSitePage(page, 411, "a chunked post");
    assertStillServing();
  }

  private String refusal(String url) {
    HttpResponse<String> page = site.shorten(url);
    assertEquals(200, page.statusCode(), url);
    Matcher error = Pattern.compile("id=\"url-error\"[^>]*>([^<]*)<").matcher(page.body());
    assertTrue(error.find(), page.body());
    assertFalse(page.body().contains("id=\"short-url\""), url);
    return error.group(1).strip();
  }

  @Test
  void everyRuleRefusesWithItsOwnMessageAndStoresNothing() {
    long before = admin.totalLinks();
    Map<String, String> refused =
        Map.ofEntries(
            Map.entry("", "The URL is required!"),
            Map.entry(
                "javascript:alert(1)",
                "Only web addresses starting with http:// or https:// can be shortened."),
            Map.entry(
                "data:text/html,hi",
                "Only web addresses starting with http:// or https:// can be shortened."),
            Map.entry("https://example.com/a\u0001b", "The URL contains control characters."),
            Map.entry(
                "https://example.com/a b",
                "The URL contains spaces; encode them as %20 or remove them."),
            Map.entry(
                "https://user:pw@example.com/",
                "URLs with a user name or password are not accepted: they are a common phishing trick."),
            Map.entry(
                "https://example.com/" + "a".repeat(2048),
                "The URL is too long: 2068 characters, at most 2,048 are allowed."),
            Map.entry(
                "http://example.org:99999/",
                "The port of the URL must be a number from 1 to 65535."),
            Map.entry(
                "https://" + "a".repeat(64) + ".example/é",
                "The host name of the URL is not valid."),
            Map.entry(
                "http://127.0.0.1/admin",
                "Links to this computer or to private network addresses are not accepted."),
            Map.entry(
                "http://localhost:8080/",
                "Links to this computer or to private network addresses are not accepted."),
            Map.entry(
                "http://10.0.0.1/",
                "Links to this computer or to private network addresses are not accepted."),
            Map.entry(
                "http://192.168.1.1/",
                "Links to this computer or to private network addresses are not accepted."),
            Map.entry(
                "http://169.254.169.254/latest/meta-data/",
                "Links to this computer or to private network addresses are not accepted."),
            Map.entry(
                "http://[::1]/",
                "Links to this computer or to private network addresses are not accepted."),
            Map.entry(
                "http://[fd00::1]/",
                "Links to this computer or to private network addresses are not accepted."),
            Map.entry(
                "http://2130706433/",
                "Links to this computer or to private network addresses are not accepted."));
    refused.forEach((url, message) -> assertEquals(message, refusal(url), url));
    assertEquals(before, admin.totalLinks(), "nothing stored");
    assertStillServing();
  }

  @Test
  void noSpellingOfItsOwnShortLinksIsAccepted() {
    // Opened on a loopback name, as a person running the shortener on their own machine would.
    int port = base.getPort();
    site = new Site(java.net.URI.create("http://127.0.0.1:" + port));
    String code = codeOf(site.shortLinkOf("https://example.com/loop/" + UUID.randomUUID()));
    long before = admin.totalLinks();
    for (String url :
        List.of(
            "http://localhost:" + port + "/" + code,
            "http://127.0.0.1:" + port + "/" + code,
            "http://LOCALHOST.:" + port + "//" + code,
            "http://localhost:" + port + "/./" + code + ";x=1",
            "https://localhost/" + code,
            "http://[::1]:" + port + "/" + code)) {
      assertEquals("That is already a short link of this site.", refusal(url), url);
    }
    assertEquals(before, admin.totalLinks(), "nothing stored");
  }

  private static String codeOf(String shortLink) {
    return shortLink.substring(shortLink.lastIndexOf('/') + 1);
  }

  @Test
  void oddPathsAreRefusedWithoutDetail() {
    for (String odd :
        List.of(
            "/WEB-INF/web.xml",
            "/WEB-INF/",
            "/META-INF/MANIFEST.MF",
            "/web-inf/web.xml",
            "/%57EB-INF/web.xml",
            "/error.xhtml",
            "/preview.xhtml",
            "/stats.xhtml%00",
            "/" + "Z".repeat(300),
            "/a.b",
            "/x/y",
            "/zzzzzz+",
            "/..%2F..%2Fetc%2Fpasswd",
            "/jakarta.faces.resource/jsf.js.xhtml")) {
      HttpResponse<String> page = site.get(odd);
      assertTrue(
          page.statusCode() == 404 || page.statusCode() == 400, odd + ": " + page.statusCode());
      assertFalse(page.body().contains("Exception"), odd);
      assertFalse(page.body().contains("<web-app"), odd);
      assertFalse(page.body().contains("Manifest-Version"), odd);
    }
    assertStillServing();
  }

  /**
   * Every admin page and action, under every spelling, method and header that could pass for
   * credentials, ends at the login page or is refused: none goes through the fast path past the
   * login mechanism (AnonymousFastPath) to the page itself.
   */
  @Test
  void noPathTrickMethodOrHeaderReachesAnAdminPage() {
    List<String> paths =
        List.of(
            "/stats",
            "/stats.xhtml",
            "/stats/",
            "/stats;jsessionid=x",
            "//stats",
            "/./stats",
            "/%73tats",
            "/STATS",
            "/login/../stats",
            "/stats?page=1",
            "/admin",
            "/admin/",
            "/admin/links",
            "/admin/links.xhtml",
            "/admin/links/new",
            "/admin/link?key=abc",
            "/admin/keys",
            "/admin;x=y/keys",
            "/%61dmin/keys",
            "/index.xhtml/../admin/keys");
    List<String> methods =
        List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "PROPFIND");
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + Admin.PASSWORD).getBytes(StandardCharsets.UTF_8));
    List<List<String>> headers =
        List.of(
            List.of(),
            List.of("Cookie", "shortener-admin=forged-" + UUID.randomUUID()),
            List.of("Cookie", "theme=dark; shortener-admin="),
            List.of("Cookie", "Shortener-Admin=forged; JSESSIONID=forged"),
            List.of("Authorization", "Basic " + basic),
            List.of("Authorization", "Bearer " + UUID.randomUUID()),
            List.of("X-Forwarded-User", "admin", "X-Remote-User", "admin"));
    for (List<String> header : headers) {
      for (String path : paths) {
        for (String method : header.isEmpty() ? methods : List.of("GET", "POST")) {
          HttpResponse<String> answer =
              site.request(
                  method,
                  path,
                  method.equals("POST") ? "a=b" : null,
                  header.toArray(String[]::new));
          assertNoAdminPage(method + " " + path + " " + header, method, path, answer);
        }
      }
    }
    assertStillServing();
  }

  private static void assertNoAdminPage(
      String what, String method, String path, HttpResponse<String> answer) {
    String status = what + ": " + answer.statusCode();
    assertTrue(
        answer.statusCode() < 500 || answer.statusCode() == 501, status + "\n" + answer.body());
    if (answer.statusCode() / 100 == 3) {
      String location = answer.headers().firstValue("Location").orElseThrow();
      assertTrue(location.contains("/login?next="), status + " -> " + location);
    } else {
      assertTrue(
          answer.body().isEmpty() || answer.body().contains("class=\"navbar"),
          status + ": the site's page\n" + answer.body());
    }
    assertFalse(answer.body().contains("most clicked first"), status);
    assertFalse(answer.body().contains("Log out"), status);
    assertFalse(answer.body().contains("Exception"), status);
    if (method.equals("TRACE")) {
      assertNotEquals(200, answer.statusCode(), status + ": TRACE echoes cookies");
    }
    if (answer.statusCode() == 200) {
      assertTrue(
          method.equals("OPTIONS")
              || method.equals("HEAD")
              || method.equals("GET") && !path.contains("stats") && !path.contains("dmin"),
          status);
    }
    assertTrue(answer.headers().allValues("Set-Cookie").isEmpty(), status + ": no session");
  }

  @Test
  void theMalformedPathsTheContainerRefusesLeakNothing() {
    HttpResponse<String> page = site.get("/AAAA%00");
    assertEquals(400, page.statusCode());
    assertFalse(page.body().contains("Exception"), page.body());
    assertFalse(page.body().contains("at dev.shortener"), page.body());
    assertStillServing();
  }
}
