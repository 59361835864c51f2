package dev.shortener.urls.boundary;

import dev.shortener.urls.control.ClickCounter;
import dev.shortener.urls.control.RedirectCache;
import dev.shortener.urls.control.ShortCodes;
import dev.shortener.web.ErrorPage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /<code>}: the redirect, the shortener's hot path. Decodes the code, finds the URL in
 * {@link RedirectCache}, counts the click in memory and answers 302 with the stored URL.
 *
 * <p>Mapped to {@code /}, the container's default mapping, so it sees every path no other mapping
 * claims: {@code /} itself goes to the home view (Payara skips the welcome file for a servlet on
 * {@code /}; TomEE applies it first, so there {@code /} never arrives here), single-segment
 * alphanumeric paths are codes, and everything else (stylesheets, web jars) is handed to the
 * container's own {@code default} servlet. Faces views and the admin pages have their own mappings
 * and never arrive here.
 *
 * <p>HEAD answers like GET but is not counted: link checkers and unfurlers are not people clicking.
 */
@WebServlet(name = "redirect", urlPatterns = "/", loadOnStartup = 1)
public class RedirectServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Pattern CODE_PATH = Pattern.compile("/[0-9A-Za-z]+");

  @Inject transient ShortCodes codes;
  @Inject transient RedirectCache locations;
  @Inject transient ClickCounter clicks;

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
    String path = request.getServletPath();
    if (path.isEmpty() || path.equals("/")) {
      request.getRequestDispatcher("/index.xhtml").forward(request, response);
      return;
    }
    if (!CODE_PATH.matcher(path).matches()) {
      if (getServletContext().getResource(path) == null) {
        notFound(request, response, null);
      } else {
        getServletContext().getNamedDispatcher("default").forward(request, response);
      }
      return;
    }
    long id = codes.decode(path.substring(1));
    if (id == ShortCodes.INVALID) {
      notFound(request, response, "Invalid URL");
      return;
    }
    Optional<String> location = locations.locationOf(id);
    if (location.isEmpty()) {
      notFound(request, response, "URL not found");
      return;
    }
    if (count) {
      clicks.count(id);
    }
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader("Location", location.get());
  }

  /**
   * Renders the error view directly rather than through {@code sendError}: an error dispatch from
   * a servlet on {@code /} makes Mojarra log a mapping warning for every unknown code.
   */
  private static void notFound(
      HttpServletRequest request, HttpServletResponse response, String message)
      throws ServletException, IOException {
    if (message != null) {
      request.setAttribute(ErrorPage.MESSAGE, message);
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    request.getRequestDispatcher(ErrorPage.VIEW).forward(request, response);
  }
}
