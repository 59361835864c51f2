package dev.shortener.links.control;

import dev.shortener.links.control.UrlRules.Target;
import dev.shortener.platform.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where this site lets a short link lead: {@link UrlRules} first, then the site's policy, the same
 * for every way a link is made. Refused, each with its own message and in this order: a short link
 * of this very site, which would redirect to itself; a host on this machine or a private network
 * (unless {@code SHORTENER_ALLOW_PRIVATE_TARGETS}); a domain on the {@link Blocklist}.
 *
 * <p>This site's names are the host of {@code SHORTENER_BASE_URL}, those of {@code
 * SHORTENER_OWN_HOSTS} and the one the request came in on; any loopback name counts for every other
 * when one of them is loopback ({@code localhost} and {@code 127.0.0.1} are the same server).
 * Scheme and port do not matter, a final dot in the host does not, and the path is taken the way
 * the servers take it (repeated slashes, dot segments and {@code ;parameters} removed).
 */
@ApplicationScoped
public class Destinations {

  @Inject ShortCodes codes;
  @Inject Blocklist blocklist;

  boolean allowPrivate;
  Set<String> ownHosts = new HashSet<>();
  String basePath = "";

  @PostConstruct
  void load() {
    allowPrivate = Setting.ALLOW_PRIVATE_TARGETS.booleanValue();
    Setting.BASE_URL
        .value()
        .map(URI::create)
        .ifPresent(
            base -> {
              if (base.getHost() != null) {
                ownHosts.add(normalHost(base.getHost()));
              }
              basePath = base.getPath() == null ? "" : stripSlash(base.getPath());
            });
    for (String host : Setting.OWN_HOSTS.listValue()) {
      ownHosts.add(normalHost(host.replaceFirst(":\\d+$", "")));
    }
  }

  /**
   * The target to store for {@code input}, or why not.
   *
   * @param origin the public origin of the request (its host is one of this site's names)
   */
  public Target check(String input, URI origin) throws InvalidUrlException {
    Target target = UrlRules.check(input);
    if (isOwnShortLink(target, origin)) {
      throw new InvalidUrlException("That is already a short link of this site.");
    }
    if (!allowPrivate && PrivateAddresses.isPrivate(target.host())) {
      throw new InvalidUrlException(
          "Links to this computer or to private network addresses are not accepted.");
    }
    Optional<String> blocked = blocklist.blocking(target.host());
    if (blocked.isPresent()) {
      throw new InvalidUrlException("Links to " + blocked.get() + " are not accepted here.");
    }
    return target;
  }

  private boolean isOwnShortLink(Target target, URI origin) {
    Set<String> hosts = new HashSet<>(ownHosts);
    if (origin != null && origin.getHost() != null) {
      hosts.add(normalHost(origin.getHost()));
    }
    String host = normalHost(target.host());
    boolean ours =
        hosts.contains(host)
            || (PrivateAddresses.isLoopback(host)
                && hosts.stream().anyMatch(PrivateAddresses::isLoopback));
    if (!ours) {
      return false;
    }
    String path = serverPath(target.path());
    for (String prefix : prefixes(origin)) {
      if (path.startsWith(prefix + "/")) {
        String rest = path.substring(prefix.length() + 1);
        if (!rest.contains("/") && codes.decode(rest) != ShortCodes.INVALID) {
          return true;
        }
      }
    }
    return false;
  }

  private Set<String> prefixes(URI origin) {
    Set<String> prefixes = new HashSet<>();
    prefixes.add("");
    prefixes.add(basePath);
    if (origin != null && origin.getPath() != null) {
      prefixes.add(stripSlash(origin.getPath()));
    }
    return prefixes;
  }

  /** The decoded path as a servlet container maps it: one slash at a time, no dot segments. */
  static String serverPath(String decodedPath) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : decodedPath.split("/")) {
      int parameters = segment.indexOf(';');
      String name = parameters < 0 ? segment : segment.substring(0, parameters);
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        segments.pollLast();
      } else {
        segments.addLast(name);
      }
    }
    return "/" + String.join("/", segments);
  }

  private static String normalHost(String host) {
    String lower = host.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static String stripSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
