package dev.shortener.web;

import dev.shortener.platform.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What a request says about its client: the address, and whether it arrived over HTTPS.
 *
 * <p>Behind a reverse proxy the connection comes from the proxy, which passes the client's address
 * in {@code X-Forwarded-For} and the original scheme in {@code X-Forwarded-Proto}. Anyone can send
 * those headers, so they are believed only when {@code SHORTENER_TRUST_PROXY} says a proxy is in
 * front; then the last {@code X-Forwarded-For} entry counts, the one the proxy itself added.
 */
@ApplicationScoped
public class TrustedProxy {

  boolean trusted;

  @PostConstruct
  void load() {
    trusted = Setting.TRUST_PROXY.booleanValue();
  }

  /** The client of {@code request}. */
  public ClientAddress clientOf(HttpServletRequest request) {
    if (trusted) {
      String forwarded = lastEntry(request.getHeader("X-Forwarded-For"));
      if (forwarded != null) {
        return ClientAddress.of(forwarded);
      }
    }
    return ClientAddress.of(request.getRemoteAddr());
  }

  /**
   * The client's address as the text the container or the trusted proxy gave, unparsed: cheap
   * enough for every redirect, which hands it on to be parsed later.
   */
  public String addressOf(HttpServletRequest request) {
    if (trusted) {
      String forwarded = lastEntry(request.getHeader("X-Forwarded-For"));
      if (forwarded != null) {
        return forwarded;
      }
    }
    return request.getRemoteAddr();
  }

  /** Whether the client used HTTPS, to this server or to the trusted proxy in front of it. */
  public boolean isHttps(HttpServletRequest request) {
    return "https".equalsIgnoreCase(scheme(request));
  }

  /** The scheme the client used: {@code http} or {@code https}. */
  public String scheme(HttpServletRequest request) {
    if (trusted) {
      String forwarded = lastEntry(request.getHeader("X-Forwarded-Proto"));
      if ("https".equalsIgnoreCase(forwarded) || "http".equalsIgnoreCase(forwarded)) {
        return forwarded.toLowerCase(Locale.ROOT);
      }
    }
    return request.isSecure() ? "https" : request.getScheme();
  }

  private static String lastEntry(String header) {
    if (header == null) {
      return null;
    }
    String last = header.substring(header.lastIndexOf(',') + 1).strip();
    return last.isEmpty() ? null : last;
  }
}
