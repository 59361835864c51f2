package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
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
 * The REST API over HTTP, as Shlink's clients call it: every endpoint with its status and shape,
 * every refusal as Shlink's problem details, keys and their scopes, limits, CORS, and the admin's
 * page of keys.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  private URI root;
  private Api admin;
  private Site visitor;

  @BeforeEach
  void connect() throws Exception {
    root = base.toURI();
    admin = new Api(root, Api.INITIAL_KEY);
    visitor = new Site(root);
  }

  private static String unique(String path) {
    return "https://example.com/" + path + "/" + UUID.randomUUID();
  }

  private static String tag(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private JsonObject create(Api api, String json) {
    HttpResponse<String> created = api.send("POST", "/rest/v3/short-urls", json);
    assertEquals(200, created.statusCode(), created.body());
    return Api.json(created);
  }

  private long total(String query) {
    HttpResponse<String> list = admin.get("/rest/v3/short-urls?" + query);
    assertEquals(200, list.statusCode(), list.body());
    return Api.json(list)
        .getJsonObject("shortUrls")
        .getJsonObject("pagination")
        .getJsonNumber("totalItems")
        .longValue();
  }

  private static List<String> codes(HttpResponse<String> list) {
    return Api.json(list).getJsonObject("shortUrls").getJsonArray("data").stream()
        .map(item -> item.asJsonObject().getString("shortCode"))
        .toList();
  }

  @Test
  void healthNeedsNoKeyOnEveryVersion() {
    Api anonymous = new Api(root, null);
    for (String path : List.of("/rest/health", "/rest/v3/health", "/rest/v2/health")) {
      HttpResponse<String> health = anonymous.get(path);
      assertEquals(200, health.statusCode(), path);
      assertEquals(
          "application/health+json",
          health.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
      assertEquals("pass", Api.json(health).getString("status"));
      assertTrue(Api.json(health).getString("version").matches("\\d+\\.\\d+\\.\\d+"));
    }
  }

  @Test
  void aLinkIsCreatedReadEditedAndDeletedWithEveryField() {
    String slug = tag("api-slug");
    String url = unique("full");
    JsonObject made =
        create(
            admin,
            "{\"longUrl\":\""
                + url
                + "\",\"customSlug\":\""
                + slug
                + "\",\"title\":\"Spring sale\",\"tags\":[\"api\",\"sale\"],"
                + "\"validSince\":\"2020-01-01T00:00:00Z\",\"validUntil\":\"2099-12-31T23:00:00+01:00\","
                + "\"maxVisits\":100,\"crawlable\":true,\"password\":\"open sesame\","
                + "\"redirectType\":301,\"fallbackUrl\":\"https://example.com/over\"}");
    assertEquals(slug, made.getString("shortCode"));
    assertEquals(root.resolve(slug).toString(), made.getString("shortUrl"));
    assertEquals(url, made.getString("longUrl"));
    assertTrue(
        made.getString("dateCreated")
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"),
        made.getString("dateCreated"));
    assertEquals(List.of("api", "sale"), strings(made.getJsonArray("tags")));
    JsonObject meta = made.getJsonObject("meta");
    assertEquals("2020-01-01T01:00:00+01:00", meta.getString("validSince"), "in the server's zone");
    assertEquals("2099-12-31T23:00:00+01:00", meta.getString("validUntil"));
    assertEquals(100, meta.getInt("maxVisits"));
    assertEquals(0, made.getJsonObject("visitsSummary").getInt("total"));
    assertTrue(Api.isNull(made, "domain"));
    assertEquals("Spring sale", made.getString("title"));
    assertTrue(made.getBoolean("crawlable"));
    assertTrue(made.getBoolean("forwardQuery"), "Shlink's default");
    assertTrue(made.getBoolean("passwordProtected"));
    assertFalse(made.toString().contains("open sesame") || made.containsKey("password"));
    assertEquals(301, made.getInt("redirectType"));
    assertEquals("https://example.com/over", made.getString("fallbackUrl"));
    assertFalse(made.getBoolean("disabled"));

    HttpResponse<String> read = admin.get("/rest/v2/short-urls/" + slug);
    assertEquals(200, read.statusCode(), "v2 answers as v3");
    assertEquals(made, Api.json(read));

    HttpResponse<String> edited =
        admin.send(
            "PATCH",
            "/rest/v3/short-urls/" + slug,
            "{\"title\":null,\"maxVisits\":null,\"validSince\":null,\"password\":null,"
                + "\"tags\":[\"edited\"],\"forwardQuery\":false,\"redirectType\":302}");
    assertEquals(200, edited.statusCode(), edited.body());
    JsonObject after = Api.json(edited);
    assertTrue(Api.isNull(after, "title"));
    assertTrue(Api.isNull(after.getJsonObject("meta"), "maxVisits"));
    assertTrue(Api.isNull(after.getJsonObject("meta"), "validSince"));
    assertEquals("2099-12-31T23:00:00+01:00", after.getJsonObject("meta").getString("validUntil"));
    assertEquals(List.of("edited"), strings(after.getJsonArray("tags")));
    assertFalse(after.getBoolean("passwordProtected"));
    assertFalse(after.getBoolean("forwardQuery"));
    assertEquals(url, after.getString("longUrl"), "a field left out stays");

    HttpResponse<String> redirect = visitor.get("/" + slug + "?utm=x");
    assertEquals(302, redirect.statusCode(), "the edit is live");
    assertEquals(url, redirect.headers().firstValue("Location").orElseThrow(), "no forwarding");

    HttpResponse<String> deleted = admin.send("DELETE", "/rest/v3/short-urls/" + slug, null);
    assertEquals(204, deleted.statusCode());
    assertEquals("", deleted.body());
    Api.problem(admin.get("/rest/v3/short-urls/" + slug), 404, "short-url-not-found");
    assertEquals(404, visitor.get("/" + slug).statusCode());
  }

  @Test
  void aCreatedLinkRedirectsAndForwardsTheQueryByDefault() {
    JsonObject made = create(admin, "{\"longUrl\":\"https://example.com/landing?a=1\"}");
    String code = made.getString("shortCode");
    HttpResponse<String> redirect = visitor.get("/" + code + "?utm=x");
    assertEquals(302, redirect.statusCode());
    assertEquals(
        "https://example.com/landing?a=1&utm=x",
        redirect.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> byCode = admin.get("/rest/v3/short-urls/" + code);
    assertEquals(code, Api.json(byCode).getString("shortCode"));
  }

  @Test
  void everyRefusalIsShlinksProblemAndStoresNothing() {
    String marker = tag("refused");
    long before = total("searchTerm=" + marker);
    JsonObject wrong =
        Api.problem(
            admin.send(
                "POST",
                "/rest/v3/short-urls",
                "{\"longUrl\":\"ftp://example.com/"
                    + marker
                    + "\",\"maxVisits\":\"ten\","
                    + "\"tags\":\"one\",\"crawlable\":\"yes\",\"validUntil\":\"soon\"}"),
            400,
            "invalid-data");
    List<String> elements = strings(wrong.getJsonArray("invalidElements"));
    assertTrue(
        elements.containsAll(List.of("longUrl", "maxVisits", "tags", "crawlable", "validUntil")),
        elements.toString());
    assertFalse(
        wrong.getJsonObject("messages").getString("longUrl").isBlank(), "a human message too");

    Api.problem(
        admin.send("POST", "/rest/v3/short-urls", "{\"title\":\"no URL\"}"), 400, "invalid-data");
    Api.problem(
        admin.send("POST", "/rest/v3/short-urls", "{\"longUrl\": \"https://exa"),
        400,
        "malformed-request-body");
    Api.problem(admin.send("POST", "/rest/v3/short-urls", "[1, 2]"), 400, "malformed-request-body");
    String big = "{\"longUrl\":\"https://example.com/\",\"title\":\"" + "x".repeat(70_000) + "\"}";
    Api.problem(admin.send("POST", "/rest/v3/short-urls", big), 413, "payload-too-large");
    Api.problem(
        admin.send(
            "POST",
            "/rest/v3/short-urls",
            "{\"longUrl\":\"https://example.com/\",\"domain\":\"other.example\"}"),
        400,
        "invalid-data");

    String slug = tag("taken");
    create(admin, "{\"longUrl\":\"" + unique("first") + "\",\"customSlug\":\"" + slug + "\"}");
    JsonObject taken =
        Api.problem(
            admin.send(
                "POST",
                "/rest/v3/short-urls",
                "{\"longUrl\":\"" + unique("second") + "\",\"customSlug\":\"" + slug + "\"}"),
            400,
            "non-unique-slug");
    assertEquals(slug, taken.getString("customSlug"));

    JsonObject missing =
        Api.problem(admin.get("/rest/v3/short-urls/no-such-" + marker), 404, "short-url-not-found");
    assertEquals("no-such-" + marker, missing.getString("shortCode"));
    Api.problem(
        admin.send("PATCH", "/rest/v3/short-urls/no-such-" + marker, "{\"title\":\"x\"}"),
        404,
        "short-url-not-found");
    Api.problem(
        admin.send("DELETE", "/rest/v3/short-urls/no-such-" + marker, null),
        404,
        "short-url-not-found");
    Api.problem(
        admin.send("PATCH", "/rest/v3/short-urls/" + slug, "{\"longUrl\":null}"),
        400,
        "invalid-data");
    Api.problem(admin.get("/rest/v3/no-such-endpoint"), 404, "not-found");
    Api.problem(admin.send("PUT", "/rest/v3/short-urls", "{}"), 405, "method-not-allowed");
    assertEquals(before, total("searchTerm=" + marker), "nothing refused was stored");
  }

  @Test
  void theListFiltersOrdersAndPagesAsShlinksDoes() {
    String tag = tag("list");
    String other = tag("other");
    String first =
        create(admin, "{\"longUrl\":\"" + unique("l1") + "\",\"tags\":[\"" + tag + "\"]}")
            .getString("shortCode");
    String second =
        create(
                admin,
                "{\"longUrl\":\""
                    + unique("l2")
                    + "\",\"tags\":[\""
                    + tag
                    + "\",\""
                    + other
                    + "\"]}")
            .getString("shortCode");
    String third =
        create(
                admin,
                "{\"longUrl\":\""
                    + unique("l3")
                    + "\",\"title\":\"Zebra "
                    + tag
                    + "\",\"tags\":[\""
                    + tag
                    + "\"],\"maxVisits\":1}")
            .getString("shortCode");
    assertEquals(302, visitor.get("/" + second).statusCode());
    assertEquals(302, visitor.get("/" + second).statusCode());
    assertEquals(302, visitor.get("/" + third).statusCode());
    String byTag = "/rest/v3/short-urls?tags%5B%5D=" + tag;
    Eventually.until(
        () -> codes(admin.get(byTag + "&orderBy=visits-DESC")),
        order -> order.equals(List.of(second, third, first)));
    assertEquals(List.of(third, second, first), codes(admin.get(byTag)), "newest first");
    assertEquals(
        List.of(second, third, first),
        codes(admin.get(byTag + "&orderBy=visits-DESC")),
        "most visited first, once the clicks are flushed");
    assertEquals(
        List.of(first, second, third), codes(admin.get(byTag + "&orderBy=dateCreated-ASC")));
    assertEquals(
        List.of(second),
        codes(admin.get(byTag + "&tags%5B%5D=" + other + "&tagsMode=all")),
        "all of the tags");
    assertEquals(
        List.of(third, second),
        codes(
            admin.get(
                "/rest/v3/short-urls?tags%5B%5D="
                    + other
                    + "&tags%5B%5D="
                    + tag
                    + "&tagsMode=any&itemsPerPage=2")));
    assertEquals(List.of(second, first), codes(admin.get(byTag + "&excludeMaxVisitsReached=true")));
    assertEquals(List.of(third), codes(admin.get("/rest/v3/short-urls?searchTerm=Zebra+" + tag)));

    HttpResponse<String> page = admin.get(byTag + "&itemsPerPage=2&page=2");
    assertEquals(List.of(first), codes(page));
    JsonObject pagination = Api.json(page).getJsonObject("shortUrls").getJsonObject("pagination");
    assertEquals(2, pagination.getInt("currentPage"));
    assertEquals(2, pagination.getInt("pagesCount"));
    assertEquals(2, pagination.getInt("itemsPerPage"));
    assertEquals(1, pagination.getInt("itemsInCurrentPage"));
    assertEquals(3, pagination.getInt("totalItems"));
    assertEquals(List.of(), codes(admin.get(byTag + "&startDate=2099-01-01")));
    assertEquals(3, codes(admin.get(byTag + "&startDate=2020-01-01T00:00:00Z")).size());

    JsonObject wrong =
        Api.problem(
            admin.get(byTag + "&orderBy=colour-UP&tagsMode=some&startDate=yesterday&page=two"),
            400,
            "invalid-data");
    assertEquals(
        List.of("page", "tagsMode", "orderBy", "startDate"),
        strings(wrong.getJsonArray("invalidElements")));
  }

  @Test
  void findIfExistsReturnsTheLinkThereIs() {
    String url = unique("once");
    String code = create(admin, "{\"longUrl\":\"" + url + "\"}").getString("shortCode");
    JsonObject again = create(admin, "{\"longUrl\":\"" + url + "\",\"findIfExists\":true}");
    assertEquals(code, again.getString("shortCode"));
    JsonObject another = create(admin, "{\"longUrl\":\"" + url + "\"}");
    assertNotEquals(code, another.getString("shortCode"), "without it, a new link");
  }

  @Test
  void tagsAreCountedRenamedAndDeleted() {
    String tag = tag("counted");
    String taken = tag("taken");
    String code =
        create(admin, "{\"longUrl\":\"" + unique("t") + "\",\"tags\":[\"" + tag + "\"]}")
            .getString("shortCode");
    create(
        admin,
        "{\"longUrl\":\"" + unique("t2") + "\",\"tags\":[\"" + tag + "\",\"" + taken + "\"]}");
    assertEquals(302, visitor.get("/" + code).statusCode());
    assertTrue(strings(tagData(admin.get("/rest/v3/tags"))).contains(tag));
    JsonObject stats =
        Eventually.until(
            () ->
                tagData(admin.get("/rest/v3/tags/stats")).stream()
                    .map(item -> item.asJsonObject())
                    .filter(item -> item.getString("tag").equals(tag))
                    .findFirst()
                    .orElseThrow(),
            item -> item.getJsonObject("visitsSummary").getInt("total") >= 1);
    assertEquals(2, stats.getInt("shortUrlsCount"));
    assertEquals(1, stats.getJsonObject("visitsSummary").getInt("total"));

    JsonObject conflict =
        Api.problem(
            admin.send(
                "PUT",
                "/rest/v3/tags",
                "{\"oldName\":\"" + tag + "\",\"newName\":\"" + taken + "\"}"),
            409,
            "tag-conflict");
    assertEquals(taken, conflict.getString("newName"));
    Api.problem(
        admin.send(
            "PUT",
            "/rest/v3/tags",
            "{\"oldName\":\"no-" + tag + "\",\"newName\":\"x-" + tag + "\"}"),
        404,
        "tag-not-found");
    JsonObject incomplete =
        Api.problem(
            admin.send("PUT", "/rest/v3/tags", "{\"oldName\":\"" + tag + "\"}"),
            400,
            "invalid-data");
    assertEquals(
        List.of("oldName", "newName"), strings(incomplete.getJsonArray("invalidElements")));

    String renamed = tag("renamed");
    assertEquals(
        204,
        admin
            .send(
                "PUT",
                "/rest/v3/tags",
                "{\"oldName\":\"" + tag + "\",\"newName\":\"" + renamed + "\"}")
            .statusCode());
    assertEquals(
        List.of(renamed),
        strings(Api.json(admin.get("/rest/v3/short-urls/" + code)).getJsonArray("tags")));
    assertEquals(
        204,
        admin
            .send("DELETE", "/rest/v3/tags?tags%5B%5D=" + renamed + "&tags%5B%5D=no-such", null)
            .statusCode());
    assertEquals(
        List.of(),
        strings(Api.json(admin.get("/rest/v3/short-urls/" + code)).getJsonArray("tags")));
    assertFalse(strings(tagData(admin.get("/rest/v3/tags"))).contains(renamed));
  }

  private static JsonArray tagData(HttpResponse<String> answer) {
    assertEquals(200, answer.statusCode(), answer.body());
    return Api.json(answer).getJsonObject("tags").getJsonArray("data");
  }

  @Test
  void visitsDomainsAndTheRestOfShlinksEndpointsAnswer() {
    String code = create(admin, "{\"longUrl\":\"" + unique("v") + "\"}").getString("shortCode");
    JsonObject overview = Api.json(admin.get("/rest/v3/visits")).getJsonObject("visits");
    assertTrue(overview.getJsonObject("nonOrphanVisits").containsKey("total"));
    assertTrue(
        overview.getJsonObject("orphanVisits").keySet().containsAll(List.of("total", "bots")),
        "the orphan visits are counted too (VisitsIT checks how)");
    JsonObject visits = Api.json(admin.get("/rest/v3/short-urls/" + code + "/visits"));
    assertEquals(0, visits.getJsonObject("visits").getJsonArray("data").size());
    assertEquals(
        1, visits.getJsonObject("visits").getJsonObject("pagination").getInt("pagesCount"));
    Api.problem(
        admin.get("/rest/v3/short-urls/nope-" + code + "/visits"), 404, "short-url-not-found");
    JsonObject domain =
        Api.json(admin.get("/rest/v3/domains"))
            .getJsonObject("domains")
            .getJsonArray("data")
            .getJsonObject(0);
    assertEquals(root.getAuthority(), domain.getString("domain"));
    assertTrue(domain.getBoolean("isDefault"));
    JsonObject rules = Api.json(admin.get("/rest/v3/short-urls/" + code + "/redirect-rules"));
    assertEquals(0, rules.getJsonArray("redirectRules").size());
    Api.problem(admin.get("/rest/v3/mercure-info"), 501, "mercure-not-configured");
  }

  @Test
  void keysAreCheckedAndFailuresLimitedPerAddress() {
    long started = System.nanoTime();
    Api anonymous = new Api(root, null);
    JsonObject missing =
        Api.problem(anonymous.get("/rest/v3/short-urls"), 401, "missing-authentication");
    assertEquals(List.of("X-Api-Key"), strings(missing.getJsonArray("expectedHeaders")));
    Api guess = new Api(root, "not-a-key");
    Api.problem(guess.get("/rest/v3/short-urls"), 401, "invalid-api-key");
    assertTrue(
        anonymous
                .send("GET", "/rest/v3/tags", null, "Authorization", "Bearer " + Api.INITIAL_KEY)
                .statusCode()
            == 200,
        "a bearer token works too");
    assertTrue(
        guess.get("/rest/v3/short-urls").headers().firstValue("Set-Cookie").isEmpty(),
        "never a cookie");
    int refused = 2;
    HttpResponse<String> last = null;
    while (refused < 40) {
      last = guess.get("/rest/v3/short-urls");
      refused++;
      if (last.statusCode() == 429) {
        break;
      }
    }
    Api.problem(last, 429, "too-many-requests");
    int most = 31 + refilled(started, 30);
    assertTrue(
        refused >= 31 && refused <= most,
        "30 wrong keys a minute, then 429: " + refused + " (at most " + most + ")");
    assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) > 0);
    Api.problem(new Api(root, "not-a-key").get("/rest/v3/tags"), 401, "invalid-api-key");
  }

  @Test
  void eachKeyHasALimitOfItsOwn() {
    Api busy = Api.withNewKey(root, "read");
    long started = System.nanoTime();
    int served = 0;
    HttpResponse<String> answer = busy.get("/rest/v3/tags");
    while (answer.statusCode() == 200 && served < 1_000) {
      served++;
      answer = busy.get("/rest/v3/tags");
    }
    Api.problem(answer, 429, "too-many-requests");
    // 400 at once, and a few more as the bucket refills (400 a minute) while they are served.
    int most = 400 + refilled(started, 400);
    assertTrue(
        served >= 400 && served <= most,
        "pom.xml allows 400 a minute, served " + served + " (at most " + most + ")");
    assertEquals(200, admin.get("/rest/v3/tags").statusCode(), "other keys go on");
  }

  /**
   * What a bucket of {@code perMinute} has refilled since {@code started}, rounded up, plus one
   * request that may have been in flight: a loaded machine serves the requests slower, and the
   * limit lets more through meanwhile, as it should.
   */
  private static int refilled(long started, int perMinute) {
    double minutes = (System.nanoTime() - started) / 60e9;
    return (int) Math.ceil(minutes * perMinute) + 1;
  }

  /** Each scope against each endpoint: what it may do answers, the rest is 403. */
  @Test
  void eachScopeOpensWhatItSaysAndNoMore() {
    Api read = Api.withNewKey(root, "read");
    Api creator = Api.withNewKey(root, "create");
    Api full = Api.withNewKey(root, "admin");
    String code =
        create(full, "{\"longUrl\":\"" + unique("scoped") + "\",\"tags\":[\"scoped\"]}")
            .getString("shortCode");
    String link = "/rest/v3/short-urls/" + code;
    List<String[]> reads =
        List.of(
            new String[] {"GET", "/rest/v3/short-urls", null},
            new String[] {"GET", link, null},
            new String[] {"GET", link + "/visits", null},
            new String[] {"GET", link + "/redirect-rules", null},
            new String[] {"GET", "/rest/v3/tags", null},
            new String[] {"GET", "/rest/v3/tags/stats", null},
            new String[] {"GET", "/rest/v3/visits", null},
            new String[] {"GET", "/rest/v3/domains", null});
    for (Api api : List.of(read, creator, full)) {
      for (String[] call : reads) {
        assertEquals(
            200,
            api.send(call[0], call[1], call[2]).statusCode(),
            String.join(" ", call[0], call[1]));
      }
    }
    String create = "{\"longUrl\":\"" + unique("by-scope") + "\"}";
    Api.problem(read.send("POST", "/rest/v3/short-urls", create), 403, "forbidden-operation");
    assertEquals(200, creator.send("POST", "/rest/v3/short-urls", create).statusCode());
    for (Api api : List.of(read, creator)) {
      Api.problem(api.send("PATCH", link, "{\"title\":\"x\"}"), 403, "forbidden-operation");
      Api.problem(api.send("DELETE", link, null), 403, "forbidden-operation");
      Api.problem(
          api.send("PUT", "/rest/v3/tags", "{\"oldName\":\"scoped\",\"newName\":\"s\"}"),
          403,
          "forbidden-tag-operation");
      Api.problem(
          api.send("DELETE", "/rest/v3/tags?tags%5B%5D=scoped", null),
          403,
          "forbidden-tag-operation");
    }
    assertEquals(
        "scoped", strings(Api.json(full.get(link)).getJsonArray("tags")).get(0), "untouched");
    assertEquals(200, full.send("PATCH", link, "{\"title\":\"x\"}").statusCode());
    assertEquals(204, full.send("DELETE", link, null).statusCode());
  }

  @Test
  void browserClientsOnAllowedOriginsMayCall() {
    Api anonymous = new Api(root, null);
    HttpResponse<String> preflight =
        anonymous.send(
            "OPTIONS",
            "/rest/v3/short-urls",
            null,
            "Origin",
            "https://app.example",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "x-api-key, content-type");
    assertEquals(204, preflight.statusCode());
    assertEquals(
        "https://app.example",
        preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(
        preflight
            .headers()
            .firstValue("Access-Control-Allow-Methods")
            .orElse("")
            .contains("PATCH"));
    assertEquals(
        "x-api-key, content-type",
        preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
    HttpResponse<String> call =
        admin.send("GET", "/rest/v3/tags", null, "Origin", "https://app.example");
    assertEquals(
        "https://app.example",
        call.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    HttpResponse<String> foreign =
        admin.send("GET", "/rest/v3/tags", null, "Origin", "https://evil.example");
    assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    assertEquals("nosniff", call.headers().firstValue("X-Content-Type-Options").orElse(null));
  }

  @Test
  void theAdminMakesListsAndRevokesKeysInThePage() {
    Admin person = Admin.signIn(root);
    String name = tag("deploy script");
    HttpResponse<String> made =
        person.site.submit(
            "/admin/keys",
            "key",
            "create",
            Map.of("name", name, "scope", "create", "expires", "2099-06-30"),
            Map.of("csrf", person.site.sessionToken()));
    assertEquals(200, made.statusCode());
    assertEquals("no-store", made.headers().firstValue("Cache-Control").orElse(null));
    Matcher secret = Pattern.compile("id=\"secret\"[^>]*value=\"([^\"]+)\"").matcher(made.body());
    assertTrue(secret.find(), made.body());
    Api api = new Api(root, secret.group(1));
    assertEquals(200, api.get("/rest/v3/tags").statusCode());

    HttpResponse<String> page = person.site.get("/admin/keys");
    assertFalse(page.body().contains(secret.group(1)), "shown once only");
    Matcher row =
        Pattern.compile(
                "<tr data-id=\"(\\d+)\">\\s*<td[^>]*>"
                    + Pattern.quote(name)
                    + "</td>\\s*<td>create</td>.*?</tr>",
                Pattern.DOTALL)
            .matcher(page.body());
    assertTrue(row.find(), page.body());
    assertTrue(row.group().contains("2099-06-30"), "expires shown");
    assertFalse(row.group().contains("never"), "its expiry and its last use are shown");

    HttpResponse<String> refused =
        person.site.submit(
            "/admin/keys",
            "key",
            "create",
            Map.of("name", " ", "scope", "read", "expires", "2001-01-01"),
            Map.of("csrf", person.site.sessionToken()));
    assertTrue(refused.body().contains("Give the key a name"), refused.body());
    assertFalse(refused.body().contains("id=\"secret\""));

    String id = row.group(1);
    HttpResponse<String> revoked =
        person.site.post(
            "/admin/keys", Site.formBody(revokeForm(page.body(), id, person.site.sessionToken())));
    assertEquals(302, revoked.statusCode(), revoked.body());
    Api.problem(api.get("/rest/v3/tags"), 401, "invalid-api-key");
    assertTrue(person.site.get("/admin/keys").body().contains("Revoked"));

    HttpResponse<String> stranger = new Site(root).get("/admin/keys");
    assertEquals(302, stranger.statusCode(), "the page is the admin's");
  }

  /** The fields of the Revoke form of key {@code id} on the keys page. */
  private static Map<String, String> revokeForm(String page, String id, String csrf) {
    Matcher form =
        Pattern.compile(
                "<form id=\"([^\"]*revoke)\"[^>]*>(?:(?!</form>).)*name=\"id\" value=\""
                    + id
                    + "\"",
                Pattern.DOTALL)
            .matcher(page);
    assertTrue(form.find(), page);
    String formId = form.group(1);
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put(formId, formId);
    fields.put("csrf", csrf);
    fields.put("id", id);
    fields.put(formId + ":go", "Revoke");
    fields.put("jakarta.faces.ViewState", "stateless");
    return fields;
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}
