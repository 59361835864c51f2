package dev.shortener.urls.control;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Which URLs may be shortened, and how a stored URL is written into a {@code Location} header.
 *
 * <p>Accepted: absolute {@code http}/{@code https} URLs with a host, at most {@value #MAX_LENGTH}
 * characters after trimming, without control characters, spaces or a user name, and not one of this
 * shortener's own short links (a loop). The tutorial accepted anything, including {@code
 * javascript:} URLs.
 */
public final class UrlRules {

  /** The longest URL accepted, the de-facto limit browsers and search engines agree on. */
  public static final int MAX_LENGTH = 2048;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlRules() {}

  /**
   * The URL to store, trimmed, or an exception saying what is wrong with it.
   *
   * @param input what the user typed
   * @param ownOrigin this shortener's public origin, e.g. {@code https://sho.rt}
   * @param codes decides whether a path on the own origin is a short link
   */
  public static String check(String input, URI ownOrigin, ShortCodes codes)
      throws InvalidUrlException {
    String url = input == null ? "" : input.strip();
    if (url.isEmpty()) {
      throw new InvalidUrlException("The URL is required!");
    }
    if (url.length() > MAX_LENGTH) {
      throw new InvalidUrlException(
          "The URL is too long: " + url.length() + " characters, at most 2,048 are allowed.");
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        throw new InvalidUrlException("The URL contains control characters.");
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        throw new InvalidUrlException(
            "The URL contains spaces; encode them as %20 or remove them.");
      }
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidUrlException("That is not a valid URL: " + e.getReason() + ".");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidUrlException(
          "Only web addresses starting with http:// or https:// can be shortened.");
    }
    if (uri.getRawAuthority() == null || uri.isOpaque()) {
      throw new InvalidUrlException("The URL needs a host name, like https://example.com/.");
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
      throw new InvalidUrlException(
          "URLs with a user name or password are not accepted: they are a common phishing trick.");
    }
    String host = host(uri);
    if (host.isEmpty()) {
      throw new InvalidUrlException("The URL needs a host name, like https://example.com/.");
    }
    if (isOwnShortLink(uri, scheme, host, ownOrigin, codes)) {
      throw new InvalidUrlException("That is already a short link of this site.");
    }
    return url;
  }

  /**
   * The stored URL as an ASCII-only {@code Location} value: a non-ASCII host becomes punycode and
   * every other non-ASCII character is percent-encoded as UTF-8. Headers are ISO-8859-1 on the
   * wire, so anything else would reach the browser garbled; ASCII URLs come back unchanged, byte
   * for byte.
   */
  public static String toLocation(String url) {
    boolean ascii = url.chars().allMatch(c -> c < 0x80);
    if (ascii) {
      return url;
    }
    int hostStart = url.indexOf("//") + 2;
    int hostEnd = hostStart;
    while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
      hostEnd++;
    }
    String authority = url.substring(hostStart, hostEnd);
    int port = authority.lastIndexOf(':');
    String hostPart =
        port < 0 || authority.startsWith("[") ? authority : authority.substring(0, port);
    String portPart = hostPart.length() == authority.length() ? "" : authority.substring(port);
    StringBuilder location = new StringBuilder(url.length() + 32);
    location.append(url, 0, hostStart);
    location.append(IDN.toASCII(hostPart, IDN.ALLOW_UNASSIGNED)).append(portPart);
    percentEncodeNonAscii(url.substring(hostEnd), location);
    return location.toString();
  }

  private static void percentEncodeNonAscii(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (codePoint < 0x80) {
        out.append((char) codePoint);
      } else {
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
      }
      i += Character.charCount(codePoint);
    }
  }

  /** The host in ASCII; java.net.URI leaves non-ASCII (IDN) hosts unparsed, so those go via IDN. */
  private static String host(URI uri) throws InvalidUrlException {
    if (uri.getHost() != null) {
      return uri.getHost().toLowerCase(Locale.ROOT);
    }
    String authority = uri.getRawAuthority();
    int port = authority.lastIndexOf(':');
    String host = port < 0 ? authority : authority.substring(0, port);
    if (port >= 0 && !authority.substring(port + 1).matches("\\d{0,5}")) {
      throw new InvalidUrlException("The port of the URL is not a number.");
    }
    try {
      String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      if (new URI("http", ascii, "/", null).getHost() == null) {
        throw new InvalidUrlException("The host name of the URL is not valid.");
      }
      return ascii;
    } catch (IllegalArgumentException | URISyntaxException e) {
      throw new InvalidUrlException("The host name of the URL is not valid.");
    }
  }

  private static boolean isOwnShortLink(
      URI uri, String scheme, String host, URI ownOrigin, ShortCodes codes) {
    if (ownOrigin == null || ownOrigin.getHost() == null) {
      return false;
    }
    if (!host.equalsIgnoreCase(ownOrigin.getHost())
        || port(scheme, uri.getPort()) != port(ownOrigin.getScheme(), ownOrigin.getPort())) {
      return false;
    }
    String ownPath = ownOrigin.getPath() == null ? "" : ownOrigin.getPath();
    String path = uri.getPath() == null ? "" : uri.getPath();
    String prefix = ownPath.endsWith("/") ? ownPath : ownPath + "/";
    return path.startsWith(prefix)
        && codes.decode(path.substring(prefix.length())) != ShortCodes.INVALID;
  }

  private static int port(String scheme, int port) {
    if (port >= 0) {
      return port;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
