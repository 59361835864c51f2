package dev.shortener.admin.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shortener.web.Cookies;
import dev.shortener.web.TrustedProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in admin's sessions: a random token in the {@value #COOKIE} cookie, and in memory what
 * it stands for. Nothing exists before a successful sign-in, so no visitor, bot or stranger at the
 * login page ever holds server memory.
 *
 * <p>Kept here rather than in the container's HTTP session so that the cookie's attributes are the
 * same on both servers ({@code SameSite=Lax}, {@code HttpOnly}, {@code Secure} over HTTPS, which
 * neither server's session cookie can be told portably), and so that a session ends with the
 * process: TomEE would persist its sessions across a restart, letting a stolen one outlive a
 * password change. Sessions end after {@link #IDLE} without a request, and at the latest {@link
 * #LIFETIME} after the sign-in.
 */
@ApplicationScoped
public class AdminSessions {

  /** The session cookie's name. */
  public static final String COOKIE = "shortener-admin";

  /** A session unused for this long ends. */
  static final Duration IDLE = Duration.ofMinutes(30);

  /** No session lives longer than this, however busy. */
  static final Duration LIFETIME = Duration.ofHours(12);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject TrustedProxy proxy;

  Clock clock = Clock.systemUTC();

  private final Cache<String, AdminSession> byToken =
      Caffeine.newBuilder().expireAfterAccess(IDLE).maximumSize(1_000).build();

  /** Starts a session for {@code caller} and hands the browser its cookie. */
  public AdminSession start(
      HttpServletRequest request, HttpServletResponse response, String caller, Set<String> groups) {
    // A token the browser held before signing in must not carry the sign-in (session fixation).
    Cookies.read(request, COOKIE).ifPresent(byToken::invalidate);
    String token = randomToken();
    AdminSession session =
        new AdminSession(caller, Set.copyOf(groups), randomToken(), clock.instant());
    byToken.put(token, session);
    Cookies.write(response, COOKIE, token, path(request), "Lax", proxy.isHttps(request));
    return session;
  }

  /** The session the request's cookie names, if it is still valid. */
  public Optional<AdminSession> of(HttpServletRequest request) {
    Optional<String> token = Cookies.read(request, COOKIE);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    AdminSession session = byToken.getIfPresent(token.get());
    if (session == null) {
      return Optional.empty();
    }
    if (session.started().plus(LIFETIME).isBefore(clock.instant())) {
      byToken.invalidate(token.get());
      return Optional.empty();
    }
    return Optional.of(session);
  }

  /** Ends the request's session, if any, and tells the browser to drop the cookie. */
  public void end(HttpServletRequest request, HttpServletResponse response) {
    Optional<String> token = Cookies.read(request, COOKIE);
    if (token.isPresent()) {
      byToken.invalidate(token.get());
      Cookies.clear(response, COOKIE, path(request), "Lax", proxy.isHttps(request));
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getContextPath() + "/";
  }

  /** 32 random bytes, URL-safe: unguessable, and valid in a cookie and in an HTML attribute. */
  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** One signed-in admin. */
  public record AdminSession(
      String caller, Set<String> groups, String csrfToken, Instant started) {}
}
