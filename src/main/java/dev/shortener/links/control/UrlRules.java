package dev.shortener.links.control;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a URL must look like to be shortened, and how a stored URL is written into a {@code
 * Location} header. Site policy (private networks, the blocklist, this site's own links) is {@link
 * Destinations}' part.
 *
 * <p>Accepted: absolute {@code http}/{@code https} URLs with a valid host and port, at most {@value
 * #MAX_LENGTH} characters after trimming, without control characters, spaces or a user name, and
 * whose {@code Location} form can be written. The tutorial accepted anything, including {@code
 * javascript:} URLs.
 */
public final class UrlRules {

  /** A last host label browsers read as a number; compiled once, as every link is checked. */
  private static final Pattern NUMBER = Pattern.compile("\\d+|0[xX][0-9a-fA-F]*");

  /** The longest URL accepted, the de-facto limit browsers and search engines agree on. */
  public static final int MAX_LENGTH = 2048;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlRules() {}

  /** A URL that passed the rules: as typed (trimmed), its host and path, and its Location. */
  public record Target(String url, String host, String path, String location) {}

  /**
   * The URL to store, or an exception saying what is wrong with it.
   *
   * @param input what the user typed
   */
  public static Target check(String input) throws InvalidUrlException {
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
    String location;
    try {
      location = toLocation(url);
    } catch (IllegalArgumentException unconvertible) {
      throw new InvalidUrlException("The host name of the URL is not valid.");
    }
    return new Target(url, host, uri.getPath() == null ? "" : uri.getPath(), location);
  }

  /**
   * The stored URL as an ASCII-only {@code Location} value: a non-ASCII host becomes punycode and
   * every other non-ASCII character is percent-encoded as UTF-8. Headers are ISO-8859-1 on the
   * wire, so anything else would reach the browser garbled; ASCII URLs come back unchanged, byte
   * for byte.
   *
   * @throws IllegalArgumentException for a host that has no ASCII form; {@link #check} refuses
   *     every such URL, so only rows stored before that rule can throw
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

  /**
   * The host of a stored URL as {@link #check} normalises it, without parsing the whole URL: the
   * redirect cache needs it for a million links at start.
   */
  public static String hostOf(String url) {
    int start = url.indexOf("//") + 2;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    String host;
    if (authority.startsWith("[")) {
      host = authority.substring(0, authority.indexOf(']') + 1);
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      if (!host.chars().allMatch(c -> c < 0x80)) {
        host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
      }
    }
    host = host.toLowerCase(Locale.ROOT);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
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

  /**
   * The host in lower-case ASCII without a final dot ({@code example.com.} is {@code example.com}),
   * after checking it and the port. java.net.URI leaves non-ASCII (IDN) hosts unparsed, so those go
   * through IDN.
   */
  private static String host(URI uri) throws InvalidUrlException {
    String authority = uri.getRawAuthority();
    String host;
    String port;
    if (uri.getHost() != null) {
      host = uri.getHost().toLowerCase(Locale.ROOT);
      port = uri.getPort() < 0 ? null : Integer.toString(uri.getPort());
    } else {
      int colon = authority.lastIndexOf(':');
      String typedHost = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? null : authority.substring(colon + 1);
      try {
        String ascii = IDN.toASCII(typedHost, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (!endsInANumber(ascii) && new URI("http", ascii, "/", null).getHost() == null) {
          throw new InvalidUrlException("The host name of the URL is not valid.");
        }
        host = ascii;
      } catch (IllegalArgumentException | URISyntaxException e) {
        throw new InvalidUrlException("The host name of the URL is not valid.");
      }
    }
    if (port != null && !validPort(port)) {
      throw new InvalidUrlException("The port of the URL must be a number from 1 to 65535.");
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new InvalidUrlException("The URL needs a host name, like https://example.com/.");
    }
    if (!host.startsWith("[") && !validLabels(host)) {
      throw new InvalidUrlException("The host name of the URL is not valid.");
    }
    if (endsInANumber(host)) {
      return ipv4(host);
    }
    return host;
  }

  /**
   * Whether browsers read {@code host} as an IPv4 address: its last label is a number (decimal, or
   * hexadecimal after {@code 0x}), as in {@code 2130706433} or {@code 0x7f.1}, which they visit as
   * {@code 127.0.0.1} (the WHATWG URL standard).
   */
  private static boolean endsInANumber(String host) {
    String last = host.substring(host.lastIndexOf('.') + 1);
    return NUMBER.matcher(last).matches();
  }

  /** The dotted-quad form of a host that browsers read as IPv4, or a refusal if they fail on it. */
  private static String ipv4(String host) throws InvalidUrlException {
    String[] parts = host.split("\\.", -1);
    long[] numbers = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      numbers[i] = ipv4Number(parts[i]);
      if (numbers[i] < 0 || (i < parts.length - 1 && numbers[i] > 255) || parts.length > 4) {
        throw new InvalidUrlException("The host name of the URL is not valid.");
      }
    }
    long last = numbers[parts.length - 1];
    if (last >= 1L << (8 * (5 - parts.length))) {
      throw new InvalidUrlException("The host name of the URL is not valid.");
    }
    long address = last;
    for (int i = 0; i < parts.length - 1; i++) {
      address += numbers[i] << (8 * (3 - i));
    }
    return (address >> 24)
        + "."
        + ((address >> 16) & 0xFF)
        + "."
        + ((address >> 8) & 0xFF)
        + "."
        + (address & 0xFF);
  }

  /**
   * One part of an IPv4 host as browsers read it: decimal, octal after 0, hex after 0x; -1 if none.
   */
  private static long ipv4Number(String part) {
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x") || part.startsWith("0X")) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() > 1 && part.startsWith("0")) {
      radix = 8;
      digits = part.substring(1);
    }
    if (digits.isEmpty()) {
      return radix == 10 ? -1 : 0;
    }
    if (digits.length() > 12) {
      return -1;
    }
    try {
      return Long.parseLong(digits, radix);
    } catch (NumberFormatException notANumber) {
      return -1;
    }
  }

  private static boolean validPort(String port) {
    if (port.isEmpty()) {
      return true; // "https://example.com:/" means the default port
    }
    if (port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int value = Integer.parseInt(port);
    return value >= 1 && value <= 65535;
  }

  /** DNS's limits: labels of 1 to 63 characters, 253 in all. */
  private static boolean validLabels(String host) {
    if (host.length() > 253) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
    }
    return true;
  }
}
