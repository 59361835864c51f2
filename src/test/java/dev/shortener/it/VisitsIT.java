package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Visit statistics end to end: what the redirect hands over reaches the aggregates and the single
 * visits with the next flush, told apart (people, bots, link previews, link checks, visits that ask
 * not to be tracked), and the link's page, the overview, the API and the export show it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VisitsIT {

  static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Safari/537.36";
  static final String IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
          + " Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
  static final String SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
  static final String GOOGLEBOT =
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  private String newLink(Admin admin) {
    return URI.create(admin.site.shortLinkOf("https://example.com/visits/" + UUID.randomUUID()))
        .getPath()
        .substring(1);
  }

  /** The link's visits as the API lists them, once the flush wrote {@code expected} of them. */
  private static JsonArray listed(Api api, String path, int expected) throws InterruptedException {
    JsonArray data = null;
    for (int attempt = 0; attempt < 150; attempt++) {
      HttpResponse<String> answer = api.get(path);
      assertEquals(200, answer.statusCode(), answer.body());
      data = Api.json(answer).getJsonObject("visits").getJsonArray("data");
      if (data.size() >= expected) {
        return data;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("expected " + expected + " visits, the API listed " + data);
  }

  private static JsonObject withAgent(JsonArray visits, String userAgent) {
    return visits.stream()
        .map(JsonObject.class::cast)
        .filter(v -> v.getString("userAgent").equals(userAgent))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no visit by " + userAgent + " in " + visits));
  }

  @Test
  void eachVisitIsToldApartAndListedWithoutTheAddress() throws Exception {
    Admin admin = Admin.signIn(base.toURI());
    String key = newLink(admin);
    Site person = new Site(base.toURI()).from("8.8.8.8");
    assertEquals(
        302,
        person
            .get("/" + key, "User-Agent", CHROME, "Referer", "https://news.example.org/item?id=7")
            .statusCode());
    assertEquals(302, person.get("/" + key, "User-Agent", SLACK).statusCode());
    assertEquals(302, person.get("/" + key, "User-Agent", GOOGLEBOT).statusCode());
    assertEquals(302, person.get("/" + key, "User-Agent", IPHONE, "DNT", "1").statusCode());
    assertEquals(302, person.head("/" + key).statusCode());
    assertEquals(
        302, person.get("/" + key, "User-Agent", IPHONE, "Sec-Purpose", "prefetch").statusCode());

    Api api = new Api(base.toURI(), Api.INITIAL_KEY);
    JsonArray visits = listed(api, "/rest/v3/short-urls/" + key + "/visits", 4);
    assertEquals(4, visits.size(), "the DNT visit and the HEAD request have no row: " + visits);
    JsonObject chrome = withAgent(visits, CHROME);
    assertEquals("news.example.org", chrome.getString("referer"), "the referrer's host only");
    assertFalse(chrome.getBoolean("potentialBot"));
    assertEquals("US", chrome.getJsonObject("visitLocation").getString("countryCode"));
    assertFalse(chrome.toString().contains("8.8.8.8"), "no address is kept: " + chrome);
    assertTrue(withAgent(visits, SLACK).getBoolean("potentialBot"), "a link preview");
    assertTrue(withAgent(visits, GOOGLEBOT).getBoolean("potentialBot"), "a bot");
    assertTrue(withAgent(visits, IPHONE).getBoolean("potentialBot"), "a prefetch");

    JsonArray people = listed(api, "/rest/v3/short-urls/" + key + "/visits?excludeBots=true", 1);
    assertEquals(1, people.size(), people.toString());
    assertEquals(CHROME, people.getJsonObject(0).getString("userAgent"));

    HttpResponse<String> page = admin.site.get("/admin/link?key=" + key);
    assertEquals(200, page.statusCode());
    assertEquals("5", total(page, "visits-total"), "every GET, the DNT one included; no HEAD");
    assertEquals("2", total(page, "visits-people"));
    assertEquals("1", total(page, "visits-uniques"), "the DNT visit left no hash");
    assertEquals("1", total(page, "visits-bots"));
    assertEquals("2", total(page, "visits-previews"), "Slack's preview and the prefetch");
    assertTrue(page.body().contains("<svg"), "the chart");
    assertTrue(page.body().contains("news.example.org"), "the top referrers");
    assertTrue(page.body().contains("United States (US)"), "the top countries");
    assertTrue(page.body().contains("Googlebot"), "the bots by name");
  }

  private static String total(HttpResponse<String> page, String id) {
    Matcher found = Pattern.compile("id=\"" + id + "\">([0-9]+)<").matcher(page.body());
    assertTrue(found.find(), id + " in " + page.body());
    return found.group(1);
  }

  @Test
  void aVisitorCountsOnceADayWhateverTheirVisits() throws Exception {
    Admin admin = Admin.signIn(base.toURI());
    String key = newLink(admin);
    Site one = new Site(base.toURI());
    Site other = new Site(base.toURI());
    for (int i = 0; i < 3; i++) {
      assertEquals(302, one.get("/" + key, "User-Agent", CHROME).statusCode());
    }
    assertEquals(302, other.get("/" + key, "User-Agent", CHROME).statusCode());
    listed(new Api(base.toURI(), Api.INITIAL_KEY), "/rest/v3/short-urls/" + key + "/visits", 4);
    HttpResponse<String> page = admin.site.get("/admin/link?key=" + key + "&days=7");
    assertEquals("4", total(page, "visits-people"));
    assertEquals("2", total(page, "visits-uniques"), "two addresses, one browser each");
  }

  @Test
  void aPathThatIsNoLinkIsAnOrphanVisit() throws Exception {
    String path = "/no" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    Site visitor = new Site(base.toURI());
    assertEquals(404, visitor.get(path, "User-Agent", CHROME).statusCode());
    Api api = new Api(base.toURI(), Api.INITIAL_KEY);
    JsonObject orphan = null;
    for (int attempt = 0; attempt < 150 && orphan == null; attempt++) {
      JsonArray data =
          Api.json(api.get("/rest/v3/visits/orphan")).getJsonObject("visits").getJsonArray("data");
      orphan =
          data.stream()
              .map(JsonObject.class::cast)
              .filter(v -> v.getString("visitedUrl").equals(path))
              .findFirst()
              .orElse(null);
      Thread.sleep(200);
    }
    assertTrue(orphan != null, "the orphan visit is listed");
    assertEquals("invalid_short_url", orphan.getString("type"));
    JsonObject overview = Api.json(api.get("/rest/v3/visits")).getJsonObject("visits");
    assertTrue(overview.getJsonObject("orphanVisits").getInt("total") >= 1, overview.toString());

    Admin admin = Admin.signIn(base.toURI());
    HttpResponse<String> page = admin.site.get("/admin/visits");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains(path), "the orphan's path in the overview's tables");
  }

  @Test
  void theExportHasEveryRecordedVisitOfTheLink() throws Exception {
    Admin admin = Admin.signIn(base.toURI());
    String key = newLink(admin);
    Site visitor = new Site(base.toURI());
    for (int i = 0; i < 3; i++) {
      visitor.get("/" + key, "User-Agent", CHROME, "Referer", "https://a.example/, \"quoted\"");
    }
    listed(new Api(base.toURI(), Api.INITIAL_KEY), "/rest/v3/short-urls/" + key + "/visits", 3);
    HttpResponse<String> csv = admin.site.get("/admin/visits.csv?key=" + key);
    assertEquals(200, csv.statusCode());
    assertTrue(
        csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
        csv.headers().toString());
    String[] lines = csv.body().split("\r\n");
    assertEquals(4, lines.length, csv.body());
    assertTrue(lines[0].startsWith("date,kind,potential_bot,link_id"), lines[0]);
    assertTrue(lines[1].contains(",person,false,"), lines[1]);
    assertTrue(lines[1].contains(",a.example,"), "the referrer's host: " + lines[1]);

    assertEquals(
        302,
        new Site(base.toURI()).get("/admin/visits.csv?key=" + key).statusCode(),
        "signed in only");
  }
}
