package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What keeps an open shortener from becoming a phishing tool: a creation limit per client, and the
 * blocklist of destinations, read again while the server runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AbuseLimitsIT {

  /** The test servers' blocklist (pom.xml: SHORTENER_BLOCKLIST_FILE). */
  private static final Path BLOCKLIST = Path.of(System.getProperty("it.blocklist"));

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

  @AfterEach
  void unblockEverything() throws IOException {
    Files.deleteIfExists(BLOCKLIST);
  }

  private static String unique() {
    return "https://example.com/limits/" + UUID.randomUUID();
  }

  @Test
  void aClientMakesTenLinksAMinuteThenWaitsWithWhatItTypedKept() {
    for (int i = 0; i < 10; i++) {
      site.shortLinkOf(unique());
    }
    long before = admin.totalLinks();
    String typed = unique();
    HttpResponse<String> limited = site.shorten(typed);
    assertEquals(429, limited.statusCode());
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(
        retryAfter >= 1 && retryAfter <= 60, "one more link within the minute: " + retryAfter);
    assertTrue(limited.body().contains("You have made many links in a short time. Try again in"));
    assertTrue(limited.body().contains("value=\"" + typed + "\""), "what was typed is kept");
    assertFalse(limited.body().contains("id=\"short-url\""));
    assertEquals(before, admin.totalLinks(), "nothing stored");

    assertEquals(
        200, new Site(site.uri("")).shorten(unique()).statusCode(), "others are not held back");
  }

  @Test
  void refusedUrlsCostNothing() {
    for (int i = 0; i < 15; i++) {
      assertEquals(200, site.shorten("javascript:alert(" + i + ")").statusCode());
    }
    for (int i = 0; i < 10; i++) {
      site.shortLinkOf(unique());
    }
    assertEquals(429, site.shorten(unique()).statusCode());
  }

  @Test
  void theAdminIsNotLimited() {
    for (int i = 0; i < 12; i++) {
      admin.site.shortLinkOf(unique());
    }
  }

  @Test
  void blockedDomainsAreRefusedAndTheirLinksStop() throws Exception {
    String domain = "blocked-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    String existing = site.shortLinkOf("https://www." + domain + "/campaign");
    String path = URI.create(existing).getPath();
    assertEquals(302, site.get(path).statusCode());

    Files.createDirectories(BLOCKLIST.getParent());
    Files.writeString(BLOCKLIST, "# test\n" + domain + "\n");
    String refusal = "Links to " + domain + " are not accepted here.";
    // Polled as the admin, whom no creation limit holds back while the list is not read yet.
    waitFor(() -> admin.site.shorten("https://" + domain + "/x").body().contains(refusal));
    assertTrue(
        new Site(site.uri(""))
            .shorten("https://deep.sub." + domain + "/")
            .body()
            .contains(refusal));

    HttpResponse<String> stopped = site.get(path);
    assertEquals(410, stopped.statusCode());
    assertTrue(
        stopped
            .body()
            .contains("This link has been disabled: it leads to a site that is blocked here."));
    assertTrue(stopped.body().contains("class=\"navbar"));
    HeadersIT.assertProtected(stopped, "the 410 page");
    assertEquals(410, site.get(path + "+").statusCode(), "no preview either");
    assertEquals(404, site.get("/qr" + path + ".svg").statusCode());

    // Kept, not deleted: unblocked, it redirects again.
    Files.writeString(BLOCKLIST, "# nothing blocked\n");
    waitFor(() -> site.get(path).statusCode() == 302);
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 15 s (the blocklist is read every 2 s)");
      }
      Thread.sleep(200);
    }
  }
}
