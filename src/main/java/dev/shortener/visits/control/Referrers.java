package dev.shortener.visits.control;

import java.util.Locale;

/**
 * The part of a {@code Referer} header a visit keeps: the host, never the path or query, which may
 * carry a search term, a session or a person's name.
 */
public final class Referrers {

  // The longest name DNS allows; anything longer is made up.
  private static final int MAX_HOST_LENGTH = 253;

  private Referrers() {}

  /**
   * The host of {@code referer}, lower case, without userinfo, port, path or query: {@code
   * https://user@News.Example.com:8443/a?q=1} gives {@code news.example.com}. An Android app sends
   * {@code android-app://<package>/}, whose package name counts as its host. International names
   * stay as sent (browsers send punycode); an IPv6 host keeps its brackets. Null for a missing,
   * malformed or other-scheme value, such as {@code about:blank} or {@code file:///}.
   */
  public static String host(String referer) {
    if (referer == null) {
      return null;
    }
    String value = referer.strip();
    int schemeEnd = value.indexOf("://");
    if (schemeEnd < 0 || !knownScheme(value.substring(0, schemeEnd))) {
      return null;
    }
    int start = schemeEnd + 3;
    int end = start;
    // Browsers take a backslash for a slash in web addresses, so it ends the authority too.
    while (end < value.length() && "/?#\\".indexOf(value.charAt(end)) < 0) {
      end++;
    }
    String authority = value.substring(Math.max(start, value.lastIndexOf('@', end - 1) + 1), end);
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close > 1 && portOrNothing(authority, close + 1) && ipv6(authority, close)
          ? authority.substring(0, close + 1).toLowerCase(Locale.ROOT)
          : null;
    }
    int colon = authority.indexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    if (colon >= 0 && !portOrNothing(authority, colon)) {
      return null;
    }
    // A trailing dot names the same host (the DNS root); keep one spelling.
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    host = host.toLowerCase(Locale.ROOT);
    return name(host) ? host : null;
  }

  private static boolean knownScheme(String scheme) {
    return scheme.equalsIgnoreCase("https")
        || scheme.equalsIgnoreCase("http")
        || scheme.equalsIgnoreCase("android-app");
  }

  /** Whether {@code authority} from {@code from} on is empty or a colon and up to five digits. */
  private static boolean portOrNothing(String authority, int from) {
    if (from == authority.length()) {
      return true;
    }
    if (authority.charAt(from) != ':' || authority.length() - from > 6) {
      return false;
    }
    for (int i = from + 1; i < authority.length(); i++) {
      if (authority.charAt(i) < '0' || authority.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean ipv6(String authority, int close) {
    for (int i = 1; i < close; i++) {
      char c = authority.charAt(i);
      if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
        return false;
      }
    }
    int colon = authority.indexOf(':');
    return colon > 0 && colon < close;
  }

  /**
   * Whether {@code host} is a plausible name: labels of letters, digits, hyphens and underscores
   * (some real hosts have them), none empty. Letters beyond ASCII pass, for a name a client sent
   * undecoded.
   */
  private static boolean name(String host) {
    if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
      return false;
    }
    char previous = '.';
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean allowed =
          c == '.' ? previous != '.' : c == '-' || c == '_' || Character.isLetterOrDigit(c);
      if (!allowed) {
        return false;
      }
      previous = c;
    }
    return previous != '.';
  }
}
