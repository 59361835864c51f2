package dev.shortener.admin.control;

import dev.shortener.admin.control.AdminSessions.AdminSession;
import dev.shortener.web.Cookies;
import dev.shortener.web.TrustedProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Tokens that tell a form this site rendered from one a foreign page forged (cross-site request
 * forgery). Every form that signs in, signs out or changes anything carries one in the field
 * {@value #FIELD}.
 *
 * <p>The views are stateless, so without a token every visitor's login form is the same and a
 * foreign page could post it from the admin's browser: guessing on the admin's behalf until the
 * admin's own address is locked out. Before sign-in there is no server-side state to tie a token
 * to, so the login form's token is also set as the {@value #LOGIN_COOKIE} cookie ({@code
 * SameSite=Strict}, for the login page only) and a post counts only when both agree: a foreign page
 * can neither read the cookie nor make the browser send it. After sign-in the token is the
 * session's own.
 */
@ApplicationScoped
public class FormTokens {

  /** The hidden form field every protected form posts its token in. */
  public static final String FIELD = "csrf";

  /** The login page's cookie. */
  public static final String LOGIN_COOKIE = "shortener-login";

  @Inject TrustedProxy proxy;

  /** The token for the login form, set as its cookie too when the browser has none yet. */
  public String loginToken(HttpServletRequest request, HttpServletResponse response) {
    Optional<String> known = Cookies.read(request, LOGIN_COOKIE);
    if (known.isPresent() && wellFormed(known.get())) {
      return known.get();
    }
    String token = AdminSessions.randomToken();
    Cookies.write(
        response,
        LOGIN_COOKIE,
        token,
        request.getContextPath() + "/login",
        "Strict",
        proxy.isHttps(request));
    return token;
  }

  /** Whether a post to the login page carries the token of its own cookie. */
  public boolean validLogin(HttpServletRequest request) {
    return Cookies.read(request, LOGIN_COOKIE)
        .map(cookie -> same(cookie, request.getParameter(FIELD)))
        .orElse(false);
  }

  /** Whether a post by the signed-in admin carries the session's token. */
  public boolean validFor(AdminSession session, HttpServletRequest request) {
    return same(session.csrfToken(), request.getParameter(FIELD));
  }

  private static boolean wellFormed(String token) {
    return token.length() == 43 && token.chars().allMatch(FormTokens::urlSafe);
  }

  private static boolean urlSafe(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  private static boolean same(String expected, String actual) {
    return actual != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
