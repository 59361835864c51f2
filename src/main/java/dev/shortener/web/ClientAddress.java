package dev.shortener.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address a request came from, and the key that limits and throttles count it under.
 *
 * <p>An IPv4 address is its own key. An IPv6 client usually holds a whole /64 and can pick any
 * address in it, so every address of one /64 shares one key; otherwise a single machine could give
 * each guess or each new link an address of its own.
 */
public record ClientAddress(String text, String key) {

  /** The address of the literal {@code text}, as the container or a trusted proxy gave it. */
  public static ClientAddress of(String text) {
    String literal = text == null ? "" : text.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (!looksLikeIpLiteral(literal)) {
      return new ClientAddress(literal, literal);
    }
    try {
      // A literal never causes a name lookup; the check above keeps names away from here.
      InetAddress address = InetAddress.getByName(literal);
      if (address instanceof Inet6Address) {
        return new ClientAddress(literal, prefix64(address.getAddress()));
      }
      if (address instanceof Inet4Address) {
        return new ClientAddress(literal, address.getHostAddress());
      }
    } catch (UnknownHostException | SecurityException notAnAddress) {
      // fall through: keyed by the text as given
    }
    return new ClientAddress(literal, literal);
  }

  private static boolean looksLikeIpLiteral(String literal) {
    if (literal.isEmpty() || literal.length() > 45) {
      return false;
    }
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      boolean allowed =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F')
              || c == '.'
              || c == ':';
      if (!allowed) {
        return false;
      }
    }
    return literal.indexOf(':') >= 0 || literal.chars().filter(c -> c == '.').count() == 3;
  }

  private static String prefix64(byte[] bytes) {
    StringBuilder key = new StringBuilder(24);
    for (int group = 0; group < 4; group++) {
      int value = ((bytes[group * 2] & 0xFF) << 8) | (bytes[group * 2 + 1] & 0xFF);
      key.append(Integer.toHexString(value)).append(':');
    }
    return key.append(":/64").toString();
  }
}
