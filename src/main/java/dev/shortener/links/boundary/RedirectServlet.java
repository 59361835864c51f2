package dev.shortener.links.boundary;

import dev.shortener.links.control.ClickCounter;
import dev.shortener.links.control.PasswordGate;
import dev.shortener.links.control.QueryForwarding;
import dev.shortener.links.control.Redirect;
import dev.shortener.links.control.RedirectCache;
import dev.shortener.links.control.ShortCodes;
import dev.shortener.links.control.Unavailable;
import dev.shortener.links.control.VisitLimits;
import dev.shortener.visits.boundary.VisitRecorder;
import dev.shortener.web.ErrorPage;
import dev.shortener.web.RetryAfter;
import dev.shortener.web.SecurityHeaders;
import dev.shortener.web.TrustedProxy;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /<code>} and {@code GET /<alias>}: the redirect, the shortener's hot path. Finds the
 * link in {@link RedirectCache}, counts the click in memory and answers with the link's status (302
 * unless the admin chose 301, 307 or 308) and its URL.
 *
 * <p>A link with none of the admin's options (the common case) costs one field read more than a
 * bare redirect ({@link Redirect#plain}). Otherwise, in this order: a disabled, not yet active or
 * expired link (its window, or its cap on visits, counted to the click in {@link VisitLimits})
 * sends the visitor to its fallback or answers 410 with a page saying why; a protected link answers
 * a password page, and its form posts here. A link forwards the request's query string if asked to,
 * and one the admin did not mark crawlable says {@code X-Robots-Tag: noindex}. A link whose host is
 * on the blocklist answers 410.
 *
 * <p>Mapped to {@code /*}, so it sees every path that no exact or longer prefix mapping claims
 * ({@code /stats}, {@code /login}, {@code /admin/...}, {@code /qr/*}, {@code /robots.txt}): a
 * single segment of letters, digits, {@code -} and {@code _} is a link's key; {@code /} and Faces
 * views ({@code *.xhtml}, which a prefix mapping outranks) go on to the Faces servlet; anything
 * else that exists (stylesheets, the web jar) to the container's own {@code default} servlet; the
 * rest is "not found". Not {@code /}, the default mapping: for every path on it Payara's mapper
 * first asks whether the path is a directory of the application, a file and jar lookup whose cached
 * answers a million distinct codes keep missing, and bench/run.sh measured 20-30 µs per redirect
 * for it over a million links. On {@code /*} neither server applies welcome files.
 *
 * <p>Each visit, and each request for a path that is no link (an orphan visit), is handed to {@link
 * VisitRecorder} for the statistics, unparsed. HEAD answers like GET but is not counted: link
 * checkers and unfurlers are not people clicking (the statistics count it as a check). {@code
 * /<key>+} shows where the link leads ({@code preview.xhtml}) without counting a click.
 *
 * <p>Views are reached through their own addresses ({@code /}, {@code /login}, {@code /stats}) or
 * forwards; of the {@code *.xhtml} paths only {@code /index.xhtml}, where the home form posts, is
 * served as asked, so that the error or preview views cannot be called without what they show.
 */
@WebServlet(name = "redirect", urlPatterns = "/*", loadOnStartup = 1)
public class RedirectServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The view of {@code /<key>+}. */
  static final String PREVIEW_VIEW = "/preview.xhtml";

  /** The view asking for a protected link's password. */
  static final String PASSWORD_VIEW = "/password.xhtml";

  /** Request attribute naming the key whose preview or password page is shown. */
  static final String KEY = "dev.shortener.linkKey";

  /** Request attribute with what the password page says about the last try. */
  static final String PASSWORD_MESSAGE = "dev.shortener.passwordMessage";

  /** The largest password form accepted. */
  private static final int MAX_PASSWORD_FORM = 4096;

  /** The home form's view, the one {@code *.xhtml} path requested directly. */
  private static final String HOME_VIEW = "/index.xhtml";

  @Inject transient ShortCodes codes;
  @Inject transient RedirectCache redirects;
  @Inject transient ClickCounter clicks;
  @Inject transient VisitLimits limits;
  @Inject transient Unavailable unavailable;
  @Inject transient PasswordGate passwords;
  @Inject transient TrustedProxy proxy;
  @Inject transient VisitRecorder visits;

  /** {@code /} and Faces views, whatever the method (form posts), go to Faces; the rest is ours. */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String path = request.getPathInfo();
    if (path == null || path.equals("/")) {
      request.getRequestDispatcher(HOME_VIEW).forward(request, response);
    } else if (path.endsWith(".xhtml")) {
      DispatcherType dispatch = request.getDispatcherType();
      if (dispatch == DispatcherType.REQUEST && !path.equals(HOME_VIEW)) {
        notFound(request, response, null);
      } else {
        getServletContext()
            .getNamedDispatcher("faces")
            .forward(
                dispatch == DispatcherType.ERROR ? ErrorPage.plain(request) : request, response);
      }
    } else {
      super.service(request, response);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    redirect(request, response, true);
  }

  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    redirect(request, response, false);
  }

  private void redirect(HttpServletRequest request, HttpServletResponse response, boolean count)
      throws ServletException, IOException {
    String path = request.getPathInfo();
    if (!isKeyPath(path)) {
      if (isPreviewPath(request, path)) {
        preview(request, response, path.substring(1, path.length() - 1));
      } else if (getServletContext().getResource(path) == null) {
        visits.orphan(path, request, !count);
        notFound(request, response, null);
      } else {
        getServletContext().getNamedDispatcher("default").forward(request, response);
      }
      return;
    }
    String key = path.substring(1);
    Optional<Redirect> found = redirects.find(key);
    if (found.isEmpty()) {
      visits.orphan(path, request, !count);
      notFound(request, response, missing(key));
      return;
    }
    Redirect redirect = found.get();
    if (redirect.blocked()) {
      blocked(request, response);
      return;
    }
    if (!redirect.plain() && !mayFollow(redirect, key, request, response, count)) {
      return;
    }
    if (count) {
      clicks.count(redirect.id());
    }
    visits.visited(redirect.id(), request, !count);
    send(redirect, redirect.status(), request, response);
  }

  /**
   * Whether a link with options may be followed now; if not, the answer (fallback, 410 page,
   * password page) is sent.
   */
  private boolean mayFollow(
      Redirect redirect,
      String key,
      HttpServletRequest request,
      HttpServletResponse response,
      boolean count)
      throws ServletException, IOException {
    Redirect.Availability availability = redirect.availability(System.currentTimeMillis());
    if (availability != Redirect.Availability.ACTIVE) {
      notAvailable(redirect, availability, request, response);
      return false;
    }
    if (redirect.passwordProtected()) {
      passwordPage(key, null, HttpServletResponse.SC_OK, request, response);
      return false;
    }
    return withinCap(redirect, count, request, response);
  }

  private boolean withinCap(
      Redirect redirect, boolean count, HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (redirect.maxVisits() == 0) {
      return true;
    }
    boolean allowed = count ? limits.take(redirect) : !limits.reached(redirect);
    if (!allowed) {
      notAvailable(redirect, Redirect.Availability.EXPIRED, request, response);
    }
    return allowed;
  }

  /** The form of a protected link's password page posts its password here. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String path = request.getPathInfo();
    Optional<Redirect> found =
        isKeyPath(path) ? redirects.find(path.substring(1)) : Optional.empty();
    if (found.isEmpty() || !found.get().passwordProtected() || found.get().blocked()) {
      super.doPost(request, response);
      return;
    }
    Redirect redirect = found.get();
    String key = path.substring(1);
    long length = request.getContentLengthLong();
    if (length > MAX_PASSWORD_FORM || length < 0) {
      ErrorPage.render(request, response, length < 0 ? 411 : 413, null);
      return;
    }
    String site = request.getHeader("Sec-Fetch-Site");
    if ("cross-site".equals(site) || "same-site".equals(site)) {
      ErrorPage.render(request, response, HttpServletResponse.SC_FORBIDDEN, null);
      return;
    }
    Redirect.Availability availability = redirect.availability(System.currentTimeMillis());
    if (availability != Redirect.Availability.ACTIVE) {
      notAvailable(redirect, availability, request, response);
      return;
    }
    PasswordGate.Verdict verdict =
        passwords.check(redirect, request.getParameter("password"), proxy.clientOf(request));
    if (verdict instanceof PasswordGate.Wait wait) {
      response.setHeader("Retry-After", Long.toString(RetryAfter.seconds(wait.time())));
      passwordPage(
          key,
          "Too many wrong passwords. Try again in " + RetryAfter.inWords(wait.time()) + ".",
          429,
          request,
          response);
    } else if (verdict instanceof PasswordGate.Wrong) {
      passwordPage(key, "Wrong password.", HttpServletResponse.SC_FORBIDDEN, request, response);
    } else if (withinCap(redirect, true, request, response)) {
      clicks.count(redirect.id());
      visits.visited(redirect.id(), request, false);
      // 303 whatever the link's own status: a 307 or 308 would post the password to the site.
      send(redirect, HttpServletResponse.SC_SEE_OTHER, request, response);
    }
  }

  private static void send(
      Redirect redirect, int status, HttpServletRequest request, HttpServletResponse response) {
    response.setStatus(status);
    response.setHeader(
        "Location",
        redirect.forwardQuery()
            ? QueryForwarding.merge(redirect.location(), request.getQueryString())
            : redirect.location());
    if (!redirect.crawlable()) {
      response.setHeader("X-Robots-Tag", "noindex");
    }
  }

  private void notAvailable(
      Redirect redirect,
      Redirect.Availability availability,
      HttpServletRequest request,
      HttpServletResponse response)
      throws ServletException, IOException {
    String fallback = unavailable.fallback(redirect);
    if (fallback != null) {
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader("Location", fallback);
      return;
    }
    ErrorPage.render(
        request, response, HttpServletResponse.SC_GONE, Unavailable.message(availability));
  }

  private static void passwordPage(
      String key,
      String message,
      int status,
      HttpServletRequest request,
      HttpServletResponse response)
      throws ServletException, IOException {
    request.setAttribute(KEY, key);
    request.setAttribute(PASSWORD_MESSAGE, message);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    request.setAttribute(SecurityHeaders.LEADS_AWAY, Boolean.TRUE);
    request.getRequestDispatcher(PASSWORD_VIEW).forward(ErrorPage.plain(request), response);
  }

  private void preview(HttpServletRequest request, HttpServletResponse response, String key)
      throws ServletException, IOException {
    Optional<Redirect> redirect = redirects.find(key);
    if (redirect.isEmpty()) {
      notFound(request, response, missing(key));
    } else if (redirect.get().blocked()) {
      blocked(request, response);
    } else {
      request.setAttribute(KEY, key);
      request.getRequestDispatcher(PREVIEW_VIEW).forward(request, response);
    }
  }

  private String missing(String key) {
    boolean looksLikeALink =
        codes.decode(key) != ShortCodes.INVALID || key.contains("-") || key.contains("_");
    return looksLikeALink ? "URL not found" : "Invalid URL";
  }

  private static void blocked(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    ErrorPage.render(
        request,
        response,
        HttpServletResponse.SC_GONE,
        "This link has been disabled: it leads to a site that is blocked here.");
  }

  /**
   * {@code /<key>+}. Judged by the raw request URI's last character: Payara decodes a {@code +} in
   * the path to a space, TomEE keeps it.
   */
  private static boolean isPreviewPath(HttpServletRequest request, String path) {
    return request.getRequestURI().endsWith("+") && isKeyPath(path.substring(0, path.length() - 1));
  }

  /**
   * {@code /} and one to 64 ASCII letters, digits, {@code -} or {@code _}: a code or an alias. A
   * loop, as a regex cost measurably more.
   */
  private static boolean isKeyPath(String path) {
    if (path.length() < 2 || path.length() > 65 || path.charAt(0) != '/') {
      return false;
    }
    for (int i = 1; i < path.length(); i++) {
      char c = path.charAt(i);
      if (!((c >= '0' && c <= '9')
          || (c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Renders the error view directly rather than through {@code sendError}: an error dispatch from
   * this servlet, when it was mapped to {@code /}, made Mojarra log a mapping warning for every
   * unknown code.
   */
  private static void notFound(
      HttpServletRequest request, HttpServletResponse response, String message)
      throws ServletException, IOException {
    ErrorPage.render(request, response, HttpServletResponse.SC_NOT_FOUND, message);
  }
}
