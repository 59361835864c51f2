package dev.shortener.urls.boundary;

import dev.shortener.platform.Setting;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * The origin short links are shown with: {@code SHORTENER_BASE_URL} when set (a server behind a
 * proxy cannot see its public name), else the request's own scheme, host and context path.
 */
public final class PublicOrigin {

  private PublicOrigin() {}

  /**
   * The public origin for links created or listed during {@code request}, without a final slash.
   */
  public static URI of(HttpServletRequest request) {
    String configured = Setting.BASE_URL.value().orElse(null);
    if (configured != null) {
      return URI.create(stripSlash(configured));
    }
    StringBuilder origin = new StringBuilder();
    origin.append(request.getScheme()).append("://").append(request.getServerName());
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equals(request.getScheme()) && port == 80)
            || ("https".equals(request.getScheme()) && port == 443);
    if (!defaultPort) {
      origin.append(':').append(port);
    }
    origin.append(request.getContextPath());
    return URI.create(stripSlash(origin.toString()));
  }

  /** The absolute short link of {@code code}. */
  public static String linkTo(URI origin, String code) {
    return origin + "/" + code;
  }

  private static String stripSlash(String origin) {
    return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }
}
