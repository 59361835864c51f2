package dev.shortener.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.admin.control.AdminSessions.AdminSession;
import dev.shortener.web.HttpFakes;
import dev.shortener.web.TrustedProxy;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormTokensTest {

  private final FormTokens tokens = new FormTokens();

  FormTokensTest() {
    tokens.proxy = new TrustedProxy();
  }

  @Test
  void theLoginPageSetsItsTokenAsAStrictCookieForItselfOnly() {
    HttpFakes.Response response = new HttpFakes.Response();
    String token = tokens.loginToken(new HttpFakes.Request().servlet(), response.servlet());
    assertEquals(
        "shortener-login=" + token + "; Path=/login; HttpOnly; SameSite=Strict",
        response.setCookies.get(0));
  }

  @Test
  void aBrowserThatHasTheCookieKeepsItsToken() {
    String token =
        tokens.loginToken(new HttpFakes.Request().servlet(), new HttpFakes.Response().servlet());
    HttpFakes.Response again = new HttpFakes.Response();
    assertEquals(
        token,
        tokens.loginToken(
            new HttpFakes.Request().cookie(FormTokens.LOGIN_COOKIE, token).servlet(),
            again.servlet()));
    assertTrue(again.setCookies.isEmpty());
  }

  @Test
  void aMalformedCookieIsReplaced() {
    HttpFakes.Response response = new HttpFakes.Response();
    String token =
        tokens.loginToken(
            new HttpFakes.Request().cookie(FormTokens.LOGIN_COOKIE, "x\"<y").servlet(),
            response.servlet());
    assertEquals(43, token.length());
    assertEquals(1, response.setCookies.size());
  }

  @Test
  void aLoginPostCountsOnlyWithTheTokenOfItsOwnCookie() {
    String token = "A".repeat(43);
    assertTrue(
        tokens.validLogin(
            new HttpFakes.Request()
                .cookie(FormTokens.LOGIN_COOKIE, token)
                .parameter(FormTokens.FIELD, token)
                .servlet()));
    assertFalse(
        tokens.validLogin(new HttpFakes.Request().parameter(FormTokens.FIELD, token).servlet()),
        "a foreign page cannot make the browser send the cookie");
    assertFalse(
        tokens.validLogin(
            new HttpFakes.Request()
                .cookie(FormTokens.LOGIN_COOKIE, token)
                .parameter(FormTokens.FIELD, "B".repeat(43))
                .servlet()));
    assertFalse(
        tokens.validLogin(
            new HttpFakes.Request().cookie(FormTokens.LOGIN_COOKIE, token).servlet()));
  }

  @Test
  void anAdminPostCountsOnlyWithTheSessionsToken() {
    AdminSession session =
        new AdminSession("admin", Set.of("admin"), "C".repeat(43), Instant.now());
    assertTrue(
        tokens.validFor(
            session,
            new HttpFakes.Request().parameter(FormTokens.FIELD, "C".repeat(43)).servlet()));
    assertFalse(
        tokens.validFor(
            session,
            new HttpFakes.Request().parameter(FormTokens.FIELD, "D".repeat(43)).servlet()));
    assertFalse(tokens.validFor(session, new HttpFakes.Request().servlet()));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"A", "Z", "a", "z", "0", "9", "-", "_"})
  void aTokenOfUrlSafeCharactersIsKept(String edge) {
    String token = edge.repeat(43);
    HttpFakes.Response response = new HttpFakes.Response();
    assertEquals(
        token,
        tokens.loginToken(
            new HttpFakes.Request().cookie(FormTokens.LOGIN_COOKIE, token).servlet(),
            response.servlet()));
    assertTrue(response.setCookies.isEmpty());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"@", "[", "`", "{", "/", ":", ".", "+", "="})
  void aTokenWithAnythingElseIsReplaced(String edge) {
    String token = "A".repeat(42) + edge;
    HttpFakes.Response response = new HttpFakes.Response();
    String kept =
        tokens.loginToken(
            new HttpFakes.Request().cookie(FormTokens.LOGIN_COOKIE, token).servlet(),
            response.servlet());
    assertFalse(kept.equals(token));
    assertEquals(1, response.setCookies.size());
  }

  @Test
  void aTokenOfAnotherLengthIsReplaced() {
    HttpFakes.Response response = new HttpFakes.Response();
    tokens.loginToken(
        new HttpFakes.Request().cookie(FormTokens.LOGIN_COOKIE, "A".repeat(42)).servlet(),
        response.servlet());
    assertEquals(1, response.setCookies.size());
  }
}
