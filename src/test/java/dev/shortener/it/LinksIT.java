package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.web.SecurityHeaders;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
 * Links the admin manages, end to end over HTTP: aliases, edits that take effect on the next
 * request, the switch, deletion, windows of validity, caps on visits, fallbacks, passwords,
 * redirect types, forwarded queries, crawlability; forged and refused edits that change nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LinksIT {

  /** The test servers' zone (pom.xml: SHORTENER_TIME_ZONE). */
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  private Site visitor;
  private Admin admin;

  @BeforeEach
  void visit() throws Exception {
    visitor = new Site(base.toURI());
    admin = Admin.signIn(base.toURI());
  }

  private static String unique(String path) {
    return "https://example.com/" + path + "/" + UUID.randomUUID();
  }

  private static String alias(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String location(String key) {
    HttpResponse<String> redirect = visitor.get("/" + key);
    assertTrue(redirect.statusCode() / 100 == 3, key + ": " + redirect.statusCode());
    return redirect.headers().firstValue("Location").orElseThrow();
  }

  private static String error(HttpResponse<String> page, String field) {
    Matcher message =
        Pattern.compile("id=\"" + field + "-error\"[^>]*>(?:<span[^>]*>)?([^<]*)<")
            .matcher(page.body());
    return message.find() ? message.group(1).strip() : "";
  }

  @Test
  void anAliasFromTheHomeFormNamesTheLinkAndTheCodeKeepsWorking() {
    String name = alias("spring-sale");
    String url = unique("alias");
    HttpResponse<String> made =
        visitor.submit("/index.xhtml", "shorten", Map.of("url", url, "alias", name));
    assertTrue(
        made.body()
            .contains("value=\"" + base.toString().replaceFirst("/$", "") + "/" + name + "\""),
        made.body());
    assertEquals(url, location(name));

    HttpResponse<String> taken =
        new Site(visitor.uri(""))
            .submit("/index.xhtml", "shorten", Map.of("url", unique("other"), "alias", name));
    assertEquals("The alias \"" + name + "\" is taken; choose another one.", error(taken, "alias"));
    assertFalse(taken.body().contains("id=\"short-url\""));

    HttpResponse<String> page = admin.page(name);
    Matcher code = Pattern.compile("id=\"fact-code\">([0-9A-Za-z]+)<").matcher(page.body());
    assertTrue(code.find(), page.body());
    assertEquals(url, location(code.group(1)), "the generated code answers beside the alias");
  }

  @Test
  void anAliasIsRefusedForEachOfItsRules() {
    long before = admin.totalLinks();
    Map<String, String> refused =
        Map.of(
            "no spaces",
            "An alias may contain only letters, digits, - and _.",
            "stats",
            "\"stats\" is a page of this site; choose another alias.",
            "webjars",
            "\"webjars\" is a page of this site; choose another alias.",
            "a".repeat(65),
            "An alias has at most 64 characters.");
    refused.forEach(
        (name, message) ->
            assertEquals(
                message,
                error(
                    new Site(visitor.uri(""))
                        .submit(
                            "/index.xhtml", "shorten", Map.of("url", unique("r"), "alias", name)),
                    "alias"),
                name));
    assertEquals(before, admin.totalLinks(), "nothing stored");
  }

  @Test
  void anEditTakesEffectOnTheVeryNextRequest() {
    String name = alias("edited");
    String key =
        admin.createLink(Map.of("url", unique("before"), "alias", name, "title", "Before"));
    assertEquals(name, key);
    location(key);
    String after = unique("after");
    String renamed = alias("renamed");
    HttpResponse<String> saved =
        admin.edit(key, Map.of("url", after, "alias", renamed, "title", "After"));
    assertEquals(302, saved.statusCode(), saved.body());
    assertTrue(saved.headers().firstValue("Location").orElseThrow().contains("saved"));
    assertEquals(after, location(renamed), "the new destination, at once");
    assertEquals(404, visitor.get("/" + name).statusCode(), "the old alias stops working");
    HttpResponse<String> page = admin.page(renamed);
    assertTrue(page.body().contains("After"), "the title");
    assertFalse(page.body().contains("id=\"fact-edited\">never<"), "last edited is set");
  }

  @Test
  void aRefusedEditLeavesTheLinkExactlyAsItWas() {
    String url = unique("kept");
    String key =
        admin.createLink(Map.of("url", url, "title", "Kept", "tags", "one, two", "maxVisits", "9"));
    Map<String, String> before = Admin.formValues(admin.page(key).body());
    Map<String, Map<String, String>> refusals =
        Map.of(
            "maxVisits", Map.of("title", "Changed", "maxVisits", "0"),
            "validUntil",
                Map.of(
                    "title",
                    "Changed",
                    "validFrom",
                    "2030-01-02T10:00",
                    "validUntil",
                    "2030-01-01T10:00"),
            "validFrom", Map.of("title", "Changed", "validFrom", "not a date"),
            "tags", Map.of("title", "Changed", "tags", "a, " + "x".repeat(51)),
            "fallbackUrl", Map.of("title", "Changed", "fallbackUrl", "javascript:alert(1)"),
            "url", Map.of("title", "Changed", "url", "ftp://example.com/"),
            "alias", Map.of("title", "Changed", "alias", "stats"));
    refusals.forEach(
        (field, fields) -> {
          HttpResponse<String> refused = admin.edit(key, fields);
          assertEquals(200, refused.statusCode(), field);
          assertFalse(error(refused, field).isEmpty(), field + " refused next to its field");
          assertEquals(
              before, Admin.formValues(admin.page(key).body()), field + ": nothing changed");
        });
    assertEquals(url, location(key));
  }

  @Test
  void aForgedEditChangesNothing() {
    String url = unique("forged");
    String key = admin.createLink(Map.of("url", url));
    Map<String, String> fields = Admin.formValues(admin.page(key).body());
    fields.put("url", "https://evil.example/");
    HttpResponse<String> forged =
        admin.site.submit("/admin/link", "link", "save", fields, Map.of("key", key));
    assertEquals(403, forged.statusCode(), "no form token");
    HttpResponse<String> crossSite =
        admin.site.post(
            "/admin/link",
            Site.formBody(
                Map.of(
                    "csrf",
                    admin.site.sessionToken(),
                    "key",
                    key,
                    "link",
                    "link",
                    "link:url",
                    "https://evil.example/",
                    "link:save",
                    "save",
                    "jakarta.faces.ViewState",
                    "stateless")),
            "Sec-Fetch-Site",
            "cross-site");
    assertEquals(403, crossSite.statusCode(), "from another site");
    assertEquals(url, location(key));
  }

  @Test
  void aDisabledLinkAnswers410UntilEnabledAndKeepsItsClicks() throws Exception {
    String key = admin.createLink(Map.of("url", unique("switch")));
    location(key);
    location(key);
    HttpResponse<String> off = admin.act("actions", "toggle", key);
    assertEquals(302, off.statusCode());
    HttpResponse<String> gone = visitor.get("/" + key);
    assertEquals(410, gone.statusCode());
    assertTrue(gone.body().contains("This link has been disabled."));
    assertTrue(gone.body().contains("class=\"navbar"), "in the site's look");
    assertEquals(
        "no-store",
        gone.headers().firstValue("Cache-Control").orElse(null),
        "a browser must not keep the 410 once the link is enabled again");
    assertEquals(302, admin.act("actions", "toggle", key).statusCode());
    assertEquals(302, visitor.get("/" + key).statusCode(), "works again");
    assertTrue(
        Eventually.until(
                () -> admin.page(key).body(), page -> page.contains("id=\"fact-clicks\">3<"))
            .contains("id=\"fact-clicks\">3<"),
        "the clicks were kept");
  }

  @Test
  void aLinkIsDeletedOnlyAfterConfirmingAndItsCodeIsNeverReused() {
    String key = admin.createLink(Map.of("url", unique("deleted")));
    location(key);
    HttpResponse<String> asked = admin.act("actions", "delete", key);
    assertTrue(asked.headers().firstValue("Location").orElseThrow().contains("confirm"));
    assertEquals(302, visitor.get("/" + key).statusCode(), "not deleted yet");
    assertTrue(
        admin
            .site
            .get("/admin/link?key=" + key + "&confirm")
            .body()
            .contains("id=\"confirm-delete\""));
    HttpResponse<String> deleted = admin.act("confirm", "delete-for-good", key);
    assertTrue(deleted.headers().firstValue("Location").orElseThrow().contains("deleted="));
    HttpResponse<String> gone = visitor.get("/" + key);
    assertEquals(404, gone.statusCode(), "gone at once");
    assertEquals("no-store", gone.headers().firstValue("Cache-Control").orElse(null));
    assertEquals(404, visitor.get("/" + key).statusCode(), "and stays gone");
    String next = admin.createLink(Map.of("url", unique("next")));
    assertNotEquals(key, next, "the next link gets a new code");
    assertEquals(200, visitor.get("/").statusCode(), "the server keeps serving");
  }

  @Test
  void aWindowOfValidityOpensAndCloses() {
    String past = ZonedDateTime.now(ZONE).minusDays(1).format(LOCAL);
    String future = ZonedDateTime.now(ZONE).plusDays(1).format(LOCAL);
    String expired = admin.createLink(Map.of("url", unique("expired"), "validUntil", past));
    HttpResponse<String> over = visitor.get("/" + expired);
    assertEquals(410, over.statusCode());
    assertTrue(over.body().contains("This link has expired."));
    String later = admin.createLink(Map.of("url", unique("later"), "validFrom", future));
    HttpResponse<String> notYet = visitor.get("/" + later);
    assertEquals(410, notYet.statusCode());
    assertTrue(notYet.body().contains("This link is not active yet."));
    String open =
        admin.createLink(Map.of("url", unique("open"), "validFrom", past, "validUntil", future));
    assertEquals(302, visitor.get("/" + open).statusCode());
    String withFallback =
        admin.createLink(
            Map.of(
                "url",
                unique("fb"),
                "validUntil",
                past,
                "fallbackUrl",
                "https://example.com/fallback"));
    HttpResponse<String> fallback = visitor.get("/" + withFallback);
    assertEquals(302, fallback.statusCode());
    assertEquals(
        "https://example.com/fallback", fallback.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aCapOnVisitsHoldsToTheClickAndHeadRequestsTakeNone() {
    String key = admin.createLink(Map.of("url", unique("capped"), "maxVisits", "3"));
    for (int i = 0; i < 3; i++) {
      assertEquals(302, visitor.head("/" + key).statusCode(), "HEAD " + i);
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(302, visitor.get("/" + key).statusCode(), "visit " + (i + 1));
    }
    HttpResponse<String> fourth = visitor.get("/" + key);
    assertEquals(410, fourth.statusCode(), "the fourth, before any flush");
    assertTrue(fourth.body().contains("This link has expired."));
    assertEquals(410, visitor.head("/" + key).statusCode());
  }

  @Test
  void aProtectedLinkAsksForItsPassword() {
    String url = unique("protected");
    String key = admin.createLink(Map.of("url", url, "password", "open sesame"));
    HttpResponse<String> asked = visitor.get("/" + key + "?utm=x");
    assertEquals(200, asked.statusCode());
    assertTrue(asked.body().contains("This link is protected"), asked.body());
    assertFalse(asked.body().contains(url), "the destination stays hidden");
    assertEquals("no-store", asked.headers().firstValue("Cache-Control").orElse(null));
    assertEquals(
        SecurityHeaders.LEADING_AWAY_POLICY,
        asked.headers().firstValue("Content-Security-Policy").orElse(null),
        "its form is answered with a redirect to the destination, which form-action must allow");
    assertTrue(asked.body().contains("action=\"/" + key + "?utm=x\""), asked.body());
    HttpResponse<String> wrong = visitor.post("/" + key, "password=guess");
    assertEquals(403, wrong.statusCode());
    assertTrue(wrong.body().contains("Wrong password."));
    HttpResponse<String> right = visitor.post("/" + key, "password=open+sesame");
    assertEquals(303, right.statusCode(), "303, so the password is not posted on");
    assertEquals(url, right.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> preview = visitor.get("/" + key + "+");
    assertFalse(preview.body().contains(url), "no preview of the destination either");

    Site guesser = new Site(visitor.uri(""));
    int throttled = 0;
    for (int i = 0; i < 8; i++) {
      if (guesser.post("/" + key, "password=guess" + i).statusCode() == 429) {
        throttled++;
      }
    }
    assertTrue(throttled > 0, "guesses are throttled");
    assertEquals(
        403,
        new Site(visitor.uri(""))
            .post("/" + key, "password=x", "Sec-Fetch-Site", "cross-site")
            .statusCode());
  }

  @Test
  void eachRedirectTypeIsAnswered() {
    for (String type : new String[] {"301", "302", "307", "308"}) {
      String key = admin.createLink(Map.of("url", unique("type" + type), "redirectType", type));
      assertEquals(Integer.parseInt(type), visitor.get("/" + key).statusCode(), type);
    }
  }

  @Test
  void theQueryIsForwardedWhenAskedFor() {
    String forwarding =
        admin.createLink(
            Map.of("url", "https://example.com/page?a=1&utm_source=old", "forwardQuery", "on"));
    assertEquals(
        "https://example.com/page?a=1&utm_source=x&b=%C3%A4",
        visitor
            .get("/" + forwarding + "?utm_source=x&b=%C3%A4")
            .headers()
            .firstValue("Location")
            .orElseThrow());
    String keeping = admin.createLink(Map.of("url", "https://example.com/page?a=1"));
    assertEquals(
        "https://example.com/page?a=1",
        visitor
            .get("/" + keeping + "?utm_source=x")
            .headers()
            .firstValue("Location")
            .orElseThrow());
  }

  @Test
  void onlyCrawlableLinksMayBeIndexed() {
    String hidden = admin.createLink(Map.of("url", unique("hidden")));
    String indexed = admin.createLink(Map.of("url", unique("indexed"), "crawlable", "on"));
    assertEquals(
        "noindex", visitor.get("/" + hidden).headers().firstValue("X-Robots-Tag").orElseThrow());
    assertTrue(visitor.get("/" + indexed).headers().firstValue("X-Robots-Tag").isEmpty());
    HttpResponse<String> robots = visitor.get("/robots.txt");
    assertEquals(200, robots.statusCode());
    assertTrue(robots.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    assertTrue(robots.body().startsWith("User-agent: *\n"), robots.body());
    assertTrue(robots.body().endsWith("Disallow: /\n"), robots.body());
    assertFalse(robots.body().contains("/" + hidden + "$"), robots.body());
  }

  @Test
  void theListFindsLinksByTextTagAndState() {
    String tag = "tag-" + UUID.randomUUID().toString().substring(0, 6);
    String title = "Title " + UUID.randomUUID();
    String tagged =
        admin.createLink(Map.of("url", unique("listed"), "title", title, "tags", tag + ", other"));
    String off =
        admin.createLink(Map.of("url", unique("listed-off"), "tags", tag, "disabled", "on"));
    HttpResponse<String> byTitle = admin.site.get("/admin/links?q=" + title.substring(6, 20));
    assertTrue(byTitle.body().contains("data-key=\"" + tagged + "\""), byTitle.body());
    HttpResponse<String> byTag = admin.site.get("/admin/links?tag=" + tag);
    assertTrue(
        byTag.body().contains("data-key=\"" + tagged + "\"")
            && byTag.body().contains("data-key=\"" + off + "\""));
    HttpResponse<String> disabled = admin.site.get("/admin/links?tag=" + tag + "&state=disabled");
    assertTrue(disabled.body().contains("data-key=\"" + off + "\""));
    assertFalse(disabled.body().contains("data-key=\"" + tagged + "\""));
    assertEquals(302, visitor.get("/admin/links").statusCode(), "admin only");
  }
}
