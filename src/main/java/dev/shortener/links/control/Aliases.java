package dev.shortener.links.control;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an alias, a name chosen instead of the generated code ({@code /spring-sale}), may be:
 * letters, digits, {@code -} and {@code _}, 1 to {@value #MAX_LENGTH} characters; never one of the
 * application's own paths, and never a string that decodes as a canonical code, which a link
 * created later would be given.
 */
public final class Aliases {

  /** The longest alias. */
  public static final int MAX_LENGTH = 64;

  /**
   * The first path segment of every page, asset folder and server endpoint of the WAR, the servers'
   * own included ({@code /health}, {@code /metrics}, {@code /openapi}), and a few more kept for
   * later pages: no alias may take one. AliasesTest checks it against the WAR's folders and
   * web.xml's mappings. Compared ignoring case, so that no alias looks like a page either.
   */
  static final Set<String> RESERVED =
      Set.of(
          "about",
          "admin",
          "api",
          "assets",
          "css",
          "error",
          "favicon",
          "health",
          "img",
          "index",
          "jakarta",
          "js",
          "login",
          "logout",
          "meta-inf",
          "metrics",
          "openapi",
          "password",
          "preview",
          "qr",
          "rest",
          "robots",
          "static",
          "stats",
          "web-inf",
          "webjars");

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

  private Aliases() {}

  /** Whether {@code path}, a request path's first segment, could be an alias. */
  public static boolean hasTheShape(String segment) {
    return SHAPE.matcher(segment).matches();
  }

  /**
   * Why {@code alias} cannot be one, or null if it can (uniqueness aside, which the database
   * decides).
   */
  static String refusal(String alias, ShortCodes codes) {
    if (alias.length() > MAX_LENGTH) {
      return "An alias has at most " + MAX_LENGTH + " characters.";
    }
    if (!SHAPE.matcher(alias).matches()) {
      return "An alias may contain only letters, digits, - and _.";
    }
    if (RESERVED.contains(alias.toLowerCase(Locale.ROOT))) {
      return "\"" + alias + "\" is a page of this site; choose another alias.";
    }
    if (codes.decode(alias) != ShortCodes.INVALID) {
      return "\"" + alias + "\" looks like a generated short code; choose another alias.";
    }
    return null;
  }
}
