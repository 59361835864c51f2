package dev.shortener.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Reads and writes the few cookies of this site, with every attribute spelled out.
 *
 * <p>Written as a raw {@code Set-Cookie} header because Servlet 5 (Jakarta EE 9.1, so TomEE 9) has
 * no way to set {@code SameSite}, and each server's own switch for it is spelled differently. Every
 * cookie here is {@code HttpOnly}; {@code Secure} whenever the client came over HTTPS.
 */
public final class Cookies {

  private Cookies() {}

  /** The value of cookie {@code name}, without parsing any cookie when the header lacks it. */
  public static Optional<String> read(HttpServletRequest request, String name) {
    String header = request.getHeader("Cookie");
    if (header == null || !header.contains(name)) {
      return Optional.empty();
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (cookie.getName().equals(name) && !cookie.getValue().isEmpty()) {
          return Optional.of(cookie.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Sets cookie {@code name} for {@code path} until the browser closes.
   *
   * @param sameSite {@code Strict} or {@code Lax}
   * @param secure whether the client came over HTTPS
   */
  public static void write(
      HttpServletResponse response,
      String name,
      String value,
      String path,
      String sameSite,
      boolean secure) {
    response.addHeader("Set-Cookie", header(name, value, path, sameSite, secure));
  }

  /** Tells the browser to forget cookie {@code name} of {@code path}. */
  public static void clear(
      HttpServletResponse response, String name, String path, String sameSite, boolean secure) {
    response.addHeader(
        "Set-Cookie",
        header(name, "", path, sameSite, secure)
            + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  }

  private static String header(
      String name, String value, String path, String sameSite, boolean secure) {
    return name
        + "="
        + value
        + "; Path="
        + path
        + "; HttpOnly; SameSite="
        + sameSite
        + (secure ? "; Secure" : "");
  }
}
