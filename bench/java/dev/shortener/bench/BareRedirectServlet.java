package dev.shortener.bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The benchmark's ceiling: a servlet that answers every {@code GET /bare/<anything>} with a fixed
 * 302, in the same server, application and listener as the real redirect. No lookup, no counting.
 * Overlaid into a benchmark copy of the WAR by bench/run.sh; never in the product WAR.
 */
@WebServlet(name = "bench-bare-redirect", urlPatterns = "/bare/*")
public class BareRedirectServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader("Location", "https://example.com/bench/123456");
  }
}
