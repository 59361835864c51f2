package dev.shortener.admin.control;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Where the admin area is, and which addresses a sign-in may continue to.
 *
 * <p>The page to return to arrives in the login URL, so anyone can write one: only a path of this
 * application's admin area, starting with a single {@code /}, is ever a target. Anything else
 * (another site as {@code //evil.example/...}, a scheme, a backslash, a dot segment, an unknown
 * page) continues to {@link #HOME}.
 */
public final class AdminPages {

  /** The login view; web.xml maps it to the Faces servlet. */
  public static final String LOGIN = "/login";

  /** Where a sign-in continues when no admin page was asked for. */
  public static final String HOME = "/stats";

  /**
   * A path of the admin area with an optional query: {@code /stats}, or {@code /admin/...}, made of
   * path characters only and without empty or dot segments.
   */
  private static final Pattern ADMIN_PATH =
      Pattern.compile(
          "/(stats|admin(/[A-Za-z0-9_~+-][A-Za-z0-9._~+-]*)*)(\\?[A-Za-z0-9._~+%&=-]*)?");

  private AdminPages() {}

  /**
   * The page {@code request} asked for, rebuilt from what the container decoded and normalised
   * (servlet path and path info) rather than from the raw request URI.
   */
  static String pathOf(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    String query = request.getQueryString();
    return query == null ? path : path + "?" + query;
  }

  /** {@code asked} if it is an admin page, else {@link #HOME}; never another site. */
  public static String returnTo(String asked) {
    if (asked == null || !ADMIN_PATH.matcher(asked).matches() || asked.contains("/.")) {
      return HOME;
    }
    return asked;
  }
}
