package dev.shortener.urls.boundary;

import dev.shortener.urls.control.ClickCounter;
import dev.shortener.urls.control.Redirect;
import dev.shortener.urls.control.RedirectCache;
import dev.shortener.urls.control.ShortCodes;
import dev.shortener.web.ErrorPage;
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
 * {@code GET /<code>}: the redirect, the shortener's hot path. Finds the code in {@link
 * RedirectCache}, counts the click in memory and answers 302 with the stored URL.
 *
 * <p>Mapped to {@code /*}, so it sees every path that no exact or longer prefix mapping claims
 * ({@code /stats}, {@code /login}, {@code /qr/*}): single-segment alphanumeric paths are codes;
 * {@code /} and Faces views ({@code *.xhtml}, which a prefix mapping outranks) go on to the Faces
 * servlet; anything else that exists (stylesheets, the web jar) to the container's own {@code
 * default} servlet; the rest is "not found". Not {@code /}, the default mapping: for every path on
 * it Payara's mapper first asks whether the path is a directory of the application, a file and jar
 * lookup whose cached answers a million distinct codes keep missing, and bench/run.sh measured
 * 20-30 µs per redirect for it over a million links. On {@code /*} neither server applies welcome
 * files.
 *
 * <p>HEAD answers like GET but is not counted: link checkers and unfurlers are not people clicking.
 * {@code /<code>+} shows where the link leads ({@code preview.xhtml}) without counting a click. A
 * link whose host is on the blocklist answers 410 with a page that says so.
 *
 * <p>Views are reached through their own addresses ({@code /}, {@code /login}, {@code /stats}) or
 * forwards; of the {@code *.xhtml} paths only {@code /index.xhtml}, where the home form posts, is
 * served as asked, so that the error or preview views cannot be called without what they show.
 */
@WebServlet(name = "redirect", urlPatterns = "/*", loadOnStartup = 1)
public class RedirectServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient ShortCodes codes;
  @Inject transient RedirectCache redirects;
  @Inject transient ClickCounter clicks;

  /** The view of {@code /<code>+}. */
  static final String PREVIEW_VIEW = "/preview.xhtml";

  /** Request attribute naming the code whose preview is shown. */
  static final String PREVIEW_CODE = "dev.shortener.previewCode";

  /** The home form's view, the one {@code *.xhtml} path requested directly. */
  private static final String HOME_VIEW = "/index.xhtml";

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
    if (!isCodePath(path)) {
      if (isPreviewPath(request, path)) {
        preview(request, response, path.substring(1, path.length() - 1));
      } else if (getServletContext().getResource(path) == null) {
        notFound(request, response, null);
      } else {
        getServletContext().getNamedDispatcher("default").forward(request, response);
      }
      return;
    }
    String code = path.substring(1);
    Optional<Redirect> redirect = redirects.find(code);
    if (redirect.isEmpty()) {
      boolean decodes = codes.decode(code) != ShortCodes.INVALID;
      notFound(request, response, decodes ? "URL not found" : "Invalid URL");
      return;
    }
    if (redirect.get().blocked()) {
      blocked(request, response);
      return;
    }
    if (count) {
      clicks.count(redirect.get().id());
    }
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader("Location", redirect.get().location());
  }

  private void preview(HttpServletRequest request, HttpServletResponse response, String code)
      throws ServletException, IOException {
    Optional<Redirect> redirect = redirects.find(code);
    if (redirect.isEmpty()) {
      notFound(request, response, "URL not found");
    } else if (redirect.get().blocked()) {
      blocked(request, response);
    } else {
      request.setAttribute(PREVIEW_CODE, code);
      request.getRequestDispatcher(PREVIEW_VIEW).forward(request, response);
    }
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
   * {@code /<code>+}. Judged by the raw request URI's last character: Payara decodes a {@code +} in
   * the path to a space, TomEE keeps it.
   */
  private static boolean isPreviewPath(HttpServletRequest request, String path) {
    return request.getRequestURI().endsWith("+")
        && isCodePath(path.substring(0, path.length() - 1));
  }

  /** {@code /} and one or more ASCII letters or digits; a loop, as a regex cost measurably more. */
  private static boolean isCodePath(String path) {
    if (path.length() < 2 || path.charAt(0) != '/') {
      return false;
    }
    for (int i = 1; i < path.length(); i++) {
      char c = path.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
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
