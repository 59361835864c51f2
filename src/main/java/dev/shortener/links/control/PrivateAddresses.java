package dev.shortener.links.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Hosts that name this machine or a private network rather than a place on the internet: a short
 * link to one of them would send every visitor into their own network (a router's admin page, a
 * printer) or let the link's creator probe it through people's browsers.
 *
 * <p>Only what the host says literally counts: {@code localhost} and its subdomains, and IP
 * addresses in the loopback ({@code 127.0.0.0/8}, {@code ::1}), private ({@code 10/8}, {@code
 * 172.16/12}, {@code 192.168/16}), shared ({@code 100.64/10}), link-local ({@code 169.254/16},
 * {@code fe80::/10}), unique-local ({@code fc00::/7}) and unspecified ({@code 0.0.0.0/8}, {@code
 * ::}) ranges, IPv4 also inside IPv6 ({@code ::ffff:10.0.0.1}). A name that resolves to such an
 * address is not looked up: resolving it at creation would prove nothing about later visits.
 */
final class PrivateAddresses {

  /** A dotted IPv4 literal; compiled once, as every link is checked. */
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private PrivateAddresses() {}

  /** Whether {@code host} (lower-case ASCII, IPv6 in brackets) is a private destination. */
  static boolean isPrivate(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    InetAddress address = literal(host);
    if (address instanceof Inet6Address) {
      byte[] bytes = address.getAddress();
      if (isMappedIpv4(bytes)) {
        return isPrivate4(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
      }
      return address.isLoopbackAddress()
          || address.isAnyLocalAddress()
          || address.isLinkLocalAddress()
          || (bytes[0] & 0xFE) == 0xFC;
    }
    if (address instanceof Inet4Address) {
      return isPrivate4(address.getAddress());
    }
    return false;
  }

  /**
   * Whether {@code host} names this machine: {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}.
   */
  static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    InetAddress address = literal(host);
    return address != null && address.isLoopbackAddress();
  }

  /** The address a literal host stands for, or null for a name; never a DNS lookup. */
  private static InetAddress literal(String host) {
    boolean ipv6 = host.startsWith("[") && host.endsWith("]");
    boolean ipv4 = IPV4.matcher(host).matches();
    if (!ipv6 && !ipv4) {
      return null;
    }
    String address = ipv6 ? host.substring(1, host.length() - 1) : host;
    // A zone (fe80::1%eth0, percent-encoded in URLs as %25) names an interface, not an address.
    int zone = address.indexOf('%');
    try {
      return InetAddress.getByName(zone < 0 ? address : address.substring(0, zone));
    } catch (UnknownHostException malformed) {
      return null;
    }
  }

  private static boolean isMappedIpv4(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
  }

  private static boolean isPrivate4(byte[] bytes) {
    int a = bytes[0] & 0xFF;
    int b = bytes[1] & 0xFF;
    return a == 0
        || a == 10
        || a == 127
        || (a == 100 && b >= 64 && b <= 127)
        || (a == 169 && b == 254)
        || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 168);
  }
}
