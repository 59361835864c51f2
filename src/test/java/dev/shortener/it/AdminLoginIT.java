package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin's sign-in as an attacker tries it: no state for strangers, no way off the site after
 * signing in, no forged posts, a throttle that parallel posts and IPv6 cannot get around, and a
 * session cookie of the site's own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminLoginIT {

  private static final String PASSWORD = Admin.PASSWORD;
  private static final String WRONG = "Wrong user name or password.";

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

  @Test
  void strangersGetNoSessionAndNoCookieFromAdminPages() throws Exception {
    String longQuery = "?" + "q".repeat(7 * 1024);
    List<String> pages = List.of("/stats", "/stats" + longQuery, "/stats.xhtml", "/stats?page=2");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger cookies = new AtomicInteger();
    AtomicInteger requests = new AtomicInteger();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int worker = 0; worker < 8; worker++) {
        work.add(
            pool.submit(
                () -> {
                  Site stranger = new Site(base.toURI());
                  for (int i = 0; i < 10_000 / 8; i++) {
                    for (String page : pages) {
                      HttpResponse<String> answer = stranger.get(page);
                      assertEquals(302, answer.statusCode(), page);
                      if (!answer.headers().allValues("Set-Cookie").isEmpty()) {
                        cookies.incrementAndGet();
                      }
                      requests.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, cookies.get(), "of " + requests.get() + " anonymous requests");
    assertEquals(10_000 * pages.size(), requests.get());
  }

  @Test
  void thePageToReturnToTravelsInTheLoginUrlAndIsRebuilt() {
    // TomEE normalises this path to /stats; Payara answers 404.
    HttpResponse<String> asked = site.get("//evil.example/..;/stats");
    if (asked.statusCode() != 404) {
      assertEquals(302, asked.statusCode());
      String login = asked.headers().firstValue("Location").orElseThrow();
      assertTrue(login.endsWith("/login?next=%2Fstats"), login);
    }
  }

  @Test
  void aSignInNeverContinuesToAnotherSite() {
    for (String next :
        List.of(
            "//evil.example/..;/stats",
            "//evil.example/stats",
            "https://evil.example/",
            "/\\evil.example/stats",
            "/stats/../../evil")) {
      Site visitor = new Site(site.uri(""));
      HttpResponse<String> page = visitor.get("/login");
      HttpResponse<String> login =
          visitor.submit(
              "/login",
              "login",
              Map.of("username", "admin", "password", PASSWORD),
              Map.of("csrf", Site.csrfOf(page), "next", next));
      assertEquals(302, login.statusCode(), next);
      String location = login.headers().firstValue("Location").orElseThrow();
      assertTrue(
          location.equals("/stats") || location.equals(site.uri("/stats").toString()),
          next + " -> " + location);
    }
  }

  @Test
  void forgedLoginPostsCountForNothingAndLockNobodyOut() {
    Site forger = new Site(site.uri("")).from(site.address());
    HttpResponse<String> someonesPage = forger.get("/login");
    String copiedToken = Site.csrfOf(someonesPage);
    for (int i = 0; i < 12; i++) {
      Site victimsBrowser = new Site(site.uri("")).from(site.address());
      HttpResponse<String> forged =
          victimsBrowser.submit(
              "/login",
              "login",
              Map.of("username", "admin", "password", "guess-" + i),
              Map.of("csrf", copiedToken));
      assertEquals(403, forged.statusCode(), "a token without its cookie");
      assertFalse(forged.body().contains(WRONG));
    }
    HttpResponse<String> crossSite =
        site.post(
            "/login",
            Site.formBody(
                Map.of(
                    "login",
                    "login",
                    "login:username",
                    "admin",
                    "login:password",
                    "x",
                    "jakarta.faces.ViewState",
                    "stateless")),
            "Sec-Fetch-Site",
            "cross-site");
    assertEquals(403, crossSite.statusCode());
    HttpResponse<String> admin = site.login("admin", PASSWORD);
    assertEquals(302, admin.statusCode(), "the admin's address is not locked out");
  }

  @Test
  void signingOutNeedsTheSessionsToken() {
    assertEquals(302, site.login("admin", PASSWORD).statusCode());
    HttpResponse<String> forged = site.submit("/stats", "logout", Map.of());
    assertEquals(403, forged.statusCode());
    assertEquals(200, site.get("/stats").statusCode(), "still signed in");
    HttpResponse<String> forgedToken =
        site.submit("/stats", "logout", Map.of(), Map.of("csrf", "A".repeat(43)));
    assertEquals(403, forgedToken.statusCode());
    assertEquals(302, site.logout().statusCode());
    assertEquals(302, site.get("/stats").statusCode(), "signed out");
  }

  @Test
  void aBurstOfParallelGuessesGetsNoMoreTriesThanASequence() throws Exception {
    HttpResponse<String> page = site.get("/login");
    String token = Site.csrfOf(page);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    AtomicInteger evaluated = new AtomicInteger();
    AtomicInteger throttled = new AtomicInteger();
    try {
      List<Future<?>> guesses = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        int guess = i;
        guesses.add(
            pool.submit(
                () -> {
                  HttpResponse<String> answer =
                      site.submit(
                          "/login",
                          "login",
                          Map.of("username", "admin", "password", "guess-" + guess),
                          Map.of("csrf", token));
                  if (answer.statusCode() == 429) {
                    assertTrue(answer.headers().firstValue("Retry-After").isPresent());
                    assertTrue(answer.body().contains("Too many failed sign-ins."));
                    throttled.incrementAndGet();
                  } else {
                    assertTrue(answer.body().contains(WRONG), answer.body());
                    evaluated.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> guess : guesses) {
        guess.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // Five free failures and the one that starts the delays; one or two more only if the burst
    // outlasts the first delays of one and two seconds. Checked after the hash, all 32 would count.
    assertTrue(evaluated.get() >= 6 && evaluated.get() <= 8, "evaluated " + evaluated.get());
    assertEquals(32 - evaluated.get(), throttled.get());
  }

  @Test
  void everyAddressOfAnIpv6Slash64IsOneClient() {
    int throttled = 0;
    for (int i = 1; i <= 9; i++) {
      // Nine addresses that were each new to the throttle if it counted addresses, not /64s.
      if (site.from("2001:db8:a:b::" + Integer.toHexString(i * 4099))
              .login("admin", "wrong")
              .statusCode()
          == 429) {
        throttled++;
      }
    }
    assertTrue(throttled > 0, "the /64 was throttled as one client");
    assertTrue(site.from("2001:db8:a:c::1").login("admin", "wrong").body().contains(WRONG));
  }

  @Test
  void theSessionIsTheSitesOwnCookieAndNewAtEverySignIn() {
    Site visitor = new Site(site.uri(""));
    HttpResponse<String> first = visitor.login("admin", PASSWORD);
    String cookie =
        first.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("shortener-admin="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.endsWith("; Path=/; HttpOnly; SameSite=Lax"), cookie);
    String before = visitor.cookie("shortener-admin").orElseThrow();
    visitor.login("admin", PASSWORD);
    String after = visitor.cookie("shortener-admin").orElseThrow();
    assertNotEquals(before, after, "a new token at sign-in");
    assertTrue(visitor.cookie("JSESSIONID").isEmpty(), "no container session");

    HttpResponse<String> stolen =
        new Site(site.uri("")).get("/stats", "Cookie", "shortener-admin=" + before);
    assertEquals(302, stolen.statusCode(), "the old token is worth nothing");
    HttpResponse<String> current =
        new Site(site.uri("")).get("/stats", "Cookie", "shortener-admin=" + after);
    assertEquals(200, current.statusCode());
  }

  @Test
  void behindAnHttpsProxyTheCookieIsSecure() {
    HttpResponse<String> login = site.get("/login");
    HttpResponse<String> signIn =
        site.post(
            "/login",
            Site.formBody(
                Map.of(
                    "csrf", Site.csrfOf(login),
                    "login", "login",
                    "login:username", "admin",
                    "login:password", PASSWORD,
                    "login:submit", "submit",
                    "jakarta.faces.ViewState", "stateless")),
            "X-Forwarded-Proto",
            "https");
    assertEquals(302, signIn.statusCode(), signIn.body());
    String cookie =
        signIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("shortener-admin="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.endsWith("; Secure"), cookie);
  }
}
