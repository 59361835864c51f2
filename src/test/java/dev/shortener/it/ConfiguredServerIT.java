package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server configured as a careful operator would: only the admin shortens ({@code
 * SHORTENER_CREATION=admin}), short links on a public base URL, behind a trusted proxy, and the
 * password given the worst way, as a {@code -D} option, which must still never reach the log.
 */
class ConfiguredServerIT {

  private static final String BASE_URL = "https://sho.example";
  private static final String PASSWORD = "never-in-the-log-" + UUID.randomUUID();

  private static ServerProcess server;

  @BeforeAll
  static void start() {
    server =
        ServerProcess.start(
            "configured",
            Map.of(
                "SHORTENER_CREATION", "admin",
                "SHORTENER_BASE_URL", BASE_URL,
                "SHORTENER_TRUST_PROXY", "true",
                "SHORTENER_HASHIDS_SALT", "configured-salt",
                "SHORTENER_EXPIRED_URL", "https://example.com/expired"),
            Map.of(
                "shortener.admin.password",
                PASSWORD,
                "shortener.data.dir",
                "target/server-runs/configured-data-"
                    + (ServerProcess.onTomee() ? "tomee" : "payara")));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static Site visitor() {
    return new Site(server.base());
  }

  private static Admin admin() {
    Site site = visitor();
    HttpResponse<String> login = site.login("admin", PASSWORD);
    assertEquals(302, login.statusCode(), login.body());
    return Admin.of(site);
  }

  @Test
  void onlyTheAdminShortens() {
    Admin admin = admin();
    long before = admin.totalLinks();
    HttpResponse<String> home = visitor().get("/");
    assertTrue(home.body().contains("id=\"admin-only\""), "a sign-in hint for everyone else");
    assertFalse(home.body().contains("id=\"shorten:url\""), "no form for them");

    HttpResponse<String> tried = visitor().shorten("https://example.com/" + UUID.randomUUID());
    assertEquals(403, tried.statusCode());
    assertFalse(tried.body().contains("id=\"short-url\""));
    assertEquals(before, admin.totalLinks(), "nothing stored");

    HttpResponse<String> adminHome = admin.site.get("/");
    assertTrue(adminHome.body().contains("id=\"shorten:url\""), "the admin gets the form");
    String shortLink = admin.site.shortLinkOf("https://example.com/" + UUID.randomUUID());
    assertEquals(before + 1, admin.totalLinks());
    assertTrue(shortLink.startsWith(BASE_URL + "/"), "links on the base URL: " + shortLink);
  }

  @Test
  void theBaseUrlShapesLinksQrCodesAndTheLoopRule() {
    Admin admin = admin();
    String shortLink = admin.site.shortLinkOf("https://example.com/" + UUID.randomUUID());
    String code = shortLink.substring(shortLink.lastIndexOf('/') + 1);
    HttpResponse<String> qr = visitor().get("/qr/" + code + ".svg");
    assertEquals(
        "public, max-age=2592000",
        qr.headers().firstValue("Cache-Control").orElseThrow(),
        "one image for every Host: a shared cache may keep it");
    HttpResponse<String> loop = admin.site.shorten(BASE_URL + "/" + code);
    assertTrue(loop.body().contains("That is already a short link of this site."), loop.body());
    assertTrue(admin.site.get("/stats").body().contains("sho.example/" + code));
    assertEquals(302, visitor().get(URI.create(shortLink).getPath()).statusCode());
  }

  @Test
  void thePasswordNeverReachesTheLogButFailedSignInsDo() {
    Site guesser = visitor().from("203.0.113.77");
    assertTrue(guesser.login("admin", "not-it").body().contains("Wrong user name or password."));
    assertTrue(admin().totalLinks() >= 0);
    String log = server.log();
    assertFalse(log.contains(PASSWORD), "the admin password in the log");
    assertTrue(
        log.contains("Failed admin sign-in from 203.0.113.77"), "each failure, with the address");
    assertFalse(log.contains("not-it"), "never the password tried");
  }

  @Test
  void noAccessLogKeepsVisitorsAddresses() throws IOException {
    for (int i = 0; i < 20; i++) {
      visitor().get("/");
    }
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.walk(server.folder())) {
      assertEquals(
          List.of(),
          files
              .filter(
                  f ->
                      f.getFileName().toString().contains("access_log")
                          || f.getParent().getFileName().toString().equals("access"))
              .filter(Files::isRegularFile)
              .toList());
    }
  }

  @Test
  void aLinkThatCannotBeFollowedGoesToTheSitesFallback() {
    Admin admin = admin();
    String key =
        admin.createLink(
            Map.of("url", "https://example.com/" + UUID.randomUUID(), "disabled", "on"));
    HttpResponse<String> gone = visitor().get("/" + key);
    assertEquals(302, gone.statusCode());
    assertEquals(
        "https://example.com/expired", gone.headers().firstValue("Location").orElseThrow());
    String own =
        admin.createLink(
            Map.of(
                "url", "https://example.com/" + UUID.randomUUID(),
                "disabled", "on",
                "fallbackUrl", "https://example.com/own"));
    assertEquals(
        "https://example.com/own",
        visitor().get("/" + own).headers().firstValue("Location").orElseThrow(),
        "the link's own fallback first");
  }
}
