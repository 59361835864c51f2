package dev.shortener.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.admin.control.AdminSessions.AdminSession;
import dev.shortener.web.HttpFakes;
import dev.shortener.web.TrustedProxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminSessionsTest {

  private final AdminSessions sessions = new AdminSessions();

  AdminSessionsTest() {
    sessions.proxy = new TrustedProxy();
  }

  private String signIn(HttpFakes.Request request) {
    HttpFakes.Response response = new HttpFakes.Response();
    sessions.start(request.servlet(), response.servlet(), "admin", Set.of("admin"));
    assertEquals(1, response.setCookies.size());
    String cookie = response.setCookies.get(0);
    return cookie.substring(AdminSessions.COOKIE.length() + 1, cookie.indexOf(';'));
  }

  @Test
  void theCookieIsHttpOnlyLaxAndSecureOverHttps() {
    HttpFakes.Response response = new HttpFakes.Response();
    HttpFakes.Request https = new HttpFakes.Request();
    https.scheme = "https";
    sessions.start(https.servlet(), response.servlet(), "admin", Set.of("admin"));
    String cookie = response.setCookies.get(0);
    assertTrue(
        cookie.matches("shortener-admin=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Secure"),
        cookie);

    HttpFakes.Response plain = new HttpFakes.Response();
    sessions.start(new HttpFakes.Request().servlet(), plain.servlet(), "admin", Set.of("admin"));
    assertTrue(plain.setCookies.get(0).endsWith("SameSite=Lax"), plain.setCookies.get(0));
  }

  @Test
  void theCookieNamesTheSession() {
    String token = signIn(new HttpFakes.Request());
    AdminSession session =
        sessions
            .of(new HttpFakes.Request().cookie(AdminSessions.COOKIE, token).servlet())
            .orElseThrow();
    assertEquals("admin", session.caller());
    assertEquals(Set.of("admin"), session.groups());
    assertTrue(sessions.of(new HttpFakes.Request().servlet()).isEmpty());
    assertTrue(
        sessions
            .of(new HttpFakes.Request().cookie(AdminSessions.COOKIE, "forged").servlet())
            .isEmpty());
  }

  @Test
  void signingInAgainReplacesTheTokenTheBrowserHeld() {
    String first = signIn(new HttpFakes.Request());
    String second = signIn(new HttpFakes.Request().cookie(AdminSessions.COOKIE, first));
    assertNotEquals(first, second);
    assertTrue(
        sessions
            .of(new HttpFakes.Request().cookie(AdminSessions.COOKIE, first).servlet())
            .isEmpty());
    assertTrue(
        sessions
            .of(new HttpFakes.Request().cookie(AdminSessions.COOKIE, second).servlet())
            .isPresent());
  }

  @Test
  void endingForgetsTheSessionAndClearsTheCookie() {
    String token = signIn(new HttpFakes.Request());
    HttpFakes.Response response = new HttpFakes.Response();
    sessions.end(
        new HttpFakes.Request().cookie(AdminSessions.COOKIE, token).servlet(), response.servlet());
    assertTrue(response.setCookies.get(0).contains("Max-Age=0"), response.setCookies.get(0));
    assertTrue(
        sessions
            .of(new HttpFakes.Request().cookie(AdminSessions.COOKIE, token).servlet())
            .isEmpty());
  }

  @Test
  void noSessionOutlivesItsLifetime() {
    Instant[] now = {Instant.parse("2026-12-01T08:00:00Z")};
    sessions.clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now[0];
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    String token = signIn(new HttpFakes.Request());
    now[0] = now[0].plus(AdminSessions.LIFETIME).minus(Duration.ofMinutes(1));
    assertTrue(
        sessions
            .of(new HttpFakes.Request().cookie(AdminSessions.COOKIE, token).servlet())
            .isPresent());
    now[0] = now[0].plus(Duration.ofMinutes(2));
    assertTrue(
        sessions
            .of(new HttpFakes.Request().cookie(AdminSessions.COOKIE, token).servlet())
            .isEmpty());
  }

  @Test
  void eachSessionHasItsOwnFormToken() {
    HttpFakes.Request request = new HttpFakes.Request();
    String a = signIn(request);
    String b = signIn(new HttpFakes.Request());
    String tokenA =
        sessions
            .of(new HttpFakes.Request().cookie(AdminSessions.COOKIE, a).servlet())
            .orElseThrow()
            .csrfToken();
    String tokenB =
        sessions
            .of(new HttpFakes.Request().cookie(AdminSessions.COOKIE, b).servlet())
            .orElseThrow()
            .csrfToken();
    assertNotEquals(tokenA, tokenB);
    assertEquals(43, tokenA.length());
  }

  @Test
  void startingReturnsTheNewSession() {
    AdminSession session =
        sessions.start(
            new HttpFakes.Request().servlet(),
            new HttpFakes.Response().servlet(),
            "boss",
            Set.of("admin"));
    assertEquals("boss", session.caller());
    assertEquals(43, session.csrfToken().length());
  }
}
