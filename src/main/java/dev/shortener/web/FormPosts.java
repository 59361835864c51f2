package dev.shortener.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses, before Faces sees them, the posts to a page that no form of this site sends: a body
 * larger than any form needs (413), one that does not say its length (411), or one without the
 * stateless view state every form of this site carries (400). Faces would answer garbage in its
 * hidden fields with a 500 and a stack trace in the log; a client's garbage is a 400 and at most a
 * line at {@code FINE}, so that a flood of it does not fill the log.
 *
 * <p>The container has a larger limit of its own for every request body ({@code server-config/}),
 * which this one stays under so that the site's page answers first.
 */
public class FormPosts extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /**
   * The largest form post accepted. The biggest form, a link with every option, stays under 20 KB
   * even with a 2,048-character URL and twenty 50-character tags.
   */
  public static final int MAX_FORM_BYTES = 64 * 1024;

  /** The view state of a stateless view (every view of this site is one). */
  static final String STATELESS = "stateless";

  static final String VIEW_STATE = "jakarta.faces.ViewState";

  private static final Logger LOG = Logger.getLogger(FormPosts.class.getName());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    long length = request.getContentLengthLong();
    if (length > MAX_FORM_BYTES) {
      refuse(request, response, 413, "The form sent was too large: " + length + " bytes.");
    } else if (length < 0) {
      refuse(request, response, 411, null);
    } else if (!isStateless(request.getParameterValues(VIEW_STATE))) {
      refuse(request, response, 400, "The form sent could not be understood. Reload the page.");
    } else {
      chain.doFilter(request, response);
    }
  }

  private static boolean isStateless(String[] viewState) {
    return viewState != null && viewState.length == 1 && STATELESS.equals(viewState[0]);
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws ServletException, IOException {
    LOG.log(
        Level.FINE, () -> "Refused a form post to " + request.getRequestURI() + " with " + status);
    // The unread body must not be taken for the next request on this connection.
    response.setHeader("Connection", "close");
    ErrorPage.render(request, response, status, message);
  }
}
