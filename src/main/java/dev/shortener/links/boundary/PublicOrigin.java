package dev.shortener.links.boundary;

import dev.shortener.platform.Setting;
import dev.shortener.web.TrustedProxy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * The origin short links are shown with: {@code SHORTENER_BASE_URL} when set (a server behind a
 * proxy cannot see its public name), else the request's own scheme (as {@link TrustedProxy} sees
 * it), host and context path.
 */
@ApplicationScoped
public class PublicOrigin {

  @Inject TrustedProxy proxy;

  private URI configured;

  @PostConstruct
  void load() {
    configured =
        Setting.BASE_URL.value().map(PublicOrigin::stripSlash).map(URI::create).orElse(null);
  }

  /** Whether the origin is configured rather than taken from each request's {@code Host}. */
  public boolean isConfigured() {
    return configured != null;
  }

  /**
   * The public origin for links created or listed during {@code request}, without a final slash.
   */
  public URI of(HttpServletRequest request) {
    if (configured != null) {
      return configured;
    }
    String scheme = proxy.scheme(request);
    StringBuilder origin = new StringBuilder();
    origin.append(scheme).append("://").append(request.getServerName());
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    if (!defaultPort && scheme.equals(request.getScheme())) {
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
